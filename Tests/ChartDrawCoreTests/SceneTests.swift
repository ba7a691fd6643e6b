import Testing

@testable import ChartDrawCore

@Suite("Scene: layout, viewport, clipping, candles")
struct SceneTests {
    typealias F = SceneFixture

    /// A full analysis like the API's example: levels, a zone, an arrow and a target line.
    static func exampleAnalysis() -> Analysis {
        Analysis(
            metadata: AnalysisMetadata(
                direction: .bullish, entryPlacement: .belowCurrent, expiry: Expiry(hours: 24),
                title:
                    "Bounce from [[zone:demand zone]] with a very long title that cannot fit anywhere at all in a small chart",
                timeframe: "H1", symbol: "GBP/USD"),
            levels: Levels(
                pivot: LevelEntry(price: 51, clientObjectId: "p", time: F.time(20)),
                resistance: LevelEntry(price: 54, clientObjectId: "r", time: F.time(20)),
                support: LevelEntry(price: 47, clientObjectId: "s", time: F.time(20))),
            drawings: [
                .rectangle(
                    RectangleDrawing(
                        clientObjectId: "zone", corner1: F.point(30, 46), corner2: F.point(50, 48),
                        style: DrawingStyle(fillColor: RGBAColor(hex: "#00FF33")))),
                .line(
                    LineDrawing(
                        clientObjectId: "l", start: F.point(40, 49), end: F.point(70, 55), endHead: .arrow,
                        style: DrawingStyle(lineStyle: .dashed))),
                .horizontalLine(
                    HorizontalLineDrawing(
                        clientObjectId: "t", point: F.point(40, 56),
                        style: DrawingStyle(color: RGBAColor(hex: "#FF0000")))),
                .fibonacciRetracement(
                    FibonacciRetracementDrawing(
                        clientObjectId: "f", start: F.point(5, 45), end: F.point(25, 55), style: DrawingStyle())),
                .parallel(
                    ParallelDrawing(
                        clientObjectId: "c", p1: F.point(0, 46), p2: F.point(50, 50), p3: F.point(0, 49),
                        style: DrawingStyle(fillColor: RGBAColor(hex: "#2962FF")))),
            ])
    }

    /// Scenes the generic checks run over.
    static func scenes() throws -> [SceneResult] {
        let a = exampleAnalysis()
        let candles = try F.candles(60)
        return [
            try ChartScene.build(analysis: a, candles: candles, options: ChartOptions()),
            try ChartScene.build(
                analysis: a, candles: candles,
                options: ChartOptions(width: 320, height: 180, pixelScale: 2, theme: .dark)),
            try ChartScene.build(analysis: a, candles: nil, options: ChartOptions(width: 64, height: 64)),
            try ChartScene.build(
                analysis: a, candles: try F.candles(20_000, hours: 0.25), options: ChartOptions(pixelScale: 1.5)),
            try ChartScene.build(analysis: Analysis(), candles: nil, options: ChartOptions()),
            try F.build(a.drawings ?? [], levels: a.levels, metadata: a.metadata, candles: candles),
        ]
    }

