/// Grid and label positions for the price and time axes.
public enum AxisTicks {
    /// The mantissas of nice price steps, times a power of ten.
    public static let niceMantissas: [Double] = [1, 2, 2.5, 5]

    /// The nice step (1, 2, 2.5 or 5 × 10^k) nearest, on a log scale, to `span / targetCount`;
    /// 0 when the span or count is not positive and finite.
    public static func niceStep(span: Double, targetCount: Double) -> Double {
        guard span.isFinite, span > 0, targetCount.isFinite, targetCount > 0 else { return 0 }
        let raw = span / targetCount
        let e = PriceFormat.decimalExponent(raw)
        let base = PriceFormat.powerOfTen(e)
        var best = base
        var bestRatio = Double.infinity
        for m in niceMantissas + [10] {
            let step = m * base
            let ratio = step > raw ? step / raw : raw / step
            if ratio < bestRatio {
                bestRatio = ratio
                best = step
            }
        }
        return best
    }

    /// The multiples of `step` within `range`, low to high (at most `limit` of them).
    public static func priceValues(in range: ClosedRange<Double>, step: Double, limit: Int = 1000) -> [Double] {
        guard step > 0, step.isFinite, range.lowerBound.isFinite, range.upperBound.isFinite else { return [] }
        let first = (range.lowerBound / step).rounded(.up)
        let last = (range.upperBound / step).rounded(.down)
        guard first <= last, last - first < Double(limit) else { return [] }
        var out: [Double] = []
        var k = first
        while k <= last {
            out.append(k * step)
            k += 1
        }
        return out
    }

    /// The price grid step for a plot `height` device pixels tall showing `span` in price:
    /// about one line per `spacing` device pixels (the scene uses 60 logical pixels).
    public static func priceStep(span: Double, height: Double, spacing: Double) -> Double {
        niceStep(span: span, targetCount: Swift.max(1, height / Swift.max(spacing, 1)))
    }

    /// The candidate time steps, finest first.
    public static let timeSteps: [TimeStep] = {
        var s: [TimeStep] = [1, 2, 5, 10, 15, 30].map { TimeStep.seconds(Int64($0), unit: .second) }
        s += [1, 2, 5, 10, 15, 30].map { TimeStep.seconds(Int64($0) * 60, unit: .minute) }
        s += [1, 2, 3, 4, 6, 12].map { TimeStep.seconds(Int64($0) * 3600, unit: .minute) }
        s += [.seconds(86_400, unit: .day), .seconds(2 * 86_400, unit: .day), .week]
        s += [1, 2, 3, 6].map { TimeStep.months($0) }
        s += [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map { TimeStep.years($0) }
        return s
    }()

    /// Time ticks at round UTC boundaries for `range` drawn `pixelsPerSecond` wide: the finest
    /// step whose ticks are at least `minSpacing` device pixels apart and whose labels (in
    /// `font`) keep `labelGap` pixels between them.
    public static func timeTicks(
        in range: ClosedRange<Double>, pixelsPerSecond: Double, minSpacing: Double, font: FontSpec, labelGap: Double
    ) -> (step: TimeStep, ticks: [TimeTick]) {
        let fallback = TimeStep.years(1000)
        guard pixelsPerSecond > 0, pixelsPerSecond.isFinite, range.lowerBound.isFinite, range.upperBound.isFinite
        else { return (fallback, []) }
        for step in timeSteps {
            let spacing = step.minimumSeconds * pixelsPerSecond
            guard spacing >= minSpacing else { continue }
            let ticks = step.ticks(in: range, limit: 400)
            guard ticks.count < 400 else { continue }
            var widest = 0.0
            for t in ticks { widest = Swift.max(widest, FontMetrics.width(of: t.label, font: font)) }
            if spacing >= widest + labelGap { return (step, ticks) }
        }
        return (fallback, fallback.ticks(in: range, limit: 400))
    }
}

/// One time-axis tick: where it is and what it says.
public struct TimeTick: Hashable, Sendable {
    /// Seconds since the epoch.
    public var t: Double
    /// The label, e.g. "14:00", "8 Jan", "Feb", "2026".
    public var label: String
}

/// A spacing of time ticks at round UTC boundaries.
public enum TimeStep: Hashable, Sendable {
    /// A fixed number of seconds, aligned to multiples since the epoch (whole days are
    /// UTC midnights); `unit` picks the label format.
    case seconds(Int64, unit: TimeTickUnit)
    /// Seven days, aligned to Mondays.
    case week
    /// Months, at the first of every month whose index (0 = January) is a multiple.
    case months(Int)
    /// Years, at January 1 of every year that is a multiple.
    case years(Int)

    /// The smallest distance between two ticks, in seconds.
    public var minimumSeconds: Double {
        switch self {
        case .seconds(let s, _): return Double(s)
        case .week: return 7 * 86_400
        case .months(let m): return Double(m) * 28 * 86_400
        case .years(let y): return Double(y) * 365 * 86_400
        }
    }

    /// The label unit.
    public var unit: TimeTickUnit {
        switch self {
        case .seconds(_, let u): return u
        case .week: return .day
        case .months: return .month
        case .years: return .year
        }
    }

    /// The ticks within `range` (seconds since the epoch), oldest first, at most `limit`.
    public func ticks(in range: ClosedRange<Double>, limit: Int) -> [TimeTick] {
        let lo = Swift.max(range.lowerBound, Double(Timestamp.minSeconds))
        let hi = Swift.min(range.upperBound, Double(Timestamp.maxSeconds))
        guard lo <= hi else { return [] }
        var out: [TimeTick] = []
        func add(_ seconds: Int64) -> Bool {
            let ts = Timestamp(seconds: seconds)
            out.append(TimeTick(t: Double(seconds), label: TimeFormat.tickLabel(ts, unit: unit)))
            return out.count < limit
        }
        switch self {
        case .seconds, .week:
            let step: Int64, offset: Int64
            if case .seconds(let s, _) = self {
                (step, offset) = (s, 0)
            } else {
                (step, offset) = (7 * 86_400, 4 * 86_400)  // 1970-01-05 was a Monday
            }
            let first = Int64(((lo - Double(offset)) / Double(step)).rounded(.up))
            var t = first * step + offset
            while Double(t) <= hi {
                if !add(t) { break }
                t += step
            }
        case .months(let m):
            let u = Timestamp(seconds: Int64(lo.rounded(.down))).utc
            var year = u.year, month = u.month
            while true {
                if (month - 1) % m == 0, let ts = Timestamp(year: year, month: month, day: 1) {
                    let t = ts.secondsSinceEpoch
                    if t > hi { break }
                    if t >= lo, !add(ts.seconds) { break }
                }
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                    if year > 9999 { break }
                }
            }
        case .years(let y):
            let u = Timestamp(seconds: Int64(lo.rounded(.down))).utc
            var year = (u.year + y - 1) / y * y
            while year <= 9999, let ts = Timestamp(year: Swift.max(year, 1), month: 1, day: 1) {
                let t = ts.secondsSinceEpoch
                if t > hi { break }
                if t >= lo, !add(ts.seconds) { break }
                year += y
            }
        }
        return out
    }
}
