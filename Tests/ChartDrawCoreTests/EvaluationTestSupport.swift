import ChartDrawCore
import Testing

/// Hand-built candle series and analyses for the evaluation tests.
enum Eval {
    /// Hour `h` after 2024-01-08T00:00:00Z (a Monday).
    static func hour(_ h: Double) -> Timestamp { Timestamp(secondsSinceEpoch: Geo.t0 + h * 3600)! }

    /// Hourly candles from hour 0, each `(open, high, low, close)`; bars from index
    /// `gapAfter` on come `gapHours` later.
    static func series(
        _ bars: [(Double, Double, Double, Double)], gapAfter: Int? = nil, gapHours: Double = 0
    ) throws -> CandleSeries {
        var candles: [Candle] = []
        for (i, b) in bars.enumerated() {
            let shift = gapAfter.map { i >= $0 ? gapHours : 0 } ?? 0
            candles.append(Candle(time: hour(Double(i) + shift), open: b.0, high: b.1, low: b.2, close: b.3))
        }
        return try CandleSeries(validating: candles)
    }

    /// A flat-bodied bar that opens at `open`, closes at `close` and reaches no further.
    static func bar(_ open: Double, _ close: Double) -> (Double, Double, Double, Double) {
        (open, max(open, close), min(open, close), close)
    }

    static let style = DrawingStyle(color: RGBAColor(red: 0, green: 0, blue: 255), lineWidth: 2, lineStyle: .solid)

    static func point(_ h: Double, _ price: Double) -> ChartPoint { ChartPoint(time: hour(h), price: price) }

    static func horizontal(_ id: String, _ price: Double, at h: Double = 0) -> Drawing {
        .horizontalLine(HorizontalLineDrawing(clientObjectId: id, point: point(h, price), style: style))
    }

    static func line(_ id: String, _ a: ChartPoint, _ b: ChartPoint) -> Drawing {
        .line(LineDrawing(clientObjectId: id, start: a, end: b, style: style))
    }

    static func rectangle(_ id: String, _ a: ChartPoint, _ b: ChartPoint) -> Drawing {
        .rectangle(RectangleDrawing(clientObjectId: id, corner1: a, corner2: b, style: style))
    }

    static func channel(_ id: String, _ a: ChartPoint, _ b: ChartPoint, _ c: ChartPoint) -> Drawing {
        .parallel(ParallelDrawing(clientObjectId: id, p1: a, p2: b, p3: c, style: style))
    }

    static func fibonacci(_ id: String, _ a: ChartPoint, _ b: ChartPoint, levels: [Double]? = nil) -> Drawing {
        .fibonacciRetracement(
            FibonacciRetracementDrawing(clientObjectId: id, start: a, end: b, levels: levels, style: style))
    }

    /// An analysis of the drawings and levels; the direction and placement default to a
    /// bullish bounce.
    static func analysis(
        _ drawings: [Drawing], direction: Direction? = .bullish, placement: EntryPlacement = .belowCurrent,
        support: Double? = nil, pivot: Double? = nil, resistance: Double? = nil, expiryHours: Int64? = nil,
        preferenceText: String? = nil, timeframe: String = "H1"
    ) -> Analysis {
        var levels = Levels()
        if let support { levels.support = LevelEntry(price: support, clientObjectId: "sup", time: hour(0)) }
        if let pivot { levels.pivot = LevelEntry(price: pivot, clientObjectId: "piv", time: hour(0)) }
        if let resistance { levels.resistance = LevelEntry(price: resistance, clientObjectId: "res", time: hour(0)) }
        let meta = AnalysisMetadata(
            direction: direction, entryPlacement: placement, expiry: expiryHours.map { Expiry(hours: $0) },
            title: "t", preferenceText: preferenceText, timeframe: timeframe, symbol: "X")
        return Analysis(sender: "s", metadata: meta, levels: levels, drawings: drawings)
    }

    /// `bar:objectId:kind` for every event, for compact comparisons.
    static func summary(_ e: Evaluation) -> [String] {
        e.events.map { "\($0.bar):\($0.objectId ?? "-"):\($0.kind.rawValue)" }
    }
}
