/// Maps chart space (time in seconds since the epoch, price) to device pixels and back.
///
/// `timeRange` spans the plot from its left edge to its right edge; `priceRange` from its
/// bottom edge (`lowerBound`) to its top edge (`upperBound`), because y grows downward: the
/// highest price sits at `plot.y`. A range of zero width (or one with an infinite bound) maps
/// every value to the middle of the plot on that axis, and the inverse returns the range's
/// lower bound; nothing is ever NaN for finite input.
public struct ChartScale: Hashable, Sendable {
    /// The times shown, left edge to right edge.
    public let timeRange: ClosedRange<Double>
    /// The prices shown, bottom edge to top edge.
    public let priceRange: ClosedRange<Double>
    /// The plot area in device pixels.
    public let plot: PixelRect

    /// The time that maps to `x0` (the range's lower bound when it is finite, else 0).
    @usableFromInline let t0: Double
    /// The x of `t0`.
    @usableFromInline let x0: Double
    /// Pixels per second (0 for a degenerate time range).
    @usableFromInline let kx: Double
    /// The price that maps to `y0` (the range's upper bound when it is finite, else 0).
    @usableFromInline let p0: Double
    /// The y of `p0`.
    @usableFromInline let y0: Double
    /// Pixels per price unit (0 for a degenerate price range).
    @usableFromInline let ky: Double

    /// Creates a scale mapping `timeRange` across `plot`'s width and `priceRange` up its height.
    public init(timeRange: ClosedRange<Double>, priceRange: ClosedRange<Double>, plot: PixelRect) {
        self.timeRange = timeRange
        self.priceRange = priceRange
        self.plot = plot
        let tSpan = timeRange.upperBound - timeRange.lowerBound
        if tSpan.isFinite, tSpan > 0, plot.width.isFinite {
            t0 = timeRange.lowerBound
            x0 = plot.x
            kx = plot.width / tSpan
        } else {
            t0 = timeRange.lowerBound.isFinite ? timeRange.lowerBound : 0
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

    /// The x of a time in seconds since the epoch.
    @inlinable
    public func x(_ time: Double) -> Double {
        kx == 0 ? x0 : x0 + (time - t0) * kx
    }

    /// The y of a price.
    @inlinable
    public func y(_ price: Double) -> Double {
        ky == 0 ? y0 : y0 + (p0 - price) * ky
    }

    /// The x of an instant.
    @inlinable
    public func x(_ t: Timestamp) -> Double {
        x(t.secondsSinceEpoch)
    }

    /// The pixel of a chart point.
    @inlinable
    public func point(_ p: ChartPoint) -> PixelPoint {
        PixelPoint(x: x(p.t), y: y(p.price))
    }

    /// The pixel of a time and a price.
    @inlinable
    public func point(time: Double, price: Double) -> PixelPoint {
        PixelPoint(x: x(time), y: y(price))
    }

    /// The time at a pixel column (the inverse of ``x(_:)-(Double)``).
    @inlinable
    public func time(atX x: Double) -> Double {
        kx == 0 ? t0 : t0 + (x - x0) / kx
    }

    /// The price at a pixel row (the inverse of ``y(_:)``).
    @inlinable
    public func price(atY y: Double) -> Double {
        ky == 0 ? p0 : p0 - (y - y0) / ky
    }

    /// How many pixels one second spans horizontally (0 for a degenerate time range).
    @inlinable
    public var pixelsPerSecond: Double { kx }

    /// How many pixels one price unit spans vertically (0 for a degenerate price range).
    @inlinable
    public var pixelsPerPriceUnit: Double { ky }
}
