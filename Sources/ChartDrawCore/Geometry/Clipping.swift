/// Clips segments, rays, infinite lines and polygons to an axis-aligned pixel rectangle.
///
/// Lines use Liang–Barsky, polygons Sutherland–Hodgman. Every result lies inside the
/// rectangle (edges included) and is finite, whatever the magnitude of the input: coordinates
/// near the limits of `Double` are scaled by a power of two before differences are taken, and
/// computed points are clamped onto the rectangle against rounding. A point with a NaN or
/// infinite coordinate, or a rectangle that is not finite, gives `nil` (or `[]` for polygons).
package enum Clipping {
    /// The part of the segment `a`–`b` inside `r`, in the direction from `a` to `b`; `nil`
    /// when it misses. A segment of two equal points inside `r` gives that point twice.
    package static func clipSegment(_ a: PixelPoint, _ b: PixelPoint, to r: PixelRect) -> (PixelPoint, PixelPoint)? {
        clip(a, b, to: r, t0: 0, t1: 1, allowPoint: true)
    }

    /// The part of the ray that starts at `a` and runs through `b` and beyond that lies inside
    /// `r`, ordered from `a` outward; `nil` when it misses or when `a == b` (no direction).
    package static func clipRay(
        from a: PixelPoint, through b: PixelPoint, to r: PixelRect
    ) -> (PixelPoint, PixelPoint)? {
        clip(a, b, to: r, t0: 0, t1: .infinity, allowPoint: false)
    }

    /// The part of the infinite line through `a` and `b` inside `r`, ordered in the direction
    /// from `a` to `b`; `nil` when it misses or when `a == b` (no direction).
    package static func clipInfiniteLine(
        _ a: PixelPoint, _ b: PixelPoint, to r: PixelRect
    ) -> (PixelPoint, PixelPoint)? {
        clip(a, b, to: r, t0: -.infinity, t1: .infinity, allowPoint: false)
    }

    /// The polygon cut to `r` (Sutherland–Hodgman; `r` is convex, the polygon may be any
    /// simple polygon). Returns the vertices of the clipped polygon in the input's winding
    /// order, or `[]` when nothing is left or a coordinate is not finite. A concave polygon
    /// may come back with zero-width bridges along the rectangle's edges, which fill nothing.
    package static func clipPolygon(_ points: [PixelPoint], to r: PixelRect) -> [PixelPoint] {
        guard points.count >= 3, let frame = Frame(r, points: points) else { return [] }
        var current = points.map(frame.scaled)
        var next: [PixelPoint] = []
        next.reserveCapacity(current.count + 4)
        for edge in 0..<4 {
            next.removeAll(keepingCapacity: true)
            guard var s = current.last else { return [] }
            for e in current {
                let eIn = frame.inside(e, edge)
                let sIn = frame.inside(s, edge)
                if eIn {
                    if !sIn { next.append(frame.intersect(s, e, edge)) }
                    next.append(e)
                } else if sIn {
                    next.append(frame.intersect(s, e, edge))
                }
                s = e
            }
            swap(&current, &next)
            if current.isEmpty { return [] }
        }
        return current.map { frame.unscaled(frame.clamped($0)) }
    }

    // MARK: - Implementation

    /// The shared Liang–Barsky core: clips `a + t (b - a)` for t in `t0...t1`.
    static func clip(
        _ a: PixelPoint, _ b: PixelPoint, to r: PixelRect, t0 lo: Double, t1 hi: Double, allowPoint: Bool
    ) -> (PixelPoint, PixelPoint)? {
        guard let frame = Frame(r, a, b) else { return nil }
        let a = frame.scaled(a), b = frame.scaled(b)
        let dx = b.x - a.x, dy = b.y - a.y
        if dx == 0 && dy == 0 {
            guard allowPoint, frame.contains(a) else { return nil }
            let p = frame.unscaled(a)
            return (p, p)
        }
        var t0 = lo, t1 = hi
        // Which edge fixed each end: 0 left, 1 right, 2 top, 3 bottom, -1 none.
        var e0 = -1, e1 = -1
        let ps = (-dx, dx, -dy, dy)
        let qs = (a.x - frame.minX, frame.maxX - a.x, a.y - frame.minY, frame.maxY - a.y)
        for i in 0..<4 {
            let p: Double, q: Double
            switch i {
            case 0: (p, q) = (ps.0, qs.0)
            case 1: (p, q) = (ps.1, qs.1)
            case 2: (p, q) = (ps.2, qs.2)
            default: (p, q) = (ps.3, qs.3)
            }
            if p == 0 {
                if q < 0 { return nil }  // parallel to this edge and outside it
                continue
            }
            let t = q / p
            if p < 0 {
                if t > t0 { t0 = t; e0 = i }
            } else {
                if t < t1 { t1 = t; e1 = i }
            }
        }
        guard t0 <= t1, t0.isFinite, t1.isFinite else { return nil }
        let p0 = frame.point(a, b, dx, dy, t0, edge: e0)
        let p1 = frame.point(a, b, dx, dy, t1, edge: e1)
        return (frame.unscaled(p0), frame.unscaled(p1))
    }

    /// A clip rectangle in a scaled space where differences of coordinates cannot overflow.
    struct Frame {
        let minX: Double, maxX: Double, minY: Double, maxY: Double
        /// The power of two the input was multiplied by (1 unless coordinates were huge).
        let factor: Double

        /// Above this magnitude coordinates are scaled down first, so differences stay finite.
        static let safeMagnitude = Double.greatestFiniteMagnitude / 4

        init?(_ r: PixelRect, _ a: PixelPoint, _ b: PixelPoint) {
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
            let big = Swift.max(Swift.max(abs(a.x), abs(a.y)), Swift.max(abs(b.x), abs(b.y)))
            self.init(r, magnitude: big)
        }

        init?(_ r: PixelRect, points: [PixelPoint]) {
            var big = 0.0
            for p in points {
                guard p.x.isFinite, p.y.isFinite else { return nil }
                big = Swift.max(big, Swift.max(abs(p.x), abs(p.y)))
            }
            self.init(r, magnitude: big)
        }

        /// A frame for `r` and points no larger than `magnitude` in absolute value.
        private init?(_ r: PixelRect, magnitude: Double) {
            guard r.x.isFinite, r.y.isFinite, r.width.isFinite, r.height.isFinite,
                r.maxX.isFinite, r.maxY.isFinite
            else { return nil }
            let big = Swift.max(
                magnitude, Swift.max(Swift.max(abs(r.x), abs(r.maxX)), Swift.max(abs(r.y), abs(r.maxY))))
            let f: Double = big > Frame.safeMagnitude ? 0.125 : 1
            factor = f
            minX = Swift.min(r.x, r.maxX) * f
            maxX = Swift.max(r.x, r.maxX) * f
            minY = Swift.min(r.y, r.maxY) * f
            maxY = Swift.max(r.y, r.maxY) * f
        }

        @inline(__always) func scaled(_ p: PixelPoint) -> PixelPoint {
            factor == 1 ? p : PixelPoint(x: p.x * factor, y: p.y * factor)
        }

        @inline(__always) func unscaled(_ p: PixelPoint) -> PixelPoint {
            factor == 1 ? p : PixelPoint(x: p.x / factor, y: p.y / factor)
        }

        @inline(__always) func clampX(_ x: Double) -> Double { Swift.min(Swift.max(x, minX), maxX) }
        @inline(__always) func clampY(_ y: Double) -> Double { Swift.min(Swift.max(y, minY), maxY) }

        func contains(_ p: PixelPoint) -> Bool {
            p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
        }

        /// The point at `t` on the line through `a` and `b` (`d` = `b - a`): exactly `a` or `b`
        /// when `t` is 0 or 1 and no edge cut there; otherwise snapped exactly onto `edge`, the
        /// other coordinate computed from whichever of `a` and `b` is nearer (precision for
        /// far-away ends), and clamped into the rectangle against rounding.
        func point(_ a: PixelPoint, _ b: PixelPoint, _ dx: Double, _ dy: Double, _ t: Double, edge: Int) -> PixelPoint {
            var x: Double, y: Double
            switch edge {
            case 0, 1:
                x = edge == 0 ? minX : maxX
                let base = abs(x - a.x) <= abs(x - b.x) ? a : b
                y = base.y + (x - base.x) / dx * dy
            case 2, 3:
                y = edge == 2 ? minY : maxY
                let base = abs(y - a.y) <= abs(y - b.y) ? a : b
                x = base.x + (y - base.y) / dy * dx
            default:
                if t == 0 {
                    (x, y) = (a.x, a.y)
                } else if t == 1 {
                    (x, y) = (b.x, b.y)
                } else {
                    (x, y) = (a.x + t * dx, a.y + t * dy)
                }
            }
            return PixelPoint(x: clampX(x.isFinite ? x : minX), y: clampY(y.isFinite ? y : minY))
        }

        /// `p` moved onto the rectangle if rounding left it a hair outside.
        @inline(__always) func clamped(_ p: PixelPoint) -> PixelPoint {
            PixelPoint(x: clampX(p.x), y: clampY(p.y))
        }

        /// Whether `p` is on the inner side of edge 0 left, 1 right, 2 top, 3 bottom.
        @inline(__always) func inside(_ p: PixelPoint, _ edge: Int) -> Bool {
            switch edge {
            case 0: return p.x >= minX
            case 1: return p.x <= maxX
            case 2: return p.y >= minY
            default: return p.y <= maxY
            }
        }

        /// Where `s`–`e` crosses the line of `edge` (the two are on opposite sides of it).
        func intersect(_ s: PixelPoint, _ e: PixelPoint, _ edge: Int) -> PixelPoint {
            switch edge {
            case 0, 1:
                let x = edge == 0 ? minX : maxX
                let t = (x - s.x) / (e.x - s.x)
                let y = s.y + t * (e.y - s.y)
                return PixelPoint(x: x, y: y.isFinite ? y : s.y)
            default:
                let y = edge == 2 ? minY : maxY
                let t = (y - s.y) / (e.y - s.y)
                let x = s.x + t * (e.x - s.x)
                return PixelPoint(x: x.isFinite ? x : s.x, y: y)
            }
        }
    }
}
