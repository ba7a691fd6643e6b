import Testing

@testable import ChartDrawCore

/// Price precision from the data, contrast halos, sizes that follow the canvas, level and
/// Fibonacci labels, and the expiry at every chart length.
@Suite("Readability: precision, contrast, canvas size, labels, expiry")
struct ReadabilityTests {
    typealias F = SceneFixture

    /// Hourly candles from ``SceneFixture/base`` zig-zagging around `around` by `step`, every
    /// price rounded to `decimals` (as an exchange writes them).
    static func candles(_ count: Int, around: Double, step: Double, decimals: Int) throws -> CandleSeries {
        let p = PriceFormat.powerOfTen(decimals)
        func r(_ v: Double) -> Double { (v * p).rounded() / p }
        var out: [Candle] = []
        for i in 0..<count {
            let o = r(around + Double(i % 7 - 3) * step)
            let c = r(around + Double((i * 5) % 11 - 5) * step / 2)
            out.append(
                Candle(
                    time: F.time(Double(i)), open: o, high: r(Swift.max(o, c) + 1.5 * step),
                    low: r(Swift.min(o, c) - 1.25 * step), close: c))
        }
        return try CandleSeries(validating: out)
    }

    /// The texts right of the plot (price labels and tags), and those under it (time labels).
    static func axisTexts(_ r: SceneResult) -> (price: [TextRun], time: [TextRun]) {
        let plot = r.scale.plot
        let texts = DumpReading.texts(r.displayList)
        return (
            texts.filter { $0.origin.x >= plot.maxX && $0.origin.y <= plot.maxY },
            texts.filter { $0.origin.y > plot.maxY }
        )
    }

