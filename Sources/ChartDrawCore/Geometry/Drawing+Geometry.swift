/// A position in chart space as plain numbers: time in seconds since the epoch, and price.
package struct ChartXY: Hashable, Sendable {
    /// Seconds since the epoch.
    package var t: Double
    /// The price.
    package var price: Double

    /// Creates a position.
    @inlinable package init(t: Double, price: Double) {
        self.t = t
        self.price = price
    }
}

/// One level of a Fibonacci retracement: its ratio and the price where it sits.
public struct FibonacciLevel: Hashable, Sendable {
    /// The ratio as given (0 at the swing end, 1 at the swing start).
    public var ratio: Double
    /// `end - ratio * (end - start)`.
    public var price: Double

    /// Creates a level.
    @inlinable public init(ratio: Double, price: Double) {
        self.ratio = ratio
        self.price = price
    }
}

extension FibonacciRetracementDrawing {
    /// The price of the level with ratio `ratio`: `end - ratio * (end - start)`.
    @inlinable
    public func price(atRatio ratio: Double) -> Double {
        end.price - ratio * (end.price - start.price)
    }

    /// Every level in effect with its price, in the order of ``effectiveLevels``.
    public var levelPrices: [FibonacciLevel] {
        effectiveLevels.map { FibonacciLevel(ratio: $0, price: price(atRatio: $0)) }
    }
}

extension ParallelDrawing {
    /// The base line's slope in price per second (`p1` to `p2`); `nil` when both share a time.
    public var slope: Double? {
        let dt = p2.t - p1.t
        guard dt != 0 else { return nil }
        return (p2.price - p1.price) / dt
    }

    /// The base line's price at time `t` (extended beyond `p1`–`p2`); `p1`'s price when the
    /// base line is vertical.
    public func basePrice(at t: Double) -> Double {
        guard let slope else { return p1.price }
        return p1.price + slope * (t - p1.t)
    }

    /// How far the parallel line sits from the base line in price: `p3`'s price minus the
    /// base line's price at `p3`'s time. Positive when the parallel line is above.
    ///
    /// When `p1` and `p2` share a time the channel spans no time at all, so it has no band
    /// to draw: the offset is then 0 (the parallel line coincides with the base, and
    /// ``height`` is 0, which validation reports as a degenerate channel).
    public var priceOffset: Double {
        guard slope != nil else { return 0 }
        return p3.price - basePrice(at: p3.t)
    }

    /// The parallel line's start: at `p1`'s time, `p1`'s price plus ``priceOffset``.
    package var parallelStart: ChartXY { ChartXY(t: p1.t, price: p1.price + priceOffset) }

    /// The parallel line's end: at `p2`'s time, `p2`'s price plus ``priceOffset``.
    package var parallelEnd: ChartXY { ChartXY(t: p2.t, price: p2.price + priceOffset) }

    /// The channel's height in price, measured vertically: `|priceOffset|`.
    public var height: Double { abs(priceOffset) }
}

extension Drawing {
    /// The box in chart space the drawing paints, for fitting the view; `nil` for an unknown
    /// type or when no coordinate is finite.
    ///
    /// A horizontal line gives its price at its point's time (it spans the chart, so it adds
    /// no width); a line and a rectangle their two points; a channel the ends of both lines
    /// (`p3` only anchors the parallel line and may lie outside the drawn span); a Fibonacci
    /// retracement its two points and the price of every level.
    package var bounds: ChartBounds? {
        var b = ChartBounds.empty
        switch self {
        case .horizontalLine(let d):
            b.include(time: d.point.t, price: d.point.price)
        case .line(let d):
            b.include(time: d.start.t, price: d.start.price)
            b.include(time: d.end.t, price: d.end.price)
        case .rectangle(let d):
            b.include(time: d.corner1.t, price: d.corner1.price)
            b.include(time: d.corner2.t, price: d.corner2.price)
        case .parallel(let d):
            b.include(time: d.p1.t, price: d.p1.price)
            b.include(time: d.p2.t, price: d.p2.price)
            let s = d.parallelStart, e = d.parallelEnd
            b.include(time: s.t, price: s.price)
            b.include(time: e.t, price: e.price)
        case .fibonacciRetracement(let d):
            b.include(time: d.start.t, price: d.start.price)
            b.include(time: d.end.t, price: d.end.price)
            for r in d.effectiveLevels { b.include(time: nil, price: d.price(atRatio: r)) }
        case .other:
            return nil
        }
        return b.isEmpty ? nil : b
    }
}

extension Levels {
    /// The box of the present levels' prices and times; `nil` when no level is present.
    package var bounds: ChartBounds? {
        var b = ChartBounds.empty
        for entry in [support, pivot, resistance] {
            if let entry { b.include(time: entry.time.secondsSinceEpoch, price: entry.price) }
        }
        return b.isEmpty ? nil : b
    }
}
