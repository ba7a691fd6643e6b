public import ChartDrawCore
public import ChartDrawWire

/// An API key: sent as `Authorization: Bearer <key>`, never printed. Its descriptions (and so
/// those of every value that holds it) show `<redacted>`.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key itself; read it only to send it.
    public let value: String

    /// Wraps a key, trimming surrounding white space and newlines (as a key file ends).
    public init(_ value: String) {
        var s = Substring(value)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        self.value = String(s)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "APIKey(<redacted>)" }
}

/// When and how often a failed request is tried again.
///
/// Retried: 429 (after `Retry-After` when given), 502, 503, 504, and connection failures
/// (refused, reset, closed before the response, a request timeout). Never retried: every other
/// status, 400, 401, 403, 404, 409 and 422 among them. The n-th retry waits
/// `min(maxDelay, initialDelay * 2^(n-1))`, of which a random part (`jitter`, 0 to 1) is
/// dropped, so clients that failed together do not retry together.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1 = no retry).
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var initialDelay: Duration
    /// The longest wait between two attempts, `Retry-After` included.
    public var maxDelay: Duration
    /// The random fraction of each wait that may be dropped (0 = none, 1 = up to all of it).
    public var jitter: Double

    /// Five attempts, 0.25 s doubling to at most 8 s, half of each wait random.
    public init(
        maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        jitter: Double = 0.5
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = min(1, max(0, jitter))
    }

    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff before retry number `retry` (1 = the first retry), jitter applied with `unit`
    /// (a random number in 0..<1).
    public func backoff(retry: Int, unit: Double) -> Duration {
        var d = initialDelay
        var n = 1
        while n < retry && d < maxDelay {
            d = d * 2
            n += 1
        }
        if d > maxDelay { d = maxDelay }
        return d * (1 - jitter * unit)
    }

    /// Whether an answer with this status is tried again.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 502 || status == 503 || status == 504
    }
}

/// Where the client sends requests and how.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// Scheme and host (and port), e.g. `https://api.returning.ai`.
    public var baseURL: String
    /// The path prefix, e.g. `/v1` (or `/apis/v1` on the integration host).
    public var pathPrefix: String
    /// The key; nil sends no `Authorization` header (the server answers 401).
    public var apiKey: APIKey?
    /// Validate bodies with ChartDraw's rules (and path ids as ObjectIds) before sending.
    public var validateBeforeSending: Bool
    /// The policy of that validation.
    public var validationPolicy: ValidationPolicy
    /// Retries.
    public var retry: RetryPolicy
    /// The longest one attempt may take, connecting and reading the whole response included.
    public var requestTimeout: Duration
    /// The longest one call may take, every attempt and wait included.
    public var overallTimeout: Duration
    /// The largest response body read; a longer one is an error.
    public var maxResponseBytes: Int
    /// Sent as `User-Agent`.
    public var userAgent: String

    /// The documented defaults: `https://api.returning.ai` + `/v1`.
    public init(
        baseURL: String = APIEndpoints.defaultBaseURL, pathPrefix: String = APIEndpoints.defaultPathPrefix,
        apiKey: APIKey?, validateBeforeSending: Bool = true, validationPolicy: ValidationPolicy = .strict,
        retry: RetryPolicy = RetryPolicy(), requestTimeout: Duration = .seconds(30),
        overallTimeout: Duration = .seconds(120),
        maxResponseBytes: Int = 16 << 20, userAgent: String = "chartdraw-client/" + ChartDrawVersion.string
    ) {
        self.baseURL = baseURL
        self.pathPrefix = pathPrefix
        self.apiKey = apiKey
        self.validateBeforeSending = validateBeforeSending
        self.validationPolicy = validationPolicy
        self.retry = retry
        self.requestTimeout = requestTimeout
        self.overallTimeout = overallTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }

    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL), pathPrefix: \(pathPrefix), apiKey: \(apiKey == nil ? "none" : "<redacted>"), "
            + "validate: \(validateBeforeSending) \(validationPolicy.rawValue), retry: \(retry.maxAttempts) attempts, "
            + "requestTimeout: \(requestTimeout), overallTimeout: \(overallTimeout))"
    }
}
