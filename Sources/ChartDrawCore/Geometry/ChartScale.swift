/// Maps chart space (time in seconds since the epoch, price) to device pixels and back.
///
/// Time goes through a ``BarTimeScale`` first: an instant becomes a bar position, and bar
/// positions map linearly across the plot. Built with ``init(bars:positionRange:priceRange:plot:)``
/// the x axis is bar-indexed (candles side by side, closed-market time takes no room); built
/// with ``init(timeRange:priceRange:plot:)`` it is clock time (a position is a second).
/// Every time-to-x conversion of a scene, and of anything drawn over it, goes through
/// ``x(_:)-(Double)`` or ``x(position:)``, so a layer added later lines up with the candles.
///
/// `timeRange` spans the plot from its left edge to its right edge; `priceRange` from its
/// bottom edge (`lowerBound`) to its top edge (`upperBound`), because y grows downward: the
/// highest price sits at `plot.y`. A range of zero width (or one with an infinite bound) maps
/// every value to the middle of the plot on that axis, and the inverse returns the range's
/// lower bound; nothing is ever NaN for finite input.
package struct ChartScale: Hashable, Sendable {
    /// The times shown, left edge to right edge.
    package let timeRange: ClosedRange<Double>
    /// The bar positions shown, left edge to right edge (equal to `timeRange` in clock time).
    package let positionRange: ClosedRange<Double>
    /// The prices shown, bottom edge to top edge.
    package let priceRange: ClosedRange<Double>
    /// The plot area in device pixels.
    package let plot: PixelRect
    /// Time to bar position; in clock time a scale with no bars and a one-second step.
    package let bars: BarTimeScale

    /// The position that maps to `x0` (the range's lower bound when it is finite, else 0).
    @usableFromInline let t0: Double
    /// The x of `t0`.
    @usableFromInline let x0: Double
    /// Pixels per position (0 for a degenerate range).
    @usableFromInline let kx: Double
    /// The price that maps to `y0` (the range's upper bound when it is finite, else 0).
    @usableFromInline let p0: Double
    /// The y of `p0`.
    @usableFromInline let y0: Double
    /// Pixels per price unit (0 for a degenerate price range).
    @usableFromInline let ky: Double

    /// A clock-time scale mapping `timeRange` across `plot`'s width and `priceRange` up its height.
    package init(timeRange: ClosedRange<Double>, priceRange: ClosedRange<Double>, plot: PixelRect) {
        self.init(
            bars: BarTimeScale(times: [], step: 1, origin: 0), positionRange: timeRange, timeRange: timeRange,
            priceRange: priceRange, plot: plot)
    }

    /// A bar-indexed scale: `positionRange` (bar positions of `bars`) across `plot`'s width
    /// and `priceRange` up its height.
    package init(
        bars: BarTimeScale, positionRange: ClosedRange<Double>, priceRange: ClosedRange<Double>, plot: PixelRect
    ) {
        let lo = positionRange.lowerBound, hi = positionRange.upperBound
        let tLo = lo.isFinite ? bars.time(atPosition: lo) : lo
        let tHi = hi.isFinite ? bars.time(atPosition: hi) : hi
        self.init(
            bars: bars, positionRange: positionRange, timeRange: tLo <= tHi ? tLo...tHi : tLo...tLo,
            priceRange: priceRange, plot: plot)
    }

    private init(
        bars: BarTimeScale, positionRange: ClosedRange<Double>, timeRange: ClosedRange<Double>,
        priceRange: ClosedRange<Double>, plot: PixelRect
    ) {
        self.bars = bars
        self.timeRange = timeRange
        self.positionRange = positionRange
        self.priceRange = priceRange
        self.plot = plot
        let tSpan = positionRange.upperBound - positionRange.lowerBound
        if tSpan.isFinite, tSpan > 0, plot.width.isFinite {
            t0 = positionRange.lowerBound
            x0 = plot.x
            kx = plot.width / tSpan
        } else {
            t0 = positionRange.lowerBound.isFinite ? positionRange.lowerBound : 0
            x0 = plot.x + plot.width / 2
            kx = 0
        }
        let pSpan = priceRange.upperBound - priceRange.lowerBound
        if pSpan.isFinite, pSpan > 0, plot.height.isFinite {
            p0 = priceRange.upperBound
            y0 = plot.y
            ky = plot.height / pSpan
        } else {
            p0 = priceRange.upperBound.isFinite ? priceRange.upperBound : 0
            y0 = plot.y + plot.height / 2
            ky = 0
        }
    }

    /// Whether the x axis is bar-indexed (built over bars) rather than clock time.
    @inlinable package var isBarIndexed: Bool { bars.count > 0 }

    /// The x of a time in seconds since the epoch.
    @inlinable
    package func x(_ time: Double) -> Double {
        kx == 0 ? x0 : x0 + (bars.position(time) - t0) * kx
    }

    /// The x of a bar position.
    @inlinable
    package func x(position p: Double) -> Double {
        kx == 0 ? x0 : x0 + (p - t0) * kx
    }

    /// The x of candle `index` whose time is `time`: its bar position when the scale is
    /// bar-indexed over the same candles (`bars.count == count`), else the time's x.
    @inlinable
    package func x(candle index: Int, time: Double, count: Int) -> Double {
        bars.count == count ? x(position: Double(index)) : x(time)
    }

    /// The y of a price.
    @inlinable
    package func y(_ price: Double) -> Double {
        ky == 0 ? y0 : y0 + (p0 - price) * ky
    }

    /// The x of an instant.
    @inlinable
    package func x(_ t: Timestamp) -> Double {
        x(t.secondsSinceEpoch)
    }

    /// The pixel of a chart point.
    @inlinable
    package func point(_ p: ChartPoint) -> PixelPoint {
        PixelPoint(x: x(p.t), y: y(p.price))
    }

    /// The pixel of a time and a price.
    @inlinable
    package func point(time: Double, price: Double) -> PixelPoint {
        PixelPoint(x: x(time), y: y(price))
    }

    /// The bar position at a pixel column.
    @inlinable
    package func position(atX x: Double) -> Double {
        kx == 0 ? t0 : t0 + (x - x0) / kx
    }

    /// The time at a pixel column (the inverse of ``x(_:)-(Double)``).
    @inlinable
    package func time(atX x: Double) -> Double {
        bars.time(atPosition: position(atX: x))
    }

    /// The price at a pixel row (the inverse of ``y(_:)``).
    @inlinable
    package func price(atY y: Double) -> Double {
        ky == 0 ? p0 : p0 - (y - y0) / ky
    }

    /// How many pixels one second spans horizontally at one bar per ``BarTimeScale/step``
    /// (exact in clock time; 0 for a degenerate time range).
    @inlinable
    package var pixelsPerSecond: Double { kx / bars.step }

    /// How many pixels one bar position spans (one second in clock time).
    @inlinable
    package var pixelsPerPosition: Double { kx }

    /// How many pixels one price unit spans vertically (0 for a degenerate price range).
    @inlinable
    package var pixelsPerPriceUnit: Double { ky }
}
