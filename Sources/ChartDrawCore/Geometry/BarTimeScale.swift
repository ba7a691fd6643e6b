/// Maps instants to bar positions, as trading charts place candles: side by side, with no
/// room for closed-market time.
///
/// Candle `i` sits at position `i`. An instant between two candles maps proportionally between
/// their positions; an instant before the first or after the last candle extrapolates at
/// ``step`` seconds per bar. A weekend or a session break between two candles therefore
/// takes one bar's width, whatever its length in clock time, and a straight line in bar space
/// is what the chart draws and what the follow-up evaluation tests price against.
///
/// With no candles the scale is clock time: position `(t - origin) / step`.
///
/// The mapping is monotonic and continuous; ``time(atPosition:)`` is its inverse. Both take
/// O(log n) for n candles.
package struct BarTimeScale: Hashable, Sendable {
    /// The bars' times when the scale was given times; empty when it reads ``candleBars``.
    @usableFromInline let ownTimes: [Double]
    /// The candles whose times are the bars' (read in place, so a scale over a long series
    /// costs no copy of its times); empty when the scale was given times.
    @usableFromInline let candleBars: [Candle]
    /// Seconds per bar before the first and after the last bar.
    package let step: Double
    /// The time at position 0 when there are no bars.
    package let origin: Double

    /// A scale over bars at `times` (seconds, strictly increasing), extrapolating at `step`
    /// seconds per bar; `origin` places position 0 when `times` is empty. A `step` that is not
    /// finite and positive becomes one hour.
    package init(times: [Double], step: Double, origin: Double = 0) {
        self.init(ownTimes: times, candleBars: [], step: step, origin: origin)
    }

    /// A scale over the candles' bars. The step is the timeframe's when it parses (e.g. `H1`),
    /// else the candles' median spacing.
    package init(candles: CandleSeries, timeframe: String? = nil) {
        let tf = timeframe.flatMap(Timeframe.init(_:))
        self.init(ownTimes: [], candleBars: candles.candles, step: tf?.seconds ?? candles.interval)
    }

    private init(ownTimes: [Double], candleBars: [Candle], step: Double, origin: Double = 0) {
        self.ownTimes = ownTimes
        self.candleBars = candleBars
        self.step = step.isFinite && step > 0 ? step : CandleSeries.defaultInterval
        self.origin = ownTimes.first ?? candleBars.first?.t ?? (origin.isFinite ? origin : 0)
    }

    /// The bars' times in seconds since the epoch, strictly increasing (may be empty).
    package var times: [Double] { candleBars.isEmpty ? ownTimes : candleBars.map(\.t) }

    /// The time of bar `i`, for `0 <= i < count`.
    @inlinable func time(ofBar i: Int) -> Double {
        candleBars.isEmpty ? ownTimes[i] : candleBars[i].t
    }

    package static func == (a: BarTimeScale, b: BarTimeScale) -> Bool {
        guard a.step == b.step, a.origin == b.origin, a.count == b.count else { return false }
        for i in 0..<a.count where a.time(ofBar: i) != b.time(ofBar: i) { return false }
        return true
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(step)
        hasher.combine(origin)
        hasher.combine(count)
        for i in 0..<count { hasher.combine(time(ofBar: i)) }
    }

    /// How many bars the scale has.
    @inlinable package var count: Int { candleBars.isEmpty ? ownTimes.count : candleBars.count }

    /// The bar position of an instant in seconds since the epoch.
    package func position(_ t: Double) -> Double {
        let n = count
        guard n > 0 else { return (t - origin) / step }
        let first = time(ofBar: 0), last = time(ofBar: n - 1)
        if t <= first { return (t - first) / step }
        if t >= last { return Double(n - 1) + (t - last) / step }
        // The last index whose time is <= t; first < t < last, so 0 <= i < count - 1.
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if time(ofBar: mid) <= t { lo = mid } else { hi = mid }
        }
        let a = time(ofBar: lo), b = time(ofBar: lo + 1)
        return Double(lo) + (t - a) / (b - a)
    }

    /// The bar position of an instant.
    @inlinable package func position(_ t: Timestamp) -> Double { position(t.secondsSinceEpoch) }

    /// The instant at a bar position, in seconds since the epoch (the inverse of
    /// ``position(_:)-(Double)``).
    package func time(atPosition p: Double) -> Double {
        let count = count
        guard count > 0 else { return origin + p * step }
        let first = time(ofBar: 0), last = time(ofBar: count - 1)
        let n = Double(count - 1)
        if p <= 0 { return first + p * step }
        if p >= n { return last + (p - n) * step }
        let i = Int(p.rounded(.down))
        let a = time(ofBar: i), b = time(ofBar: i + 1)
        return a + (p - Double(i)) * (b - a)
    }
}
