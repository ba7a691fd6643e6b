import ChartDraw
import ChartDrawGoldenTesting
import Foundation
import Testing

/// Runs a built executable of the package and returns its status and raw output.
private func execute(_ name: String, _ args: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
    let r = try CLI.execute(CLI.productsDirectory.appendingPathComponent(name), args)
    return (r.status, r.stdout, String(decoding: r.stderr, as: UTF8.self))
}

/// The repository root, from this file's path.
private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func example(_ name: String, _ file: String) -> String {
    repoRoot.appendingPathComponent("Examples/\(name)/\(file)").path
}

private func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite("chartdraw render")
struct RenderCommandTests {
    let analysis = example("GBPUSDBounce", "analysis.json")
    let candles = example("GBPUSDBounce", "candles.csv")

    @Test("flags are checked by the library's option rules: the rounded device size, its precision bound")
    func flagsFollowTheLibraryRules() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("wide.svg").path
        // 8000 × 1.02404 = 8192.32 device pixels, which the renderer rounds to its limit of 8192:
        // accepted (the command used to compare the unrounded size and refuse it).
        let ok = try execute(
            "chartdraw", ["render", analysis, "--candles", candles, "-o", out, "--width", "8000", "--scale", "1.02404"])
        #expect(ok.status == 0, "\(ok.stderr)")
        // 8000 × 1.0241 = 8192.8 rounds to 8193: refused, naming the rounded size.
        let wide = try execute(
            "chartdraw", ["render", analysis, "-o", out, "--width", "8000", "--scale", "1.0241"])
        #expect(wide.status != 0)
        #expect(wide.stderr.contains("8193x"), "\(wide.stderr)")
        let precise = try execute("chartdraw", ["render", analysis, "-o", out, "--precision", "13"])
        #expect(precise.status != 0)
        #expect(precise.stderr.contains("--precision must be between 0 and 12"), "\(precise.stderr)")
        let reversed = try execute(
            "chartdraw",
            ["render", analysis, "-o", out, "--from", "2026-01-09T00:00:00Z", "--to", "2026-01-08T00:00:00Z"])
        #expect(reversed.status != 0)
        #expect(reversed.stderr.contains("--from must be before --to"), "\(reversed.stderr)")
    }

    @Test func rendersAPNGOfTheRequestedSize() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("chart.png").path
        let r = try execute("chartdraw", ["render", analysis, "--candles", candles, "-o", out, "--scale", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let image = try ChartRenderer.decodePNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(image.width == 2400 && image.height == 1350)
        // No temporary file is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["chart.png"])
    }

    @Test func writesToStandardOutputAndMatchesTheFile() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("a.png").path
        let file = try execute("chartdraw", ["render", analysis, "--candles", candles, "-o", out])
        let piped = try execute("chartdraw", ["render", analysis, "--candles", candles, "-o", "-"])
        #expect(file.status == 0 && piped.status == 0)
        #expect(piped.stdout == [UInt8](try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(piped.stdout.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func svgAndPDFFollowTheExtension() throws {
        let dir = try tempDir()
        let svg = dir.appendingPathComponent("c.svg").path
        let pdf = dir.appendingPathComponent("c.pdf").path
        #expect(try execute("chartdraw", ["render", analysis, "--candles", candles, "-o", svg]).status == 0)
        #expect(
            try execute("chartdraw", ["render", analysis, "--candles", candles, "-o", pdf, "--theme", "dark"]).status
                == 0)
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.hasPrefix("<?xml") && svgText.contains("<svg"))
        // The words are in the SVG as text (the invisible layer), not only as outlines.
        #expect(svgText.contains("<g id=\"chartdraw-text\""))
        #expect(svgText.contains(">GBP/USD</text>"), "the symbol is not in the SVG as text")
        let pdfBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))
        #expect(pdfBytes.starts(with: Array("%PDF-".utf8)))
    }

    /// The tool skips the machine's fontconfig set-up (its only text is the engine's): what it
    /// draws is byte for byte what the library draws in a process that loads that set-up, in
    /// several scripts, as PNG and as SVG.
    @Test func theToolDrawsWhatTheLibraryDraws() throws {
        let body = try String(contentsOfFile: analysis, encoding: .utf8)
            .replacingOccurrences(of: "GBPUSD Bullish Bounce from Support", with: "比特币 اختراق Пробой ₿ 🚀 ok")
        let path = try CLI.temp(body)
        let series = try CandleFile.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: candles))))
        let dir = try tempDir()
        for format in [ImageFormat.png, .svg] {
            let out = dir.appendingPathComponent("multi." + format.fileExtension).path
            let r = try execute("chartdraw", ["render", path, "--candles", candles, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let made = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
            let library = try ChartDraw.render(json: Array(body.utf8), candles: series, format: format).bytes
            if made != library {
                let at =
                    zip(made, library).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(made.count, library.count)
                let context = { (b: [UInt8]) in
                    String(decoding: b[max(0, at - 80)..<min(b.count, at + 80)], as: UTF8.self)
                }
                Issue.record(
                    "\(format): the tool's bytes differ from the library's at byte \(at):\n\(context(made))\n---\n\(context(library))"
                )
            }
        }
    }

    @Test func invalidAnalysisIsReportedExactlyAsValidateReportsIt() throws {
        let body = try String(contentsOfFile: analysis, encoding: .utf8)
            .replacingOccurrences(of: "\"price\": 1.355", with: "\"price\": -1")
            .replacingOccurrences(of: "\"#FF0000\"", with: "\"red\"")
        let path = try CLI.temp(body)
        let dir = try tempDir()
        let out = dir.appendingPathComponent("never.png").path
        let render = try execute("chartdraw", ["render", path, "-o", out])
        let validate = try CLI.run(["validate", path])
        #expect(render.status == 1 && validate.status == 1)
        #expect(render.stderr == validate.stdout)
        #expect(render.stderr.contains("error[price_not_positive]"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func badInputsGiveTheirDocumentedCodes() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("x.png").path
        // unreadable analysis
        let missing = try execute("chartdraw", ["render", dir.appendingPathComponent("nope.json").path, "-o", out])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file"))
        // candles out of order: a clear message naming the line
        let csv = "time,open,high,low,close\n2026-01-08T01:00:00Z,1,2,0.5,1.5\n2026-01-08T00:00:00Z,1,2,0.5,1.5\n"
        let candlePath = try CLI.temp(csv, name: "c.csv")
        let unsorted = try execute("chartdraw", ["render", analysis, "--candles", candlePath, "-o", out])
        #expect(unsorted.status == 1)
        #expect(unsorted.stderr.contains("line 3"))
        // an image over the limits is a usage error, checked before anything is read
        let huge = try execute("chartdraw", ["render", analysis, "--width", "9000", "-o", out])
        #expect(huge.status == 64)
        let tooMany = try execute(
            "chartdraw", ["render", analysis, "--width", "8000", "--height", "8000", "--scale", "1", "-o", out])
        #expect(tooMany.status == 64)
        #expect(tooMany.stderr.contains("40000000"))
        // an unknown extension without --format
        #expect(
            try execute("chartdraw", ["render", analysis, "-o", dir.appendingPathComponent("x.gif").path]).status == 64)
        // an output directory that does not exist: exit 73, nothing written
        let nowhere = dir.appendingPathComponent("missing/dir/x.png").path
        let cannot = try execute("chartdraw", ["render", analysis, "-o", nowhere])
        #expect(cannot.status == 73)
        #expect(cannot.stderr.contains("chartdraw: cannot write"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aFailedRenderLeavesAnExistingOutputUntouched() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("keep.png")
        try Data("old".utf8).write(to: out)
        let bad = try CLI.temp("{\"sender\": ")
        let r = try execute("chartdraw", ["render", bad, "-o", out.path])
        #expect(r.status == 1)
        #expect(try String(contentsOf: out, encoding: .utf8) == "old")
    }
}