    @Test func groupsComeInOrder() throws {
        let r = try ChartScene.build(
            analysis: Self.exampleAnalysis(), candles: try F.candles(60), options: ChartOptions())
        let groups = r.displayList.items.compactMap { if case .beginGroup(let g) = $0 { return g } else { return nil } }
        #expect(groups == ["grid", "candles", "levels", "drawings", "expiry", "axes", "labels"])
        #expect(r.displayList.width == 1200 && r.displayList.height == 675)
        #expect(r.displayList.background == ChartTheme.light.background)
        // Every text run is in the labels group.
        var group = ""
        for item in r.displayList.items {
            if case .beginGroup(let g) = item { group = g }
            if case .text = item { #expect(group == "labels") }
        }
    }

    @Test func everyCoordinateIsFiniteAndInsideTheCanvas() throws {
        for r in try Self.scenes() {
            #expect(DumpReading.coordinateProblems(r.displayList) == [])
        }
    }

    @Test func farAwayAndHugeCoordinatesAreClippedToThePlot() throws {
        let far = ChartPoint(time: Timestamp(year: 1, month: 1, day: 1)!, price: 1e12)
        let farther = ChartPoint(time: Timestamp(year: 9999, month: 12, day: 31)!, price: 1e-9)
        let style = DrawingStyle(lineWidth: 3, fillColor: RGBAColor(hex: "#123456"))
        let drawings: [Drawing] = [
            .line(
                LineDrawing(
                    clientObjectId: "a", start: far, end: farther, startHead: .arrow, endHead: .arrow, style: style)),
            .line(
                LineDrawing(clientObjectId: "b", start: F.point(50, 50), end: farther, endHead: .arrow, style: style)),
            .rectangle(RectangleDrawing(clientObjectId: "c", corner1: far, corner2: F.point(50, 50), style: style)),
            .parallel(ParallelDrawing(clientObjectId: "d", p1: far, p2: farther, p3: F.point(50, 50), style: style)),
            .fibonacciRetracement(
                FibonacciRetracementDrawing(clientObjectId: "e", start: far, end: F.point(50, 50), style: style)),
            .horizontalLine(HorizontalLineDrawing(clientObjectId: "f", point: far, style: style)),
        ]
        let r = try F.build(drawings)
        #expect(DumpReading.coordinateProblems(r.displayList) == [])
        // Every drawing point lies on the plot (edges included).
        let plot = r.scale.plot
        var inDrawings = false
        for item in r.displayList.items {
            if case .beginGroup(let g) = item { inDrawings = g == "drawings" }
            guard inDrawings else { continue }
            if case .fill(let p, _) = item {
                for e in p.elements { if case .line(let q) = e { #expect(Geo.inside(q, plot)) } }
            }
            if case .stroke(let p, let s) = item {
                for e in p.elements {
                    if case .line(let q) = e {
                        // A rectangle border may sit just past the plot edge, under the clip.
                        let grown = PixelRect(
                            x: plot.x - 2 * s.width - 2, y: plot.y - 2 * s.width - 2,
                            width: plot.width + 4 * s.width + 4, height: plot.height + 4 * s.width + 4)
                        #expect(Geo.inside(q, grown))
                    }
                }
            }
        }
        // And with the fitted view (no explicit ranges) nothing overflows either.
        let fitted = try ChartScene.build(analysis: Analysis(drawings: drawings), candles: nil, options: ChartOptions())
        #expect(DumpReading.coordinateProblems(fitted.displayList) == [])
    }

    @Test func labelsStayInsideTheCanvasAndAxisLabelsDoNotOverlap() throws {
        for r in try Self.scenes() {
            let texts = DumpReading.texts(r.displayList)
            let canvas = PixelRect(x: 0, y: 0, width: Double(r.displayList.width), height: Double(r.displayList.height))
            for t in texts {
                let b = DumpReading.box(t)
                #expect(
                    b.x >= -1e-9 && b.y >= -1e-9 && b.maxX <= canvas.maxX + 1e-9 && b.maxY <= canvas.maxY + 1e-9,
                    "\(t.text)")
            }
            // Time labels (below the plot) never overlap one another.
            let timeLabels = texts.map(DumpReading.box).filter { $0.y >= r.scale.plot.maxY }
            for i in timeLabels.indices {
                for j in timeLabels.indices where j > i {
                    #expect(!LabelPlacement.overlaps(timeLabels[i], timeLabels[j]))
                }
            }
        }
    }

    @Test func tagsNeverOverlapEvenForLevelsOnePixelApart() throws {
        // 2 px per price unit: levels 0.5 apart are 1 px apart.
        let levels = Levels(
            pivot: LevelEntry(price: 50.5, clientObjectId: "p", time: F.time(1)),
            resistance: LevelEntry(price: 51, clientObjectId: "r", time: F.time(1)),
            support: LevelEntry(price: 50, clientObjectId: "s", time: F.time(1)))
        let hl: [Drawing] = [
            .horizontalLine(
                HorizontalLineDrawing(clientObjectId: "h", point: F.point(1, 50.25), style: DrawingStyle())),
            .horizontalLine(HorizontalLineDrawing(clientObjectId: "k", point: F.point(1, 99.5), style: DrawingStyle())),
        ]
        let r = try F.build(hl, levels: levels)
        let tags = r.displayList.items.compactMap { item -> PixelRect? in
            guard case .fill(let path, _) = item, path.elements.count == 5, case .move(let p) = path.elements[0],
                p.x == 400,
                case .line(let q) = path.elements[2]
            else { return nil }
            return PixelRect(x: p.x, y: p.y, width: q.x - p.x, height: q.y - p.y)
        }
        #expect(tags.count == 5)
        for i in tags.indices {
            #expect(tags[i].y >= 0 && tags[i].maxY <= 200)
            for j in tags.indices where j > i { #expect(!LabelPlacement.overlaps(tags[i], tags[j])) }
        }
    }

    @Test func aggregationEqualsDrawingEachCandleWhenColumnsHoldOne() throws {
        var always = F.options()
        always.candleAggregation = .always
        var never = F.options()
        never.candleAggregation = .never
        let candles = try F.candles(90)  // 4 px apart: one per column
        let a = try F.build([], candles: candles, options: always)
        let b = try F.build([], candles: candles, options: never)
        #expect(a.displayList == b.displayList)
        let lines = DumpReading.lines(of: "candles", in: a.displayList.dump())
        // Clip, up wicks, down wicks, up bodies, down bodies, unclip, last-price line.
        #expect(lines.count == 7)
    }

    @Test func manyCandlesAreMergedIntoFourBatchedItems() throws {
        let candles = try F.candles(20_000, hours: 0.005)  // 100 hours: 50 per pixel column
        let r = try F.build([], candles: candles)
        let lines = DumpReading.lines(of: "candles", in: r.displayList.dump())
        #expect(lines.count == 7)
        var elements = 0
        for item in r.displayList.items { if case .fill(let p, _) = item { elements += p.elements.count } }
        #expect(elements <= 5 * 401)  // at most one bar per pixel column
    }

    @Test func candleBodiesAndWicksAreCrisp() throws {
        let r = try F.build([], candles: try F.candles(20, hours: 4))  // 16 px apart
        for item in r.displayList.items {
            if case .fill(let p, let c) = item, c == ChartTheme.light.candleUp || c == ChartTheme.light.candleDown {
                for e in p.elements {
                    if case .line(let q) = e { #expect(q.x == q.x.rounded() && q.y == q.y.rounded()) }
                }
            }
            if case .stroke(let p, let s) = item, s.dash.isEmpty, s.color == ChartTheme.light.candleUp {
                for e in p.elements { if case .move(let q) = e { #expect(q.x - q.x.rounded(.down) == 0.5) } }
            }
        }
        // Body width: floor(0.8 × 16) = 12, made odd like the 1 px wick: 11. The second bar
        // (x 16) spans 11...22 with its wick on the middle pixel's centre, 16.5.
        let lines = DumpReading.lines(of: "candles", in: r.displayList.dump())
        #expect(
            lines.contains { $0.hasPrefix("fill #26A69A M 0.00,") && $0.contains(" Z M 11.00,100.00 L 22.00,100.00 ") })
        #expect(lines.contains { $0.hasPrefix("stroke #26A69A w1.00 M 16.50,") })
    }

    @Test func fitPadsPricesAndLeavesRoomRightOfTheLastBar() throws {
        let candles = try F.candles(100)
        let r = try ChartScene.build(analysis: Analysis(), candles: candles, options: ChartOptions())
        let b = candles.bounds
        let span = b.maxPrice - b.minPrice
        #expect(abs(r.scale.priceRange.lowerBound - (b.minPrice - 0.08 * span)) < 1e-9)
        #expect(abs(r.scale.priceRange.upperBound - (b.maxPrice + 0.08 * span)) < 1e-9)
        #expect(r.scale.timeRange.upperBound > b.maxTime + 0.05 * (b.maxTime - b.minTime))
        #expect(r.scale.timeRange.lowerBound < b.minTime)
    }

    @Test func flatSeriesGetsANonZeroPriceRange() throws {
        let flat = try CandleSeries(
            validating: (0..<10).map { Candle(time: F.time(Double($0)), open: 2, high: 2, low: 2, close: 2) })
        let r = try ChartScene.build(analysis: Analysis(), candles: flat, options: ChartOptions())
        #expect(r.scale.priceRange.lowerBound < 2 && r.scale.priceRange.upperBound > 2)
        #expect(DumpReading.coordinateProblems(r.displayList) == [])
    }

    @Test func expiryIsPulledIntoViewWhenClose() throws {
        let candles = try F.candles(100)  // hours 0...99
        let meta = AnalysisMetadata(expiry: Expiry(hours: 24))
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
        let expiry = F.time(99 + 24).secondsSinceEpoch
        #expect(r.scale.timeRange.contains(expiry))
        let texts = DumpReading.texts(r.displayList).map(\.text)
        #expect(texts.contains("Expires 13 Jan 03:00 UTC"))
        // A far expiry is only noted at the right edge.
        let far = AnalysisMetadata(expiry: Expiry(hours: 24 * 30))
        let r2 = try ChartScene.build(analysis: Analysis(metadata: far), candles: candles, options: ChartOptions())
        #expect(!r2.scale.timeRange.contains(F.time(99 + 720).secondsSinceEpoch))
        #expect(DumpReading.texts(r2.displayList).map(\.text).contains("Expires 11 Feb 03:00 UTC →"))
    }

    @Test func headerShowsSymbolTimeframeBadgeAndTruncatedTitle() throws {
        let r = try ChartScene.build(
            analysis: Self.exampleAnalysis(), candles: nil, options: ChartOptions(width: 480, height: 270))
        let texts = DumpReading.texts(r.displayList)
        #expect(texts.first { $0.text == "GBP/USD" }?.font.weight == .bold)
        #expect(texts.contains { $0.text == "H1" })
        #expect(texts.contains { $0.text == "Bullish bounce" })
        let title = try #require(texts.first { $0.text.hasPrefix("Bounce from demand zone") })
        #expect(title.text.hasSuffix("…"))
        #expect(DumpReading.box(title).maxX <= 480 - 10)
        // The badge is filled in the bullish colour.
        #expect(
            r.displayList.items.contains {
                if case .fill(_, let c) = $0 { return c == ChartTheme.light.bullish } else { return false }
            })
    }

    @Test func errorsForBadOptions() {
        func error(_ o: ChartOptions) -> SceneError? {
            do {
                _ = try ChartScene.build(analysis: Analysis(), candles: nil, options: o)
                return nil
            } catch { return error }
        }
        #expect(error(ChartOptions(width: 63)) == .invalidSize(width: 63, height: 675))
        #expect(error(ChartOptions(height: 9000)) == .invalidSize(width: 1200, height: 9000))
        #expect(error(ChartOptions(pixelScale: 0.25)) == .invalidPixelScale(0.25))
        #expect(error(ChartOptions(pixelScale: .nan)) != nil)
        #expect(
            error(ChartOptions(width: 4096, height: 4096, pixelScale: 3)) == .tooManyPixels(width: 12288, height: 12288)
        )
        #expect(
            error(ChartOptions(width: 8000, height: 8000, pixelScale: 1)) == .tooManyPixels(width: 8000, height: 8000))
        #expect(error(ChartOptions(timeRange: F.base...F.base)) == .invalidTimeRange(F.base, F.base))
        #expect(error(ChartOptions(priceRange: 1...1)) == .invalidPriceRange(1, 1))
        #expect(error(ChartOptions(priceRange: 1...Double.infinity)) == .invalidPriceRange(1, .infinity))
        #expect(error(ChartOptions(pricePrecision: 13)) == .invalidPricePrecision(13))
        #expect(error(ChartOptions(width: 64, height: 8192, pixelScale: 1)) == nil)
        let message = SceneError.invalidSize(width: 63, height: 675).description
        #expect(message.contains("64") && message.contains("8192"))
    }

    @Test func extremeInputsGiveWarningsNotTraps() throws {
        let candles = try F.candles(30)
        for hours: Int64 in [.max, .min, -5, 0, 876_000_000] {
            let r = try ChartScene.build(
                analysis: Analysis(metadata: AnalysisMetadata(expiry: Expiry(hours: hours))), candles: candles,
                options: ChartOptions())
            #expect(DumpReading.coordinateProblems(r.displayList) == [])
        }
        let absurd = try ChartScene.build(
            analysis: Analysis(metadata: AnalysisMetadata(expiry: Expiry(hours: .max))), candles: candles,
            options: ChartOptions())
        #expect(absurd.warnings.contains { $0.message.contains("no expiry drawn") })
        // Candles a century apart seen through a one-second window.
        let sparse = try CandleSeries(validating: [
            Candle(time: Timestamp(year: 1900, month: 1, day: 1)!, open: 1, high: 2, low: 1, close: 2),
            Candle(time: Timestamp(year: 2000, month: 1, day: 1)!, open: 2, high: 3, low: 1, close: 1),
        ])
        let t = Timestamp(year: 2000, month: 1, day: 1)!
        let tiny = try ChartScene.build(
            analysis: Analysis(), candles: sparse, options: ChartOptions(timeRange: t...t.adding(seconds: 1)!))
        #expect(DumpReading.coordinateProblems(tiny.displayList) == [])
    }

    @Test func noMetadataMeansNoHeaderBand() throws {
        let r = try ChartScene.build(analysis: Analysis(), candles: try F.candles(30), options: ChartOptions())
        #expect(r.scale.plot.y == 0)
        let withHeader = try ChartScene.build(analysis: Self.exampleAnalysis(), candles: nil, options: ChartOptions())
        #expect(withHeader.scale.plot.y == 36)
        let hiDPI = try ChartScene.build(
            analysis: Self.exampleAnalysis(), candles: nil, options: ChartOptions(pixelScale: 2))
        #expect(hiDPI.scale.plot.y == 72)
    }

    @Test func sameInputSameList() throws {
        let a = try Self.scenes()
        let b = try Self.scenes()
        #expect(a.map(\.displayList) == b.map(\.displayList))
    }
}
