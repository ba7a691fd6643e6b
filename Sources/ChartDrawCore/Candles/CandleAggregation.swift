/// The candles that share one device-pixel column, merged into one bar.
package struct CandleColumn: Hashable, Sendable {
    /// The bar's centre in device pixels: the candle's own x when `count` is 1, else the
    /// middle of its pixel column.
    package var centerX: Double
    /// The open of the first candle.
    package var open: Double
    /// The highest high.
    package var high: Double
    /// The lowest low.
    package var low: Double
    /// The close of the last candle.
    package var close: Double
    /// How many candles merged.
    package var count: Int
    /// The index in the series of the first merged candle.
    package var firstIndex: Int

    /// Creates a column.
    @inlinable
    package init(centerX: Double, open: Double, high: Double, low: Double, close: Double, count: Int, firstIndex: Int) {
        self.centerX = centerX
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.count = count
        self.firstIndex = firstIndex
    }

    /// Whether the merged bar rose or stayed flat (`close >= open`).
    @inlinable package var isUp: Bool { close >= open }
}

/// Merges candles that fall into the same device-pixel column, so drawing costs grow with the
/// plot's width rather than with the number of candles.
package enum CandleAggregation {
    /// The candles as bars, merged per device-pixel column.
    ///
    /// Candles whose centre x falls in the same device-pixel column (`floor(x)`) merge: open
    /// of the first, close of the last, highest high, lowest low. When each column holds one
    /// candle the result equals the input (count 1 each, `centerX` the candle's x).
    ///
    /// With `visibleOnly`, only candles whose centre lies within half an interval of the
    /// plot (so bars cut by its edges are kept) are considered; they are found by binary
    /// search, so the cost is O(log n + visible candles) with one allocation: the result,
    /// which holds at most one entry per pixel column plus the edges.
    package static func columns(_ series: CandleSeries, scale: ChartScale, visibleOnly: Bool = true) -> [CandleColumn] {
        let candles = series.candles
        let range = visibleOnly ? visibleRange(series, scale: scale) : candles.indices
        guard !range.isEmpty else { return [] }
        var out: [CandleColumn] = []
        let width = scale.plot.width
        let columnsInPlot = width.isFinite ? Int(Swift.min(Swift.max(0, width), 1e9).rounded(.up)) + 4 : range.count
        out.reserveCapacity(Swift.min(range.count, columnsInPlot))
        let n = candles.count
        candles.withUnsafeBufferPointer { buf in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let first = buf[i]
                let x = scale.x(candle: i, time: first.t, count: n)
                let col = x.rounded(.down)
                var high = first.high, low = first.low, close = first.close
                var j = i + 1
                while j < end {
                    let c = buf[j]
                    guard scale.x(candle: j, time: c.t, count: n).rounded(.down) == col else { break }
                    if c.high > high { high = c.high }
                    if c.low < low { low = c.low }
                    close = c.close
                    j += 1
                }
                let count = j - i
                out.append(
                    CandleColumn(
                        centerX: count == 1 ? x : col + 0.5, open: first.open, high: high, low: low,
                        close: close, count: count, firstIndex: i))
                i = j
            }
        }
        return out
    }

    /// Whether more candles are in view than the plot has device-pixel columns.
    package static func needsAggregation(_ series: CandleSeries, scale: ChartScale) -> Bool {
        let width = scale.plot.width
        guard width.isFinite else { return false }
        return Double(visibleRange(series, scale: scale).count) > Swift.max(0, width.rounded(.down))
    }

    /// The indices of the candles whose centre lies within half an interval (half a bar on a
    /// scale bar-indexed over the series) of the plot.
    package static func visibleRange(_ series: CandleSeries, scale: ChartScale) -> Range<Int> {
        let n = series.candles.count
        if scale.bars.count == n {
            let a = scale.position(atX: scale.plot.x), b = scale.position(atX: scale.plot.maxX)
            let lo = Swift.min(a, b) - 0.5, hi = Swift.max(a, b) + 0.5
            guard lo.isFinite, hi.isFinite, hi >= 0, lo <= Double(n - 1) else { return 0..<0 }
            let first = Swift.max(0, Int(lo.rounded(.up))), last = Swift.min(n - 1, Int(hi.rounded(.down)))
            return first <= last ? first..<(last + 1) : first..<first
        }
        let half = series.interval / 2
        let lo = Swift.min(scale.time(atX: scale.plot.x), scale.time(atX: scale.plot.maxX))
        let hi = Swift.max(scale.time(atX: scale.plot.x), scale.time(atX: scale.plot.maxX))
        return series.indexRange(from: lo - half, through: hi + half)
    }
}
