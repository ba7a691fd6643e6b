import ChartDrawCore
import ChartDrawWire

/// One image of the peer benchmark (schema `chart-bench-workload/1`, see
/// ../shared/bench/gen_workload.py) mapped to the engine's model.
///
/// The mapping follows the generator's own export to the API format (workload-N.analysis.json)
/// except where the model can say more than the API: widths stay fractional (1.5), and the
/// canvas size comes from the workload. hline and price_level become HORIZONTAL_LINE (DASHED
/// when the dash list is not empty), trendline LINE, rectangle RECTANGLE and
/// parallel_channel PARALLEL (fills at the workload's alpha), fib_retracement
/// FIBONACCI_RETRACEMENT (the ratios; the first level's colour). Levels support < pivot <
/// resistance sit at the three hline prices; metadata as the generator exports it.
struct BenchWorkload {
    /// The analysis to draw.
    var analysis: Analysis
    /// Its candles, validated.
    var candles: CandleSeries
    /// Canvas size from the workload.
    var options: ChartOptions
    /// Number of candles.
    var n: Int

    /// Why a workload could not be mapped.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses raw workload bytes and maps them; throws on a syntax error or a missing member.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> BenchWorkload {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw Failure(description: "JSON: \(error)")
        }
        return try map(root)
    }

    /// Maps a parsed workload.
    static func map(_ root: JSONValue) throws(Failure) -> BenchWorkload {
        guard let cd = root["candles"] else { throw Failure(description: "no candles") }
        let t = try numbers(cd["t"], "candles.t")
        let o = try numbers(cd["open"], "candles.open")
        let h = try numbers(cd["high"], "candles.high")
        let l = try numbers(cd["low"], "candles.low")
        let c = try numbers(cd["close"], "candles.close")
        let v = (try? numbers(cd["volume"], "candles.volume")) ?? []
        let n = t.count
        guard n > 0, o.count == n, h.count == n, l.count == n, c.count == n else {
            throw Failure(description: "candle columns differ in length")
        }
        var list: [Candle] = []
        list.reserveCapacity(n)
        for i in 0..<n {
            guard let time = Timestamp(secondsSinceEpoch: t[i]) else {
                throw Failure(description: "candle time \(t[i])")
            }
            list.append(
                Candle(time: time, open: o[i], high: h[i], low: l[i], close: c[i], volume: v.count == n ? v[i] : nil))
        }
        let series: CandleSeries
        do {
            series = try CandleSeries(validating: list)
        } catch {
            throw Failure(description: "candles: \(error)")
        }
        let first = list[0].time

        var drawings: [Drawing] = []
        var hlinePrices: [Double] = []
        var entry: Double?
        var target: Double?
        guard case .array(let ds)? = root["drawings"] else { throw Failure(description: "no drawings") }
        for d in ds {
            let type = string(d["type"]) ?? ""
            let id = string(d["id"]) ?? "d\(drawings.count)"
            switch type {
            case "hline", "price_level":
                let price = try number(d["price"], "\(id).price")
                if type == "hline" { hlinePrices.append(price) }
                if type == "price_level" {
                    if string(d["role"]) == "entry" { entry = price }
                    if string(d["role"]) == "target" { target = price }
                }
                drawings.append(
                    .horizontalLine(
                        HorizontalLineDrawing(
                            clientObjectId: id, point: ChartPoint(time: first, price: price), style: lineStyle(d))))
            case "trendline":
                drawings.append(
                    .line(
                        LineDrawing(
                            clientObjectId: id, start: try point(d["p1"], id), end: try point(d["p2"], id),
                            startHead: LineHead.none, endHead: LineHead.none, style: lineStyle(d))))
            case "rectangle":
                let fill = color(d["fill"]) ?? RGBAColor(red: 0x29, green: 0x62, blue: 0xFF)
                let style = DrawingStyle(
                    lineWidth: width(d), fillColor: fill.withAlpha(try number(d["fill_alpha"], "\(id).fill_alpha")),
                    borderColor: color(d["stroke"]))
                drawings.append(
                    .rectangle(
                        RectangleDrawing(
                            clientObjectId: id, corner1: try point(d["p1"], id), corner2: try point(d["p2"], id),
                            style: style)))
            case "parallel_channel":
                let fill = color(d["fill"]) ?? RGBAColor(red: 0x29, green: 0x62, blue: 0xFF)
                let style = DrawingStyle(
                    color: color(d["stroke"]), lineWidth: width(d), lineStyle: .solid,
                    fillColor: fill.withAlpha(try number(d["fill_alpha"], "\(id).fill_alpha")))
                drawings.append(
                    .parallel(
                        ParallelDrawing(
                            clientObjectId: id, p1: try point(d["p1"], id), p2: try point(d["p2"], id),
                            p3: try point(d["p3"], id), style: style)))
            case "fib_retracement":
                guard case .array(let lv)? = d["levels"] else { throw Failure(description: "\(id).levels") }
                var ratios: [Double] = []
                for level in lv { ratios.append(try number(level["level"], "\(id).levels.level")) }
                let first = lv.first.flatMap { color($0["color"]) } ?? RGBAColor(red: 0x78, green: 0x7B, blue: 0x86)
                drawings.append(
                    .fibonacciRetracement(
                        FibonacciRetracementDrawing(
                            clientObjectId: id, start: try point(d["p1"], id), end: try point(d["p2"], id),
                            levels: ratios, style: DrawingStyle(color: first, lineWidth: width(d), lineStyle: .solid))))
            default:
                throw Failure(description: "unknown drawing type '\(type)'")
            }
        }

        var levels: Levels?
        if hlinePrices.count == 3 {
            let p = hlinePrices.sorted()
            levels = Levels(
                pivot: LevelEntry(price: p[1], clientObjectId: "pivot", time: first),
                resistance: LevelEntry(price: p[2], clientObjectId: "resistance", time: first),
                support: LevelEntry(price: p[0], clientObjectId: "support", time: first))
        }
        var direction = Direction.bullish
        var placement = EntryPlacement.aboveCurrent
        if let entry, let target {
            direction = target > entry ? .bullish : .bearish
            placement = entry >= c[n - 1] ? .aboveCurrent : .belowCurrent
        }
        let metadata = AnalysisMetadata(
            direction: direction, entryPlacement: placement, expiry: Expiry(hours: 24), title: string(root["title"]),
            timeframe: "H1", symbol: string(root["symbol"]))
        let analysis = Analysis(
            sender: "chart-bench", metadata: metadata, levels: levels, drawings: drawings,
            idempotencyKey: "chart-bench-\(n)")
        var options = ChartOptions()
        if let canvas = root["canvas"] {
            options.width = Int(try number(canvas["width"], "canvas.width"))
            options.height = Int(try number(canvas["height"], "canvas.height"))
        }
        return BenchWorkload(analysis: analysis, candles: series, options: options, n: n)
    }

    // MARK: - Members

    private static func numbers(_ v: JSONValue?, _ what: String) throws(Failure) -> [Double] {
        guard case .array(let a)? = v else { throw Failure(description: "\(what) is not an array") }
        var out: [Double] = []
        out.reserveCapacity(a.count)
        for x in a {
            guard case .number(let num) = x else { throw Failure(description: "\(what) holds a non-number") }
            out.append(num.value)
        }
        return out
    }

    private static func number(_ v: JSONValue?, _ what: String) throws(Failure) -> Double {
        guard case .number(let num)? = v else { throw Failure(description: "\(what) is not a number") }
        return num.value
    }

    private static func string(_ v: JSONValue?) -> String? {
        guard case .string(let s)? = v else { return nil }
        return s
    }

    private static func color(_ v: JSONValue?) -> RGBAColor? {
        string(v).flatMap { RGBAColor(hex: $0) }
    }

    private static func point(_ v: JSONValue?, _ id: String) throws(Failure) -> ChartPoint {
        let t = try number(v?["t"], "\(id).t")
        guard let time = Timestamp(secondsSinceEpoch: t) else { throw Failure(description: "\(id): time \(t)") }
        return ChartPoint(time: time, price: try number(v?["price"], "\(id).price"))
    }

    private static func width(_ d: JSONValue) -> Double {
        if case .number(let w)? = d["width"] { return w.value }
        return 1
    }

    private static func lineStyle(_ d: JSONValue) -> DrawingStyle {
        var dashed = false
        if case .array(let a)? = d["dash"] { dashed = !a.isEmpty }
        return DrawingStyle(color: color(d["color"]), lineWidth: width(d), lineStyle: dashed ? .dashed : .solid)
    }
}
