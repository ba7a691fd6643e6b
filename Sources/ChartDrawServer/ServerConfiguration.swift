import ChartDraw

#if canImport(Glibc)
    import Glibc
#endif

/// How `chartdraw serve` runs.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (loopback by default; 0.0.0.0 for every interface).
    public var host: String
    /// The TCP port; 0 picks a free one (logged at start).
    public var port: Int
    /// Render threads; default one per core.
    public var workers: Int
    /// Renders that may wait for a worker; beyond that, 503 at once.
    public var queueCapacity: Int
    /// How long a render may wait in the queue before it is refused with 503.
    public var deadline: Duration
    /// Bytes of rendered images kept by entity tag; 0 turns the cache off.
    public var cacheBytes: Int
    /// How long in-flight requests may take to finish after SIGTERM or SIGINT.
    public var gracePeriod: Duration
    /// Body and image size limits (413 beyond them).
    public var limits: ServerLimits
    /// Whether to write one log line per request.
    public var accessLog: Bool

    /// Creates a configuration; every argument has the documented default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, workers: Int? = nil, queueCapacity: Int? = nil,
        deadline: Duration = .seconds(10), cacheBytes: Int = 64 << 20, gracePeriod: Duration = .seconds(10),
        limits: ServerLimits = ServerLimits(), accessLog: Bool = true
    ) {
        self.host = host
        self.port = port
        let w = max(1, workers ?? ServerConfiguration.coreCount)
        self.workers = w
        self.queueCapacity = max(0, queueCapacity ?? 4 * w)
        self.deadline = deadline
        self.cacheBytes = max(0, cacheBytes)
        self.gracePeriod = gracePeriod
        self.limits = limits
        self.accessLog = accessLog
    }

    /// Cores this process may run on.
    public static var coreCount: Int {
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

/// Version strings the service reports and hashes into entity tags.
public enum ServerInfo {
    /// The engine version (`ChartDrawVersion.string`, as `chartdraw --version` prints it).
    public static let version = ChartDrawVersion.string
}
