import ChartDrawCore
import Testing

@Suite("Chart scale")
struct ScaleTests {
    // 10 hours across 1000 px starting at x = 50; prices 1.2 ... 1.3 over 500 px from y = 20.
    let plot = PixelRect(x: 50, y: 20, width: 1000, height: 500)
    var scale: ChartScale {
        ChartScale(timeRange: Geo.t0...(Geo.t0 + 36_000), priceRange: 1.2...1.3, plot: plot)
    }

    @Test func mapsEdgesAndMiddle() {
        let s = scale
        #expect(s.x(Geo.t0) == 50)
        #expect(s.x(Geo.t0 + 36_000) == 1050)
        #expect(s.x(Geo.t0 + 18_000) == 550)
        #expect(s.x(Geo.t0 - 3600) == -50, "outside the range extrapolates")
        #expect(s.y(1.3) == 20, "the highest price is at the top")
        #expect(Geo.near(s.y(1.2), 520, 1e-9))
        #expect(Geo.near(s.y(1.25), 270, 1e-9))
        #expect(Geo.near(s.pixelsPerSecond, 1000.0 / 36_000, 1e-15))
        #expect(Geo.near(s.pixelsPerPriceUnit, 5000, 1e-6))
        #expect(s.timeRange == Geo.t0...(Geo.t0 + 36_000))
        #expect(s.priceRange == 1.2...1.3)
        #expect(s.plot == plot)
    }

    @Test func timestampsAndChartPoints() {
        let s = scale
        let p = Geo.point(hours: 2.5, 1.28)
        #expect(s.x(p.time) == 50 + 250)
        let px = s.point(p)
        #expect(Geo.near(px, PixelPoint(x: 300, y: 120), 1e-9))
        #expect(s.point(time: p.t, price: p.price) == px)
    }

    @Test func inverseRoundTrips() {
        let s = scale
        for k in 0...200 {
            // Relative: the time in between is only representable to ~2.4e-7 s near 1.7e9 s,
            // which is ~7e-9 px at this zoom.
            let x = -500 + Double(k) * 13.37
            #expect(abs(s.x(s.time(atX: x)) - x) <= 1e-9 * max(1, abs(x)), "x \(x)")
            let y = -300 + Double(k) * 7.1
            #expect(Geo.near(s.y(s.price(atY: y)), y, 1e-9))
        }
        for k in 0...100 {
            let t = Geo.t0 + Double(k) * 977.5
            // Relative: a time near 1.7e9 s is only representable to ~2.4e-7 s.
            #expect(abs(s.time(atX: s.x(t)) - t) <= 1e-9 * abs(t))
            let p = 1.15 + Double(k) * 0.0021
            #expect(Geo.near(s.price(atY: s.y(p)), p, 1e-9))
        }
    }

    @Test func degenerateRangesMapToTheMiddle() {
        let s = ChartScale(timeRange: 100...100, priceRange: 2...2, plot: plot)
        #expect(s.x(100) == 550)
        #expect(s.x(1e9) == 550)
        #expect(s.y(2) == 270)
        #expect(s.pixelsPerSecond == 0 && s.pixelsPerPriceUnit == 0)
        #expect(s.time(atX: 0) == 100)
        #expect(s.price(atY: 0) == 2)

        let infinite = ChartScale(
            timeRange: -Double.infinity...Double.infinity, priceRange: 0...Double.infinity, plot: plot)
        #expect(infinite.x(5) == 550)
        #expect(infinite.y(5) == 270)
        #expect(infinite.time(atX: 3).isFinite)
        #expect(infinite.price(atY: 3).isFinite)
    }

    @Test func hashableAndEquatable() {
        #expect(scale == scale)
        let other = ChartScale(timeRange: Geo.t0...(Geo.t0 + 36_000), priceRange: 1.2...1.31, plot: plot)
        #expect(scale != other)
        #expect(Set([scale, scale, other]).count == 2)
    }
}
