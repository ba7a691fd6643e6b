import ChartDraw
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The repository root, from this file's path.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func read(_ relative: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
}

/// A render body: the GBPUSD example's analysis and candles (as the CSV text or a JSON array).
private func renderBody(options: String = #"{"format":"png"}"#, candlesAsArray: Bool = false) throws -> String {
    let analysis = try read("Examples/GBPUSDBounce/analysis.json")
    let csv = try read("Examples/GBPUSDBounce/candles.csv")
    let candles: String
    if candlesAsArray {
        var rows: [String] = []
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            rows.append(
                #"{"time":"\#(f[0])","open":\#(f[1]),"high":\#(f[2]),"low":\#(f[3]),"close":\#(f[4]),"volume":\#(f[5])}"#
            )
        }
        candles = "[" + rows.joined(separator: ",") + "]"
    } else {
        let quoted = try JSONSerialization.data(withJSONObject: csv, options: [.fragmentsAllowed])
        candles = String(decoding: quoted, as: UTF8.self)
    }
    return #"{"analysis":\#(analysis),"candles":\#(candles),"options":\#(options)}"#
}

/// A render that keeps a worker busy for a while (a large canvas at scale 2).
private func slowBody() throws -> String {
    try renderBody(options: #"{"width":4000,"height":4000}"#)
}

/// Polls /metrics until a render is running.
private func waitForRender(_ server: ServerProcess) throws {
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
        if try server.get("/metrics").text.contains("chartdraw_renders_in_flight 1") { return }
        usleep(5_000)
    }
    throw ServerError(message: "no render started")
}

@Suite("chartdraw serve", .serialized)
struct ServeCommandTests {
    @Test("every route answers with the CLI's results and the documented statuses")
    func routes() throws {
        let server = try ServerProcess()
        let example = try read("Tests/ChartDrawWireTests/Fixtures/create-analysis.json")
        let update = try read("Tests/ChartDrawWireTests/Fixtures/update-analysis.json")

        // Liveness, readiness, OpenAPI.
        let health = try server.get("/healthz")
        #expect(health.status == 200 && health.text == #"{"status":"ok"}"#)
        #expect(try server.get("/readyz").status == 200)
        let openapi = try server.get("/openapi.json")
        #expect(openapi.status == 200 && openapi.headers["content-type"] == "application/json")
        let document = try #require(try openapi.json() as? [String: Any])
        #expect((document["info"] as? [String: Any])?["version"] as? String == ChartDrawVersion.string)
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(
            Set(paths.keys)
                == [
                    "/healthz", "/readyz", "/metrics", "/openapi.json", "/v1/validate", "/v1/payload/{endpoint}",
                    "/v1/render",
                ])

        // Validate: the same JSON as `chartdraw validate --format json`.
        let valid = try server.post("/v1/validate", example)
        #expect(valid.status == 200 && valid.text == #"{"valid":true,"issues":[]}"#)
        let broken = #"{"sender":"a@b.c","metadata":{"direction":"SIDEWAYS"}}"#
        let viaHTTP = try server.post("/v1/validate?endpoint=create", broken)
        let viaCLI = try CLI.run(["validate", "--format", "json", "-"], stdin: broken)
        #expect(viaHTTP.status == 200)
        // The CLI's record adds file and command; valid and issues are the same.
        let record = try #require(try JSONSerialization.jsonObject(with: Data(viaCLI.stdout.utf8)) as? [String: Any])
        let served = try #require(try viaHTTP.json() as? [String: Any])
        #expect(Set(served.keys) == ["valid", "issues"])
        #expect(served["valid"] as? Bool == false && record["valid"] as? Bool == false)
        #expect(
            try JSONSerialization.data(withJSONObject: served["issues"] ?? [], options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: record["issues"] ?? [], options: .sortedKeys))
        #expect((served["issues"] as? [Any])?.isEmpty == false)
        #expect(try server.post("/v1/validate?endpoint=update", update).text.hasPrefix(#"{"valid":true"#))
        #expect(try server.post("/v1/validate?endpoint=delete", example).status == 400)
        let unsupported = try server.post("/v1/validate", example, contentType: "text/plain")
        #expect(unsupported.status == 415 && unsupported.text.contains("Content-Type: application/json"))
        #expect(try server.post("/v1/validate", example, contentType: nil).status == 415)
        let big = try server.post("/v1/validate", String(repeating: " ", count: (1 << 20) + 1) + example)
        #expect(big.status == 413 && big.text.contains("body_too_large"))

