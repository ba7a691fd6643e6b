import Foundation
import Testing

/// The JSON records of validate, payload and render: one shape, always with `file`, checked
/// against docs/report.schema.json with Python's jsonschema (scripts/bootstrap.sh installs it).
@Suite("JSON report records")
struct ReportSchemaTests {
    static func repoFile(_ path: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(path).path
    }

    /// Runs jsonschema over JSON Lines; returns (valid, output).
    static func check(_ lines: [String]) throws -> (Bool, String) {
        let data = try CLI.temp(lines.joined(separator: "\n") + "\n", name: "records.jsonl")
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            v = Draft202012Validator(schema)
            bad = 0
            for n, line in enumerate(open(sys.argv[2]), 1):
                for e in v.iter_errors(json.loads(line)):
                    bad += 1
                    print(f"record {n}: {e.message}")
            sys.exit(1 if bad else 0)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, repoFile("docs/report.schema.json"), data]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus == 0, text)
    }

    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    @Test func everyCommandsRecordsMatchTheSchema() throws {
        let valid = CLI.fixture("create-analysis.json")
        let body = try String(contentsOfFile: valid, encoding: .utf8)
        let bad = try CLI.temp(body.replacingOccurrences(of: "\"price\": 1.355", with: "\"price\": -1"))
        let offset = try CLI.temp(
            body.replacingOccurrences(of: "\"2026-01-08T12:00:00Z\"", with: "\"2026-01-08T14:00:00+02:00\""))
        let candles = CLI.fixture("candles/ccxt-ohlcv.json")
        let brokenCandles = try CLI.temp(
            "[[1767657600000, 1, 2, 0.5, 1.5, 1],\n [1767661200000, 1, \"x\", 0.5, 1.5, 1]]", name: "c.json")
        let out = try CLI.temp("", name: "out.png")
        var records: [String] = []

        // validate: one file gives the same shape as several, with "file"; a missing file too.
        let one = try CLI.run(["validate", "--format", "json", valid])
        #expect(one.status == 0)
        #expect(Self.lines(one.stdout).count == 1)
        #expect(one.stdout.hasPrefix("{\"file\":"))
        let many = try CLI.run(["validate", "--format", "json", valid, bad, "/nonexistent/x.json", offset])
        #expect(many.status == 66)
        let manyLines = Self.lines(many.stdout)
        #expect(manyLines.count == 4)
        #expect(manyLines[2].contains("\"file\":\"/nonexistent/x.json\""))
        #expect(manyLines[2].contains("\"code\":\"unreadable\""))
        #expect(manyLines[3].contains("\"time_not_utc\""))
        records += Self.lines(one.stdout) + manyLines

        // payload --report json: the record on stderr, the body alone on stdout.
        let p1 = try CLI.run(["payload", "create", "--report", "json", offset])
        #expect(p1.status == 0)
        #expect(p1.stdout.contains("\"2026-01-08T12:00:00Z\""))
        #expect(!p1.stdout.contains("+02:00"))
        let p2 = try CLI.run(["payload", "create", "--report", "json", bad])
        #expect(p2.status == 1)
        #expect(p2.stdout.isEmpty)
        let p3 = try CLI.run(["payload", "create", "--report", "json", "/nonexistent/y.json"])
        #expect(p3.status == 66)
        for r in [p1, p2, p3] {
            #expect(Self.lines(r.stderr).count == 1)
            records += Self.lines(r.stderr)
        }

        // render --report json: success, invalid body, bad candles, unreadable, unwritable.
        let r1 = try CLI.run(["render", valid, "--candles", candles, "-o", out, "--report", "json"])
        #expect(r1.status == 0)
        #expect(r1.stderr.contains("\"output\":\"\(out)\""))
        let r2 = try CLI.run(["render", bad, "-o", out, "--report", "json"])
        #expect(r2.status == 1)
        let r3 = try CLI.run(["render", valid, "--candles", brokenCandles, "-o", out, "--report", "json"])
        #expect(r3.status == 1)
        #expect(r3.stderr.contains("\"code\":\"candles_invalid\""))
        #expect(r3.stderr.contains("\"line\":2,\"path\":\"/1/2\""))
        let r4 = try CLI.run(["render", "/nonexistent/z.json", "-o", out, "--report", "json"])
        #expect(r4.status == 66)
        let r5 = try CLI.run(["render", valid, "-o", "/nonexistent/dir/out.png", "--report", "json"])
        #expect(r5.status == 73)
        #expect(r5.stderr.contains("\"code\":\"cannot_write\""))
        for r in [r1, r2, r3, r4, r5] {
            #expect(Self.lines(r.stderr).count == 1, "\(r.stderr)")
            records += Self.lines(r.stderr)
        }

        let (ok, report) = try Self.check(records)
        #expect(ok, "\(report)")
    }

    @Test func theSchemaRejectsARecordWithoutFile() throws {
        let (ok, report) = try Self.check([#"{"command":"validate","valid":true,"issues":[]}"#])
        #expect(!ok)
        #expect(report.contains("'file' is a required property"))
    }
}
