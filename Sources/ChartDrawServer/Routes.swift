import ChartDraw
import HTTPTypes
import Hummingbird
import Prometheus
import Synchronization

/// What the routes share: configuration, the render pool, the cache, metrics, readiness.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let pool: RenderPool
    let cache: ImageCache
    let metrics: ServerMetrics
    let draining = Atomic<Bool>(false)

    init(configuration: ServerConfiguration, metrics: ServerMetrics) {
        self.configuration = configuration
        self.metrics = metrics
        pool = RenderPool(workers: configuration.workers, capacity: configuration.queueCapacity, metrics: metrics)
        cache = ImageCache(capacityBytes: configuration.cacheBytes)
    }
}

/// A finished render: bytes and what the picture could not show, with phase times.
struct RenderOutput: Sendable {
    var bytes: [UInt8]
    var warnings: [String]
    var layout: Duration
    var paint: Duration
    var encode: Duration
}

enum Routes {
    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/healthz") { _, _ in
            Responses.json(.ok, Array(#"{"status":"ok"}"#.utf8))
        }
        router.get("/readyz") { _, _ in
            if state.draining.load(ordering: .relaxed) {
                return Responses.busy("The service is shutting down.")
            }
            if !state.pool.hasRoom {
                return Responses.busy("Every render worker is busy and the queue is full.")
            }
            return Responses.json(.ok, Array(#"{"status":"ready"}"#.utf8))
        }
        router.get("/metrics") { _, _ in
            let usage = state.cache.usage
            state.metrics.cacheBytes.set(Double(usage.bytes))
            state.metrics.cacheEntries.set(Double(usage.entries))
            var h = HTTPFields()
            h[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: h,
                body: .init(byteBuffer: ByteBuffer(bytes: state.metrics.registry.emitToBuffer())))
        }
        router.get("/openapi.json") { _, _ in
            Responses.json(.ok, OpenAPIDocument.bytes)
        }
        router.post("/v1/validate") { request, context in
            var request = request
            let body: [UInt8]
            switch try await readJSONBody(&request, limit: state.configuration.limits.maxDocumentBytes) {
            case .failure(let r): return r.response
            case .success(let b): body = b
            }
            let q = request.uri.queryParameters
            let endpointText = q.get("endpoint") ?? "create"
            guard let endpoint = Endpoint(rawValue: endpointText) else {
                return Responses.error(
                    .badRequest, code: "invalid_query",
                    "endpoint must be create, update or append, not '\(endpointText)'.")
            }
            guard let lenient = flag(q.get("lenient")) else {
                return Responses.error(.badRequest, code: "invalid_query", "lenient must be true or false.")
            }
            let report = ChartAnalysisValidator.validate(body, endpoint: endpoint, policy: lenient ? .lenient : .strict)
            return Responses.json(.ok, report.json())
        }
        router.post("/v1/payload/:endpoint") { request, context in
            var request = request
            let endpointText = context.parameters.get("endpoint") ?? ""
            guard let endpoint = Endpoint(rawValue: endpointText) else {
                return Responses.error(
                    .notFound, code: "unknown_endpoint",
                    "No payload endpoint '\(endpointText)': use create, update or append.")
            }
            let body: [UInt8]
            switch try await readJSONBody(&request, limit: state.configuration.limits.maxDocumentBytes) {
            case .failure(let r): return r.response
            case .success(let b): body = b
            }
            let q = request.uri.queryParameters
            guard let lenient = flag(q.get("lenient")), let pretty = flag(q.get("pretty")) else {
                return Responses.error(.badRequest, code: "invalid_query", "lenient and pretty must be true or false.")
            }
            do throws(JSONSyntaxError) {
                _ = try JSONParser.parse(body)
            } catch {
                return Responses.malformed(error)
            }
            let report = ChartAnalysisValidator.validate(body, endpoint: endpoint, policy: lenient ? .lenient : .strict)
            guard report.isValid, let analysis = report.analysis else { return Responses.invalid(report.issues) }
            var out = CanonicalEncoder.encode(analysis, endpoint: endpoint, pretty: pretty)
            out.append(0x0A)
            var h = HTTPFields()
            let warnings = report.warnings.map(\.description)
            if !warnings.isEmpty {
                h[.chartDrawWarningCount] = String(warnings.count)
                h[.chartDrawWarnings] = Responses.asciiJSONArray(warnings)
            }
            return Responses.json(.ok, out, headers: h)
        }
        router.post("/v1/render") { request, context in
            try await render(request, state: state)
        }
    }

    /// `true`, `false`, or absent (false); nil for anything else.
    static func flag(_ s: String?) -> Bool? {
        switch s {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        default: return nil
        }
    }

    /// The body as bytes after the Content-Type and size checks, or the error response.
    static func readJSONBody(_ request: inout Request, limit: Int) async throws -> Result<[UInt8], ResponseError> {
        guard Responses.isJSON(request.headers[.contentType]) else {
            let got = request.headers[.contentType].map { "'\($0)'" } ?? "none"
            return .failure(
                ResponseError(
                    Responses.error(
                        .unsupportedMediaType, code: "unsupported_media_type",
                        "Send the body as JSON with Content-Type: application/json (got \(got)).")))
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return .failure(ResponseError(tooLarge(length, limit)))
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return .success(Array(buffer.readableBytesView))
        } catch let e as HTTPError where e.status == .contentTooLarge {
            return .failure(ResponseError(tooLarge(nil, limit)))
        } catch let e as any HTTPResponseError where e.status == .contentTooLarge {
            return .failure(ResponseError(tooLarge(nil, limit)))
        }
    }

    static func tooLarge(_ length: Int?, _ limit: Int) -> Response {
        Responses.error(
            .contentTooLarge, code: "body_too_large",
            "The body\(length.map { " (\($0) bytes)" } ?? "") is over this route's limit of \(limit) bytes.")
    }

    /// `POST /v1/render`.
    static func render(_ request: Request, state: ServerState) async throws -> Response {
        var request = request
        let started = ContinuousClock.now
        let body: [UInt8]
        switch try await readJSONBody(&request, limit: state.configuration.limits.maxRenderBytes) {
        case .failure(let r): return r.response
        case .success(let b): body = b
        }
        let q = request.uri.queryParameters
        guard let lenient = flag(q.get("lenient")) else {
            return Responses.error(.badRequest, code: "invalid_query", "lenient must be true or false.")
        }
        let warningsAsJSON: Bool
        switch q.get("warnings") {
        case nil: warningsAsJSON = false
        case "json": warningsAsJSON = true
        case let other?:
            return Responses.error(.badRequest, code: "invalid_query", "warnings may only be 'json', not '\(other)'.")
        }
        let inputs: RenderInputs
        do throws(RenderRequestError) {
            inputs = try RenderRequest.parse(body, lenient: lenient, limits: state.configuration.limits)
        } catch {
            switch error {
            case .malformed(let e): return Responses.malformed(e)
            case .invalid(let issues): return Responses.invalid(issues)
            case .tooLarge(let m): return Responses.error(.contentTooLarge, code: "image_too_large", m)
            }
        }
        let etag = warningsAsJSON ? String(inputs.etag.dropLast()) + "-warnings\"" : inputs.etag
        if let inm = request.headers[.ifNoneMatch], matches(inm, etag) {
            var h = HTTPFields()
            h[.eTag] = etag
            return Response(status: .notModified, headers: h)
        }

        let issueTexts = inputs.issues.map(\.description)
        var timing = ""
        var cacheState = state.cache.isEnabled ? "miss" : "off"
        let image: CachedImage
        if let hit = state.cache.get(inputs.etag) {
            state.metrics.cache("hit")
            cacheState = "hit"
            image = hit
        } else {
            if state.cache.isEnabled { state.metrics.cache("miss") }
            let deadline = started + state.configuration.deadline
            let outcome: Result<RenderOutput, ChartDrawError>
            let wait: Duration
            do {
                (outcome, wait) = try await state.pool.run(deadline: deadline) { execute(inputs) }
            } catch {
                switch error {
                case .queueFull:
                    state.metrics.rejected("queue_full")
                    return Responses.busy("Every render worker is busy and the queue is full; retry shortly.")
                case .deadlineExceeded:
                    state.metrics.rejected("deadline")
                    return Responses.busy("The render waited past its deadline in the queue; retry shortly.")
                }
            }
            let format = inputs.format.rawValue
            state.metrics.renderPhase("queue", format: format, wait)
            let output: RenderOutput
            switch outcome {
            case .success(let o): output = o
            case .failure(.scene(let e)):
                return Responses.invalid([RenderRequest.issue("/options", "invalid_option", e.description)])
            case .failure(let e):
                return Responses.error(
                    .internalServerError, code: "render_failed", "Rendering failed: \(e.description)")
            }
            state.metrics.renderPhase("layout", format: format, output.layout)
            state.metrics.renderPhase("paint", format: format, output.paint)
            state.metrics.renderPhase("encode", format: format, output.encode)
            timing =
                "queue;dur=\(ms(wait)), layout;dur=\(ms(output.layout)), paint;dur=\(ms(output.paint)), encode;dur=\(ms(output.encode))"
            image = CachedImage(
                bytes: output.bytes, contentType: inputs.format.mediaType,
                warnings: candleNotes(inputs) + output.warnings, issues: [])
            state.cache.put(inputs.etag, image)
        }

        var h = HTTPFields()
        h[.eTag] = etag
        h[.cacheControl] = "no-cache"
        h[.chartDrawCache] = cacheState
        if !timing.isEmpty { h[.serverTiming] = timing }
        let allWarnings = issueTexts + image.warnings
        h[.chartDrawWarningCount] = String(allWarnings.count)
        if !allWarnings.isEmpty { h[.chartDrawWarnings] = Responses.asciiJSONArray(allWarnings) }
        if warningsAsJSON {
            var w = JSONWriter(pretty: false, reserve: 512)
            w.beginObject()
            w.key("contentType")
            w.writeString(image.contentType)
            w.key("bytes")
            w.writeInteger(Int64(image.bytes.count))
            w.key("etag")
            w.writeString(inputs.etag)
            w.key("issues")
            // Without suggestions, as this response has always been written.
            ValidationIssue.write(inputs.issues, to: &w, suggestion: false)
            w.key("warnings")
            w.beginArray()
            for s in image.warnings {
                w.element()
                w.writeString(s)
            }
            w.endArray()
            w.endObject()
            return Responses.json(.ok, w.bytes, headers: h)
        }
        h[.contentType] = image.contentType
        return Response(status: .ok, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: image.bytes)))
    }

