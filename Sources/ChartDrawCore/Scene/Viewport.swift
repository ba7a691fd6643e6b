/// The chart-space window a scene shows, fitted to candles, drawings and levels.
///
/// The fit (all fractions are of the fitted span, documented constants below):
/// - Prices: lowest to highest of candles, drawings (Fibonacci levels and channel lines
///   included) and levels, padded by ``pricePadding`` on each side. A flat span (all prices
///   equal) becomes ±1% of the price (±1 around 0).
/// - Times: first to last of candles and of drawings other than horizontal lines; level and
///   horizontal-line times count only when nothing else gives a time. The left edge is padded
///   by ``leftPadding`` (at least one bar), the right by ``rightOffset`` (at least three
///   bars): empty space after the last bar, as TradingView leaves it. On a bar-indexed axis
///   the padding is measured in bar positions, in clock time in seconds (a bar is the interval).
/// - With candles, drawings and levels may widen the view by at most ``drawingReach`` times
///   the candles' span on each side, so one far-away point cannot squash the bars.
/// - The expiry instant is pulled into the view when it lies after the fitted end by at most
///   ``expiryPullIn`` of the span; farther away the scene notes it at the right edge instead.
/// - Explicit `timeRange` / `priceRange` options replace the fit on their axis.
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
    var warnings: [String]

    /// Fraction of the price span added above and below.
    static let pricePadding = 0.08
    /// Fraction of the time span left empty before the first bar.
    static let leftPadding = 0.02
    /// Fraction of the time span left empty after the last bar.
    static let rightOffset = 0.08
    /// How far past the fitted end (fraction of the span) an expiry is pulled into view.
    static let expiryPullIn = 0.3
    /// How far (in candle spans) drawings may widen the view beyond the candles.
    static let drawingReach = 1.0

    /// Fits the view.
    static func fit(
        analysis: Analysis, candles: CandleSeries?, options: ChartOptions, bars: BarTimeScale? = nil
    ) -> Viewport {
        var warnings: [String] = []
        var timed = ChartBounds.empty  // times that shape the view
        var anchors = ChartBounds.empty  // level and horizontal-line times, a last resort
        var prices = ChartBounds.empty
        if let candles { timed = timed.union(candles.bounds) }
        for d in analysis.drawings ?? [] {
            guard let b = d.bounds else { continue }
            prices.include(time: nil, price: b.minPrice)
            prices.include(time: nil, price: b.maxPrice)
            if case .horizontalLine = d {
                anchors.include(time: b.minTime, price: nil)
            } else {
                timed.include(time: b.minTime, price: nil)
                timed.include(time: b.maxTime, price: nil)
            }
        }
        if let lb = analysis.levels?.bounds {
            prices.include(time: nil, price: lb.minPrice)
            prices.include(time: nil, price: lb.maxPrice)
            anchors.include(time: lb.minTime, price: nil)
            anchors.include(time: lb.maxTime, price: nil)
        }
        var minT = timed.minTime, maxT = timed.maxTime
        if !(minT <= maxT) {
            minT = anchors.minTime
            maxT = anchors.maxTime
        }
        var minP = prices.minPrice, maxP = prices.maxPrice
        if let cb = candles?.bounds {
            // Drawings may widen the candles' view, within reach.
            let tReach = Swift.max(cb.timeSpan, candles?.interval ?? 0) * drawingReach
            let pReach = Swift.max(cb.priceSpan, abs(cb.maxPrice) * 0.01) * drawingReach
            let lowT = cb.minTime - tReach, highT = cb.maxTime + tReach
            let lowP = cb.minPrice - pReach, highP = cb.maxPrice + pReach
            if minT < lowT || maxT > highT || minP < lowP || maxP > highP {
                warnings.append("some drawings or levels lie far from the candles; the view shows the candles and their surroundings only")
            }
            minT = Swift.max(Swift.min(minT, cb.minTime), lowT)
            maxT = Swift.min(Swift.max(maxT, cb.maxTime), highT)
            minP = minP <= maxP ? Swift.max(Swift.min(minP, cb.minPrice), lowP) : cb.minPrice
            maxP = Swift.min(Swift.max(maxP, cb.maxPrice), highP)
        }
        let hasTime = minT <= maxT && minT.isFinite && maxT.isFinite
        if !hasTime {
            let start = options.createdAt?.secondsSinceEpoch ?? 0
            minT = start
            maxT = start + 86_400
            if options.timeRange == nil {
                warnings.append("nothing gives the chart a time; showing one day from the start of the analysis")
            }
        }
        if !(minP <= maxP && minP.isFinite && maxP.isFinite) {
            minP = 0
            maxP = 1
            if options.priceRange == nil { warnings.append("nothing gives the chart a price; showing 0 to 1") }
        }

        // Expiry: from createdAt, else the last candle.
        var expiry: Timestamp?
        if let e = analysis.metadata?.expiry {
            let resolved = e.resolve(from: options.createdAt ?? candles?.candles.last?.time)
            expiry = resolved.instant
            if let w = resolved.problem("no expiry drawn") { warnings.append(w) }
        }

        // Time padding: in bar positions on a bar-indexed axis, in seconds on a clock one.
        var positionRange: ClosedRange<Double>?
        if let bars {
            var lo = bars.position(minT), hi = bars.position(maxT)
            var span = hi - lo
            if span <= 0 {
                span = 40
                lo -= span / 2
                hi += span / 2
            }
            if let e = expiry?.secondsSinceEpoch {
                let pe = bars.position(e)
                if pe > hi, pe - hi <= span * expiryPullIn {
                    hi = pe
                    span = hi - lo
                }
            }
            lo -= Swift.max(span * leftPadding, 1)
            hi += Swift.max(span * rightOffset, 3)
            if let r = options.timeRange {
                lo = bars.position(r.lowerBound.secondsSinceEpoch)
                hi = bars.position(r.upperBound.secondsSinceEpoch)
            }
            if !(hi > lo) { hi = lo + 1 }
            positionRange = lo...hi
            minT = bars.time(atPosition: lo)
            maxT = bars.time(atPosition: hi)
        } else {
            let interval = candles?.interval ?? 0
            var span = maxT - minT
            if span <= 0 {
                span = interval > 0 ? interval * 40 : 86_400
                minT -= span / 2
                maxT += span / 2
            }
            if let e = expiry?.secondsSinceEpoch, e > maxT, e - maxT <= span * expiryPullIn {
                maxT = e
                span = maxT - minT
            }
            minT -= Swift.max(span * leftPadding, interval)
            maxT += Swift.max(span * rightOffset, interval * 3)
        }

        // Price padding.
        var pSpan = maxP - minP
        if pSpan <= 0 {
            let half = minP == 0 ? 1 : abs(minP) * 0.01
            minP -= half
            maxP += half
            pSpan = maxP - minP
        }
        minP -= pSpan * pricePadding
        maxP += pSpan * pricePadding

        var timeRange = minT...maxT
        if positionRange == nil, let r = options.timeRange {
            timeRange = r.lowerBound.secondsSinceEpoch...r.upperBound.secondsSinceEpoch
        }
        let priceRange = options.priceRange ?? (minP...maxP)
        if !(timeRange.upperBound > timeRange.lowerBound) {
            // Only a span too small for a Double to resolve gets here.
            timeRange = timeRange.lowerBound...(timeRange.lowerBound + 1)
        }
        return Viewport(
            timeRange: timeRange, positionRange: positionRange, bars: bars, priceRange: priceRange, expiry: expiry,
            warnings: warnings)
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
