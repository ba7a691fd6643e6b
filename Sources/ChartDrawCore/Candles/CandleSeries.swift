/// A validated, time-ordered list of candles with its typical interval and bounds.
///
/// Invariants (checked by ``init(validating:)``): at least one candle; strictly increasing
/// times; every price finite, positive and at most ``maximumPrice``; `low <= min(open, close)`,
/// `high >= max(open, close)`; a volume, when present, finite and not negative.
public struct CandleSeries: Hashable, Sendable {
    /// The candles, oldest first.
    public let candles: [Candle]
    /// The typical spacing in seconds: the median gap between neighbours (the lower middle
    /// one for an even count), 3600 for a single candle.
    public let interval: Double
    /// Times from the first candle to the last, prices from the lowest low to the highest high.
    package let bounds: ChartBounds
    /// Oddities that do not prevent drawing, such as gaps in time.
    public let warnings: [CandleWarning]

    /// The largest price accepted: larger values are almost always a unit or parsing mistake.
    public static let maximumPrice: Double = 1e12

    /// The interval assumed for a single candle: one hour.
    public static let defaultInterval: Double = 3600

    /// Checks the candles and builds the series; throws the first problem found, naming the
    /// candle's index and the fix.
    public init(validating candles: [Candle]) throws(CandleError) {
        guard !candles.isEmpty else {
            throw CandleError(message: "there are no candles; give at least one")
        }
        guard candles.count <= ResourceLimits.standard.maxCandles else {
            throw CandleError(
                message:
                    "there are \(candles.count) candles, more than the limit of \(ResourceLimits.standard.maxCandles); send fewer"
            )
        }
        for i in candles.indices {
            if let problem = Self.valueProblem(candles[i]) {
                throw CandleError(index: i, message: problem)
            }
            if i > 0, let problem = Self.orderProblem(candles[i], after: candles[i - 1], previous: "candle \(i - 1)") {
                throw CandleError(index: i, message: problem)
            }
        }
        self.init(unchecked: candles)
    }

    /// Builds the series from candles already known to satisfy the invariants.
    init(unchecked candles: [Candle]) {
        self.candles = candles
        var b = ChartBounds(
            minTime: candles[0].t, maxTime: candles[candles.count - 1].t,
            minPrice: .infinity, maxPrice: -.infinity)
        for c in candles {
            if c.low < b.minPrice { b.minPrice = c.low }
            if c.high > b.maxPrice { b.maxPrice = c.high }
        }
        bounds = b
        var gaps: [Double] = []
        gaps.reserveCapacity(candles.count - 1)
        for i in candles.indices.dropFirst() { gaps.append(candles[i].t - candles[i - 1].t) }
        if gaps.isEmpty {
            interval = Self.defaultInterval
            warnings = []
            return
        }
        var scratch = gaps
        let median = Self.select(&scratch, rank: (scratch.count - 1) / 2)
        interval = median
        var w: [CandleWarning] = []
        for (k, g) in gaps.enumerated() where g > median * 1.5 {
            w.append(CandleWarning(kind: .gap(seconds: g), index: k + 1))
        }
        warnings = w
    }

    /// The value of rank `rank` (0-based) in ascending order: Hoare's quickselect with a
    /// median-of-three pivot, O(n) on average; reorders `values`.
    static func select(_ values: inout [Double], rank: Int) -> Double {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot value.
            var a = values[lo], b = values[mid], c = values[hi]
            if a > b { swap(&a, &b) }
            if b > c { swap(&b, &c) }
            if a > b { swap(&a, &b) }
            let pivot = b
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now values[lo...j] <= pivot <= values[i...hi], and values[j+1..<i] == pivot.
            if rank <= j {
                hi = j
            } else if rank >= i {
                lo = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }

    /// What is wrong with one candle's values, or `nil`.
    static func valueProblem(_ c: Candle) -> String? {
        if let p = priceProblem("open", c.open) ?? priceProblem("high", c.high)
            ?? priceProblem("low", c.low) ?? priceProblem("close", c.close)
        {
            return p
        }
        if c.high < c.low {
            return "high \(c.high) is below low \(c.low); high must be the highest price of the bar"
        }
        let top = Swift.max(c.open, c.close), bottom = Swift.min(c.open, c.close)
        if c.high < top {
            return "high \(c.high) is below max(open, close) = \(top); raise high to at least \(top)"
        }
        if c.low > bottom {
            return "low \(c.low) is above min(open, close) = \(bottom); lower low to at most \(bottom)"
        }
        if let v = c.volume {
            if !v.isFinite { return "volume is not a finite number; give a number of 0 or more, or leave it out" }
            if v < 0 { return "volume is \(v); volume cannot be negative" }
        }
        return nil
    }

    /// What is wrong with one price, or `nil`.
    static func priceProblem(_ name: StaticString, _ v: Double) -> String? {
        if v > 0 && v <= maximumPrice { return nil }
        if v.isNaN { return "\(name) is NaN; prices must be positive finite numbers" }
        if v.isInfinite { return "\(name) is \(v < 0 ? "-" : "")infinite; prices must be positive finite numbers" }
        if v <= 0 { return "\(name) is \(v); prices must be greater than 0" }
        return "\(name) is \(v), above the largest accepted price \(maximumPrice); check the units"
    }

    /// What is wrong with `c` following `prev` in time, or `nil`; `previous` names `prev`.
    static func orderProblem(_ c: Candle, after prev: Candle, previous: @autoclosure () -> String) -> String? {
        if c.time == prev.time {
            return "time \(c.time) repeats the time of \(previous()); remove the duplicate"
        }
        if c.time < prev.time {
            return "time \(c.time) is before \(prev.time) of \(previous()); sort candles by time, oldest first"
        }
        return nil
    }
}

extension CandleSeries {
    /// The indices of the candles whose time lies in `lower...upper` (empty when none does).
    /// Binary search: O(log n).
    public func indexRange(from lower: Double, through upper: Double) -> Range<Int> {
        guard lower <= upper else { return 0..<0 }
        let start = firstIndex(notBefore: lower)
        let end = firstIndex(after: upper)
        return start < end ? start..<end : start..<start
    }

    /// The index of the first candle with time >= `t` (`candles.count` when none).
    func firstIndex(notBefore t: Double) -> Int {
        var lo = 0, hi = candles.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if candles[mid].t < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the first candle with time > `t` (`candles.count` when none).
    func firstIndex(after t: Double) -> Int {
        var lo = 0, hi = candles.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if candles[mid].t <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The box of the candles at `indices` (times of the first and last, lowest low to
    /// highest high); `nil` when the range is empty or out of bounds.
    package func bounds(of indices: Range<Int>) -> ChartBounds? {
        guard !indices.isEmpty, indices.lowerBound >= 0, indices.upperBound <= candles.count else { return nil }
        // The whole series, as a default view shows it: the bounds are already known.
        if indices.count == candles.count { return bounds }
        var b = ChartBounds(
            minTime: candles[indices.lowerBound].t, maxTime: candles[indices.upperBound - 1].t,
            minPrice: .infinity, maxPrice: -.infinity)
        for i in indices {
            let c = candles[i]
            if c.low < b.minPrice { b.minPrice = c.low }
            if c.high > b.maxPrice { b.maxPrice = c.high }
        }
        return b
    }
}
