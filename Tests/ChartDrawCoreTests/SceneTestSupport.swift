import Testing

@testable import ChartDrawCore

/// A small, fully determined canvas for scene tests.
///
/// 448×226 logical, no header, price range 0...100 shown with 0 decimals (so the price axis
/// has its minimum width of 48 px) and a 100-hour time range: the plot is then exactly
/// x 0...400, y 0...200, with 4 px per hour and 2 px per price unit:
/// `x = 4 × hours`, `y = 200 − 2 × price`.
enum SceneFixture {
    /// 2026-01-08T00:00:00Z.
    static let base = Timestamp(year: 2026, month: 1, day: 8)!

    /// The instant `hours` after ``base``.
    static func time(_ hours: Double) -> Timestamp {
        Timestamp(secondsSinceEpoch: base.secondsSinceEpoch + hours * 3600)!
    }

    /// A chart point `hours` after ``base``.
    static func point(_ hours: Double, _ price: Double) -> ChartPoint {
        ChartPoint(time: time(hours), price: price)
    }

    /// The options of the fixed canvas.
    static func options(pixelScale: Double = 1, decimals: Int = 0) -> ChartOptions {
        ChartOptions(
            width: 448, height: 226, pixelScale: pixelScale, timeRange: base...time(100), priceRange: 0...100,
            pricePrecision: decimals, showsHeader: false)
    }

    /// The scene of some drawings on the fixed canvas, without candles.
    static func build(
        _ drawings: [Drawing], levels: Levels? = nil, metadata: AnalysisMetadata? = nil,
        candles: CandleSeries? = nil, options: ChartOptions = options()
    ) throws -> SceneResult {
        try ChartScene.build(
            analysis: Analysis(metadata: metadata, levels: levels, drawings: drawings), candles: candles,
            options: options)
    }

    /// Hourly candles starting at ``base``, gently zig-zagging around `around`.
    static func candles(_ count: Int, around: Double = 50, hours: Double = 1) throws -> CandleSeries {
        var out: [Candle] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let o = around + Double(i % 7) - 3
            let c = around + Double((i * 5) % 11) / 2 - 2.5
            out.append(
                Candle(
                    time: time(Double(i) * hours), open: o, high: Swift.max(o, c) + 1.5, low: Swift.min(o, c) - 1.25,
                    close: c))
        }
        return try CandleSeries(validating: out)
    }
}

/// Reading dumps and display lists in tests.
enum DumpReading {
    /// The lines directly inside group `name` (nested lines too), without indentation.
    static func lines(of group: String, in dump: String) -> [String] {
        var out: [String] = []
        var inside = false
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed == "group \(group)" {
                inside = true
                continue
            }
            if inside && trimmed == "end \(group)" { break }
            if inside { out.append(String(trimmed)) }
        }
        return out
    }

    /// The text runs of a list.
    static func texts(_ list: DisplayList) -> [TextRun] {
        list.items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// The box a text run covers.
    static func box(_ run: TextRun) -> PixelRect {
        let a = FontMetrics.ascent(run.font), d = FontMetrics.descent(run.font)
        return PixelRect(
            x: run.origin.x, y: run.origin.y - a, width: FontMetrics.width(of: run.text, font: run.font), height: a + d)
    }

    /// Every problem with coordinates: non-finite, or outside the canvas (with `slack` px).
    static func coordinateProblems(_ list: DisplayList, slack: Double = 0.001) -> [String] {
        let w = Double(list.width), h = Double(list.height)
        var problems: [String] = []
        func check(_ x: Double, _ y: Double, _ what: String) {
            if !(x.isFinite && y.isFinite && x >= -slack && x <= w + slack && y >= -slack && y <= h + slack) {
                problems.append("\(what) at \(x),\(y)")
            }
        }
        for item in list.items {
            switch item {
            case .fill(let p, _), .stroke(let p, _):
                for e in p.elements {
                    switch e {
                    case .move(let q), .line(let q): check(q.x, q.y, "path point")
                    case .close: break
                    }
                }
            case .text(let run):
                let b = box(run)
                check(b.x, b.y, "text \(run.text) top left")
                check(b.maxX, b.maxY, "text \(run.text) bottom right")
            case .pushClip(let r):
                check(r.x, r.y, "clip")
                check(r.maxX, r.maxY, "clip")
            case .popClip, .beginGroup, .endGroup: break
            }
        }
        return problems
    }
}
