import ChartDrawCore
import Testing

@Suite("Bar-indexed time scale")
struct BarTimeScaleTests {
    /// Friday 20:00, 21:00, 22:00 UTC, then Sunday 22:00 and 23:00: a forex weekend gap.
    static let fri = Geo.t0
    static let times = [fri, fri + 3600, fri + 7200, fri + 7200 + 48 * 3600, fri + 7200 + 49 * 3600]
    let scale = BarTimeScale(times: times, step: 3600)

    @Test func barsSitAtConsecutivePositions() {
        for (i, t) in Self.times.enumerated() {
            #expect(scale.position(t) == Double(i))
            #expect(scale.time(atPosition: Double(i)) == t)
        }
        #expect(scale.count == 5)
    }

    @Test func aWeekendGapTakesOneBar() {
        // Halfway through the 48-hour gap is halfway between bars 2 and 3.
        #expect(scale.position(Self.fri + 7200 + 24 * 3600) == 2.5)
        #expect(scale.position(Self.fri + 7200 + 12 * 3600) == 2.25)
        #expect(scale.time(atPosition: 2.75) == Self.fri + 7200 + 36 * 3600)
    }

    @Test func extrapolatesAtTheStepOutsideTheBars() {
        #expect(scale.position(Self.fri - 2 * 3600) == -2)
        #expect(scale.position(Self.times[4] + 5400) == 5.5)
        #expect(scale.time(atPosition: -3) == Self.fri - 3 * 3600)
        #expect(scale.time(atPosition: 7) == Self.times[4] + 3 * 3600)
    }

    @Test func inverseRoundTripsAndIsMonotonic() {
        var previous = -Double.infinity
        for k in -40...200 {
            let p = Double(k) / 25
            let t = scale.time(atPosition: p)
            #expect(abs(scale.position(t) - p) < 1e-9, "position \(p)")
            #expect(t > previous)
            previous = t
        }
    }

    @Test func withoutBarsItIsClockTime() {
        let s = BarTimeScale(times: [], step: 900, origin: Self.fri)
        #expect(s.position(Self.fri + 1800) == 2)
        #expect(s.time(atPosition: -1) == Self.fri - 900)
        #expect(BarTimeScale(times: [], step: .nan).step == 3600, "a bad step falls back to one hour")
    }

    @Test func singleBarExtrapolatesBothWays() {
        let s = BarTimeScale(times: [Self.fri], step: 60)
        #expect(s.position(Self.fri) == 0)
        #expect(s.position(Self.fri + 90) == 1.5)
        #expect(s.time(atPosition: -2) == Self.fri - 120)
    }

    @Test func stepFromTheTimeframeElseTheMedianSpacing() throws {
        let candles = try CandleSeries(
            validating: Self.times.map {
                Candle(time: Timestamp(secondsSinceEpoch: $0)!, open: 1, high: 1, low: 1, close: 1)
            })
        #expect(BarTimeScale(candles: candles, timeframe: "M15").step == 900)
        #expect(BarTimeScale(candles: candles, timeframe: "weekly-ish").step == 3600)
        #expect(BarTimeScale(candles: candles).step == 3600)
    }

    @Test func aScaleOverCandlesIsTheScaleOverTheirTimes() throws {
        // The candles' times are read in place; the scale must behave, compare and hash as one
        // built from a copy of them.
        let candles = try CandleSeries(
            validating: Self.times.map {
                Candle(time: Timestamp(secondsSinceEpoch: $0)!, open: 1, high: 1, low: 1, close: 1)
            })
        let overCandles = BarTimeScale(candles: candles, timeframe: "H1")
        #expect(overCandles == scale)
        #expect(overCandles.hashValue == scale.hashValue)
        #expect(overCandles.times == Self.times)
        #expect(overCandles.count == Self.times.count)
        for k in -40...200 {
            let p = Double(k) / 25
            #expect(overCandles.time(atPosition: p) == scale.time(atPosition: p))
            let t = Self.fri + Double(k) * 1800
            #expect(overCandles.position(t) == scale.position(t))
        }
        #expect(BarTimeScale(candles: candles, timeframe: "M15") != scale, "another step is another scale")
        #expect(BarTimeScale(times: Array(Self.times.dropLast()), step: 3600) != overCandles)
    }

    static let month = 30.436_875 * 86_400
    static let spellings: [(String, Double)] = [
        ("M1", 60), ("M15", 900), ("m30", 1800), ("H1", 3600), ("H4", 14_400), ("D1", 86_400),
        ("D", 86_400), ("W1", 604_800), ("W", 604_800), ("15m", 900), ("1h", 3600), ("4h", 14_400),
        ("1d", 86_400), ("1w", 604_800), ("60", 3600), ("240", 14_400), ("1D", 86_400),
        ("1M", month), ("MN1", month), ("MN", month), (" h1 ", 3600), ("30s", 30), ("H", 3600),
    ]

    @Test(arguments: spellings)
    func timeframesParse(text: String, seconds: Double) {
        #expect(Timeframe(text)?.seconds == seconds)
    }

    @Test(arguments: ["", "1H1", "X5", "0m", "1001m", "H1.5", "99999999h", "-1h", "h-1"])
    func nonsenseTimeframesDoNotParse(text: String) {
        #expect(Timeframe(text) == nil)
    }
}
