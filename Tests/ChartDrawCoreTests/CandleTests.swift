import ChartDrawCore
import Testing

/// Candles for tests: hourly from 2024-01-08T00:00:00Z unless times are given.
enum CandleFixtures {
    static func candle(seconds: Int64, _ o: Double, _ h: Double, _ l: Double, _ c: Double) -> Candle {
        Candle(time: Timestamp(seconds: seconds), open: o, high: h, low: l, close: c)
    }

    static func hourly(_ count: Int, start: Int64 = 1_704_672_000) -> [Candle] {
        (0..<count).map { i in
            let base = 1.2 + Double(i % 7) * 0.001
            return candle(seconds: start + Int64(i) * 3600, base, base + 0.002, base - 0.001, base + 0.0005)
        }
    }

    /// A seeded random walk of `count` hourly candles.
    static func randomWalk(_ count: Int, seed: UInt64 = 42) -> [Candle] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var out: [Candle] = []
        var price = 100.0
        for i in 0..<count {
            let open = price
            let close = max(1, open + (next() - 0.5) * 2)
            let high = max(open, close) + next()
            let low = max(0.5, min(open, close) - next())
            out.append(candle(seconds: 1_704_672_000 + Int64(i) * 3600, open, high, low, close))
            price = close
        }
        return out
    }
}

@Suite("Candles")
struct CandleTests {
    @Test func upAndDoji() {
        let up = CandleFixtures.candle(seconds: 0, 1, 2, 0.5, 1.5)
        let down = CandleFixtures.candle(seconds: 0, 1.5, 2, 0.5, 1)
        let doji = CandleFixtures.candle(seconds: 0, 1, 2, 0.5, 1)
        #expect(up.isUp && !up.isDoji)
        #expect(!down.isUp && !down.isDoji)
        #expect(doji.isUp && doji.isDoji)
        #expect(up.t == 0)
    }

    @Test func validSeries() throws {
        let series = try CandleSeries(validating: CandleFixtures.hourly(10))
        #expect(series.candles.count == 10)
        #expect(series.interval == 3600)
        #expect(series.warnings.isEmpty)
        #expect(series.bounds.minTime == 1_704_672_000)
        #expect(series.bounds.maxTime == 1_704_672_000 + 9 * 3600)
        #expect(Geo.near(series.bounds.minPrice, 1.199, 1e-12))
        #expect(Geo.near(series.bounds.maxPrice, 1.208, 1e-12))
    }

    @Test func singleCandleHasTheDefaultInterval() throws {
        let series = try CandleSeries(validating: CandleFixtures.hourly(1))
        #expect(series.interval == 3600)
        #expect(series.bounds.timeSpan == 0)
        let minute = try CandleSeries(validating: [
            CandleFixtures.candle(seconds: 0, 1, 1, 1, 1), CandleFixtures.candle(seconds: 60, 1, 1, 1, 1),
        ])
        #expect(minute.interval == 60)
    }

    @Test func intervalIsTheMedianGapAndGapsWarn() throws {
        var candles = CandleFixtures.hourly(6)
        // Shift the last two by 2 hours: gaps 1, 1, 1, 3, 1 hours.
        for i in 4..<6 { candles[i].time = candles[i].time.adding(hours: 2)! }
        let series = try CandleSeries(validating: candles)
        #expect(series.interval == 3600)
        #expect(series.warnings == [CandleWarning(kind: .gap(seconds: 10_800), index: 4)])
        #expect(series.warnings[0].description.contains("3 h"))

        // Even number of gaps: the lower middle one.
        let uneven = try CandleSeries(validating: [
            CandleFixtures.candle(seconds: 0, 1, 1, 1, 1), CandleFixtures.candle(seconds: 60, 1, 1, 1, 1),
            CandleFixtures.candle(seconds: 180, 1, 1, 1, 1),
        ])
        #expect(uneven.interval == 60)
    }

