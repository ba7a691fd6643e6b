public import ChartDrawCore

/// A response body of the API, decoded loosely: `{ "status", "message", "data" }` typed, every
/// other member kept in order.
///
/// [doc] Success bodies are `{"status": "success", "message": "...", "data": {...}}`.
/// [engine] Error bodies are not shown by the documentation; the sandbox answers
/// `{"status": "error", "message": "...", "errors": [...]}` and a client reads the message from
/// `message` (or a string `error`) and keeps `errors`, `details`, `error` or `data` as the detail.
public struct APIEnvelope: Hashable, Sendable {
    /// `success` or `error` as sent; nil when absent or not a string.
    public var status: String?
    /// The human-readable message; nil when absent or not a string.
    public var message: String?
    /// The payload; nil when absent.
    public var data: JSONValue?
    /// Every other member, in body order (including `status`/`message` when not strings).
    public var otherMembers: [JSONMember]

    /// Creates an envelope.
    public init(status: String? = nil, message: String? = nil, data: JSONValue? = nil, otherMembers: [JSONMember] = [])
    {
        self.status = status
        self.message = message
        self.data = data
        self.otherMembers = otherMembers
    }

    /// Decodes a body; nil when it is not a JSON object.
    public static func decode(_ bytes: [UInt8]) -> APIEnvelope? {
        guard let v = try? JSONParser.parse(bytes), case .object(let members) = v else { return nil }
        var e = APIEnvelope()
        for m in members {
            switch (m.key, m.value) {
            case ("status", .string(let s)): e.status = s
            case ("message", .string(let s)): e.message = s
            case ("data", let v): e.data = v
            default: e.otherMembers.append(m)
            }
        }
        return e
    }

    /// The member `key` among ``otherMembers``.
    public subscript(other key: String) -> JSONValue? {
        otherMembers.first { $0.key == key }?.value
    }

    /// The detail of an error body: `errors`, `details`, `error`, or `data`, the first present.
    public var errorDetail: JSONValue? {
        for k in ["errors", "details", "error"] { if let v = self[other: k] { return v } }
        return data
    }

    /// The message of an error body: `message`, else a string `error`.
    public var errorMessage: String? {
        if let message { return message }
        if case .string(let s)? = self[other: "error"] { return s }
        return nil
    }

    /// The body: status, message, data, then the other members.
    public func encoded(pretty: Bool = false) -> [UInt8] {
        var members: [JSONMember] = []
        if let status { members.append(JSONMember("status", .string(status))) }
        if let message { members.append(JSONMember("message", .string(message))) }
        if let data { members.append(JSONMember("data", data)) }
        members += otherMembers
        return JSONWriter.encode(.object(members), pretty: pretty)
    }
}
