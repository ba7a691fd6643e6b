/// An axis-aligned box in chart space: time in seconds since the epoch, and price.
///
/// A box is *empty* when its minimum exceeds its maximum on either axis (``empty`` is the
/// identity of ``union(_:)``); a box of a single point has zero span but is not empty.
package struct ChartBounds: Hashable, Sendable {
    /// The earliest time, in seconds since the epoch.
    package var minTime: Double
    /// The latest time, in seconds since the epoch.
    package var maxTime: Double
    /// The lowest price.
    package var minPrice: Double
    /// The highest price.
    package var maxPrice: Double

    /// Creates a box from its four edges.
    @inlinable
    package init(minTime: Double, maxTime: Double, minPrice: Double, maxPrice: Double) {
        self.minTime = minTime
        self.maxTime = maxTime
        self.minPrice = minPrice
        self.maxPrice = maxPrice
    }

    /// The smallest box holding every point; `nil` when `points` is empty.
    package init?(points: [ChartPoint]) {
        guard !points.isEmpty else { return nil }
        self = .empty
        for p in points { include(time: p.t, price: p.price) }
    }

    /// The box that holds nothing: including a point or uniting with a box gives that point or box.
    package static let empty = ChartBounds(
        minTime: .infinity, maxTime: -.infinity, minPrice: .infinity, maxPrice: -.infinity)

    /// The smallest box holding both boxes (an empty box contributes nothing).
    @inlinable
    package func union(_ other: ChartBounds) -> ChartBounds {
        ChartBounds(
            minTime: Swift.min(minTime, other.minTime), maxTime: Swift.max(maxTime, other.maxTime),
            minPrice: Swift.min(minPrice, other.minPrice), maxPrice: Swift.max(maxPrice, other.maxPrice))
    }

    /// Grows the box to hold a time and a price; a `nil` or non-finite value leaves that axis alone.
    @inlinable
    package mutating func include(time: Double?, price: Double?) {
        if let time, time.isFinite {
            if time < minTime { minTime = time }
            if time > maxTime { maxTime = time }
        }
        if let price, price.isFinite {
            if price < minPrice { minPrice = price }
            if price > maxPrice { maxPrice = price }
        }
    }

    /// Whether the box holds nothing on some axis (minimum above maximum, or a NaN edge).
    @inlinable
    package var isEmpty: Bool { !(minTime <= maxTime) || !(minPrice <= maxPrice) }

    /// `maxTime - minTime`, or 0 when the box is empty.
    @inlinable
    package var timeSpan: Double { isEmpty ? 0 : maxTime - minTime }

    /// `maxPrice - minPrice`, or 0 when the box is empty.
    @inlinable
    package var priceSpan: Double { isEmpty ? 0 : maxPrice - minPrice }

    /// Whether the point lies inside or on the edge of the box.
    @inlinable
    package func contains(time: Double, price: Double) -> Bool {
        time >= minTime && time <= maxTime && price >= minPrice && price <= maxPrice
    }
}
