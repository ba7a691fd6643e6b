import ChartDraw
import ChartDrawCore
import ChartDrawGoldenTesting
import ChartDrawRender
import ChartDrawWire
import Glibc
import Testing

/// Every analysis-driven case under `golden-images/<kind>/`, each its own test: the case's
/// create body, options and candles through `ChartDraw.render`, compared with `<case>.png`.
@Suite struct AnalysisGoldenTests {
    /// The analysis-driven kinds (folders under `golden-images/`; `primitives/` is separate).
    static let kinds = [
        "drawings", "levels", "expiry", "view", "themes", "candles", "labels", "examples", "events", "scripts",
    ]

    /// Every case of every kind.
    static let cases: [GoldenCase] = kinds.flatMap { GoldenCases.list($0) }

    @Test(arguments: cases)
    func golden(_ c: GoldenCase) throws {
        let spec: GoldenCaseSpec
        do {
            spec = try GoldenCaseSpec.parse(c.json)
        } catch {
            Issue.record("golden \(c.kind)/\(c.name).json: \(error)")
            return
        }
        let rendered: (image: RGBAImage, warnings: [String])
        do {
            rendered = try spec.render()
        } catch {
            Issue.record("golden \(c.kind)/\(c.name): \(error)")
            return
        }
        // The device size follows from the options: a wrong size is a scene bug, not a new picture.
        let w = Int((Double(spec.options.width) * spec.options.pixelScale).rounded())
        let h = Int((Double(spec.options.height) * spec.options.pixelScale).rounded())
        #expect(rendered.image.width == w && rendered.image.height == h, "\(c.kind)/\(c.name)")
        assertGolden(rendered.image, kind: c.kind, name: c.name, tolerance: spec.tolerance)
    }

    /// Each kind has cases (a folder renamed or emptied would otherwise pass silently), and each
    /// has a reference or is about to get one; no reference is left without its case.
    @Test(arguments: kinds)
    func everyKindHasCasesAndNoOrphanReferences(_ kind: String) {
        let folder = GoldenStore.repositoryRoot + "/golden-images/" + kind
        let names = FileSystem.list(folder)
        let jsons = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let pngs = Set(names.filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) })
        #expect(!jsons.isEmpty, "golden-images/\(kind) has no case")
        #expect(
            pngs.subtracting(jsons).isEmpty, "references without a case in \(kind): \(pngs.subtracting(jsons).sorted())"
        )
        #expect(names.allSatisfy { $0.hasSuffix(".json") || $0.hasSuffix(".png") }, "stray files in \(kind): \(names)")
    }

    /// The whole reference folder stays small enough to keep in the repository.
    @Test func referenceFolderStaysSmall() {
        var total = 0
        for kind in Self.kinds {
            let folder = GoldenStore.repositoryRoot + "/golden-images/" + kind
            for name in FileSystem.list(folder) {
                var st = stat()
                if stat(folder + "/" + name, &st) == 0 { total += Int(st.st_size) }
            }
        }
        #expect(total < 4_000_000, "golden-images analysis kinds hold \(total) bytes; keep canvases small")
    }
}

/// The case-file decoder and the candle generator, on their own.
@Suite struct GoldenCaseSpecTests {
    static let body = #"{"sender":"s","metadata":{},"levels":{},"drawings":[]}"#

    @Test func decodesEveryOption() throws {
        let json = #"""
            {"analysis": \#(Self.body),
             "options": {"width": 320, "height": 200, "scale": 1.5, "theme": "dark",
                         "from": "2026-01-05T00:00:00Z", "to": "2026-01-06T00:00:00Z",
                         "minPrice": 99, "maxPrice": 101, "createdAt": "2026-01-05T12:00:00Z",
                         "precision": 3, "header": false},
             "candles": {"generate": {"count": 3}},
             "tolerance": {"channel": 2, "pixels": 5, "reason": "antialiasing"}}
            """#
        let spec = try GoldenCaseSpec.parse(Array(json.utf8))
        #expect(spec.options.width == 320 && spec.options.height == 200 && spec.options.pixelScale == 1.5)
        #expect(spec.options.theme == .dark && spec.options.showsHeader == false && spec.options.pricePrecision == 3)
        #expect(spec.options.priceRange == 99...101)
        #expect(spec.options.timeRange?.lowerBound.iso8601 == "2026-01-05T00:00:00Z")
        #expect(spec.options.createdAt?.iso8601 == "2026-01-05T12:00:00Z")
        #expect(spec.tolerance.maxChannelDifference == 2 && spec.tolerance.maxDifferingPixels == 5)
        #expect(try spec.candleSeries()?.candles.count == 3)
    }

    @Test(arguments: [
        #"{"analysis": \#(GoldenCaseSpecTests.body), "option": {}}"#,  // misspelt member
        #"{"analysis": \#(GoldenCaseSpecTests.body), "options": {"widht": 320}}"#,
        #"{"analysis": \#(GoldenCaseSpecTests.body), "options": {"from": "2026-01-05T00:00:00Z"}}"#,
        #"{"analysis": \#(GoldenCaseSpecTests.body), "options": {"theme": "sepia"}}"#,
        #"{"analysis": \#(GoldenCaseSpecTests.body), "tolerance": {"channel": 3}}"#,  // no reason
        #"{"analysis": \#(GoldenCaseSpecTests.body), "tolerance": {"channel": 3, "reason": " "}}"#,
        #"{"analysis": \#(GoldenCaseSpecTests.body), "candles": "/etc/passwd"}"#,
        #"{"analysis": \#(GoldenCaseSpecTests.body), "candles": {"generate": {"count": 0}}}"#,
        #"{"options": {}}"#,
    ])
    func rejectsBadCases(_ json: String) {
        #expect(throws: GoldenCaseError.self) { try GoldenCaseSpec.parse(Array(json.utf8)) }
    }

    @Test func generatorIsDeterministicAndValid() throws {
        let g = CandleGenerator(count: 500, seed: 7, volatility: 0.01, gapAfter: 100, gapSeconds: 86_400)
        let a = g.candles(), b = g.candles()
        #expect(a == b)
        var other = g
        other.seed = 8
        #expect(other.candles() != a)
        let series = try CandleSeries(validating: a)
        #expect(series.interval == 3600)
        #expect(a[100].time.seconds - a[99].time.seconds == 3600 + 86_400)
        #expect(series.warnings.count == 1)
        // The walk moves: not every close is equal.
        #expect(Set(a.map(\.close)).count > 400)
        // The last candle as an independent port of the algorithm (Python, same xorshift64*
        // and arithmetic) computes it: changing the generator changes every generated reference.
        #expect(a[0].open == 100)
        #expect(a[499].open == 106.68114610084021 && a[499].close == 106.1518023889307)
        #expect(a[499].high == 106.76400796095452 && a[499].low == 106.00403683167993)
    }

    @Test func flatGeneratorHasOnePrice() {
        let a = CandleGenerator(count: 10, price: 42, flat: true).candles()
        #expect(a.allSatisfy { $0.open == 42 && $0.high == 42 && $0.low == 42 && $0.close == 42 })
    }
}
