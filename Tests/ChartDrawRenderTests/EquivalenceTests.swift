import ChartDraw
import ChartDrawGoldenTesting
import ChartDrawRender
import ChartDrawWire
import Testing

@testable import ChartDrawCore

/// Two ways of drawing the same thing must give the same pixels: no stored image, so these
/// keep holding whatever the fonts or the rasteriser become.
@Suite struct EquivalenceTests {
    /// A fixed view, so that the two sides of a comparison cannot differ by their fit.
    static let view = ChartOptions(
        width: 320, height: 200,
        timeRange: Timestamp(iso8601: "2026-01-05T00:00:00Z")!...Timestamp(
            iso8601: "2026-01-07T00:00:00Z")!, priceRange: 100...110, pricePrecision: 2, showsHeader: false)

    // MARK: - Helpers

    /// A create body with these drawings (a JSON array's members).
    static func body(_ drawings: String) -> String {
        #"""
        {"sender": "eq@example.com",
         "metadata": {"direction": "BULLISH", "entryPlacement": "BELOW_CURRENT", "expiry": {"type": "HOURS", "hours": 24},
                      "title": "Equivalence", "timeframe": "H1", "symbol": "TEST"},
         "levels": {}, "drawings": [\#(drawings)]}
        """#
    }

    /// A point as JSON.
    static func p(_ time: String, _ price: Double) -> String {
        #"{"time": "2026-01-\#(time):00Z", "price": \#(price)}"#
    }

    /// The scene of a body (validated: every equivalence is about valid input).
    static func scene(_ json: String, candles: CandleSeries? = nil, options: ChartOptions = view) throws -> SceneResult
    {
        let report = ChartAnalysisValidator.validate(json: json, policy: .lenient)
        #expect(report.isValid, "\(report.errors)")
        let analysis = try #require(report.analysis)
        return try ChartScene.build(analysis: analysis, candles: candles, options: options)
    }

    /// The pixels of a body.
    static func pixels(_ json: String, candles: CandleSeries? = nil, options: ChartOptions = view) throws -> RGBAImage {
        try ChartRenderer.rasterize(scene(json, candles: candles, options: options).displayList)
    }

    /// Expects two images to be identical, with the pixel count in the message when not.
    static func expectSame(
        _ a: RGBAImage, _ b: RGBAImage, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let c = ImageComparison(expected: a, actual: b, tolerance: .identical)
        #expect(c.passes, "\(what): \(c.summary)", sourceLocation: sourceLocation)
    }

    /// Expects the drawing under test to have changed something (so sameness is not vacuous).
    static func expectDiffers(
        _ a: RGBAImage, _ b: RGBAImage, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let c = ImageComparison(expected: a, actual: b, tolerance: .identical)
        #expect(
            c.differingPixels > 50, "\(what): only \(c.differingPixels) pixels differ", sourceLocation: sourceLocation)
    }

    /// The list without one named group (its items and its markers).
    static func removingGroup(_ name: String, from list: DisplayList) -> DisplayList {
        var out = list
        out.items = []
        var depth = 0
        for item in list.items {
            if depth > 0 {
                if case .beginGroup = item { depth += 1 }
                if case .endGroup = item { depth -= 1 }
                continue
            }
            if case .beginGroup(let n) = item, n == name {
                depth = 1
                continue
            }
            out.items.append(item)
        }
        return out
    }

    // MARK: - Geometry given two ways

    @Test func rectangleCornersInAnyOrder() throws {
        let st = ##""style": {"fillColor": "#00FF33", "borderColor": "#00C853", "lineWidth": 2}"##
        func rect(_ a: String, _ b: String) -> String {
            Self.body(#"{"type": "RECTANGLE", "clientObjectId": "r", "points": [\#(a), \#(b)], \#(st)}"#)
        }
        let a = Self.p("05T04:00", 101.3), b = Self.p("06T10:00", 107.7)
        let aTimeBPrice = Self.p("05T04:00", 107.7), bTimeAPrice = Self.p("06T10:00", 101.3)
        let reference = try Self.pixels(rect(a, b))
        Self.expectSame(reference, try Self.pixels(rect(b, a)), "corners swapped")
        Self.expectSame(reference, try Self.pixels(rect(aTimeBPrice, bTimeAPrice)), "the other diagonal")
        Self.expectSame(reference, try Self.pixels(rect(bTimeAPrice, aTimeBPrice)), "the other diagonal swapped")
        Self.expectDiffers(reference, try Self.pixels(Self.body("")), "the rectangle against nothing")
    }

    @Test(arguments: ["SOLID", "DASHED", "DOTTED"])
    func lineDrawnEitherWay(_ lineStyle: String) throws {
        let st = ##""style": {"color": "#F23645", "lineWidth": 3, "lineStyle": "\##(lineStyle)"}"##
        func line(_ a: String, _ b: String, heads: String = "") -> String {
            Self.body(#"{"type": "LINE", "clientObjectId": "l", "points": [\#(a), \#(b)], \#(heads)\#(st)}"#)
        }
        let a = Self.p("05T03:00", 101.2), b = Self.p("06T19:00", 108.9)
        let reference = try Self.pixels(line(a, b))
        Self.expectSame(reference, try Self.pixels(line(b, a)), "B to A")
        Self.expectSame(
            reference, try Self.pixels(line(b, a, heads: #""startHead": "NONE", "endHead": "NONE", "#)),
            "B to A with explicit NONE heads")
        Self.expectDiffers(reference, try Self.pixels(Self.body("")), "the line against nothing")
    }

    @Test(arguments: [1, 2, 3])
    func horizontalLineIsAZeroSlopeLineAcrossThePlot(_ width: Int) throws {
        let st = ##""style": {"color": "#2962FF", "lineWidth": \##(width), "lineStyle": "DASHED"}"##
        let horizontal = Self.body(
            #"{"type": "HORIZONTAL_LINE", "clientObjectId": "h", "points": [\#(Self.p("05T12:00", 104.37))], \#(st)}"#)
        // A LINE at the same price from before the view to after it: clipped to the plot's width.
        let line = Self.body(
            #"{"type": "LINE", "clientObjectId": "h", "points": [{"time": "2025-12-01T00:00:00Z", "price": 104.37}, {"time": "2026-02-01T00:00:00Z", "price": 104.37}], \#(st)}"#
        )
        let h = try Self.scene(horizontal), l = try Self.scene(line)
        // Same plot (a tag as wide as the axis labels), so only the tag itself may differ...
        #expect(h.scale.plot == l.scale.plot)
        // ...and the tag lives in "labels": everything else must be identical.
        let hp = try ChartRenderer.rasterize(Self.removingGroup("labels", from: h.displayList))
        let lp = try ChartRenderer.rasterize(Self.removingGroup("labels", from: l.displayList))
        Self.expectSame(hp, lp, "HORIZONTAL_LINE against a zero-slope LINE, width \(width)")
        let empty = try Self.scene(Self.body(""))
        Self.expectDiffers(
            hp, try ChartRenderer.rasterize(Self.removingGroup("labels", from: empty.displayList)),
            "the line against nothing")
        // With labels, the horizontal line has its price tag and the LINE does not.
        Self.expectDiffers(
            try ChartRenderer.rasterize(h.displayList), try ChartRenderer.rasterize(l.displayList), "the tag")
    }

    // MARK: - Threads

    @Test func sameAnalysisOnFourThreadsAtOnce() throws {
        let analysis = try Self.exampleAnalysis()
        let candles = try CandleSeries(
            validating: CandleGenerator(count: 300, seed: 3, price: 60_000, volatility: 0.01).candles())
        let options = ChartOptions(width: 800, height: 450)
        let serial = try ChartRenderer.rasterize(
            ChartScene.build(analysis: analysis, candles: candles, options: options).displayList)
        let results = Locked<[Int: RGBAImage]>([:])
        let failures = Locked<[String]>([])
        runOnThreads(4) { i in
            // Each thread lays out and renders on its own, many times over, to overlap for real.
            for _ in 0..<3 {
                do {
                    let scene = try ChartScene.build(analysis: analysis, candles: candles, options: options)
                    let image = try ChartRenderer.rasterize(scene.displayList)
                    results.withLock { $0[i] = image }
                } catch {
                    failures.withLock { $0.append("thread \(i): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let images = results.withLock { $0 }
        #expect(images.count == 4)
        for (i, image) in images.sorted(by: { $0.key < $1.key }) {
            Self.expectSame(serial, image, "thread \(i) against the serial render")
        }
    }

    /// The BTC example's body (three drawing types, levels, links in the text).
    static func exampleAnalysis() throws -> Analysis {
        let path = GoldenStore.repositoryRoot + "/Examples/BTCFibChannel/analysis.json"
        let bytes = try #require(FileSystem.read(path))
        let report = ChartAnalysisValidator.validate(bytes)
        #expect(report.isValid)
        return try #require(report.analysis)
    }

    // MARK: - Aggregation

    /// 20,000 hourly candles merged per pixel column against every candle drawn. Each column's
    /// wick spans the lowest low to the highest high either way, so the shape (which pixels are
    /// not background) must agree; the colour need not: drawn one by one, the bodies of the ~60
    /// candles in a column pile up and the last painted colour (down bodies are painted after up
    /// ones) wins, where the merged bar shows the column's net move from first open to last close.
    @Test func aggregatedCandlesHaveTheShapeOfEveryCandle() throws {
        let candles = try CandleSeries(validating: CandleGenerator(count: 20_000, seed: 7, volatility: 0.004).candles())
        var merged = ChartOptions(width: 400, height: 240, showsHeader: false)
        merged.candleAggregation = .always
        var each = merged
        each.candleAggregation = .never
        var automatic = merged
        automatic.candleAggregation = .automatic
        let json = Self.body("")
        let m = try Self.scene(json, candles: candles, options: merged)
        let e = try Self.scene(json, candles: candles, options: each)
        let a = try Self.scene(json, candles: candles, options: automatic)
        // Automatic mode merges here (20,000 candles, about 350 columns).
        #expect(a.displayList == m.displayList)
        #expect(m.displayList != e.displayList)

        // Only the candles: drop everything else, so the comparison is about bars alone.
        func candlesOnly(_ s: SceneResult) -> DisplayList {
            var list = s.displayList
            for g in ["grid", "levels", "drawings", "expiry", "axes", "labels"] {
                list = Self.removingGroup(g, from: list)
            }
            return list
        }
        let mi = try ChartRenderer.rasterize(candlesOnly(m)), ei = try ChartRenderer.rasterize(candlesOnly(e))
        let background = (mi[0, 0].red, mi[0, 0].green, mi[0, 0].blue)
        var painted = 0, shapeDiffers = 0, colourDiffers = 0
        for y in 0..<mi.height {
            for x in 0..<mi.width {
                let p = mi[x, y], q = ei[x, y]
                let pm = (p.red, p.green, p.blue) != background, qm = (q.red, q.green, q.blue) != background
                if pm || qm { painted += 1 }
                if pm != qm {
                    shapeDiffers += 1
                } else if pm && (p.red, p.green, p.blue) != (q.red, q.green, q.blue) {
                    colourDiffers += 1
                }
            }
        }
        #expect(painted > 2_000, "the candles cover \(painted) pixels")
        // The shape: at most 1% of the painted pixels, for wick ends rounded from a merged
        // range instead of one candle's.
        #expect(shapeDiffers * 100 <= painted, "shape differs in \(shapeDiffers) of \(painted) pixels")
        // Recorded so a change in either path shows up in the log.
        print("aggregation: \(painted) painted pixels, shape differs in \(shapeDiffers), colour in \(colourDiffers)")
    }
}
