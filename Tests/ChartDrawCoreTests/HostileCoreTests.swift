import Testing

@testable import ChartDrawCore

@Suite("Hostile values in the core")
struct HostileCoreTests {
    @Test func priceTicksEndWhenTheStepIsBelowThePrecisionOfThePrices() {
        // Prices one double apart: the multiples of the step are beyond 2^53, where k + 1 == k.
        let lo = 1.9, hi = 1.9.nextUp.nextUp
        let step = AxisTicks.priceStep(span: hi - lo, height: 600, spacing: 60)
        #expect(step > 0)
        let values = AxisTicks.priceValues(in: lo...hi, step: step)
        #expect(values.count <= 1000)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        // A step that makes 1.9/step about 1.9e16: no values (they would not be distinct).
        #expect(AxisTicks.priceValues(in: lo...hi, step: 1e-16).isEmpty)
        // Ordinary ranges are unchanged.
        #expect(AxisTicks.priceValues(in: 1.2...1.3, step: 0.02).count == 6)
    }

    @Test func scenesOfPricesOneDoubleApartAreBuiltAndBounded() throws {
        var a = Analysis()
        a.levels = Levels(
            pivot: LevelEntry(price: 1.9, clientObjectId: "p", time: Timestamp(seconds: 1_767_571_200)),
            resistance: LevelEntry(price: 1.9.nextUp, clientObjectId: "r", time: Timestamp(seconds: 1_767_571_200)),
            support: LevelEntry(price: 1.9.nextDown, clientObjectId: "s", time: Timestamp(seconds: 1_767_571_200)))
        let scene = try ChartScene.build(analysis: a, candles: nil, options: ChartOptions())
        #expect(scene.displayList.items.count < 500)
    }

    @Test func explicitPriceRangesMustBeDrawable() {
        #expect(ChartOptions.isDrawable(priceRange: 1.2...1.3))
        #expect(ChartOptions.isDrawable(priceRange: 0...1))
        #expect(!ChartOptions.isDrawable(priceRange: 1.9...1.9.nextUp))
        #expect(!ChartOptions.isDrawable(priceRange: 1e300...1e301))
        #expect(!ChartOptions.isDrawable(priceRange: 0...1e-320))
        #expect(throws: SceneError.self) {
            try ChartScene.build(
                analysis: Analysis(), candles: nil, options: ChartOptions(priceRange: 1.9...1.9.nextUp))
        }
    }

    @Test func timestampsOutsideYears1To9999CannotBeMade() {
        #expect(Timestamp(exactly: Timestamp.maxSeconds)?.iso8601 == "9999-12-31T23:59:59Z")
        #expect(Timestamp(exactly: Timestamp.minSeconds)?.iso8601 == "0001-01-01T00:00:00Z")
        #expect(Timestamp(exactly: Timestamp.maxSeconds + 1) == nil)
        #expect(Timestamp(exactly: Timestamp.minSeconds - 1) == nil)
        #expect(Timestamp(exactly: 0, nanoseconds: -1) == nil)
        #expect(Timestamp(exactly: 0, nanoseconds: 1_000_000_000) == nil)
        #expect(Timestamp(exactly: 0, nanoseconds: 999_999_999)?.iso8601 == "1970-01-01T00:00:00.999999999Z")
        #expect(Timestamp(secondsSinceEpoch: Double(Timestamp.maxSeconds) + 1) == nil)
        #expect(Timestamp(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func limitsAreOneValueUsedEverywhere() {
        let l = ResourceLimits.standard
        #expect(ChartOptions.maximumDeviceSide == l.maxImageSide)
        #expect(ChartOptions.maximumDevicePixels == l.maxImagePixels)
        #expect(l.summary.contains("request body       16777216 bytes"))
        #expect(PriceLimits.rangeText == "1e-10 to 1e15")
    }

    @Test func tooManyCandlesAreRefused() throws {
        let t0 = Timestamp(seconds: 0)
        let c = Candle(time: t0, open: 1, high: 1, low: 1, close: 1, volume: nil)
        let many = (0...ResourceLimits.standard.maxCandles).map { i in
            Candle(
                time: Timestamp(seconds: Int64(i) * 60), open: c.open, high: c.high, low: c.low, close: c.close,
                volume: nil)
        }
        #expect(throws: CandleError.self) { try CandleSeries(validating: many) }
    }
}
