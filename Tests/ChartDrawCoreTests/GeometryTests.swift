import ChartDrawCore
import Testing

@Suite("Chart bounds")
struct ChartBoundsTests {
    @Test func fromPointsAndEmpty() throws {
        #expect(ChartBounds(points: []) == nil)
        let b = try #require(
            ChartBounds(points: [Geo.point(hours: 2, 1.3), Geo.point(hours: 0, 1.25), Geo.point(hours: 1, 1.1)]))
        #expect(b == ChartBounds(minTime: Geo.t0, maxTime: Geo.t0 + 7200, minPrice: 1.1, maxPrice: 1.3))
        #expect(b.timeSpan == 7200)
        #expect(Geo.near(b.priceSpan, 0.2, 1e-12))
        #expect(!b.isEmpty)
    }

    @Test func singlePointHasZeroSpanButIsNotEmpty() throws {
        let b = try #require(ChartBounds(points: [Geo.point(hours: 0, 2)]))
        #expect(!b.isEmpty)
        #expect(b.timeSpan == 0 && b.priceSpan == 0)
    }

    @Test func unionAndInclude() {
        let a = ChartBounds(minTime: 0, maxTime: 10, minPrice: 1, maxPrice: 2)
        let b = ChartBounds(minTime: 5, maxTime: 20, minPrice: 0.5, maxPrice: 1.5)
        #expect(a.union(b) == ChartBounds(minTime: 0, maxTime: 20, minPrice: 0.5, maxPrice: 2))
        #expect(ChartBounds.empty.union(a) == a)
        #expect(ChartBounds.empty.isEmpty)
        #expect(ChartBounds.empty.timeSpan == 0 && ChartBounds.empty.priceSpan == 0)

        var c = a
        c.include(time: 30, price: nil)
        #expect(c == ChartBounds(minTime: 0, maxTime: 30, minPrice: 1, maxPrice: 2))
        c.include(time: nil, price: 0.25)
        #expect(c == ChartBounds(minTime: 0, maxTime: 30, minPrice: 0.25, maxPrice: 2))
        c.include(time: .nan, price: .infinity)
        #expect(c == ChartBounds(minTime: 0, maxTime: 30, minPrice: 0.25, maxPrice: 2))

        var d = ChartBounds.empty
        d.include(time: 7, price: nil)
        #expect(d.isEmpty, "a time without any price is still empty on the price axis")
        d.include(time: nil, price: 3)
        #expect(d == ChartBounds(minTime: 7, maxTime: 7, minPrice: 3, maxPrice: 3))
    }
}

@Suite("Fibonacci levels")
struct FibonacciGeometryTests {
    func fib(start: Double, end: Double, levels: [Double]? = nil) -> FibonacciRetracementDrawing {
        FibonacciRetracementDrawing(
            clientObjectId: "f", start: Geo.point(hours: 0, start), end: Geo.point(hours: 10, end), levels: levels,
            style: DrawingStyle())
    }

    @Test func drawnUpward() {
        // Swing from 1.2000 up to 1.3000: level r at 1.3 - 0.1 r.
        let levels = fib(start: 1.2, end: 1.3).levelPrices
        let expected: [(Double, Double)] = [
            (0, 1.3), (0.236, 1.2764), (0.382, 1.2618), (0.5, 1.25), (0.618, 1.2382), (0.786, 1.2214), (1, 1.2),
        ]
        #expect(levels.count == expected.count)
        for (level, (ratio, price)) in zip(levels, expected) {
            #expect(level.ratio == ratio)
            #expect(Geo.near(level.price, price, 1e-12), "ratio \(ratio): \(level.price) vs \(price)")
        }
        // The two ends are exact.
        #expect(levels.first?.price == 1.3)
        #expect(levels.last?.price == 1.2)
    }

    @Test func drawnDownward() {
        // Swing from 1.3000 down to 1.2000: level r at 1.2 + 0.1 r.
        let levels = fib(start: 1.3, end: 1.2).levelPrices
        let expected: [Double] = [1.2, 1.2236, 1.2382, 1.25, 1.2618, 1.2786, 1.3]
        #expect(levels.map(\.ratio) == FibonacciRetracementDrawing.defaultLevels)
        for (level, price) in zip(levels, expected) {
            #expect(Geo.near(level.price, price, 1e-12), "ratio \(level.ratio): \(level.price) vs \(price)")
        }
    }

    @Test func customLevelsKeepTheirOrder() {
        let levels = fib(start: 100, end: 200, levels: [1.618, 0.5, -0.272]).levelPrices
        #expect(levels.map(\.ratio) == [1.618, 0.5, -0.272])
        #expect(Geo.near(levels[0].price, 200 - 161.8, 1e-9))  // 38.2, beyond the start
        #expect(levels[1].price == 150)
        #expect(Geo.near(levels[2].price, 227.2, 1e-9))  // above the end
    }
}

