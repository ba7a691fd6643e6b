import Testing

@testable import ChartDrawCore

/// The default view: every drawing, level and the expiry in view, candles for context, far
/// points bounded by a stated rule and named.
@Suite("View fit")
struct ViewFitTests {
    typealias F = SceneFixture

    static func line(_ id: String, _ a: ChartPoint, _ b: ChartPoint) -> Drawing {
        .line(LineDrawing(clientObjectId: id, start: a, end: b, style: DrawingStyle()))
    }

    static func rect(_ id: String, _ a: ChartPoint, _ b: ChartPoint) -> Drawing {
        .rectangle(RectangleDrawing(clientObjectId: id, corner1: a, corner2: b, style: DrawingStyle()))
    }

    @Test func drawingsAfterTheCandlesAreShown() throws {
        // Candles for hours 0...99; the idea three weeks later.
        let candles = try F.candles(100)
        let zone = Self.rect("zone", F.point(600, 45), F.point(640, 55))
        let trend = Self.line("trend", F.point(590, 48), F.point(650, 60))
        let r = try ChartScene.build(
            analysis: Analysis(drawings: [zone, trend]), candles: candles, options: ChartOptions())
        let plot = r.scale.plot
        for t in [590.0, 600, 640, 650] {
            let x = r.scale.x(F.time(t))
            #expect(x > plot.x && x < plot.maxX, "hour \(t) at x \(x)")
        }
        #expect(r.scale.priceRange.contains(60) && r.scale.priceRange.contains(45))
        // The last candles are still there for context.
        #expect(r.scale.x(F.time(99)) > plot.x)
        #expect(!r.warnings.contains { $0.message.contains("zone") || $0.message.contains("trend") })
    }

    @Test func aLongHistoryIsCutToContextAroundTheDrawings() throws {
        let candles = try F.candles(5000)
        let trend = Self.line("trend", F.point(4900, 48), F.point(4950, 52))
        let r = try ChartScene.build(analysis: Analysis(drawings: [trend]), candles: candles, options: ChartOptions())
        // Context: 3 drawing lengths (150 bars) but at least 120 bars before the drawing.
        let first = r.scale.position(atX: r.scale.plot.x)
        #expect(first > 4700 && first < 4760, "\(first)")
        #expect(r.scale.x(F.time(4950)) < r.scale.plot.maxX)
    }

    @Test func aSingleCandleIsNotABlock() throws {
        let one = try F.candles(1)
        let line = Self.line("l", F.point(0, 48), F.point(2, 52))
        let r = try ChartScene.build(analysis: Analysis(drawings: [line]), candles: one, options: ChartOptions())
        // At least 40 bars in view: a bar is at most 1152 / 40 px.
        #expect(r.scale.pixelsPerPosition < 30, "\(r.scale.pixelsPerPosition)")
        let fills = DumpReading.lines(of: "candles", in: r.displayList.dump()).filter { $0.hasPrefix("fill") }
        #expect(!fills.isEmpty)
        #expect(r.scale.x(F.time(2)) < r.scale.plot.maxX)
    }

    @Test func aPointCenturiesAwayIsBoundedAndNamed() throws {
        let candles = try F.candles(48)
        let far = Self.line(
            "to-the-moon", F.point(10, 50), ChartPoint(time: Timestamp(year: 2400, month: 1, day: 1)!, price: 60))
        let r = try ChartScene.build(analysis: Analysis(drawings: [far]), candles: candles, options: ChartOptions())
        #expect(r.warnings.contains { $0.message.contains("out of reach") && $0.message.contains("to-the-moon") })
        // The candles keep the plot: the view is the candles and their padding.
        let span = r.scale.positionRange.upperBound - r.scale.positionRange.lowerBound
        #expect(span < 60, "\(span) bars")
    }

    @Test func anAbsurdPriceIsBoundedAndNamed() throws {
        let candles = try F.candles(48)
        let moon = Drawing.horizontalLine(
            HorizontalLineDrawing(clientObjectId: "moon", point: F.point(10, 1e11), style: DrawingStyle()))
        let r = try ChartScene.build(analysis: Analysis(drawings: [moon]), candles: candles, options: ChartOptions())
        #expect(r.warnings.contains { $0.message.contains("out of reach") && $0.message.contains("moon") })
        #expect(r.scale.priceRange.upperBound < 100)
    }

    @Test func anExplicitRangeNamesWhatItLeavesOut() throws {
        let candles = try F.candles(100)
        let early = Self.line("early", F.point(5, 48), F.point(10, 52))
        let across = Self.line("across", F.point(30, 48), F.point(80, 52))
        let inside = Self.line("inside", F.point(50, 48), F.point(60, 52))
        var options = ChartOptions()
        options.timeRange = F.time(40)...F.time(70)
        let r = try ChartScene.build(
            analysis: Analysis(drawings: [early, across, inside]), candles: candles, options: options)
        #expect(r.warnings.map(\.message).contains("the chosen time range leaves out early"))
        #expect(r.warnings.map(\.message).contains("the chosen time range cuts across"))
        #expect(!r.warnings.contains { $0.message.contains("inside") })
    }

    @Test func aNearExpiryIsPulledIntoAShortChart() throws {
        // Five hourly candles and a 24-hour expiry: within 60 bars, so the marker is drawn.
        let candles = try F.candles(5)
        let meta = AnalysisMetadata(expiry: Expiry(hours: 24))
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
        #expect(r.scale.timeRange.contains(F.time(4 + 24).secondsSinceEpoch))
    }
}
