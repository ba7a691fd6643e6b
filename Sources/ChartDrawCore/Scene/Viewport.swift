/// The chart-space window a scene shows, fitted to candles, drawings, levels and the expiry.
///
/// Everything is measured in bar positions (``BarTimeScale``): the candles' bars on a
/// bar-indexed axis; in clock time, steps of the candles' interval (else the timeframe, else
/// one hour). All constants are below.
/// - **Reach.** The reference is the candles and the drawings' median point (without
///   candles: the middle half of the drawings' points). A drawing point more than ``timeReach`` times the reference's length (at least
///   ``minimumReachBars`` bars) before or after it, or a price (of a drawing, level or
///   horizontal line) more than ``priceReach`` times the candles' price range (at least
///   ``minimumPriceReachFraction`` of their highest price) beyond it, is out of reach: it
///   does not widen the view, it is clipped at the edge, and a warning names it by
///   `clientObjectId`. So a point centuries away is bounded, never silent.
/// - **Times.** Every drawing within reach is in view (horizontal lines and levels span the
///   plot at any time). Candles give context: those more than ``contextFactor`` times the
///   drawings' length (at least ``minimumContextBars`` bars) before or after the drawings are
///   left out of the default view, but when all candles lie before (or after) the drawings
///   the nearest ``lastCandles`` stay; without drawings every candle is shown. With candles the
///   view spans at least ``minimumBars`` bars (a third of the room added before, two thirds
///   after), so a single candle is a candle, not a block.
/// - **Expiry.** The expiry instant is pulled into view when it lies after the fitted end
///   and within reach (the reach rule above), so its marker and shaded region show at every
///   chart length; out of reach the scene only notes it at the right edge ("Expires … →").
/// - **Padding.** Prices 8% above and below; ``leftPadding`` of the span before and
///   ``rightOffset`` after (with candles at least one bar and three bars), as TradingView
///   leaves room.
/// - **Explicit views.** `timeRange` / `priceRange` options replace the fit on their axis; a
///   drawing they leave out, wholly or partly, is named in a warning.
struct Viewport {
    /// Times shown, seconds since the epoch.
    var timeRange: ClosedRange<Double>
    /// Bar positions shown on a bar-indexed axis; `nil` in clock time.
    var positionRange: ClosedRange<Double>?
    /// The bars of a bar-indexed axis; `nil` in clock time.
    var bars: BarTimeScale?
    /// Prices shown.
    var priceRange: ClosedRange<Double>
    /// When the analysis expires, if it has an expiry and a start.
    var expiry: Timestamp?
    /// Notes for the caller.
    var warnings: [ChartWarning]

    /// Fraction of the price span added above and below.
    static let pricePadding = 0.08
    /// Fraction of the time span left empty before the first bar.
    static let leftPadding = 0.02
    /// Fraction of the time span left empty after the last bar.
    static let rightOffset = 0.08
    /// How far (in reference lengths) drawing points may lie from the candles and still shape the view.
    static let timeReach = 5.0
    /// The least reach in bars.
    static let minimumReachBars = 500.0
    /// How far (in candle price ranges) prices may lie from the candles and still shape the view.
    static let priceReach = 10.0
    /// The least price reach, as a fraction of the candles' highest price.
    static let minimumPriceReachFraction = 0.5
    /// Candles kept before and after the drawings, in drawing lengths.
    static let contextFactor = 3.0
    /// The least context in bars.
    static let minimumContextBars = 120.0
    /// Candles kept in view when they all lie before (or after) the drawings.
    static let lastCandles = 30.0
    /// The fewest bars a view with candles spans.
    static let minimumBars = 40.0

