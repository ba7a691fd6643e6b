import ChartDrawCore
import Testing

@Suite("Clipping")
struct ClippingTests {
    let r = PixelRect(x: 0, y: 0, width: 100, height: 50)

    func p(_ x: Double, _ y: Double) -> PixelPoint { PixelPoint(x: x, y: y) }

    func expectSegment(
        _ got: (PixelPoint, PixelPoint)?, _ a: PixelPoint, _ b: PixelPoint, tolerance: Double = 1e-9,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let got else {
            Issue.record("expected \(a) – \(b), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(Geo.near(got.0, a, tolerance), "start \(got.0) vs \(a)", sourceLocation: sourceLocation)
        #expect(Geo.near(got.1, b, tolerance), "end \(got.1) vs \(b)", sourceLocation: sourceLocation)
    }

    // MARK: Segments

    @Test func segmentInsideIsUnchanged() throws {
        let got = try #require(Clipping.clipSegment(p(10, 10), p(90, 40), to: r))
        #expect(got.0 == p(10, 10) && got.1 == p(90, 40))
    }

    @Test func segmentOutsideIsNil() {
        #expect(Clipping.clipSegment(p(-10, -10), p(-5, 60), to: r) == nil)  // left of the rect
        #expect(Clipping.clipSegment(p(200, 10), p(300, 40), to: r) == nil)  // right
        #expect(Clipping.clipSegment(p(120, 10), p(150, 20), to: r) == nil)  // its line would cross
        #expect(Clipping.clipSegment(p(0, -1e-9), p(100, -1e-9), to: r) == nil)  // just above the top edge
        #expect(Clipping.clipSegment(p(90, -20), p(130, 20), to: r) == nil)  // passes the top-right corner
    }

    @Test func segmentCrossingIsCut() {
        expectSegment(Clipping.clipSegment(p(-50, 25), p(150, 25), to: r), p(0, 25), p(100, 25))
        expectSegment(Clipping.clipSegment(p(30, -100), p(30, 100), to: r), p(30, 0), p(30, 50))
        // y = x leaves through the bottom edge at (50, 50); the order follows the input.
        expectSegment(Clipping.clipSegment(p(-10, -10), p(110, 110), to: r), p(0, 0), p(50, 50))
        expectSegment(Clipping.clipSegment(p(110, 110), p(-10, -10), to: r), p(50, 50), p(0, 0))
        // One end inside: that end is kept exactly.
        let half = Clipping.clipSegment(p(20, 20), p(-20, 40), to: r)
        #expect(half?.0 == p(20, 20))
        expectSegment(half, p(20, 20), p(0, 30))
    }

    @Test func cornerAndEdgeCases() {
        // Touches only the corner (0, 0).
        expectSegment(Clipping.clipSegment(p(-10, 10), p(10, -10), to: r), p(0, 0), p(0, 0))
        // Runs along the top edge: edges count as inside.
        expectSegment(Clipping.clipSegment(p(-10, 0), p(110, 0), to: r), p(0, 0), p(100, 0))
        // A single point.
        expectSegment(Clipping.clipSegment(p(5, 5), p(5, 5), to: r), p(5, 5), p(5, 5))
        #expect(Clipping.clipSegment(p(-5, 5), p(-5, 5), to: r) == nil)
        // A rect of zero width still clips to its line.
        expectSegment(
            Clipping.clipSegment(p(-10, 10), p(10, 10), to: PixelRect(x: 0, y: 0, width: 0, height: 50)), p(0, 10),
            p(0, 10))
    }

    // MARK: Rays and infinite lines

    @Test func rays() {
        expectSegment(Clipping.clipRay(from: p(10, 10), through: p(20, 10), to: r), p(10, 10), p(100, 10))
        expectSegment(Clipping.clipRay(from: p(10, 10), through: p(0, 10), to: r), p(10, 10), p(0, 10))
        expectSegment(Clipping.clipRay(from: p(150, 25), through: p(140, 25), to: r), p(100, 25), p(0, 25))
        expectSegment(Clipping.clipRay(from: p(10, 40), through: p(20, 30), to: r), p(10, 40), p(50, 0))
        #expect(Clipping.clipRay(from: p(150, 25), through: p(200, 25), to: r) == nil, "points away")
        #expect(Clipping.clipRay(from: p(10, 10), through: p(10, 10), to: r) == nil, "no direction")
    }

    @Test func infiniteLines() {
        expectSegment(Clipping.clipInfiniteLine(p(10, 10), p(20, 20), to: r), p(0, 0), p(50, 50))
        expectSegment(Clipping.clipInfiniteLine(p(20, 20), p(10, 10), to: r), p(50, 50), p(0, 0))
        expectSegment(Clipping.clipInfiniteLine(p(500, 5), p(600, 5), to: r), p(0, 5), p(100, 5))
        expectSegment(Clipping.clipInfiniteLine(p(70, 900), p(70, 1000), to: r), p(70, 0), p(70, 50))
        #expect(Clipping.clipInfiniteLine(p(0, 60), p(10, 60), to: r) == nil)
        #expect(Clipping.clipInfiniteLine(p(3, 3), p(3, 3), to: r) == nil)
    }

    // MARK: Huge and non-finite coordinates

    @Test func hugeCoordinatesGiveFiniteInRectResults() {
        expectSegment(Clipping.clipSegment(p(-1e12, 25), p(1e12, 25), to: r), p(0, 25), p(100, 25))
        expectSegment(Clipping.clipSegment(p(-1e12, -1e12), p(1e12, 1e12), to: r), p(0, 0), p(50, 50), tolerance: 1e-3)
        expectSegment(Clipping.clipSegment(p(-1e300, 10), p(1e300, 40), to: r), p(0, 25), p(100, 25), tolerance: 1e-6)
        expectSegment(Clipping.clipSegment(p(50, -1e300), p(50, 1e300), to: r), p(50, 0), p(50, 50))
        let g = Double.greatestFiniteMagnitude
        expectSegment(Clipping.clipSegment(p(-g, 25), p(g, 25), to: r), p(0, 25), p(100, 25))
        // Where the answer needs more than a double's 16 digits of the input (a diagonal
        // between ends at 1e300), only finiteness and containment are promised.
        for (a, b) in [(p(1e300, 1e300), p(-1e300, -1e300)), (p(-g, -g), p(g, g)), (p(-g, g), p(g, -g))] {
            let got = Clipping.clipSegment(a, b, to: r)
            #expect(got != nil)
            if let got { #expect(Geo.inside(got.0, r) && Geo.inside(got.1, r)) }
            let line = Clipping.clipInfiniteLine(a, b, to: r)
            if let line { #expect(Geo.inside(line.0, r) && Geo.inside(line.1, r)) }
        }
        // A line from inside towards a far point keeps its inner end exactly.
        let ray = Clipping.clipRay(from: p(50, 25), through: p(1e300, -1e300), to: r)
        #expect(ray?.0 == p(50, 25))
        expectSegment(ray, p(50, 25), p(75, 0), tolerance: 1e-6)
        // A far-away end point with a realistic slope (a time far in the future).
        expectSegment(
            Clipping.clipSegment(p(10, 10), p(1e12, 1e12 / 9 + 10), to: r), p(10, 10), p(100, 20), tolerance: 1e-6)
    }

    @Test func nonFiniteInputGivesNil() {
        #expect(Clipping.clipSegment(p(.nan, 0), p(10, 10), to: r) == nil)
        #expect(Clipping.clipSegment(p(0, 0), p(10, .infinity), to: r) == nil)
        #expect(Clipping.clipRay(from: p(0, 0), through: p(-.infinity, 10), to: r) == nil)
        #expect(Clipping.clipInfiniteLine(p(.nan, .nan), p(10, 10), to: r) == nil)
        #expect(Clipping.clipSegment(p(1, 1), p(10, 10), to: PixelRect(x: .nan, y: 0, width: 10, height: 10)) == nil)
        #expect(
            Clipping.clipSegment(p(1, 1), p(10, 10), to: PixelRect(x: 0, y: 0, width: .infinity, height: 10)) == nil)
    }

    /// Many pseudo-random segments of every magnitude: each result lies in the rectangle, on
    /// the input line, and exists whenever the segment's midpoint is inside.
    @Test func fuzzedSegmentsStayInsideAndOnTheLine() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        func coordinate() -> Double {
            let exponent = [0.0, 1, 2, 3, 6, 12, 100, 300][Int(next() * 8)]
            var e = 1.0
            for _ in 0..<Int(exponent) { e *= 10 }
            return (next() * 2 - 1) * e + 50
        }
        var hits = 0
        for _ in 0..<5000 {
            let a = p(coordinate(), coordinate()), b = p(coordinate(), coordinate())
            let mid = p(a.x / 2 + b.x / 2, a.y / 2 + b.y / 2)
            for got in [Clipping.clipSegment(a, b, to: r), Clipping.clipInfiniteLine(a, b, to: r)] {
                guard let got else { continue }
                hits += 1
                #expect(Geo.inside(got.0, r) && Geo.inside(got.1, r), "\(a) \(b) -> \(got)")
                // On the line: the distance to it is small compared with the segment's size.
                let scale = max(abs(a.x), abs(a.y), abs(b.x), abs(b.y), 1)
                if scale < 1e6 {
                    for q in [got.0, got.1] {
                        let cross = (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x)
                        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                        #expect(abs(cross) <= 1e-9 * length * scale, "\(q) off the line \(a) \(b)")
                    }
                }
            }
            if Geo.inside(mid, PixelRect(x: 1e-6, y: 1e-6, width: 100 - 2e-6, height: 50 - 2e-6)) && mid.x.isFinite {
                #expect(Clipping.clipSegment(a, b, to: r) != nil, "\(a) \(b) has its midpoint inside")
            }
        }
        #expect(hits > 500, "the fuzz should exercise real cuts, got \(hits)")
    }

    // MARK: Polygons

    /// Twice the signed area (shoelace).
    func area(_ ps: [PixelPoint]) -> Double {
        var s = 0.0
        for i in ps.indices {
            let a = ps[i], b = ps[(i + 1) % ps.count]
            s += a.x * b.y - b.x * a.y
        }
        return s / 2
    }

    /// The distinct vertices, for comparing polygons independent of start and repeats.
    func vertexSet(_ ps: [PixelPoint]) -> Set<PixelPoint> { Set(ps) }

    @Test func triangleHalfOutside() {
        // Hypotenuse (60, 10) -> (-20, 40) meets x = 0 at y = 32.5.
        let clipped = Clipping.clipPolygon([p(-20, 10), p(60, 10), p(-20, 40)], to: r)
        #expect(vertexSet(clipped) == [p(0, 10), p(60, 10), p(0, 32.5)])
        #expect(Geo.near(abs(area(clipped)), 675, 1e-9))
        #expect(clipped.allSatisfy { Geo.inside($0, r) })
    }

    @Test func triangleCutOnTwoSides() {
        // Apex (50, -50) above the rect: its sides cross the top edge y = 0 at x = 25 and x = 75.
        let clipped = Clipping.clipPolygon([p(0, 50), p(50, -50), p(100, 50)], to: r)
        #expect(vertexSet(clipped) == [p(0, 50), p(25, 0), p(75, 0), p(100, 50)])
        #expect(Geo.near(abs(area(clipped)), 3750, 1e-9))  // trapezoid (50 + 100) / 2 * 50
    }

    @Test func polygonsInsideOutsideAndAround() {
        let inside = [p(10, 10), p(20, 10), p(15, 30)]
        #expect(Clipping.clipPolygon(inside, to: r) == inside)
        #expect(Clipping.clipPolygon([p(200, 10), p(300, 10), p(250, 40)], to: r).isEmpty)
        let around = Clipping.clipPolygon([p(-100, -100), p(300, -100), p(-100, 300)], to: r)
        #expect(vertexSet(around) == [p(0, 0), p(100, 0), p(100, 50), p(0, 50)])
        #expect(Geo.near(abs(area(around)), 5000, 1e-9))
        #expect(Clipping.clipPolygon([p(1, 1), p(2, 2)], to: r).isEmpty, "fewer than three points")
        #expect(Clipping.clipPolygon([p(1, 1), p(.nan, 2), p(3, 1)], to: r).isEmpty)
    }

    @Test func hugePolygonBecomesTheRect() {
        let clipped = Clipping.clipPolygon([p(-1e300, -1e300), p(1e300, -1e300), p(0, 1e300)], to: r)
        #expect(clipped.allSatisfy { Geo.inside($0, r) })
        #expect(Geo.near(abs(area(clipped)), 5000, 1e-6))
    }
}
