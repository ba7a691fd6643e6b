import ChartDrawCore
import Testing

/// Helpers shared by the geometry, scale, clipping and candle tests.
enum Geo {
    /// Whether `a` and `b` differ by at most `tolerance` (absolute).
    static func near(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance
    }

    /// Whether two pixel points are within `tolerance` on both axes.
    static func near(_ a: PixelPoint, _ b: PixelPoint, _ tolerance: Double = 1e-9) -> Bool {
        near(a.x, b.x, tolerance) && near(a.y, b.y, tolerance)
    }

    /// The instant of an ISO-8601 text, failing the test when it does not parse.
    static func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Timestamp {
        try #require(Timestamp(iso8601: text), sourceLocation: sourceLocation)
    }

    /// A chart point `hours` hours after 2024-01-08T00:00:00Z (1 704 672 000 s).
    static func point(hours: Double, _ price: Double) -> ChartPoint {
        ChartPoint(time: Timestamp(secondsSinceEpoch: 1_704_672_000 + hours * 3600)!, price: price)
    }

    /// 2024-01-08T00:00:00Z in seconds since the epoch.
    static let t0: Double = 1_704_672_000

    /// Whether `p` lies in `r`, edges included.
    static func inside(_ p: PixelPoint, _ r: PixelRect) -> Bool {
        p.x.isFinite && p.y.isFinite && p.x >= r.x && p.x <= r.maxX && p.y >= r.y && p.y <= r.maxY
    }
}
