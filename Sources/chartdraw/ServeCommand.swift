import ArgumentParser
import ChartDrawRender
import ChartDrawServer
import Logging
import Metrics
import Prometheus

/// `chartdraw serve`: validate, payload and render over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve validation, canonical payloads and rendering over HTTP.",
        discussion: """
            Routes: POST /v1/validate, POST /v1/payload/{create|update|append}, POST /v1/render,
            GET /healthz, /readyz, /metrics (Prometheus) and /openapi.json (OpenAPI 3.1).
            Renders run on --workers threads fed by a queue of --queue; when it is full the
            answer is 503 with Retry-After at once. Logs are JSON, one line per request, on
            standard output. SIGTERM or SIGINT stops accepting, lets in-flight requests finish
            within --grace seconds, and exits 0. See docs/server.md.
            """)

    @Option(help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "TCP port; 0 picks a free one (the 'listening' log line names it).")
    var port = 8080

    @Option(help: "Render threads (default: one per core).")
    var workers: Int?

    @Option(help: "Renders that may wait for a worker before 503 (default: 4 per worker).")
    var queue: Int?

    @Option(help: "Longest wait of a render in the queue, in milliseconds, before 503.")
    var deadlineMs = 10_000

    @Option(help: "Image cache size in MiB, keyed by ETag; 0 turns it off.")
    var cacheMb = 64

    @Option(help: "Seconds in-flight requests get to finish after SIGTERM or SIGINT.")
    var grace = 10

    @Option(help: "Largest body of /v1/validate and /v1/payload, in bytes.")
    var maxDocumentBytes = ServerLimits().maxDocumentBytes

    @Option(help: "Largest body of /v1/render, in bytes.")
    var maxRenderBytes = ServerLimits().maxRenderBytes

    @Option(help: "Most device pixels of one image.")
    var maxImagePixels = ServerLimits().maxImagePixels

    @Flag(help: "Write no per-request log line.")
    var noAccessLog = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be between 1 and 256.") }
        if let queue, !(0...100_000).contains(queue) { throw ValidationError("--queue must be between 0 and 100000.") }
        guard deadlineMs > 0 else { throw ValidationError("--deadline-ms must be positive.") }
        guard (0...1_048_576).contains(cacheMb) else {
            throw ValidationError("--cache-mb must be between 0 and 1048576.")
        }
        guard grace >= 0 else { throw ValidationError("--grace must not be negative.") }
        guard maxDocumentBytes > 0, maxRenderBytes > 0, maxImagePixels > 0 else {
            throw ValidationError("Size limits must be positive.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
    }

    func run() async throws {
        // The engine's text is this process's only text: skip the machine's fontconfig set-up.
        ChartRenderer.skipMachineFontConfiguration()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        // Access lines are written in batches: what is waiting goes out when the server stops.
        defer { JSONLogHandler.flush() }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let configuration = ServerConfiguration(
            host: host, port: port, workers: workers, queueCapacity: queue, deadline: .milliseconds(deadlineMs),
            cacheBytes: cacheMb << 20, gracePeriod: .seconds(grace),
            limits: ServerLimits(
                maxDocumentBytes: maxDocumentBytes, maxRenderBytes: maxRenderBytes, maxImagePixels: maxImagePixels),
            accessLog: !noAccessLog)
        try await ChartDrawServer.run(
            configuration, metrics: ServerMetrics(registry: registry), logger: Logger(label: "chartdraw"))
    }
}
