public import ChartDrawCore
public import ChartDrawWire

/// An error answer of the API: its status, message and detail.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status.
    public var statusCode: Int
    /// The message of the body (or the status' reason when the body has none).
    public var message: String
    /// The detail of the body (`errors`, `details`, `error` or `data`), nil when none.
    public var detail: JSONValue?
    /// The whole body decoded, nil when it is not a JSON object.
    public var envelope: APIEnvelope?

    public init(statusCode: Int, message: String, detail: JSONValue? = nil, envelope: APIEnvelope? = nil) {
        self.statusCode = statusCode
        self.message = message
        self.detail = detail
        self.envelope = envelope
    }

    /// Builds the error from a response body.
    public init(statusCode: Int, body: [UInt8]) {
        let env = APIEnvelope.decode(body)
        var msg = env?.errorMessage ?? ""
        if msg.isEmpty {
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            msg = text.isEmpty ? APIError.reason(statusCode) : text
        }
        self.init(statusCode: statusCode, message: msg, detail: env?.errorDetail, envelope: env)
    }

    /// 401 or 403: the key is missing, invalid, expired or not scoped to the resource.
    public var isAuthFailure: Bool { statusCode == 401 || statusCode == 403 }

    /// A 4xx other than 401 and 403: the server refused this request as sent.
    public var isRefused: Bool { (400..<500).contains(statusCode) && !isAuthFailure }

    /// [doc] The documented meaning of a status.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 400: "invalid body, query, ObjectId or pagination, or a required field is missing"
        case 401: "the API key is missing, invalid or expired"
        case 403: "the API key cannot access this resource"
        case 404: "not found"
        case 409: "duplicate or conflicting state"
        case 422: "unprocessable request"
        case 429: "too many requests"
        case 500: "service error"
        case 502: "upstream failure"
        case 503: "service unavailable"
        case 504: "upstream timeout"
        default: "HTTP \(status)"
        }
    }

    public var description: String {
        var s = "HTTP \(statusCode): \(message)"
        if let detail { s += " " + String(decoding: JSONWriter.encode(detail), as: UTF8.self) }
        return s
    }
}

/// Why a call of ``ChartDrawClient`` failed.
public enum ChartDrawClientError: Error, Sendable, CustomStringConvertible {
    /// Validation before sending found errors; nothing was sent.
    case invalidBody([ValidationIssue])
    /// An argument cannot form a request (an id that is not an ObjectId, page 0, a bad URL).
    case invalidArgument(String)
    /// The server answered with an error that is not retried (or a retried one, once).
    case api(APIError)
    /// The server stayed unavailable: every attempt failed with a retryable status or a
    /// connection failure, or the overall timeout ran out. `last` is the last error answer.
    case unavailable(reason: String, attempts: Int, last: APIError?)
    /// A success status with a body that is not a JSON object.
    case unexpectedResponse(statusCode: Int, body: String)

    public var description: String {
        switch self {
        case .invalidBody(let issues):
            let errors = issues.filter { $0.severity == .error }
            return "the body is invalid (\(errors.count) error\(errors.count == 1 ? "" : "s")); nothing was sent:\n"
                + errors.map { "  \($0)" }.joined(separator: "\n")
        case .invalidArgument(let s): return s
        case .api(let e): return e.description
        case .unavailable(let reason, let attempts, let last):
            return "the server stayed unavailable after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)"
                + (last.map { " (last answer: \($0))" } ?? "")
        case .unexpectedResponse(let status, let body):
            return "HTTP \(status) with a body that is not a JSON object: \(body)"
        }
    }
}
