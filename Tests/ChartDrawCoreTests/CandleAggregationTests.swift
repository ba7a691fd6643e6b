import ChartDrawCore
import Testing

@Suite("Candle aggregation")
struct CandleAggregationTests {
    /// Merges `candles[range]` the slow, obvious way.
    func merged(_ candles: [Candle], _ range: Range<Int>) -> (open: Double, high: Double, low: Double, close: Double) {
        let slice = candles[range]
        return (slice.first!.open, slice.map(\.high).max()!, slice.map(\.low).min()!, slice.last!.close)
    }

    @Test func oneCandlePerColumnEqualsTheInput() throws {
        let candles = CandleFixtures.hourly(10)
        let series = try CandleSeries(validating: candles)
        let t0 = 1_704_672_000.0
        let scale = ChartScale(
            timeRange: (t0 - 1800)...(t0 + 9 * 3600 + 1800), priceRange: 1.1...1.3,
            plot: PixelRect(x: 0, y: 0, width: 1000, height: 400))
        let columns = CandleAggregation.columns(series, scale: scale)
        #expect(columns.count == 10)
        for (i, (col, c)) in zip(columns, candles).enumerated() {
            #expect(
                col
                    == CandleColumn(
                        centerX: scale.x(c.t), open: c.open, high: c.high, low: c.low, close: c.close, count: 1,
                        firstIndex: i))
        }
        #expect(Geo.near(columns[0].centerX, 50, 1e-9))
        #expect(!CandleAggregation.needsAggregation(series, scale: scale))
    }

    @Test func twentyThousandCandlesIntoAThousandColumns() throws {
        let candles = CandleFixtures.randomWalk(20_000)
        let series = try CandleSeries(validating: candles)
        let scale = ChartScale(
            timeRange: series.bounds.minTime...(series.bounds.maxTime + series.interval),
            priceRange: series.bounds.minPrice...series.bounds.maxPrice,
            plot: PixelRect(x: 40, y: 10, width: 1000, height: 600))
        #expect(CandleAggregation.needsAggregation(series, scale: scale))
        let columns = CandleAggregation.columns(series, scale: scale)

        #expect(columns.count >= 999 && columns.count <= 1000, "\(columns.count)")
        #expect(columns.reduce(0) { $0 + $1.count } == 20_000)
        #expect(columns.first?.open == candles.first?.open)
        #expect(columns.last?.close == candles.last?.close)
        #expect(columns.map(\.high).max() == series.bounds.maxPrice)
        #expect(columns.map(\.low).min() == series.bounds.minPrice)

        // Every column is exactly the brute-force merge of its run, runs are contiguous, and
        // each run's candles share one pixel column that differs from the next run's.
        var expectedFirst = 0
        var previousColumn = -Double.infinity
        for col in columns {
            #expect(col.firstIndex == expectedFirst)
            let range = col.firstIndex..<(col.firstIndex + col.count)
            let m = merged(candles, range)
            #expect(col.open == m.open && col.high == m.high && col.low == m.low && col.close == m.close)
            let pixel = scale.x(candles[range.lowerBound].t).rounded(.down)
            #expect(range.allSatisfy { scale.x(candles[$0].t).rounded(.down) == pixel })
            #expect(pixel > previousColumn)
            #expect(col.count == 1 ? col.centerX == scale.x(candles[range.lowerBound].t) : col.centerX == pixel + 0.5)
            previousColumn = pixel
            expectedFirst = range.upperBound
        }
        #expect(expectedFirst == 20_000)
    }

    @Test func visibleOnlyKeepsTheCandlesInView() throws {
        let candles = CandleFixtures.randomWalk(2_000)
        let series = try CandleSeries(validating: candles)
        // Hours 500 to 600 across 200 px: two pixels per candle.
        let t0 = 1_704_672_000.0
        let scale = ChartScale(
            timeRange: (t0 + 500 * 3600)...(t0 + 600 * 3600), priceRange: 50...150,
            plot: PixelRect(x: 0, y: 0, width: 200, height: 100))
        let visible = CandleAggregation.columns(series, scale: scale)
        // Within half an interval of the plot: candles 500 through 600.
        #expect(visible.first?.firstIndex == 500)
        #expect(visible.last?.firstIndex == 600)
        #expect(visible.allSatisfy { $0.count == 1 })
        #expect(CandleAggregation.visibleRange(series, scale: scale) == 500..<601)
        #expect(!CandleAggregation.needsAggregation(series, scale: scale))

        let all = CandleAggregation.columns(series, scale: scale, visibleOnly: false)
        #expect(all.reduce(0) { $0 + $1.count } == 2_000)
        #expect(all.count == 2_000)

        let away = ChartScale(
            timeRange: (t0 + 1e8)...(t0 + 2e8), priceRange: 50...150,
            plot: PixelRect(x: 0, y: 0, width: 200, height: 100))
        #expect(CandleAggregation.columns(series, scale: away).isEmpty)
        #expect(!CandleAggregation.needsAggregation(series, scale: away))
    }
}
