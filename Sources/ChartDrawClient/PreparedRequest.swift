public import ChartDrawWire

/// One request exactly as the client sends it: method, URL, headers and body bytes. What
/// `--dry-run` prints and what goes on the wire are made from the same value.
public struct PreparedRequest: Sendable, Hashable {
    /// Which operation.
    public var operation: APIOperation
    /// The HTTP method.
    public var method: String
    /// The full URL.
    public var url: String
    /// Headers in sending order; `Authorization` holds the key.
    public var headers: [Header]
    /// The body (canonical bytes), nil for GET and DELETE.
    public var body: [UInt8]?
    /// The create request's idempotency key (given, from the body, or derived).
    public var idempotencyKey: String?

    /// One header.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The request as a POSIX shell `curl` command. The key never appears: the Authorization
    /// header reads it from `$keyVariable` when the shell runs the command.
    public func curlCommand(keyVariable: String = "RETURNING_AI_API_KEY") -> String {
        var parts = ["curl", "--silent", "--show-error", "--request", method, Self.shellQuote(url)]
        for h in headers {
            if h.name.lowercased() == "authorization" {
                parts += ["--header", "\"Authorization: Bearer $\(keyVariable)\""]
            } else {
                parts += ["--header", Self.shellQuote("\(h.name): \(h.value)")]
            }
        }
        if let body {
            parts += ["--data-binary", Self.shellQuote(String(decoding: body, as: UTF8.self))]
        }
        return parts.joined(separator: " ")
    }

    /// Single-quotes a word for a POSIX shell (`'` becomes `'\''`).
    public static func shellQuote(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            if c == "'" { out += "'\\''" } else { out.unicodeScalars.append(c) }
        }
        return out + "'"
    }
}