    /// Decimals written after the point.
    static func decimals(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    // MARK: - Precision

    @Test func ownDecimalsAreTheDecimalsAsWritten() {
        #expect(PriceFormat.ownDecimals(227.4) == 1)
        #expect(PriceFormat.ownDecimals(227.45) == 2)
        #expect(PriceFormat.ownDecimals(1.34567) == 5)
        #expect(PriceFormat.ownDecimals(157.123) == 3)
        #expect(PriceFormat.ownDecimals(0.00001234) == 8)
        #expect(PriceFormat.ownDecimals(100) == 0)
        #expect(PriceFormat.ownDecimals(100.1 * 1.003) == nil)
        #expect(PriceFormat.ownDecimals(.nan) == nil)
        #expect(PriceFormat.dataDecimals([1.3, 1.34567, 1.35]) == 5)
        #expect(PriceFormat.dataDecimals([1.3, 0.1 + 0.2]) == nil)
    }

    @Test(arguments: [
        ("stock in cents", 227.4, 0.37, 2),
        ("GBP/USD", 1.3456, 0.00041, 5),
        ("USD/JPY", 157.4, 0.083, 3),
        ("memecoin", 0.00001234, 0.00000007, 8),
    ])
    func axisDecimalsComeFromTheCandles(name: String, around: Double, step: Double, decimals: Int) throws {
        let candles = try Self.candles(120, around: around, step: step, decimals: decimals)
        let r = try ChartScene.build(analysis: Analysis(), candles: candles, options: ChartOptions())
        let labels = Self.axisTexts(r).price.map(\.text)
        #expect(labels.count >= 3, "\(name): \(labels)")
        for l in labels { #expect(Self.decimals(l) == decimals, "\(name): \(l)") }
        #expect(Set(labels).count == labels.count, "\(name): \(labels)")
    }

    @Test func computedPricesFallBackToTheInstrumentsDecimals() throws {
        // Prices with the noise of a computation carry no precision: about six significant digits.
        let candles = try F.candles(100, around: 100.1 * 1.003)
        let r = try ChartScene.build(analysis: Analysis(), candles: candles, options: ChartOptions())
        for l in Self.axisTexts(r).price.map(\.text) { #expect(Self.decimals(l) == 3, "\(l)") }
    }

    @Test(arguments: 0...6)
    func anExplicitPrecisionNeverGivesTwoGridLinesOneLabel(precision: Int) throws {
        // Spans from far below to far above the last decimal's size, around several magnitudes.
        for magnitude in [1.3456, 157.4, 5812.0, 0.0123] {
            for spanExponent in -7...2 {
                let span = magnitude * PriceFormat.powerOfTen(spanExponent) * 0.37
                for height in [120.0, 400, 1000] {
                    let (step, decimals) = AxisTicks.priceAxis(
                        span: span, targetCount: height / 60, magnitude: magnitude, dataDecimals: nil,
                        explicitDecimals: precision)
                    #expect(decimals == precision)
                    let values = AxisTicks.priceValues(in: (magnitude - span / 2)...(magnitude + span / 2), step: step)
                    let labels = values.map { PriceFormat.format($0, decimals: precision) }
                    #expect(
                        Set(labels).count == labels.count,
                        "precision \(precision), magnitude \(magnitude), span \(span): \(labels)")
                }
            }
        }
    }

    @Test func precisionTwoOnGBPUSDCoarsensTheGrid() throws {
        let candles = try Self.candles(120, around: 1.3456, step: 0.00041, decimals: 5)
        var options = ChartOptions()
        options.pricePrecision = 2
        let r = try ChartScene.build(analysis: Analysis(), candles: candles, options: options)
        let labels = Self.axisTexts(r).price.map(\.text)
        #expect(!labels.isEmpty)
        #expect(Set(labels).count == labels.count, "\(labels)")
        for l in labels { #expect(Self.decimals(l) == 2, "\(l)") }
    }

    @Test func warningsPrintThePriceAsWritten() throws {
        // A horizontal line at 1.355 outside an explicit view, labels at 2 decimals.
        let candles = try Self.candles(60, around: 1.3456, step: 0.00041, decimals: 5)
        var options = ChartOptions()
        options.pricePrecision = 2
        options.priceRange = 1.33...1.35
        let line = Drawing.horizontalLine(
            HorizontalLineDrawing(clientObjectId: "target", point: F.point(5, 1.355), style: DrawingStyle()))
        let levels = Levels(resistance: LevelEntry(price: 1.3575, clientObjectId: "res", time: F.time(3)))
        let r = try ChartScene.build(
            analysis: Analysis(levels: levels, drawings: [line]), candles: candles, options: options)
        #expect(r.warnings.contains { $0.message.contains("at 1.355 is outside") }, "\(r.warnings)")
        #expect(r.warnings.contains { $0.message.contains("level 1.3575 is outside") }, "\(r.warnings)")
    }

    // MARK: - Contrast

    @Test func contrastRatiosFollowWCAG() {
        let dark = ChartTheme.dark.background, white = RGBAColor(red: 255, green: 255, blue: 255)
        let black = RGBAColor(red: 0, green: 0, blue: 0)
        #expect(abs(white.contrastRatio(against: black) - 21) < 0.01)
        #expect(abs(black.contrastRatio(against: black) - 1) < 1e-9)
        // #0000FF on the dark theme: about 2:1, the case users reported.
        let blue = RGBAColor(hex: "#0000FF")!
        #expect(abs(blue.contrastRatio(against: dark) - 2.08) < 0.05)
        #expect(blue.contrastRatio(against: white) > 8)
        #expect(ChartTheme.dark.drawingDefault.contrastRatio(against: dark) >= SceneLayout.minimumContrast)
    }

    /// The strokes of the drawings group, in order.
    static func drawingStrokes(_ list: DisplayList) -> [StrokeStyle] {
        var inside = false
        var out: [StrokeStyle] = []
        for item in list.items {
            switch item {
            case .beginGroup(let g) where g == "drawings": inside = true
            case .endGroup: if inside { return out }
            case .stroke(_, let s) where inside: out.append(s)
            default: break
            }
        }
        return out
    }

    @Test(arguments: [
        ("#0000FF", "dark", true), ("#2962FF", "dark", false), ("#0000FF", "light", false), ("#FFFF00", "light", true),
    ])
    func lowContrastColoursGetAHalo(hex: String, themeName: String, halo: Bool) throws {
        let color = RGBAColor(hex: hex)!
        let theme = themeName == "dark" ? ChartTheme.dark : ChartTheme.light
        var options = F.options()
        options.theme = theme
        let line = Drawing.line(
            LineDrawing(
                clientObjectId: "l", start: F.point(10, 20), end: F.point(80, 70), style: DrawingStyle(color: color)))
        let strokes = Self.drawingStrokes(try F.build([line], options: options).displayList)
        if halo {
            #expect(strokes.count == 2)
            #expect(strokes.first?.color == theme.halo)
            #expect(strokes.first?.width == (strokes.last?.width ?? 0) + 2)
            #expect(strokes.last?.color == color, "the user's colour is kept")
            #expect(theme.halo.contrastRatio(against: theme.background) >= SceneLayout.minimumContrast)
        } else {
            #expect(strokes.count == 1)
            #expect(strokes.first?.color == color)
        }
    }

    // MARK: - Canvas size

    @Test func theCanvasFactorFollowsTheShorterSideWithinLimits() {
        #expect(SceneLayout.canvasFactor(width: 400, height: 300) == 1)
        #expect(SceneLayout.canvasFactor(width: 1200, height: 675) == 1)
        #expect(abs(SceneLayout.canvasFactor(width: 1920, height: 1080) - 1.6) < 1e-12)
        #expect(SceneLayout.canvasFactor(width: 2560, height: 1440) == 2)
        #expect(SceneLayout.canvasFactor(width: 8192, height: 8192) == 2)
    }

    @Test(arguments: [(400, 300), (640, 360), (1200, 675), (1920, 1080), (2560, 1440)])
    func axesKeepEnoughReadableLabelsAtEverySize(width: Int, height: Int) throws {
        let candles = try Self.candles(200, around: 1.3456, step: 0.00041, decimals: 5)
        let meta = AnalysisMetadata(timeframe: "H1", symbol: "GBP/USD")
        let options = ChartOptions(width: width, height: height)
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: options)
        let (price, time) = Self.axisTexts(r)
        #expect(time.count >= 3, "\(width)×\(height): \(time.map(\.text))")
        #expect(price.count >= 3, "\(width)×\(height): \(price.map(\.text))")
        let factor = SceneLayout.canvasFactor(width: width, height: height)
        #expect(time.allSatisfy { abs($0.font.size - SceneLayout.axisFontSize * factor) < 1e-9 })
        for group in [price, time] {
            let boxes = group.map(DumpReading.box)
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!LabelPlacement.overlaps(boxes[i], boxes[j]), "\(group[i].text) / \(group[j].text)")
                }
            }
        }
    }

    // MARK: - Labels

    @Test func closeLevelNamesStackInPriceOrderAndNoLineCrossesThem() throws {
        let candles = try Self.candles(100, around: 1.3456, step: 0.00041, decimals: 5)
        let levels = Levels(
            pivot: LevelEntry(price: 1.3443, clientObjectId: "p", time: F.time(5)),
            resistance: LevelEntry(price: 1.3446, clientObjectId: "r", time: F.time(5)),
            support: LevelEntry(price: 1.3440, clientObjectId: "s", time: F.time(5)))
        let r = try ChartScene.build(analysis: Analysis(levels: levels), candles: candles, options: ChartOptions())
        let texts = DumpReading.texts(r.displayList)
        func box(_ name: String) throws -> PixelRect {
            DumpReading.box(try #require(texts.first { $0.text == name && $0.origin.x < r.scale.plot.maxX }))
        }
        let res = try box("Resistance"), piv = try box("Pivot"), sup = try box("Support")
        #expect(res.maxY <= piv.y && piv.maxY <= sup.y, "\(res) \(piv) \(sup)")
        for (b, own) in [(res, 1.3446), (piv, 1.3443), (sup, 1.3440)] {
            for p in [1.3440, 1.3443, 1.3446] where p != own {
                let y = r.scale.y(p)
                #expect(!(y > b.y && y < b.maxY), "the line at \(p) crosses the name at \(b)")
            }
        }
    }

    @Test func fibonacciRatioLabelsSitOnAnOpaquePlate() throws {
        let candles = try Self.candles(100, around: 1.3456, step: 0.00041, decimals: 5)
        let fib = Drawing.fibonacciRetracement(
            FibonacciRetracementDrawing(
                clientObjectId: "fib", start: F.point(20, 1.3430), end: F.point(70, 1.3480), style: DrawingStyle()))
        let r = try ChartScene.build(analysis: Analysis(drawings: [fib]), candles: candles, options: ChartOptions())
        let items = r.displayList.items
        var ratioLabels = 0
        for (i, item) in items.enumerated() {
            guard case .text(let run) = item, run.text.hasPrefix("0.618") || run.text.hasPrefix("0.5 ") else {
                continue
            }
            ratioLabels += 1
            guard i > 0, case .fill(let path, let color) = items[i - 1] else {
                Issue.record("no plate under \(run.text)")
                continue
            }
            #expect(color == ChartTheme.light.background && color.alpha == 255)
            let plate = Self.bounds(path)
            let text = DumpReading.box(run)
            #expect(plate.x <= text.x && plate.maxX >= text.maxX && plate.y <= text.y && plate.maxY >= text.maxY - 1)
        }
        #expect(ratioLabels == 2)
    }

    /// The bounding box of a path's points.
    static func bounds(_ path: PixelPath) -> PixelRect {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for e in path.elements {
            switch e {
            case .move(let p), .line(let p):
                x0 = Swift.min(x0, p.x)
                y0 = Swift.min(y0, p.y)
                x1 = Swift.max(x1, p.x)
                y1 = Swift.max(y1, p.y)
            case .close: break
            }
        }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    // MARK: - Expiry

    /// The strokes of the expiry group.
    static func expiryStrokes(_ list: DisplayList) -> Int {
        DumpReading.lines(of: "expiry", in: list.dump()).filter { $0.hasPrefix("stroke") }.count
    }

    @Test(arguments: [3, 12, 60, 400])
    func theExpiryMarkerShowsAtEveryChartLength(candleCount: Int) throws {
        // Hourly candles; the expiry 24 hours, then 300 hours, after the last one.
        let candles = try F.candles(candleCount)
        for hours: Int64 in [24, 300] {
            let meta = AnalysisMetadata(expiry: Expiry(hours: hours))
            let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
            #expect(Self.expiryStrokes(r.displayList) == 1, "\(candleCount) candles, \(hours) h")
            let texts = DumpReading.texts(r.displayList).map(\.text)
            #expect(texts.contains { $0.hasPrefix("Expires") && !$0.hasSuffix("→") }, "\(texts)")
        }
    }

    @Test func anExpiryOutOfReachIsOnlyNoted() throws {
        // 20 hourly candles; the expiry 5,000 hours later is beyond the 500-bar reach.
        let candles = try F.candles(20)
        let meta = AnalysisMetadata(expiry: Expiry(hours: 5000))
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
        #expect(Self.expiryStrokes(r.displayList) == 0)
        #expect(DumpReading.texts(r.displayList).contains { $0.text.hasPrefix("Expires") && $0.text.hasSuffix("→") })
    }
}
