public import ChartDrawCore

/// Deterministic synthetic candles for tests: a multiplicative random walk driven by a
/// xorshift64* generator (no system randomness), so the same parameters give the same candles
/// on every machine and run, and a golden case can hold 20,000 candles in a few bytes.
///
/// Each candle opens at the previous close (the first at ``price``) and closes at
/// `open × (1 + volatility × (2u − 1))`; its high and low reach further by up to half the
/// volatility. A flat series has every price equal to ``price``. With ``gapAfter`` set, every
/// candle from that index on is moved ``gapSeconds`` later (a gap in time, like a weekend).
public struct CandleGenerator: Hashable, Sendable {
    /// How many candles.
    public var count: Int
    /// The seed of the generator.
    public var seed: UInt64
    /// The first candle's time.
    public var start: Timestamp
    /// Seconds between candles.
    public var interval: Int64
    /// The first open (and every price of a flat series).
    public var price: Double
    /// The largest relative move of one candle, e.g. 0.004 for 0.4%.
    public var volatility: Double
    /// Whether every price equals ``price``.
    public var flat: Bool
    /// The index of the first candle after the gap (`nil`: no gap).
    public var gapAfter: Int?
    /// The extra seconds of the gap.
    public var gapSeconds: Int64

    /// Creates a generator; the defaults are hourly candles from 2026-01-05T00:00:00Z at 100.
    public init(
        count: Int, seed: UInt64 = 1, start: Timestamp = Timestamp(seconds: 1_767_571_200), interval: Int64 = 3600,
        price: Double = 100, volatility: Double = 0.004, flat: Bool = false, gapAfter: Int? = nil,
        gapSeconds: Int64 = 0
    ) {
        self.count = count
        self.seed = seed
        self.start = start
        self.interval = interval
        self.price = price
        self.volatility = volatility
        self.flat = flat
        self.gapAfter = gapAfter
        self.gapSeconds = gapSeconds
    }

    /// The candles, oldest first (`count` of them; none when `count` is not positive).
    public func candles() -> [Candle] {
        guard count > 0 else { return [] }
        var random = XorShift(seed: seed)
        var out: [Candle] = []
        out.reserveCapacity(count)
        var open = price
        for i in 0..<count {
            // Candles that would fall past year 9999 are not generated.
            guard var t = start.adding(seconds: Int64(i) &* interval) else { break }
            if let g = gapAfter, i >= g {
                guard let shifted = t.adding(seconds: gapSeconds) else { break }
                t = shifted
            }
            if flat {
                out.append(Candle(time: t, open: price, high: price, low: price, close: price))
                continue
            }
            let close = open * (1 + volatility * (2 * random.unit() - 1))
            let high = Swift.max(open, close) * (1 + volatility * 0.5 * random.unit())
            let low = Swift.min(open, close) * (1 - volatility * 0.5 * random.unit())
            out.append(Candle(time: t, open: open, high: high, low: low, close: close))
            open = close
        }
        return out
    }
}

/// xorshift64* (Vigna), seeded through splitmix64 so that small seeds spread well.
struct XorShift {
    private var state: UInt64

    init(seed: UInt64) {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        state = z == 0 ? 0x2545_F491_4F6C_DD1D : z
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A double in `0 ..< 1` from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }
}