    @Test(arguments: [2, 3, 10, 101, 1000])
    func intervalMatchesASortedMedian(count: Int) throws {
        // Irregular gaps with many repeats: 60 s to 600 s.
        var state: UInt64 = UInt64(count)
        var t: Int64 = 0
        var candles: [Candle] = []
        var gaps: [Double] = []
        for i in 0..<count {
            if i > 0 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let gap = Int64(60 * (1 + (state >> 33) % 10))
                t += gap
                gaps.append(Double(gap))
            }
            candles.append(CandleFixtures.candle(seconds: t, 1, 1, 1, 1))
        }
        let series = try CandleSeries(validating: candles)
        let expected = gaps.isEmpty ? 3600 : gaps.sorted()[(gaps.count - 1) / 2]
        #expect(series.interval == expected)
        #expect(series.warnings.count == gaps.filter { $0 > expected * 1.5 }.count)
    }

    func rejection(_ candles: [Candle]) -> CandleError? {
        do {
            _ = try CandleSeries(validating: candles)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyIsRejected() throws {
        let e = try #require(rejection([]))
        #expect(e.index == nil && e.line == nil)
        #expect(e.message.contains("no candles"))
    }

    @Test func duplicateAndUnsortedTimesNameTheIndex() throws {
        var dup = CandleFixtures.hourly(4)
        dup[2].time = dup[1].time
        let d = try #require(rejection(dup))
        #expect(d.index == 2)
        #expect(d.message.contains("repeats") && d.message.contains("candle 1"))
        #expect(d.description.hasPrefix("candle 2: "))

        var unsorted = CandleFixtures.hourly(4)
        unsorted.swapAt(1, 3)
        let u = try #require(rejection(unsorted))
        #expect(u.index == 2)
        #expect(u.message.contains("sort"))
    }

    @Test(arguments: [
        (1.0, 2.0, 0.5, 1.5, nil as Double?, "", true),
        (1.0, 0.9, 0.95, 1.0, nil, "below low", false),  // high < low
        (1.0, 1.2, 1.05, 1.1, nil, "min(open, close)", false),  // low above the open
        (1.0, 1.05, 0.9, 1.1, nil, "max(open, close)", false),  // high below the close
        (.nan, 2.0, 0.5, 1.5, nil, "NaN", false),
        (1.0, .infinity, 0.5, 1.5, nil, "infinite", false),
        (1.0, 2.0, -0.5, 1.5, nil, "greater than 0", false),
        (0.0, 2.0, 0.5, 1.5, nil, "greater than 0", false),
        (1.0, 2e12, 0.5, 1.5, nil, "largest accepted", false),
        (1.0, 2.0, 0.5, 1.5, -1.0, "negative", false),
        (1.0, 2.0, 0.5, 1.5, .nan, "volume", false),
        (1.0, 2.0, 0.5, 1.5, 0.0, "", true),
    ])
    func values(o: Double, h: Double, l: Double, c: Double, volume: Double?, fragment: String, valid: Bool) {
        var candles = CandleFixtures.hourly(3)
        candles[1] = Candle(time: candles[1].time, open: o, high: h, low: l, close: c, volume: volume)
        let e = rejection(candles)
        if valid {
            #expect(e == nil)
        } else {
            #expect(e?.index == 1)
            #expect(e?.message.contains(fragment) == true, "\(e?.message ?? "accepted")")
        }
    }

    @Test func indexRangeAndSubBounds() throws {
        let series = try CandleSeries(validating: CandleFixtures.hourly(10))
        let t0 = 1_704_672_000.0
        #expect(series.indexRange(from: t0 + 3600, through: t0 + 3 * 3600) == 1..<4)
        #expect(series.indexRange(from: t0 + 1, through: t0 + 3599) == 1..<1)
        #expect(series.indexRange(from: t0 - 1e9, through: t0 + 1e12) == 0..<10)
        #expect(series.indexRange(from: t0 + 1e9, through: t0 + 2e9).isEmpty)
        #expect(series.indexRange(from: t0 + 5, through: t0).isEmpty)
        let b = try #require(series.bounds(of: 2..<4))
        #expect(b.minTime == t0 + 7200 && b.maxTime == t0 + 10_800)
        #expect(Geo.near(b.minPrice, 1.201, 1e-12) && Geo.near(b.maxPrice, 1.205, 1e-12))
        #expect(series.bounds(of: 3..<3) == nil)
        #expect(series.bounds(of: 8..<12) == nil)
        #expect(series.bounds(of: series.candles.indices) == series.bounds)
    }
}
