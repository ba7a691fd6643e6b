public import Prometheus

/// The service's Prometheus metrics, all in one registry that `GET /metrics` prints.
public final class ServerMetrics: Sendable {
    /// The registry (also the swift-metrics backend when the command line bootstraps it).
    public let registry: PrometheusCollectorRegistry

    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(20), .milliseconds(35), .milliseconds(50), .milliseconds(75),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        .seconds(10),
    ]

    let inFlightRenders: Gauge
    let queueDepth: Gauge
    let cacheBytes: Gauge
    let cacheEntries: Gauge

    /// Creates the metrics in a registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        inFlightRenders = registry.makeGauge(name: "chartdraw_renders_in_flight", help: "Renders running now.")
        queueDepth = registry.makeGauge(name: "chartdraw_render_queue_depth", help: "Renders waiting for a worker.")
        cacheBytes = registry.makeGauge(name: "chartdraw_cache_bytes", help: "Bytes held by the image cache.")
        cacheEntries = registry.makeGauge(name: "chartdraw_cache_entries", help: "Images held by the image cache.")
    }

    /// Counts a finished request and records its latency.
    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "chartdraw_http_requests_total",
            labels: [("route", route), ("method", method), ("status", String(status))],
            help: "HTTP requests by route, method and status."
        ).increment()
        registry.makeDurationHistogram(
            name: "chartdraw_http_request_duration_seconds", labels: [("route", route)], buckets: Self.latencyBuckets,
            help: "HTTP request latency by route."
        ).record(duration)
    }

    /// Records one phase of a render: queue (waiting), layout, paint or encode.
    func renderPhase(_ phase: String, format: String, _ duration: Duration) {
        registry.makeDurationHistogram(
            name: "chartdraw_render_phase_seconds", labels: [("phase", phase), ("format", format)],
            buckets: Self.latencyBuckets, help: "Render time by phase: queue wait, layout, paint, encode."
        ).record(duration)
    }

    /// Counts a render refused by the pool (queue_full, deadline).
    func rejected(_ reason: String) {
        registry.makeCounter(
            name: "chartdraw_render_rejected_total", labels: [("reason", reason)],
            help: "Renders refused with 503: queue full or deadline passed while waiting."
        ).increment()
    }

    /// Counts a cache look-up (hit, miss).
    func cache(_ result: String) {
        registry.makeCounter(
            name: "chartdraw_cache_requests_total", labels: [("result", result)],
            help: "Image cache look-ups by result."
        ).increment()
    }
}