    /// Lays out, paints and encodes on a render thread, timing each phase.
    static func execute(_ inputs: RenderInputs) -> Result<RenderOutput, ChartDrawError> {
        let clock = ContinuousClock()
        let t0 = clock.now
        let scene: SceneResult
        do {
            scene = try ChartScene.build(
                analysis: inputs.analysis, candles: inputs.candles, options: inputs.options,
                measurer: PangoTextMeasurer())
        } catch {
            return .failure(.scene(error))
        }
        let t1 = clock.now
        do {
            switch inputs.format {
            case .png:
                let painted = try ChartRenderer.paint(scene.displayList)
                let t2 = clock.now
                let bytes = try painted.encodePNG()
                let t3 = clock.now
                return .success(
                    RenderOutput(
                        bytes: bytes, warnings: scene.warnings.map(\.message), layout: t1 - t0, paint: t2 - t1,
                        encode: t3 - t2))
            case .svg, .pdf:
                // Cairo paints and writes vector output in one pass: the time counts as encode.
                let bytes = try ChartRenderer.render(scene.displayList, format: inputs.format)
                let t2 = clock.now
                return .success(
                    RenderOutput(
                        bytes: bytes, warnings: scene.warnings.map(\.message), layout: t1 - t0, paint: .zero,
                        encode: t2 - t1)
                )
            }
        } catch {
            return .failure(.render(error))
        }
    }

    /// Candle gaps, as `chartdraw render` reports them: on the clock axis only (on the bar
    /// axis they take no room), in one line.
    static func candleNotes(_ inputs: RenderInputs) -> [String] {
        guard inputs.options.timeAxis == .clock, let gaps = inputs.candles?.warnings, !gaps.isEmpty else { return [] }
        let count = "\(gaps.count) gap\(gaps.count == 1 ? "" : "s")"
        return ["candles: \(count) in time shown as blank space; first: \(gaps[0])"]
    }

    /// Whether an If-None-Match value names `etag` (or is `*`); weak tags compare weakly.
    static func matches(_ header: String, _ etag: String) -> Bool {
        for part in header.split(separator: ",") {
            var t = part.trimmingSpaces
            if t == "*" { return true }
            if t.hasPrefix("W/") { t = t.dropFirst(2) }
            if t == etag { return true }
        }
        return false
    }

    static func ms(_ d: Duration) -> String {
        let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        return String((v * 1000).rounded() / 1000)
    }
}

/// An error response carried through a Result.
struct ResponseError: Error {
    var response: Response
    init(_ r: Response) { response = r }
}