    /// Fits the view. `bars` is the bar-indexed axis, `nil` for clock time.
    static func fit(
        analysis: Analysis, candles: CandleSeries?, options: ChartOptions, bars: BarTimeScale? = nil
    ) -> Viewport {
        var warnings: [ChartWarning] = []
        let tfStep = analysis.metadata?.timeframe.flatMap(Timeframe.init(_:))?.seconds
        let axis = bars ?? BarTimeScale(times: [], step: candles?.interval ?? tfStep ?? 3600, origin: 0)
        func pos(_ t: Double) -> Double { axis.position(t) }

        // The reference the reach is measured from.
        var refT: ClosedRange<Double>?
        var refP: ClosedRange<Double>?
        var ends: [Double] = []
        for d in analysis.drawings ?? [] {
            guard let b = d.bounds, !d.isHorizontalLine else { continue }
            ends.append(pos(b.minTime))
            ends.append(pos(b.maxTime))
        }
        ends = ends.filter(\.isFinite).sorted()
        if let cb = candles?.bounds {
            // The candles and the drawings' median point (one far point cannot move it).
            var r = pos(cb.minTime)...pos(cb.maxTime)
            if !ends.isEmpty {
                let m = ends[(ends.count - 1) / 2]
                r = Swift.min(r.lowerBound, m)...Swift.max(r.upperBound, m)
            }
            refT = r
            refP = cb.minPrice...cb.maxPrice
        } else if !ends.isEmpty {
            // The middle half of the drawings' points.
            let q1 = ends[ends.count / 4], q3 = ends[Swift.max(0, (3 * ends.count + 3) / 4 - 1)]
            refT = Swift.min(q1, q3)...Swift.max(q1, q3)
        }
        let tReach = refT.map { Swift.max(($0.upperBound - $0.lowerBound) * timeReach, minimumReachBars) }
        let pReach = refP.map {
            Swift.max(($0.upperBound - $0.lowerBound) * priceReach, abs($0.upperBound) * minimumPriceReachFraction)
        }
        func timeInReach(_ p: Double) -> Bool {
            guard p.isFinite else { return false }
            guard let r = refT, let reach = tReach else { return true }
            return p >= r.lowerBound - reach && p <= r.upperBound + reach
        }
        func priceInReach(_ v: Double) -> Bool {
            guard v.isFinite else { return false }
            guard let r = refP, let reach = pReach else { return true }
            return v >= r.lowerBound - reach && v <= r.upperBound + reach
        }

        // Drawings, levels and horizontal lines within reach.
        var far: [ChartWarning.Subject] = []
        var dLo = Double.infinity, dHi = -Double.infinity
        var minP = Double.infinity, maxP = -Double.infinity
        var anchors = ChartBounds.empty  // level and horizontal-line times, a last resort
        for (i, d) in (analysis.drawings ?? []).enumerated() {
            guard let b = d.bounds else { continue }
            var isFar = false
            for v in [b.minPrice, b.maxPrice] {
                if priceInReach(v) {
                    minP = Swift.min(minP, v)
                    maxP = Swift.max(maxP, v)
                } else {
                    isFar = true
                }
            }
            if d.isHorizontalLine {
                anchors.include(time: b.minTime, price: nil)
            } else {
                for t in [b.minTime, b.maxTime] {
                    let p = pos(t)
                    if timeInReach(p) {
                        dLo = Swift.min(dLo, p)
                        dHi = Swift.max(dHi, p)
                    } else {
                        isFar = true
                    }
                }
            }
            if isFar { far.append(.drawing(d, index: i)) }
        }
        for (role, entry) in analysis.levels?.ordered ?? [] {
            if priceInReach(entry.price) {
                minP = Swift.min(minP, entry.price)
                maxP = Swift.max(maxP, entry.price)
            } else {
                far.append(.level(role, entry))
            }
            anchors.include(time: entry.time.secondsSinceEpoch, price: nil)
        }
        if !far.isEmpty {
            warnings.append(
                ChartWarning(
                    .outOfReach,
                    "out of reach, clipped at the edge of the view: \(ChartWarning.names(far)) "
                        + "(a time more than \(Int(timeReach)) times the length of the candles and the drawings' "
                        + "median, at least \(Int(minimumReachBars)) bars, from them, or a price more than "
                        + "\(Int(priceReach)) times the candles' range, at least "
                        + "\(Int(minimumPriceReachFraction * 100))% of their high, beyond it)",
                    subjects: far))
        }

        // Times: the drawings, with candles for context.
        var lo = Double.infinity, hi = -Double.infinity
        var hasCandles = false
        if let cb = candles?.bounds {
            hasCandles = true
            let cLo = pos(cb.minTime), cHi = pos(cb.maxTime)
            if dLo <= dHi {
                let context = Swift.max((dHi - dLo) * contextFactor, minimumContextBars)
                lo = Swift.min(dLo, Swift.max(cLo, dLo - context))
                hi = Swift.max(dHi, Swift.min(cHi, dHi + context))
                // Candles that end before the drawings (or start after them) still show a few.
                if cHi < lo { lo = Swift.max(cLo, cHi - lastCandles) }
                if cLo > hi { hi = Swift.min(cHi, cLo + lastCandles) }
            } else {
                lo = cLo
                hi = cHi
            }
        } else if dLo <= dHi {
            lo = dLo
            hi = dHi
        } else if anchors.minTime <= anchors.maxTime {
            lo = pos(anchors.minTime)
            hi = pos(anchors.maxTime)
        }
        if !(lo <= hi && lo.isFinite && hi.isFinite) {
            let start = pos(options.createdAt?.secondsSinceEpoch ?? 0)
            lo = start
            hi = start + 86_400 / axis.step
            if options.timeRange == nil {
                warnings.append(
                    ChartWarning(
                        .noTime, "nothing gives the chart a time; showing one day from the start of the analysis"))
            }
        }

        // Expiry: from createdAt, else the last candle.
        var expiry: Timestamp?
        if let e = analysis.metadata?.expiry {
            if let start = options.createdAt ?? candles?.candles.last?.time {
                expiry = e.instant(from: start)
                if expiry == nil {
                    warnings.append(
                        ChartWarning(.expiryTypeUnknown, "expiry type \(e.type.rawValue) is unknown; no expiry drawn"))
                }
                let limit = Double(Timestamp.minSeconds)...Double(Timestamp.maxSeconds)
                if let x = expiry, e.hours.magnitude > 100_000_000 || !limit.contains(x.secondsSinceEpoch) {
                    expiry = nil
                    warnings.append(
                        ChartWarning(
                            .expiryOutOfRange,
                            "the expiry of \(e.hours) hours ends outside the years 1 to 9999; no expiry drawn"))
                }
            } else {
                warnings.append(
                    ChartWarning(
                        .expiryNoStart, "the expiry has no start (no candles and no createdAt); no expiry drawn"))
            }
        }

        // Span, expiry, padding.
        var span = hi - lo
        if hasCandles, span < minimumBars {
            // A third of the room before the bars, two thirds after, where the idea plays out.
            let extra = minimumBars - span
            lo -= extra / 3
            hi += extra * 2 / 3
            span = minimumBars
        } else if span <= 0 {
            span = 86_400 / axis.step
            lo -= span / 2
            hi += span / 2
        }
        if let e = expiry?.secondsSinceEpoch {
            let pe = pos(e)
            if pe > hi, timeInReach(pe) {
                hi = pe
                span = hi - lo
            }
        }
        // At least one bar before and three after when there are bars (candles) to measure by.
        lo -= Swift.max(span * leftPadding, hasCandles ? 1 : 0)
        hi += Swift.max(span * rightOffset, hasCandles ? 3 : 0)
        if let r = options.timeRange {
            lo = pos(r.lowerBound.secondsSinceEpoch)
            hi = pos(r.upperBound.secondsSinceEpoch)
            warnings += outsideExplicitView(
                analysis, from: r.lowerBound.secondsSinceEpoch, to: r.upperBound.secondsSinceEpoch)
        }
        if !(hi > lo) { hi = lo + 1 }

        // Prices: the candles in view, drawings and levels within reach.
        if let candles {
            let first = axis.time(atPosition: lo), last = axis.time(atPosition: hi)
            if let vb = candles.bounds(of: candles.indexRange(from: first, through: last)) {
                minP = Swift.min(minP, vb.minPrice)
                maxP = Swift.max(maxP, vb.maxPrice)
            } else if minP > maxP {
                minP = candles.bounds.minPrice
                maxP = candles.bounds.maxPrice
            }
        }
        if !(minP <= maxP && minP.isFinite && maxP.isFinite) {
            minP = 0
            maxP = 1
            if options.priceRange == nil {
                warnings.append(ChartWarning(.noPrice, "nothing gives the chart a price; showing 0 to 1"))
            }
        }
        var pSpan = maxP - minP
        // A span too narrow for distinct grid lines (prices a few ulps apart) counts as flat.
        if pSpan <= Swift.max(abs(minP), abs(maxP)) * PriceLimits.minimumRelativeSpan {
            let half = minP == 0 ? 1 : abs(minP) * 0.01
            minP -= half
            maxP += half
            pSpan = maxP - minP
        }
        minP -= pSpan * pricePadding
        maxP += pSpan * pricePadding
        let priceRange = options.priceRange ?? (minP...maxP)

        var timeRange = axis.time(atPosition: lo)...axis.time(atPosition: hi)
        if bars == nil, let r = options.timeRange {
            timeRange = r.lowerBound.secondsSinceEpoch...r.upperBound.secondsSinceEpoch
        }
        if !(timeRange.upperBound > timeRange.lowerBound) {
            // Only a span too small for a Double to resolve gets here.
            timeRange = timeRange.lowerBound...(timeRange.lowerBound + 1)
        }
        return Viewport(
            timeRange: timeRange, positionRange: bars == nil ? nil : lo...hi, bars: bars, priceRange: priceRange,
            expiry: expiry, warnings: warnings)
    }

