/// Grid and label positions for the price and time axes.
package enum AxisTicks {
    /// The mantissas of nice price steps, times a power of ten.
    package static let niceMantissas: [Double] = [1, 2, 2.5, 5]

    /// The nice step (1, 2, 2.5 or 5 × 10^k) nearest, on a log scale, to `span / targetCount`;
    /// 0 when the span or count is not positive and finite.
    package static func niceStep(span: Double, targetCount: Double) -> Double {
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

    /// The multiples of `step` within `range`, low to high (at most `limit` of them; none when
    /// there would be more, or when the multiples are beyond the integers a double holds
    /// exactly: then consecutive multiples could not be told apart).
    package static func priceValues(in range: ClosedRange<Double>, step: Double, limit: Int = 1000) -> [Double] {
        guard step > 0, step.isFinite, range.lowerBound.isFinite, range.upperBound.isFinite else { return [] }
        let first = (range.lowerBound / step).rounded(.up)
        let last = (range.upperBound / step).rounded(.down)
        let exact = 9_007_199_254_740_992.0  // 2^53
        guard first <= last, last - first < Double(limit), abs(first) < exact, abs(last) < exact else { return [] }
        var out: [Double] = []
        for k in 0...Int(last - first) {
            let v = (first + Double(k)) * step
            if let previous = out.last, !(v > previous) { continue }
            out.append(v)
        }
        return out
    }

    /// The price grid step for a plot `height` device pixels tall showing `span` in price:
    /// about one line per `spacing` device pixels (the scene uses 60 logical pixels).
    package static func priceStep(span: Double, height: Double, spacing: Double) -> Double {
        niceStep(span: span, targetCount: Swift.max(1, height / Swift.max(spacing, 1)))
    }

    /// The nice step for `span / targetCount` among those written with at most `decimals`
    /// decimals (so at least `10^-decimals`): the free ``niceStep(span:targetCount:)`` when it
    /// is one, else the largest such step below it (2 for 2.5, 0.2 for 0.25), else one unit
    /// of the last decimal. Grid values are then multiples of the last digit and no two of
    /// them share a label.
    package static func niceStep(span: Double, targetCount: Double, maxDecimals decimals: Int) -> Double {
        let free = niceStep(span: span, targetCount: targetCount)
        guard free > 0, PriceFormat.stepDecimals(free) > decimals else { return free }
        let smallest = PriceFormat.powerOfTen(-decimals)
        guard free > smallest else { return smallest }
        let e = PriceFormat.decimalExponent(free)
        var best = smallest
        for k in (e - 1)...e {
            let base = PriceFormat.powerOfTen(k)
            for m in niceMantissas {
                let step = m * base
                guard step <= free, step > best, PriceFormat.stepDecimals(step) <= decimals else { continue }
                best = step
            }
        }
        return best
    }

    /// The price grid step and the decimals of its labels, for a plot showing `span` about
    /// `targetCount` grid lines tall, around `magnitude`.
    /// - `explicitDecimals` (`--precision`): exactly those decimals; the step is coarsened to
    ///   one written with them, so two grid lines never share a label.
    /// - else `dataDecimals` (the decimals the candles and levels were written with), when
    ///   they are an instrument's tick (``PriceFormat/isPlausibleTick(decimals:magnitude:)``):
    ///   those decimals, with a step written with them, unless that step leaves fewer than two
    ///   grid steps in the span (then the free step and the decimals it needs).
    /// - else the instrument's usual decimals for the magnitude, more when the step needs them.
    package static func priceAxis(
        span: Double, targetCount: Double, magnitude: Double, dataDecimals: Int?, explicitDecimals: Int?
    ) -> (step: Double, decimals: Int) {
        if let n = explicitDecimals {
            return (niceStep(span: span, targetCount: targetCount, maxDecimals: n), n)
        }
        let free = niceStep(span: span, targetCount: targetCount)
        if let d = dataDecimals, PriceFormat.isPlausibleTick(decimals: d, magnitude: magnitude) {
            let step = niceStep(span: span, targetCount: targetCount, maxDecimals: d)
            if step > 0, span / step >= 2 { return (step, d) }
            return (free, Swift.min(PriceFormat.maximumDecimals, Swift.max(d, PriceFormat.stepDecimals(free))))
        }
        return (free, PriceFormat.precision(step: free, magnitude: magnitude))
    }

    /// The candidate time steps, finest first.
    package static let timeSteps: [TimeStep] = {
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
    /// `font`, as `measurer` measures them) keep `labelGap` pixels between them.
    package static func timeTicks(
        in range: ClosedRange<Double>, pixelsPerSecond: Double, minSpacing: Double, font: FontSpec, labelGap: Double,
        measurer: any TextMeasurer
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
            for t in ticks { widest = Swift.max(widest, measurer.width(of: t.label, font: font)) }
            if spacing >= widest + labelGap { return (step, ticks) }
        }
        return (fallback, fallback.ticks(in: range, limit: 400))
    }
}

/// One time-axis tick: where it is and what it says.
package struct TimeTick: Hashable, Sendable {
    /// Seconds since the epoch.
    package var t: Double
    /// The label, e.g. "14:00", "8 Jan", "Feb", "2026".
    package var label: String
    /// Whether the tick opens a new day (a new session) on an intraday chart, or a new year:
    /// its label is drawn bold.
    package var emphasis: Bool = false
}

/// A spacing of time ticks at round UTC boundaries.
package enum TimeStep: Hashable, Sendable {
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
    package var minimumSeconds: Double {
        switch self {
        case .seconds(let s, _): return Double(s)
        case .week: return 7 * 86_400
        case .months(let m): return Double(m) * 28 * 86_400
        case .years(let y): return Double(y) * 365 * 86_400
        }
    }

    /// The label unit.
    package var unit: TimeTickUnit {
        switch self {
        case .seconds(_, let u): return u
        case .week: return .day
        case .months: return .month
        case .years: return .year
        }
    }

    /// The ticks within `range` (seconds since the epoch), oldest first, at most `limit`.
    package func ticks(in range: ClosedRange<Double>, limit: Int) -> [TimeTick] {
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

// MARK: - Ticks on a bar-indexed axis

extension AxisTicks {
    /// Boundaries finer than a day that a bar can open, coarsest first, in seconds.
    static let intradayPeriods: [Int64] = [
        43_200, 21_600, 14_400, 10_800, 7_200, 3_600, 1_800, 900, 600, 300, 120, 60, 30, 15, 5, 1,
    ]
    /// The most bars examined; wider views look at every k-th bar.
    static let maximumExaminedBars = 50_000

    /// Time ticks for a bar-indexed axis: at bars (and at the step-spaced positions past
    /// either end), never between them, so a label names a bar that is drawn.
    ///
    /// Each bar is ranked by the coarsest calendar boundary it opens, that is, lying between
    /// the previous bar's time and its own: a new year, month, day, then 12, 6, 4, 3, 2 and 1
    /// hours and so on down to a second. Ticks are chosen coarsest rank first, left to right,
    /// each at least `minSpacing` device pixels from those chosen and with `labelGap` between
    /// label boxes; so day and session starts are labelled first and finer times fill the room
    /// between them. Labels: "2026" at a new year; "Feb" at a new month ("1 Feb" when bars are
    /// shorter than a day); "8 Jan" at a new day; "14:30" inside a day. A day or month start
    /// on an intraday chart, and every year start, is an ``TimeTick/emphasis`` tick. Cost:
    /// O(bars in view), at most one bar per device pixel and ``maximumExaminedBars`` examined.
    package static func barTimeTicks(
        scale: ChartScale, minSpacing: Double, font: FontSpec, labelGap: Double, measurer: any TextMeasurer
    ) -> [TimeTick] {
        let bars = scale.bars
        let kx = scale.pixelsPerPosition
        let range = scale.positionRange
        guard kx > 0, kx.isFinite, range.lowerBound.isFinite, range.upperBound.isFinite else { return [] }
        let first = range.lowerBound.rounded(.up), last = range.upperBound.rounded(.down)
        guard first <= last, last - first < 1e12 else { return [] }
        let total = last - first + 1
        // Bars narrower than a device pixel are examined one per pixel column: a tick cannot
        // tell them apart, and the cost then follows the plot's width, not the bar count.
        let perPixel = (1 / kx).rounded(.down)
        let stride = Swift.max(1, perPixel, (total / Double(maximumExaminedBars)).rounded(.up))
        let intraday = bars.step < 86_400
        let ranks = 3 + intradayPeriods.count
        var buckets = [[(p: Double, t: Int64)]](repeating: [], count: ranks)
        let minT = Double(Timestamp.minSeconds), maxT = Double(Timestamp.maxSeconds)

        var cachedDay = Int64.min, cachedYear = 0, cachedMonth = 0
        func yearMonth(_ t: Int64, day: Int64) -> (Int, Int) {
            if day != cachedDay {
                let u = Timestamp(seconds: t).utc
                (cachedDay, cachedYear, cachedMonth) = (day, u.year, u.month)
            }
            return (cachedYear, cachedMonth)
        }
        func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

        var p = first
        var previous = bars.time(atPosition: p - stride)
        while p <= last {
            let time = bars.time(atPosition: p)
            defer {
                previous = time
                p += stride
            }
            guard time >= minT, time <= maxT, previous >= minT, previous <= maxT else { continue }
            let t = Int64(time.rounded(.down)), tp = Int64(previous.rounded(.down))
            guard t > tp else { continue }
            let day = floorDiv(t, 86_400), dayP = floorDiv(tp, 86_400)
            var rank = -1
            if day != dayP {
                let (y0, m0) = yearMonth(tp, day: dayP)
                let (y1, m1) = yearMonth(t, day: day)
                rank = y1 != y0 ? 0 : (m1 != m0 ? 1 : 2)
            } else {
                for (i, period) in intradayPeriods.enumerated() where floorDiv(t, period) != floorDiv(tp, period) {
                    rank = 3 + i
                    break
                }
            }
            if rank >= 0 { buckets[rank].append((p, t)) }
        }

        // Chosen ticks, sorted by x: centre, left and right of the label box.
        var chosen: [(x: Double, left: Double, right: Double, tick: TimeTick)] = []
        let plot = scale.plot
        for rank in 0..<ranks {
            for c in buckets[rank] {
                let x = scale.x(position: c.p)
                guard x >= plot.x, x <= plot.maxX else { continue }
                // The first chosen tick right of x, by binary search.
                var lo = 0, hi = chosen.count
                while lo < hi {
                    let mid = (lo + hi) >> 1
                    if chosen[mid].x < x { lo = mid + 1 } else { hi = mid }
                }
                if lo < chosen.count, chosen[lo].x - x < minSpacing { continue }
                if lo > 0, x - chosen[lo - 1].x < minSpacing { continue }
                let label = barLabel(Timestamp(seconds: c.t), rank: rank, intraday: intraday)
                let w = measurer.width(of: label, font: font)
                let left = x - w / 2, right = x + w / 2
                if lo < chosen.count, chosen[lo].left - right < labelGap { continue }
                if lo > 0, left - chosen[lo - 1].right < labelGap { continue }
                let emphasis = rank == 0 || (intraday && rank <= 2)
                chosen.insert(
                    (x, left, right, TimeTick(t: bars.time(atPosition: c.p), label: label, emphasis: emphasis)), at: lo)
            }
        }
        return chosen.map(\.tick)
    }

    /// The label of a bar that opens a boundary of `rank` (see ``barTimeTicks(scale:minSpacing:font:labelGap:)``).
    static func barLabel(_ t: Timestamp, rank: Int, intraday: Bool) -> String {
        let u = t.utc
        switch rank {
        case 0: return TimeFormat.year(u)
        case 1: return intraday ? TimeFormat.dayMonth(u) : TimeFormat.monthName(u.month)
        case 2: return TimeFormat.dayMonth(u)
        default:
            return intradayPeriods[rank - 3] < 60 ? TimeFormat.hourMinuteSecond(u) : TimeFormat.hourMinute(u)
        }
    }
}
