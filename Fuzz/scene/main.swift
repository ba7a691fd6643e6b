// Fuzz target "scene": two valid analyses (the examples BTCFibChannel and GBPUSDBounce) with
// fuzzed candles and options (size, pixel scale, theme, precision, header, time axis, time and
// price range, creation time, the follow-up overlay) through `ChartScene.build`, measured with
// Pango as the renderer measures.
//
// Property: options outside their limits and candles that fail their checks are refused with
// an error; otherwise the display list keeps its contract (every coordinate finite and within
// `DisplayList.coordinateLimit` of the canvas, clips and groups balanced, text sizes positive).
// A crash, a precondition, a leak or a hang is a finding. See docs/fuzzing.md.
import ChartDrawCore
import ChartDrawRender
import ChartDrawWire

/// The examples' analyses, minified.
let analyses: [Analysis] = [
    // Examples/BTCFibChannel/analysis.json
    #"""
    {"sender":"swing-bot@example.com","metadata":{"direction":"BULLISH","entryPlacement":"BELOW_CURRENT","expiry":{"type":"HOURS","hours":72},"title":"BTC retests the golden pocket inside its rising channel","preferenceText":"Buy the [[fib_swing:0.5-0.618 retracement]] while price holds the [[rise_channel:channel]] floor; first target [[res_swing:the swing high]].","alternativeText":"A 4-hour close below the channel floor invalidates the setup.","comments":"Funding has reset; watch spot volume on the retest.","timeframe":"H4","symbol":"BTC/USDT"},"levels":{"pivot":{"price":63327.9,"clientObjectId":"pivot_382","time":"2026-03-13T12:00:00Z"},"resistance":{"price":72319.4,"clientObjectId":"res_swing","time":"2026-03-13T12:00:00Z"},"support":{"price":59894.2,"clientObjectId":"sup_786","time":"2026-03-13T12:00:00Z"}},"drawings":[{"type":"PARALLEL","clientObjectId":"rise_channel","points":[{"time":"2026-03-04T08:00:00Z","price":57770.0},{"time":"2026-03-13T12:00:00Z","price":70573.5},{"time":"2026-03-08T22:00:00Z","price":67372.6}],"style":{"color":"#2962FF","lineWidth":2,"lineStyle":"SOLID","fillColor":"#2962FF1F"}},{"type":"FIBONACCI_RETRACEMENT","clientObjectId":"fib_swing","points":[{"time":"2026-03-04T08:00:00Z","price":57770.0},{"time":"2026-03-13T12:00:00Z","price":72319.4}],"levels":[0,0.236,0.382,0.5,0.618,0.786,1],"style":{"color":"#F57C00","lineWidth":1,"lineStyle":"SOLID"}},{"type":"LINE","clientObjectId":"path_up","points":[{"time":"2026-03-20T20:00:00Z","price":65044.7},{"time":"2026-03-23T04:00:00Z","price":72319.4}],"startHead":"NONE","endHead":"ARROW","style":{"color":"#089981","lineWidth":2,"lineStyle":"DASHED"}}],"idempotencyKey":"btc-h4-golden-pocket-0301"}
    """#,
    // Examples/GBPUSDBounce/analysis.json
    #"""
    {"sender":"pangray2025+t5@gmail.com","metadata":{"direction":"BULLISH","entryPlacement":"BELOW_CURRENT","expiry":{"type":"HOURS","hours":24},"title":"GBPUSD Bullish Bounce from Support","preferenceText":"Price bounced from [[support_zone:demand zone]]. Entry above [[entry_line:breakout level]] with target at [[target:resistance]].","alternativeText":"If price breaks below support, analysis invalidated","comments":"Watch for volume confirmation","timeframe":"H1","symbol":"GBP/USD"},"levels":{"pivot":{"price":1.345,"clientObjectId":"pivot_main","time":"2026-01-08T12:00:00Z"},"resistance":{"price":1.35,"clientObjectId":"res_1","time":"2026-01-08T14:00:00Z"},"support":{"price":1.341,"clientObjectId":"sup_1","time":"2026-01-08T10:00:00Z"}},"drawings":[{"type":"RECTANGLE","clientObjectId":"support_zone","points":[{"time":"2026-01-08T00:00:00Z","price":1.338},{"time":"2026-01-09T00:00:00Z","price":1.347}],"style":{"fillColor":"#00FF33","borderColor":"#00FF00","lineWidth":2}},{"type":"LINE","clientObjectId":"entry_line","points":[{"time":"2026-01-08T00:00:00Z","price":1.3485},{"time":"2026-01-09T00:00:00Z","price":1.3505}],"startHead":"NONE","endHead":"ARROW","style":{"color":"#0000FF","lineWidth":2,"lineStyle":"DASHED"}},{"type":"HORIZONTAL_LINE","clientObjectId":"target","points":[{"time":"2026-01-08T10:00:00Z","price":1.355}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}],"idempotencyKey":"analysis_20250109_001"}
    """#,
].map { json in
    do {
        return try AnalysisDecoder.decode(json)
    } catch {
        fatalError("an example analysis does not decode: \(error)")
    }
}

/// The scene target's readings of the bytes.
extension Bytes {
    /// A signed step of about ±1.3 %.
    mutating func step() -> Double { (Double(u8()) - 127.5) / 10_000 }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScene(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var r = Bytes(data: UnsafeBufferPointer(start: data, count: size))
    let analysis = analyses[Int(r.u8()) % analyses.count]
    let anchor = analysis.levels?.pivot?.price ?? 100
    let anchorTime = analysis.levels?.pivot?.time.seconds ?? 1_767_225_600

    var options = ChartOptions()
    // Mostly small canvases (fast), sometimes any size the limits allow, and some beyond.
    let sizeMode = r.u8()
    if sizeMode < 200 {
        options.width = 64 + r.u16() % 1200
        options.height = 64 + r.u16() % 700
    } else {
        options.width = r.u16() % 9000
        options.height = r.u16() % 9000
    }
    options.pixelScale = r.bool() ? 1 : 0.4 + Double(r.u8()) / 64
    options.theme = r.bool() ? .light : .dark
    let precision = r.u8()
    options.pricePrecision = precision < 128 ? nil : Int(precision % 24)
    options.showsHeader = r.u8() < 200
    options.timeAxis = r.bool() ? .bars : .clock
    let flags = r.u8()
    let interval = Int64([60, 300, 3600, 14_400, 86_400, 604_800][Int(r.u8()) % 6])
    let count = r.u16() % 600
    let start = anchorTime - Int64(count / 2) * interval
    if flags & 1 != 0 {
        let from = start + Int64(Int16(truncatingIfNeeded: r.u16())) * interval
        let to = from + Int64(Int16(truncatingIfNeeded: r.u16())) * interval
        if let a = Timestamp(exactly: from), let b = Timestamp(exactly: to), a <= b { options.timeRange = a...b }
    }
    if flags & 2 != 0 {
        let lo = anchor * (1 + r.step() * 10)
        let hi = flags & 4 != 0 ? r.rawDouble() : lo * (1 + abs(r.step()))
        if lo <= hi { options.priceRange = lo...hi }
    }
    if flags & 8 != 0 {
        options.createdAt = Timestamp(exactly: start + Int64(r.u16()) * interval / 8)
    }
    if flags & 16 != 0 {
        options.events = EvaluationOptions(
            extendRight: r.bool(), crossTrigger: r.bool() ? .close : .wick, touchTrigger: r.bool() ? .wick : .close)
    }

    // Candles: a random walk around the analysis' pivot, times at the interval with gaps;
    // flag 32 lets any double and any time step through (the series' checks must refuse them).
    var candles: [Candle] = []
    candles.reserveCapacity(count)
    var price = anchor
    var t = start
    for _ in 0..<count where !r.isEmpty {
        let gap = r.u8()
        t += gap < 240 ? interval : interval * Int64(gap - 238) * (flags & 32 != 0 ? -1 : 7)
        guard let time = Timestamp(exactly: t) else { break }
        let open = price
        let close = flags & 32 != 0 && r.u8() == 0 ? r.rawDouble() : open * (1 + r.step())
        let high = max(open, close) * (1 + abs(r.step()) / 4)
        let low = min(open, close) * (1 - abs(r.step()) / 4)
        candles.append(Candle(time: time, open: open, high: high, low: low, close: close, volume: Double(r.u8())))
        price = close.isFinite && close > 0 ? close : anchor
    }
    let series = try? CandleSeries(validating: candles)

    guard let result = try? ChartScene.build(analysis: analysis, candles: series, options: options) else { return 0 }
    check(result.displayList)
    return 0
}

/// The display list's contract (see `DisplayList`).
func check(_ list: DisplayList) {
    let limit = DisplayList.coordinateLimit
    func inRange(_ p: PixelPoint) -> Bool {
        p.x.isFinite && p.y.isFinite && p.x >= -limit && p.y >= -limit && p.x <= Double(list.width) + limit
            && p.y <= Double(list.height) + limit
    }
    require(list.width > 0 && list.height > 0, "canvas \(list.width)×\(list.height)")
    var clips = 0
    var groups = 0
    for (n, item) in list.items.enumerated() {
        switch item {
        case .fill(let path, _):
            for e in path.elements { if case .move(let p) = e { require(inRange(p), "item \(n): \(p)") } }
            for e in path.elements { if case .line(let p) = e { require(inRange(p), "item \(n): \(p)") } }
        case .stroke(let path, let style):
            require(style.width.isFinite && style.width >= 0, "item \(n): width \(style.width)")
            for e in path.elements { if case .move(let p) = e { require(inRange(p), "item \(n): \(p)") } }
            for e in path.elements { if case .line(let p) = e { require(inRange(p), "item \(n): \(p)") } }
        case .text(let run):
            require(inRange(run.origin), "item \(n): text at \(run.origin)")
            require(run.font.size.isFinite && run.font.size > 0, "item \(n): font size \(run.font.size)")
        case .pushClip(let rect):
            require(inRange(PixelPoint(x: rect.x, y: rect.y)) && rect.width >= 0 && rect.height >= 0, "item \(n)")
            clips += 1
        case .popClip:
            clips -= 1
            require(clips >= 0, "item \(n): popClip without pushClip")
        case .beginGroup:
            groups += 1
        case .endGroup:
            groups -= 1
            require(groups >= 0, "item \(n): endGroup without beginGroup")
        }
    }
    require(clips == 0 && groups == 0, "unbalanced: \(clips) clips, \(groups) groups")
}

/// Stops with `message` when `condition` is false: a finding. Unlike `precondition`, the
/// message is kept in an optimised build.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