@Suite("chartdraw render: time axis")
struct RenderTimeAxisTests {
    /// Ten years of daily candles on weekdays only, from a Friday: 522 weekends.
    static func tenYearsDaily() throws -> String {
        var csv = "time,open,high,low,close\n"
        var t = 1_451_606_400  // 2016-01-01, a Friday
        var n = 0
        while t < 1_451_606_400 + 3653 * 86_400 {
            let weekday = (t / 86_400 + 4) % 7  // 0 = Sunday
            if weekday != 0 && weekday != 6 {
                let o = 100 + Double(n % 17)
                csv += "\(t),\(o),\(o + 2),\(o - 1),\(o + 0.5)\n"
                n += 1
            }
            t += 86_400
        }
        return try CLI.temp(csv, name: "daily.csv")
    }

    @Test func aTenYearDailyChartPrintsNoGapWarnings() throws {
        let candles = try Self.tenYearsDaily()
        let body = try CLI.temp(
            #"{"sender": "s", "metadata": {"direction": "BULLISH", "entryPlacement": "BELOW_CURRENT", "#
                + #""expiry": {"type": "HOURS", "hours": 24}, "title": "t", "timeframe": "D1", "symbol": "X"}, "#
                + #""levels": {}, "drawings": []}"#)
        let out = try tempDir().appendingPathComponent("c.png").path
        let bars = try execute("chartdraw", ["render", body, "--candles", candles, "-o", out])
        #expect(bars.status == 0)
        #expect(!bars.stderr.contains("gap"), "\(bars.stderr)")
        // Clock time shows the weekends as blank space and says so once, not 522 times.
        let clock = try execute("chartdraw", ["render", body, "--candles", candles, "-o", out, "--time-axis", "clock"])
        #expect(clock.status == 0)
        let lines = clock.stderr.split(separator: "\n").filter { $0.contains("gap") }
        #expect(lines.count == 1 && lines[0].contains("522 gaps"), "\(clock.stderr)")
    }

    @Test func anUnknownTimeAxisIsAUsageError() throws {
        let body = try CLI.temp(#"{"sender": "s"}"#)
        let r = try execute("chartdraw", ["render", body, "--time-axis", "hours"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("time-axis"))
    }
}

@Suite("Examples")
struct ExampleTests {
    /// Each example program and the golden case (`golden-images/examples/<case>.json`) that
    /// renders the same analysis: the example must draw exactly its reference, which is also
    /// the preview the README shows. The golden case is the one that records; this check only
    /// compares, with the golden harness's comparator and its artifacts on failure.
    @Test(
        "each example runs and reproduces its golden reference",
        arguments: [
            ("GBPUSDBounce", "gbpusd-bounce"), ("BTCFibChannel", "btc-fib-channel"),
            ("US500Supply", "us500-supply"), ("USDJPYWeekend", "usdjpy-weekend"),
            ("AAPLSessions", "aapl-sessions"),
        ])
    func exampleRuns(_ name: String, _ golden: String) throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("\(name).png").path
        let r = try execute(name, [out])
        #expect(r.status == 0, "\(r.stderr)")
        let made = try ChartRenderer.decodePNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: out))))
        let store = try #require(GoldenStore.default())
        let compare = GoldenStore(referenceRoot: store.referenceRoot, artifactRoot: store.artifactRoot, mode: .never)
        let outcome = compare.check(made, kind: "examples", name: golden)
        #expect(outcome.passed, "example \(name): \(outcome.message)")
    }
}