@Suite("Parallel channel")
struct ChannelGeometryTests {
    func channel(_ p1: ChartPoint, _ p2: ChartPoint, _ p3: ChartPoint) -> ParallelDrawing {
        ParallelDrawing(clientObjectId: "c", p1: p1, p2: p2, p3: p3, style: DrawingStyle())
    }

    @Test func risingBase() throws {
        // Base 100 -> 110 over 10 h; at 5 h the base is at 105, p3 at 108: offset +3.
        let c = channel(Geo.point(hours: 0, 100), Geo.point(hours: 10, 110), Geo.point(hours: 5, 108))
        let slope = try #require(c.slope)
        #expect(Geo.near(slope, 10.0 / 36_000, 1e-15))
        #expect(Geo.near(c.priceOffset, 3, 1e-9))
        #expect(Geo.near(c.height, 3, 1e-9))
        #expect(c.parallelStart.t == Geo.t0)
        #expect(Geo.near(c.parallelStart.price, 103, 1e-9))
        #expect(c.parallelEnd.t == Geo.t0 + 36_000)
        #expect(Geo.near(c.parallelEnd.price, 113, 1e-9))
    }

    @Test func fallingBaseWithChannelBelow() throws {
        // Base 110 -> 100 over 10 h; at 2 h the base is at 108, p3 at 104: offset -4.
        let c = channel(Geo.point(hours: 0, 110), Geo.point(hours: 10, 100), Geo.point(hours: 2, 104))
        #expect(Geo.near(try #require(c.slope), -10.0 / 36_000, 1e-15))
        #expect(Geo.near(c.priceOffset, -4, 1e-9))
        #expect(Geo.near(c.height, 4, 1e-9))
        #expect(Geo.near(c.parallelStart.price, 106, 1e-9))
        #expect(Geo.near(c.parallelEnd.price, 96, 1e-9))
    }

    @Test func flatBaseWithAnchorOutsideTheSpan() {
        // p3 lies after p2: the base extended to 8 h is still 100, so the offset is -5.
        let c = channel(Geo.point(hours: 0, 100), Geo.point(hours: 4, 100), Geo.point(hours: 8, 95))
        #expect(c.slope == 0)
        #expect(c.priceOffset == -5)
        #expect(c.height == 5)
        #expect(c.parallelStart == ChartXY(t: Geo.t0, price: 95))
        #expect(c.parallelEnd == ChartXY(t: Geo.t0 + 4 * 3600, price: 95))
    }

    @Test func verticalBaseIsDegenerate() {
        let c = channel(Geo.point(hours: 1, 100), Geo.point(hours: 1, 110), Geo.point(hours: 3, 120))
        #expect(c.slope == nil)
        #expect(c.priceOffset == 0)
        #expect(c.height == 0)
        #expect(c.parallelStart == ChartXY(t: Geo.t0 + 3600, price: 100))
        #expect(c.parallelEnd == ChartXY(t: Geo.t0 + 3600, price: 110))
    }
}

@Suite("Drawing and level bounds")
struct DrawingBoundsTests {
    let style = DrawingStyle()

