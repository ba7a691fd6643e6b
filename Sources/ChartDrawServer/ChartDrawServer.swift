import Hummingbird
public import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The HTTP service behind `chartdraw serve`: validation, canonical payloads and rendering
/// over HTTP, with metrics, a bounded render pool, an image cache and graceful shutdown.
///
/// ```swift
/// import ChartDrawServer
///
/// try await ChartDrawServer.run(ServerConfiguration(port: 8080))
/// ```
public enum ChartDrawServer {
    /// Builds the router with every route and the request middleware.
    static func router(state: ServerState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(state: state))
        Routes.add(to: router, state: state)
        return router
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting connections, lets in-flight requests
    /// finish within the grace period and returns.
    ///
    /// - Parameters:
    ///   - configuration: address, pool, cache, limits.
    ///   - metrics: the metrics (pass the registry bootstrapped into swift-metrics, if any).
    ///   - logger: where the start, stop and per-request lines go.
    ///   - onListening: called with the bound port once the server accepts connections.
    public static func run(
        _ configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(),
        logger: Logger = Logger(label: "chartdraw"), onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let state = ServerState(configuration: configuration, metrics: metrics)
        let app = Application(
            router: router(state: state),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.info(
                    "listening",
                    metadata: [
                        "host": .string(configuration.host), "port": .string(String(port)),
                        "workers": .string(String(configuration.workers)),
                        "queue": .string(String(configuration.queueCapacity)),
                        "cache_bytes": .string(String(configuration.cacheBytes)),
                    ])
                await onListening(port)
            },
            logger: logger
        )
        let drain = DrainWatcher(state: state, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: app),
                    .init(service: drain, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger
            ).withGrace(configuration.gracePeriod))
        try await group.run()
        logger.info("stopped")
    }
}

extension ServiceGroupConfiguration {
    fileprivate func withGrace(_ d: Duration) -> ServiceGroupConfiguration {
        var c = self
        c.maximumGracefulShutdownDuration = d
        return c
    }
}

/// Marks the service as draining (readiness 503) as soon as shutdown starts; it is the last
/// service of the group, so it hears the signal before the HTTP server stops accepting.
struct DrainWatcher: Service {
    let state: ServerState
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        state.draining.store(true, ordering: .relaxed)
        logger.info("draining", metadata: ["queued_renders": .string(String(state.pool.depth))])
    }
}
