import Foundation
import Testing

/// `chartdraw-bench` keeps the command line and output the peers of ../shared/bench follow
/// (`--workload`, `--batch`, one JSON line with the keys `summarize.py` reads), and its
/// validation mode counts what it is given. Run on a tiny workload built here, so the check
/// needs neither Python nor the generated data, and the benchmark cannot rot unnoticed.
@Suite("Benchmark command-line contract")
struct BenchContractTests {
    static var binary: URL { CLI.productsDirectory.appendingPathComponent("chartdraw-bench") }

    /// One image in the bench schema (`chart-bench-workload/1`): `n` hourly candles and one
    /// drawing of each kind the peers draw.
    static func workload(n: Int, variant: Int) -> String {
        let t0 = 1_704_067_200 + variant * 86_400
        var t: [String] = [], o: [String] = [], h: [String] = [], l: [String] = [], c: [String] = []
        var price = 100.0 + Double(variant)
        for i in 0..<n {
            let close = price * (1 + 0.004 * sin(Double(i) * 0.7 + Double(variant)))
            t.append("\(t0 + i * 3600)")
            o.append("\(price)")
            h.append("\(max(price, close) + 0.2)")
            l.append("\(min(price, close) - 0.2)")
            c.append("\(close)")
            price = close
        }
        func at(_ i: Int, _ p: Double) -> String { #"{"t": \#(t0 + i * 3600), "price": \#(p)}"# }
        let drawings = [
            ##"{"type": "hline", "id": "h1", "price": 99.5, "color": "#2962ff", "width": 1.5, "dash": [6, 4]}"##,
            ##"{"type": "hline", "id": "h2", "price": 100.5, "color": "#9c27b0", "width": 1.5, "dash": []}"##,
            ##"{"type": "hline", "id": "h3", "price": 101.5, "color": "#2962ff", "width": 1.5, "dash": [6, 4]}"##,
            ##"{"type": "trendline", "id": "tl1", "p1": \##(at(1, 99.8)), "p2": \##(at(n - 2, 101.0)), "color": "#00897b", "width": 2.0}"##,
            ##"{"type": "rectangle", "id": "r1", "p1": \##(at(2, 100.8)), "p2": \##(at(n / 2, 99.6)), "stroke": "#3f51b5", "fill": "#3f51b5", "fill_alpha": 0.15, "width": 1.5}"##,
            ##"{"type": "parallel_channel", "id": "ch1", "p1": \##(at(3, 99.7)), "p2": \##(at(n - 3, 100.9)), "p3": \##(at(5, 100.4)), "stroke": "#1e88e5", "fill": "#1e88e5", "fill_alpha": 0.12, "width": 1.5}"##,
            ##"{"type": "fib_retracement", "id": "fib1", "p1": \##(at(4, 99.2)), "p2": \##(at(n - 4, 101.4)), "width": 1, "levels": [{"level": 0, "color": "#787b86"}, {"level": 0.5, "color": "#f23645"}, {"level": 1, "color": "#787b86"}]}"##,
            ##"{"type": "price_level", "id": "entry", "role": "entry", "price": 100.2, "color": "#2962ff", "width": 1, "dash": []}"##,
            ##"{"type": "price_level", "id": "target", "role": "target", "price": 101.2, "color": "#089981", "width": 1, "dash": []}"##,
        ]
        let j = { (xs: [String]) in "[" + xs.joined(separator: ", ") + "]" }
        return
            #"{"schema": "chart-bench-workload/1", "n": \#(n), "variant": \#(variant), "symbol": "TEST", "title": "bench contract", "canvas": {"width": 320, "height": 200}, "candles": {"t": \#(j(t)), "open": \#(j(o)), "high": \#(j(h)), "low": \#(j(l)), "close": \#(j(c))}, "drawings": \#(j(drawings))}"#
    }

    static func run(_ args: [String]) throws -> CLI.Result {
        try CLI.product("chartdraw-bench", args)
    }

    /// The single JSON object a run printed.
    static func object(_ r: CLI.Result) throws -> [String: Any] {
        let line = try #require(r.stdout.split(separator: "\n").last, "no output; stderr: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test(arguments: ["mem", "none"])
    func batchPrintsWhatTheSummaryReads(_ mode: String) throws {
        let lines = (0..<3).map { Self.workload(n: 40, variant: $0) }.joined(separator: "\n") + "\n"
        let path = try CLI.temp(lines, name: "workload-40-k3.jsonl")
        let r = try Self.run(["--batch", path, "--k", "3", "--png", mode])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try Self.object(r)
        #expect(j["peer"] as? String == "swift")
        #expect(j["mode"] as? String == "png-\(mode)")
        #expect(j["n"] as? Int == 40)
        #expect(j["k"] as? Int == 3)
        let phases = try #require(j["median_ms"] as? [String: Double])
        #expect(Set(phases.keys) == ["parse", "draw", "png", "free"])
        #expect(try #require(phases["draw"]) > 0)
        #expect(mode == "mem" ? try #require(phases["png"]) > 0 : phases["png"] == 0)
        #expect(try #require(j["median_total_ms"] as? Double) > 0)
        #expect(try #require(j["images_per_s"] as? Double) > 0)
        #expect(try #require(j["first_image_ms"] as? Double) > 0)
        #expect(try #require(j["maxrss_kib"] as? Int) > 0)
        let bytes = try #require(j["png_bytes_last"] as? Int)
        #expect(mode == "mem" ? bytes > 1000 : bytes == 0)
    }

    @Test func singleImageWritesAPNGAndItsPhases() throws {
        let path = try CLI.temp(Self.workload(n: 40, variant: 0), name: "workload-40.json")
        let out = path + ".png"
        let r = try Self.run(["--workload", path, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try Self.object(r)
        for key in ["parse_ms", "draw_ms", "png_ms", "maxrss_kib"] { #expect(j[key] is NSNumber, "\(key) missing") }
        let png = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func validationCorpusCountsAndDumpsEveryLine() throws {
        let example = try String(contentsOfFile: CLI.fixture("create-analysis.json"), encoding: .utf8)
        let compact = example.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let broken = compact.replacingOccurrences(of: "\"BULLISH\"", with: "\"SIDEWAYS\"")
        #expect(broken != compact)
        let corpus = try CLI.temp(compact + "\n" + broken + "\n{\"truncated\":\n", name: "corpus.jsonl")
        let dump = corpus + ".dump.jsonl"
        let r = try Self.run(["validate", "corpus", corpus, "--runs", "1", "--warmup", "0", "--dump", dump])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try Self.object(r)
        #expect(j["docs"] as? Int == 3)
        #expect(j["invalid_docs"] as? Int == 2)
        #expect(try #require(j["docs_per_s"] as? Double) > 0)
        let rows = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(rows.map { $0["valid"] as? Bool } == [true, false, false])
        let paths = (rows[1]["errors"] as? [[Any]])?.compactMap { $0.first as? String }
        #expect(paths == ["/metadata/direction"])
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try Self.run(["--batch"]).status == 64)
        #expect(try Self.run(["--frobnicate", "1"]).status == 64)
        #expect(try Self.run(["--batch", "/nonexistent/file.jsonl", "--k", "1"]).status == 1)
        #expect(try Self.run(["validate", "corpus"]).status == 64)
        #expect(try Self.run(["validate", "corpus", "/nonexistent/corpus.jsonl"]).status == 66)
    }
}