    @Test func horizontalLine() {
        let d = Drawing.horizontalLine(.init(clientObjectId: "h", point: Geo.point(hours: 3, 1.25), style: style))
        #expect(
            d.bounds == ChartBounds(minTime: Geo.t0 + 10_800, maxTime: Geo.t0 + 10_800, minPrice: 1.25, maxPrice: 1.25))
    }

    @Test func lineInEitherDirection() {
        let d = Drawing.line(
            .init(clientObjectId: "l", start: Geo.point(hours: 5, 1.3), end: Geo.point(hours: 1, 1.2), style: style))
        #expect(d.bounds == ChartBounds(minTime: Geo.t0 + 3600, maxTime: Geo.t0 + 18_000, minPrice: 1.2, maxPrice: 1.3))
    }

    @Test func rectangleFromOppositeCorners() {
        let d = Drawing.rectangle(
            .init(
                clientObjectId: "r", corner1: Geo.point(hours: 4, 1.1), corner2: Geo.point(hours: 2, 1.4), style: style)
        )
        #expect(d.bounds == ChartBounds(minTime: Geo.t0 + 7200, maxTime: Geo.t0 + 14_400, minPrice: 1.1, maxPrice: 1.4))
    }

    @Test func channelIncludesTheParallelLine() throws {
        let rising = Drawing.parallel(
            .init(
                clientObjectId: "c", p1: Geo.point(hours: 0, 100), p2: Geo.point(hours: 10, 110),
                p3: Geo.point(hours: 5, 108), style: style))
        let b = try #require(rising.bounds)
        #expect(b.minTime == Geo.t0 && b.maxTime == Geo.t0 + 36_000)
        #expect(b.minPrice == 100)
        #expect(Geo.near(b.maxPrice, 113, 1e-9))

        // The parallel line below a falling base; p3 (at 12 h) lies outside the drawn span.
        let falling = Drawing.parallel(
            .init(
                clientObjectId: "c", p1: Geo.point(hours: 0, 110), p2: Geo.point(hours: 10, 100),
                p3: Geo.point(hours: 12, 90), style: style))
        let f = try #require(falling.bounds)
        // Base at 12 h: 110 - 12 = 98, offset -8: the parallel line runs 102 -> 92.
        #expect(f.maxTime == Geo.t0 + 36_000, "p3's time is not part of the drawn span")
        #expect(Geo.near(f.minPrice, 92, 1e-9))
        #expect(f.maxPrice == 110)
    }

    @Test func fibonacciIncludesEveryLevel() throws {
        let d = Drawing.fibonacciRetracement(
            .init(
                clientObjectId: "f", start: Geo.point(hours: 0, 100), end: Geo.point(hours: 6, 200),
                levels: [1.618, 0.5, -0.272], style: style))
        let b = try #require(d.bounds)
        #expect(b.minTime == Geo.t0 && b.maxTime == Geo.t0 + 21_600)
        #expect(Geo.near(b.minPrice, 38.2, 1e-9))
        #expect(Geo.near(b.maxPrice, 227.2, 1e-9))

        let defaults = Drawing.fibonacciRetracement(
            .init(clientObjectId: "f", start: Geo.point(hours: 0, 100), end: Geo.point(hours: 6, 200), style: style))
        #expect(defaults.bounds == ChartBounds(minTime: Geo.t0, maxTime: Geo.t0 + 21_600, minPrice: 100, maxPrice: 200))
    }

    @Test func unknownDrawingHasNoBounds() {
        #expect(Drawing.other(.init(type: "TRIANGLE", clientObjectId: "x", members: [])).bounds == nil)
    }

    @Test func levels() throws {
        #expect(Levels().bounds == nil)
        let levels = Levels(
            pivot: LevelEntry(price: 1.25, clientObjectId: "p", time: try Geo.time("2024-01-08T00:00:00Z")),
            support: LevelEntry(price: 1.2, clientObjectId: "s", time: try Geo.time("2024-01-08T05:00:00Z")))
        #expect(levels.bounds == ChartBounds(minTime: Geo.t0, maxTime: Geo.t0 + 18_000, minPrice: 1.2, maxPrice: 1.25))
    }
}

@Suite("Expiry")
struct ExpiryTests {
    @Test(arguments: [
        ("2024-01-08T12:00:00Z", 24, "2024-01-09T12:00:00Z"),
        ("2024-02-28T12:00:00Z", 24, "2024-02-29T12:00:00Z"),  // into a leap day
        ("2024-02-28T12:00:00Z", 48, "2024-03-01T12:00:00Z"),  // across it
        ("2023-02-28T12:00:00Z", 24, "2023-03-01T12:00:00Z"),  // no leap day
        ("2024-01-31T23:30:00Z", 1, "2024-02-01T00:30:00Z"),  // month boundary
        ("2024-12-31T20:00:00Z", 24, "2025-01-01T20:00:00Z"),  // year boundary
        ("2024-01-01T00:00:00.250Z", 8784, "2025-01-01T00:00:00.250Z"),  // 366 days of a leap year, fraction kept
        ("2024-03-01T06:00:00Z", 8760, "2025-03-01T06:00:00Z"),  // 365 days with no leap day
    ])
    func instant(start: String, hours: Int64, expected: String) throws {
        let e = Expiry(hours: hours)
        let end = try #require(e.instant(from: try Geo.time(start)))
        #expect(end.iso8601 == expected)
    }

    @Test func unknownUnitHasNoInstant() throws {
        let e = Expiry(type: ExpiryType(rawValue: "DAYS"), hours: 1)
        #expect(e.instant(from: try Geo.time("2024-01-08T12:00:00Z")) == nil)
    }

    @Test func instantPastYear9999IsNil() throws {
        let start = try Geo.time("2024-01-08T12:00:00Z")
        // The last whole hour before 10000-01-01 is still an instant; one hour more is not.
        let lastHours = (Timestamp.maxSeconds - start.seconds) / 3600
        #expect(Expiry(hours: lastHours).instant(from: start) != nil)
        #expect(Expiry(hours: lastHours + 1).instant(from: start) == nil)
        // Hour counts whose seconds overflow Int64 give no instant rather than a wrapped one.
        #expect(Expiry(hours: .max).instant(from: start) == nil)
        #expect(Expiry(hours: .min).instant(from: start) == nil)
        #expect(start.adding(seconds: .max) == nil)
        #expect(start.adding(seconds: -start.seconds)?.iso8601 == "1970-01-01T00:00:00Z")
    }
}