    /// Warnings naming the drawings an explicit view leaves out, wholly or partly.
    static func outsideExplicitView(_ analysis: Analysis, from: Double, to: Double) -> [ChartWarning] {
        var out: [ChartWarning.Subject] = [], cut: [ChartWarning.Subject] = []
        for (i, d) in (analysis.drawings ?? []).enumerated() where !d.isHorizontalLine {
            guard let b = d.bounds else { continue }
            if b.maxTime < from || b.minTime > to {
                out.append(.drawing(d, index: i))
            } else if b.minTime < from || b.maxTime > to {
                cut.append(.drawing(d, index: i))
            }
        }
        var w: [ChartWarning] = []
        if !out.isEmpty {
            w.append(
                ChartWarning(
                    .timeRangeLeavesOut, "the chosen time range leaves out \(ChartWarning.names(out))", subjects: out))
        }
        if !cut.isEmpty {
            w.append(
                ChartWarning(.timeRangeCuts, "the chosen time range cuts \(ChartWarning.names(cut))", subjects: cut))
        }
        return w
    }
}

extension Drawing {
    /// Whether it is a HORIZONTAL_LINE (which spans the plot at any time).
    var isHorizontalLine: Bool {
        if case .horizontalLine = self { return true }
        return false
    }
}

extension Viewport {
    /// The scale mapping this view onto `plot`: over the bars when the axis is bar-indexed.
    func scale(plot: PixelRect) -> ChartScale {
        if let bars, let positionRange {
            return ChartScale(bars: bars, positionRange: positionRange, priceRange: priceRange, plot: plot)
        }
        return ChartScale(timeRange: timeRange, priceRange: priceRange, plot: plot)
    }
}
