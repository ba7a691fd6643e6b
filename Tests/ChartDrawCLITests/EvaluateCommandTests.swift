import Foundation
import Testing

/// The repository root, from this file's path.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private let analysis = root.appendingPathComponent("Examples/GBPUSDBounce/analysis.json").path
private let after = root.appendingPathComponent("Examples/GBPUSDBounce/candles-after.csv").path

@Suite("chartdraw evaluate")
struct EvaluateCommandTests {
    @Test func jsonOutputHasTheOutcomeAndTheEventsInOrder() throws {
        let r = try CLI.run(["evaluate", analysis, "--candles", after, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        // Key order and number forms are fixed.
        #expect(
            r.stdout.hasPrefix(
                #"{"outcome":{"status":"target_hit","time":"2026-01-09T14:00:00Z","bar":86,"target":"target","stop":"sup_1"},"events":[{"time":"2026-01-09T01:00:00Z","bar":73,"objectId":"support_zone","kind":"exit_time","price":1.34419}"#
            ))
        #expect(r.stdout.hasSuffix("]}\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        let kinds = events.map { "\($0["bar"]!):\($0["objectId"]!):\($0["kind"]!)" }
        #expect(kinds.contains("80:res_1:cross_up"))
        #expect(kinds.contains("86:target:touch"))
        let bars = events.compactMap { $0["bar"] as? Int }
        #expect(bars == bars.sorted())
        // Same input, same bytes.
        let again = try CLI.run(["evaluate", analysis, "--candles", after, "--format", "json"])
        #expect(again.stdout == r.stdout)
    }

    @Test func textOutputIsReadable() throws {
        let r = try CLI.run(["evaluate", analysis, "--candles", after])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "outcome: target_hit at 2026-01-09T14:00:00Z (bar 86)")
        #expect(
            lines.dropFirst().first == "target: target 1.355; invalidation: sup_1 1.341; expiry: 2026-01-10T00:00:00Z")
        #expect(lines.contains("2026-01-09T14:00:00Z  bar 86  target  touch  1.355"))
    }

    @Test func optionsChangeTheOutcome() throws {
        // Expiry counted from an earlier creation time: the idea expires before the target.
        let early = try CLI.run([
            "evaluate", analysis, "--candles", after, "--created-at", "2026-01-08T12:00:00Z", "--format", "json",
        ])
        #expect(early.stdout.hasPrefix(#"{"outcome":{"status":"expired","time":"2026-01-09T12:00:00Z","bar":84,"#))
        // From a later start, the earlier events are not reported.
        let late = try CLI.run(["evaluate", analysis, "--candles", after, "--from", "2026-01-09T10:00:00Z"])
        #expect(!late.stdout.contains("bar 80 "))
        #expect(late.stdout.contains("outcome: target_hit at 2026-01-09T14:00:00Z (bar 86)"))
        // The entry line, extended past its last point, is crossed and touched.
        let plain = try CLI.run(["evaluate", analysis, "--candles", after])
        let ext = try CLI.run(["evaluate", analysis, "--candles", after, "--extend-right"])
        #expect(!plain.stdout.contains("entry_line"))
        #expect(ext.stdout.contains("entry_line  cross_up"))
        // Close-only touches: bar 79's wick reached the resistance, its close did not.
        #expect(plain.stdout.contains("bar 79  res_1  touch"))
        let close = try CLI.run(["evaluate", analysis, "--candles", after, "--touch-trigger", "close"])
        #expect(!close.stdout.contains("bar 79  res_1  touch"))
        #expect(close.stdout.contains("bar 80  res_1  touch"))
    }

    @Test func noCandleAfterTheStartIsOpenWithAWarning() throws {
        let before = root.appendingPathComponent("Examples/GBPUSDBounce/candles.csv").path
        let r = try CLI.run(["evaluate", analysis, "--candles", before, "--format", "json"])
        #expect(r.status == 0)
        #expect(
            r.stdout
                == #"{"outcome":{"status":"open","time":null,"bar":null,"target":"target","stop":"sup_1"},"events":[]}"#
                + "\n")
        #expect(r.stderr.contains("chartdraw: warning: no candle comes after the start 2026-01-09T00:00:00Z"))
        let quiet = try CLI.run(["evaluate", analysis, "--candles", before, "-q"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func errorsUseTheDocumentedExitCodes() throws {
        let missing = try CLI.run(["evaluate", analysis, "--candles", "/nonexistent/c.csv"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "chartdraw: cannot read '/nonexistent/c.csv': no such file\n")
        #expect(missing.stdout.isEmpty)

        let bad = try CLI.temp("time,open,high,low,close\n2026-01-08T00:00:00Z,1,0.5,0.9,1\n", name: "c.csv")
        let badCandles = try CLI.run(["evaluate", analysis, "--candles", bad])
        #expect(badCandles.status == 1)
        #expect(badCandles.stderr.hasPrefix("chartdraw: '\(bad)': "))
        #expect(badCandles.stdout.isEmpty)

        let body = try CLI.temp(#"{"sender": "x"}"#)
        let invalid = try CLI.run(["evaluate", body, "--candles", after])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("error[required]"))
        #expect(invalid.stdout.isEmpty)

        #expect(try CLI.run(["evaluate", analysis]).status == 64)
        #expect(try CLI.run(["evaluate", analysis, "--candles", after, "--cross-trigger", "high"]).status == 64)
        #expect(try CLI.run(["evaluate", "-", "--candles", "-"]).status == 64)
    }

    @Test func renderShowsTheEventsOnTheChart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plain = dir.appendingPathComponent("plain.png").path
        let marked = dir.appendingPathComponent("marked.png").path
        let a = try CLI.run(["render", analysis, "--candles", after, "-o", plain, "-q"])
        let b = try CLI.run(["render", analysis, "--candles", after, "--show-events", "-o", marked])
        #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
        let x = try Data(contentsOf: URL(fileURLWithPath: plain)),
            y = try Data(contentsOf: URL(fileURLWithPath: marked))
        #expect(y.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(x != y, "the overlay changes the picture")

        let noCandles = try CLI.run(["render", analysis, "--show-events", "-o", marked])
        #expect(noCandles.status == 64)
        #expect(noCandles.stderr.contains("--show-events needs --candles"))
        #expect(try CLI.run(["render", analysis, "--candles", after, "--extend-right", "-o", marked]).status == 64)
    }
}

@Suite("chartdraw-bench evaluate")
struct EvaluationBenchContractTests {
    static func bench(_ args: [String]) throws -> CLI.Result {
        try CLI.product("chartdraw-bench", ["evaluate"] + args)
    }

    @Test func printsOneJSONLineWithTheMeasures() throws {
        let r = try Self.bench(["--candles", "2000", "--drawings", "20", "--runs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["mode"] as? String == "evaluate")
        #expect(json["candles"] as? Int == 2000 && json["drawings"] as? Int == 20 && json["runs"] as? Int == 2)
        // The drawings sit in the first 1,000 bars; the rest is evaluated.
        #expect(json["evaluatedBars"] as? Int == 1000)
        #expect((json["events"] as? Int ?? 0) > 0)
        #expect((json["median_ms"] as? Double ?? -1) >= 0)
    }

    @Test func refusesBadArguments() throws {
        #expect(try Self.bench(["--candles", "0"]).status == 64)
        #expect(try Self.bench(["--candles", "100"]).status == 64)
        #expect(try Self.bench(["--frobnicate"]).status == 64)
    }
}
