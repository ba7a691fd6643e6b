import ChartDrawCore

/// An API key the sandbox accepts, optionally scoped to some communities.
public struct SandboxKey: Sendable, Hashable {
    /// The bearer token.
    public var key: String
    /// The communities it may access; nil = every community.
    public var communities: Set<String>?

    public init(_ key: String, communities: Set<String>? = nil) {
        self.key = key
        self.communities = communities
    }

    /// Parses `KEY` or `KEY@COMMUNITY[,COMMUNITY...]`.
    public init?(parsing s: String) {
        let parts = s.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let k = parts.first, !k.isEmpty else { return nil }
        key = String(k)
        if parts.count == 2 {
            let cs = parts[1].split(separator: ",").map(String.init)
            guard !cs.isEmpty else { return nil }
            communities = Set(cs)
        } else {
            communities = nil
        }
    }

    /// Whether the key may access a community.
    public func allows(_ community: String) -> Bool { communities?.contains(community) ?? true }
}

/// Faults the sandbox injects, so a bot can test its retry logic.
public struct SandboxFaults: Sendable, Hashable {
    /// The fraction of requests answered with ``status`` without being processed (0 to 1).
    public var failRate: Double
    /// The status of those answers (503 by default; 429 sends `Retry-After` when set).
    public var status: Int
    /// `Retry-After` seconds sent with injected answers; nil = none.
    public var retryAfter: Int?
    /// The fraction of requests processed and then answered by closing the connection
    /// without a response body (a response lost in transit after the server acted).
    public var dropRate: Double
    /// A delay before every request.
    public var latency: Duration
    /// The seed of the fault sequence; nil = a random one. Same seed, same sequence.
    public var seed: UInt64?

    public init(
        failRate: Double = 0, status: Int = 503, retryAfter: Int? = nil, dropRate: Double = 0,
        latency: Duration = .zero, seed: UInt64? = nil
    ) {
        self.failRate = failRate
        self.status = status
        self.retryAfter = retryAfter
        self.dropRate = dropRate
        self.latency = latency
        self.seed = seed
    }

    /// No faults.
    public static let none = SandboxFaults()
}

/// How the sandbox runs.
public struct SandboxConfiguration: Sendable {
    /// The address to listen on (loopback by default).
    public var host: String
    /// The port; 0 = a free one (read it from ``RunningSandbox/port``).
    public var port: Int
    /// The path prefix the API is served under, e.g. `/v1`.
    public var pathPrefix: String
    /// The accepted keys.
    public var keys: [SandboxKey]
    /// A SQLite file for the state; nil = memory only.
    public var databasePath: String?
    /// Injected faults.
    public var faults: SandboxFaults
    /// The largest request body accepted; a larger one gets 413.
    public var maxBodyBytes: Int
    /// Called with every request the sandbox receives (method, path with query, headers, body),
    /// before faults and processing; for tests that compare what was sent.
    public var onRequest: (@Sendable (RecordedRequest) -> Void)?

    /// The key a sandbox accepts when none is configured.
    public static let defaultKey = "sandbox-key"

    public init(
        host: String = "127.0.0.1", port: Int = 8080, pathPrefix: String = "/v1",
        keys: [SandboxKey] = [SandboxKey(defaultKey)],
        databasePath: String? = nil, faults: SandboxFaults = .none, maxBodyBytes: Int = 4 << 20,
        onRequest: (@Sendable (RecordedRequest) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.pathPrefix = pathPrefix
        self.keys = keys
        self.databasePath = databasePath
        self.faults = faults
        self.maxBodyBytes = min(maxBodyBytes, ResourceLimits.standard.maxBodyBytes)
        self.onRequest = onRequest
    }
}

/// One request as the sandbox received it.
public struct RecordedRequest: Sendable, Hashable {
    public var method: String
    /// The path and query as sent.
    public var uri: String
    /// Header names (lower case) and values, in order.
    public var headers: [[String]]
    /// The body bytes.
    public var body: [UInt8]

    /// The first value of a header (name in any case).
    public func header(_ name: String) -> String? {
        headers.first { $0[0] == name.lowercased() }?[1]
    }
}
