import Testing

@testable import ChartDrawCore

/// The bar-indexed x axis of scenes: candles side by side across closed-market time, ticks at
/// bars with session starts emphasised, and clock time kept as an option.
@Suite("Bar-indexed time axis in scenes")
struct BarAxisSceneTests {
    /// Hourly candles Friday 12:00-21:00 UTC and Sunday 22:00 to Monday 09:00: a forex weekend.
    static func weekend() throws -> CandleSeries {
        let friday = Timestamp(year: 2026, month: 1, day: 16, hour: 12)!.secondsSinceEpoch
        let sunday = Timestamp(year: 2026, month: 1, day: 18, hour: 22)!.secondsSinceEpoch
        let times = (0..<10).map { friday + Double($0) * 3600 } + (0..<12).map { sunday + Double($0) * 3600 }
        return try CandleSeries(
            validating: times.enumerated().map { i, t in
                let o = 150 + Double(i % 5) * 0.1
                return Candle(
                    time: Timestamp(secondsSinceEpoch: t)!, open: o, high: o + 0.3, low: o - 0.2, close: o + 0.05)
            })
    }

    /// The x of each candle's wick in the scene (the centre of its bar).
    static func wickXs(_ r: SceneResult, count: Int) -> [Double] {
        (0..<count).map { r.scale.x(candle: $0, time: 0, count: count) }
    }

    @Test func candlesAreEvenlySpacedAcrossTheWeekend() throws {
        let series = try Self.weekend()
        let meta = AnalysisMetadata(timeframe: "H1")
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: series, options: ChartOptions())
        #expect(r.scale.isBarIndexed)
        let xs = series.candles.map { r.scale.x($0.t) }
        let gaps = zip(xs.dropFirst(), xs).map { $0 - $1 }
        // Friday 21:00 to Sunday 22:00 is one bar, like every other neighbour.
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1e-9 }, "\(gaps)")
        // 22 bars in a view of at least 40 (Viewport.minimumBars): about 26 px each.
        #expect(gaps[0] > 24 && gaps[0] < 30)
        // A time inside the weekend maps between the two bars around it.
        let saturday = Timestamp(year: 2026, month: 1, day: 17, hour: 12)!.secondsSinceEpoch
        #expect(r.scale.x(saturday) > xs[9] && r.scale.x(saturday) < xs[10])
        // Nothing warns about the gap.
        #expect(!r.warnings.contains { $0.message.contains("gap") })
    }

    @Test func clockTimeLeavesTheWeekendBlank() throws {
        let series = try Self.weekend()
        let r = try ChartScene.build(analysis: Analysis(), candles: series, options: ChartOptions(timeAxis: .clock))
        #expect(!r.scale.isBarIndexed)
        let x9 = r.scale.x(series.candles[9].t), x10 = r.scale.x(series.candles[10].t)
        let x0 = r.scale.x(series.candles[0].t), x1 = r.scale.x(series.candles[1].t)
        // 49 hours between the bars around the weekend, one hour between the others.
        #expect(abs((x10 - x9) - 49 * (x1 - x0)) < 1e-6)
    }

    @Test func aDrawingIsStraightInBarSpace() throws {
        let series = try Self.weekend()
        // From Friday's first bar to Monday's last: its middle, in bars, sits at bar 10.5.
        let line = Drawing.line(
            LineDrawing(
                clientObjectId: "l", start: ChartPoint(time: series.candles[0].time, price: 150),
                end: ChartPoint(time: series.candles[21].time, price: 151), style: DrawingStyle()))
        let r = try ChartScene.build(analysis: Analysis(drawings: [line]), candles: series, options: ChartOptions())
        let a = r.scale.point(ChartPoint(time: series.candles[0].time, price: 150))
        let b = r.scale.point(ChartPoint(time: series.candles[21].time, price: 151))
        let mid = r.scale.x(position: 10.5)
        #expect(abs(mid - (a.x + b.x) / 2) < 1e-9)
        #expect(a.y > b.y)
    }

    @Test func sessionStartsAreLabelledBoldAtBars() throws {
        let series = try Self.weekend()
        let r = try ChartScene.build(
            analysis: Analysis(metadata: AnalysisMetadata(timeframe: "H1")), candles: series, options: ChartOptions())
        let texts = DumpReading.texts(r.displayList)
        // Sunday 22:00 opens a new day: "18 Jan" in bold, centred on that bar.
        let sunday = try #require(texts.first { $0.text == "18 Jan" })
        #expect(sunday.font.weight == .bold)
        let x = r.scale.x(series.candles[10].t)
        #expect(abs(sunday.origin.x + FontMetrics.width(of: "18 Jan", font: sunday.font) / 2 - x) < 1)
        // Hours inside a day are regular.
        #expect(texts.contains { $0.text.hasSuffix(":00") && $0.font.weight == .regular })
    }

    @Test(arguments: [(400, 300), (1200, 675), (1920, 1080), (2560, 1440)])
    func everySizeGetsSeveralTimeLabels(_ size: (Int, Int)) throws {
        let series = try SceneFixture.candles(300)
        let r = try ChartScene.build(
            analysis: Analysis(), candles: series, options: ChartOptions(width: size.0, height: size.1))
        let labels = DumpReading.texts(r.displayList).filter { $0.origin.y > r.scale.plot.maxY }
        #expect(labels.count >= 4, "\(size): \(labels.map(\.text))")
        // None overlaps another.
        let boxes = labels.map(DumpReading.box).sorted { $0.x < $1.x }
        for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.maxX <= b.x) }
    }

    @Test func ticksRankBoundariesAndStayOnBars() {
        // Daily bars on weekdays over two years: years, then months, then days.
        var times: [Double] = []
        var t = Timestamp(year: 2025, month: 1, day: 1)!.secondsSinceEpoch
        while times.count < 520 {
            let weekday = Timestamp(secondsSinceEpoch: t)!.utc.weekday
            if weekday != 0 && weekday != 6 { times.append(t) }
            t += 86_400
        }
        let bars = BarTimeScale(times: times, step: 86_400)
        let scale = ChartScale(
            bars: bars, positionRange: -5...525, priceRange: 0...1,
            plot: PixelRect(x: 0, y: 0, width: 1000, height: 100))
        let ticks = AxisTicks.barTimeTicks(
            scale: scale, minSpacing: 60, font: FontSpec(size: 11), labelGap: 16, measurer: TableMeasurer())
        #expect(ticks.contains { $0.label == "2026" && $0.emphasis })
        #expect(ticks.contains { $0.label == "Jul" && !$0.emphasis })
        let set = Set(times)
        // Inside the bars every tick is a bar's time; past the last, the step-spaced positions.
        #expect(ticks.filter { $0.t <= times[519] }.allSatisfy { set.contains($0.t) }, "ticks at bars")
        #expect(ticks.filter { $0.t > times[519] }.allSatisfy { bars.position($0.t).rounded() == bars.position($0.t) })
        let xs = ticks.map { scale.x($0.t) }
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= 60 })
    }
}