        // Payload: the same bytes as `chartdraw payload create`.
        let payload = try server.post("/v1/payload/create", example)
        let cliPayload = try CLI.run(["payload", "create", "-"], stdin: example)
        #expect(payload.status == 200 && payload.headers["content-type"] == "application/json")
        #expect(payload.text == cliPayload.stdout)
        let invalidPayload = try server.post("/v1/payload/create", broken)
        #expect(invalidPayload.status == 422)
        let issues = try #require((try invalidPayload.json() as? [String: Any])?["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["path"] as? String == "/metadata/direction" })
        let malformedPayload = try server.post("/v1/payload/create", "{\n  \"sender\": ")
        #expect(malformedPayload.status == 400)
        let unknownField = example.replacingOccurrences(of: #""sender""#, with: #""extraThing":1,"sender""#)
        #expect(try server.post("/v1/payload/create", unknownField).status == 422)
        let lenient = try server.post("/v1/payload/create?lenient=true", unknownField)
        #expect(lenient.status == 200 && lenient.headers["chartdraw-warning-count"] == "1")
        #expect(try server.post("/v1/payload/delete", example).status == 404)

        // Render: the same PNG bytes as `chartdraw render`, an ETag, 304, the cache.
        let body = try renderBody()
        let png = try server.post("/v1/render", body)
        #expect(png.status == 200 && png.headers["content-type"] == "image/png")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("cli.png").path
        let cli = try CLI.run([
            "render", root.appendingPathComponent("Examples/GBPUSDBounce/analysis.json").path, "--candles",
            root.appendingPathComponent("Examples/GBPUSDBounce/candles.csv").path, "-o", out,
        ])
        #expect(cli.status == 0)
        #expect(png.body == [UInt8](try Data(contentsOf: URL(fileURLWithPath: out))))
        let etag = try #require(png.headers["etag"])
        #expect(etag.hasPrefix("\"") && etag.count == 42)
        #expect(png.headers["chartdraw-cache"] == "miss")
        #expect(png.headers["server-timing"]?.contains("encode;dur=") == true)
        // The same candles as a JSON array: same inputs after normalising, same tag and bytes.
        let fromArray = try server.post("/v1/render", try renderBody(candlesAsArray: true))
        #expect(fromArray.status == 200 && fromArray.headers["etag"] == etag && fromArray.body == png.body)
        #expect(fromArray.headers["chartdraw-cache"] == "hit")
        let notModified = try server.post("/v1/render", body, headers: ["If-None-Match": etag])
        #expect(notModified.status == 304 && notModified.body.isEmpty && notModified.headers["etag"] == etag)
        #expect(try server.post("/v1/render", body, headers: ["If-None-Match": "\"other\""]).status == 200)
        let dark = try server.post("/v1/render", try renderBody(options: #"{"theme":"dark"}"#))
        #expect(dark.status == 200 && dark.headers["etag"] != etag)
        let events = try server.post("/v1/render", try renderBody(options: #"{"showEvents":true}"#))
        #expect(events.status == 200 && events.headers["etag"] != etag)
        let eventsNoCandles = try server.post("/v1/render", #"{"analysis":\#(example),"options":{"showEvents":true}}"#)
        #expect(eventsNoCandles.status == 422 && eventsNoCandles.text.contains("/options/showEvents"))
        let clock = try server.post("/v1/render", try renderBody(options: #"{"timeAxis":"clock"}"#))
        #expect(clock.status == 200 && clock.headers["etag"] != etag && clock.body != png.body)
        let svg = try server.post("/v1/render", try renderBody(options: #"{"format":"svg"}"#))
        #expect(svg.status == 200 && svg.headers["content-type"] == "image/svg+xml" && svg.text.hasPrefix("<?xml"))
        #expect(svg.text.contains("<g id=\"chartdraw-text\""), "the served SVG has no text layer")
        let pdf = try server.post("/v1/render", try renderBody(options: #"{"format":"pdf","width":800,"height":450}"#))
        #expect(pdf.status == 200 && pdf.headers["content-type"] == "application/pdf" && pdf.text.hasPrefix("%PDF"))

        // Warnings: a time range that leaves drawings outside the view.
        let narrow = try renderBody(options: #"{"from":"2026-01-05T00:00:00Z","to":"2026-01-05T06:00:00Z"}"#)
        let warned = try server.post("/v1/render", narrow)
        #expect(warned.status == 200)
        let count = Int(warned.headers["chartdraw-warning-count"] ?? "") ?? 0
        #expect(count > 0)
        let warnJSON = try server.post("/v1/render?warnings=json", narrow)
        #expect(warnJSON.status == 200 && warnJSON.headers["content-type"] == "application/json")
        let warnList = try #require((try warnJSON.json() as? [String: Any])?["warnings"] as? [String])
        #expect(warnList.count == count)
        #expect(warnJSON.headers["etag"] != warned.headers["etag"])

        // Render errors.
        let malformed = try server.post("/v1/render", "{\n  \"analysis\": {\n    \"sender\": tru\n")
        #expect(malformed.status == 400)
        let err = try #require((try malformed.json() as? [String: Any])?["error"] as? [String: Any])
        #expect(err["line"] as? Int == 3 && (err["column"] as? Int ?? 0) > 0)
        let invalid = try server.post("/v1/render", #"{"analysis":\#(broken),"options":{"width":"wide"}}"#)
        #expect(invalid.status == 422)
        let paths422 = ((try invalid.json() as? [String: Any])?["issues"] as? [[String: Any]] ?? []).compactMap {
            $0["path"] as? String
        }
        #expect(paths422.contains("/analysis/metadata/direction") && paths422.contains("/options/width"))
        #expect(try server.post("/v1/render", try renderBody(options: #"{"width":10}"#)).status == 422)
        let badCandles = try server.post("/v1/render", #"{"analysis":\#(example),"candles":[{"time":"x"}]}"#)
        #expect(badCandles.status == 422 && badCandles.text.contains("/candles"))
        let huge = try server.post("/v1/render", try renderBody(options: #"{"width":8192,"height":8192,"scale":1}"#))
        #expect(huge.status == 413 && huge.text.contains("image_too_large"))
        #expect(try server.post("/v1/render", body, contentType: "text/csv").status == 415)
        #expect(try server.post("/v1/render?warnings=xml", body).status == 400)
        #expect(try server.get("/v1/nowhere").status == 404)
        let wrongMethod = try server.get("/v1/render")
        #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST")

        // Metrics: counts by route and status, render phases, cache, pool gauges.
        let metrics = try server.get("/metrics")
        #expect(metrics.status == 200 && metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        for needle in [
            #"chartdraw_http_requests_total{route="/v1/render",method="POST",status="200"}"#,
            #"chartdraw_http_requests_total{route="/v1/render",method="POST",status="304"}"#,
            #"chartdraw_http_requests_total{route="/v1/render",method="POST",status="422"}"#,
            #"chartdraw_http_request_duration_seconds_bucket{route="/v1/validate""#,
            #"chartdraw_render_phase_seconds_count{phase="layout",format="png"}"#,
            #"chartdraw_render_phase_seconds_count{phase="paint",format="png"}"#,
            #"chartdraw_render_phase_seconds_count{phase="encode",format="png"}"#,
            #"chartdraw_cache_requests_total{result="hit"}"#, "chartdraw_renders_in_flight 0",
            "chartdraw_render_queue_depth 0",
        ] {
            #expect(metrics.text.contains(needle), "missing \(needle)")
        }

        #expect(server.stop() == 0)
        // One JSON log line per request, with its id and timings.
        let lines = server.log.split(separator: "\n").filter { $0.contains(#""message":"request""#) }
        #expect(lines.count >= 30)
        let renderLine = try #require(lines.first { $0.contains(#""route":"/v1/render""#) && $0.contains("encode_ms") })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(renderLine.utf8)) as? [String: Any])
        #expect(parsed["id"] is String && parsed["status"] as? Int == 200 && parsed["ms"] is Double)
        #expect(parsed["layout_ms"] != nil && parsed["paint_ms"] != nil && parsed["queue_ms"] != nil)
    }

    @Test("a full queue answers 503 with Retry-After at once; a render past its deadline is not run")
    func boundedQueue() throws {
        let server = try ServerProcess([
            "--workers", "1", "--queue", "1", "--deadline-ms", "500", "--cache-mb", "0", "--no-access-log",
        ])
        let slow = try slowBody()
        let port = server.port
        let first = BackgroundRequest(port: port, path: "/v1/render", body: slow)
        try waitForRender(server)
        // Waits in the queue, past its 500 ms deadline, behind the slow render (seconds long).
        let second = BackgroundRequest(port: port, path: "/v1/render", body: slow)
        var depth = false
        for _ in 0..<400 where !depth {
            depth = try server.get("/metrics").text.contains("chartdraw_render_queue_depth 1")
            if !depth { usleep(5_000) }
        }
        #expect(depth)
        let readiness = try server.get("/readyz")
        #expect(readiness.status == 503 && readiness.headers["retry-after"] == "1")
        let started = Date()
        let third = try server.post("/v1/render", slow)
        #expect(third.status == 503 && third.headers["retry-after"] == "1")
        #expect(Date().timeIntervalSince(started) < 2.0, "a full queue must refuse at once")
        let r1 = try first.value()
        let r2 = try second.value()
        #expect(r1.status == 200 && r1.headers["chartdraw-cache"] == "off")
        #expect(r2.status == 503 && r2.text.contains("deadline"))
        let metrics = try server.get("/metrics").text
        #expect(metrics.contains(#"chartdraw_render_rejected_total{reason="queue_full"} 1"#))
        #expect(metrics.contains(#"chartdraw_render_rejected_total{reason="deadline"} 1"#))
        #expect(server.stop() == 0)
    }

    @Test("SIGTERM lets the in-flight render finish, stops accepting and exits 0")
    func gracefulShutdown() throws {
        let server = try ServerProcess(["--no-access-log", "--grace", "20"])
        let slow = try slowBody()
        let port = server.port
        let inFlight = BackgroundRequest(port: port, path: "/v1/render", body: slow)
        try waitForRender(server)
        kill(server.process.processIdentifier, SIGTERM)
        let reply = try inFlight.value()
        #expect(reply.status == 200 && reply.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(reply.body.count == Int(reply.headers["content-length"] ?? "") ?? -1)
        #expect(server.stop() == 0)
        #expect(throws: (any Error).self) { try server.get("/healthz") }
        #expect(server.log.contains(#""message":"draining""#))
    }

    @Test("the OpenAPI document is valid OpenAPI 3.1 and the server conforms to it (schemathesis)")
    func openAPI() throws {
        let server = try ServerProcess(["--no-access-log"])
        let url = "http://127.0.0.1:\(server.port)/openapi.json"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chartdraw-openapi-\(UUID().uuidString).json")
        try Data(try server.get("/openapi.json").body).write(to: file)
        let validator = try python(["-m", "openapi_spec_validator", file.path])
        #expect(validator.status == 0, "openapi-spec-validator: \(validator.output)")
        let st = try python([
            "-m", "schemathesis.cli", "run", url, "--max-examples", "6", "--seed", "1", "--checks", "all",
            // The document gives shapes; the libraries own the rules, so a body of the right shape
            // may still be invalid (422), and /v1/validate reports a malformed body as a result (200).
            "--exclude-checks", "positive_data_acceptance,negative_data_rejection",
            "--request-timeout", "20", "--no-color",
        ])
        #expect(st.status == 0, "schemathesis: \(st.output)")
        #expect(server.stop() == 0)
    }

    /// Runs python3 (PYTHON overrides) and returns its status and output.
    private func python(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"] + args
        p.currentDirectoryURL = FileManager.default.temporaryDirectory  // schemathesis writes .schemathesis/ there
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
