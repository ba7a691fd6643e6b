import ChartDraw

// chartdraw-bench evaluate [--candles N] [--drawings M] [--runs R] [--extend-right]
//
// Times Evaluation.evaluate over a generated series: N hourly candles (five days, then a
// 48-hour weekend, a walk pulled towards 100) and M drawings (horizontal lines, lines,
// rectangles, channels and retracements in turn, plus three levels), all drawn within the
// first 1,000 bars, so every later candle is judged against every drawing still defined.
// One JSON line: sizes, median and fastest run in ms, ns per candle x object, events, peak RSS.

/// Runs the evaluation benchmark; returns the exit status.
func evaluationBenchMain(_ args: [String]) -> Int32 {
    var candles = 100_000, drawings = 1_000, runs = 5, extend = false
    var i = 0
    while i < args.count {
        let a = args[i]
        func value() -> Int? { i + 1 < args.count ? Int(args[i + 1]) : nil }
        switch a {
        case "--candles", "--drawings", "--runs":
            guard let v = value(), v > 0 else {
                BenchSupport.err("chartdraw-bench evaluate: \(a) needs a positive whole number\n")
                return 64
            }
            if a == "--candles" { candles = v } else if a == "--drawings" { drawings = v } else { runs = v }
            i += 2
        case "--extend-right":
            extend = true
            i += 1
        default:
            BenchSupport.err(
                "chartdraw-bench evaluate: unknown argument '\(a)'; use --candles N --drawings M --runs R [--extend-right]\n"
            )
            return 64
        }
    }
    guard candles >= 2_000 else {
        BenchSupport.err("chartdraw-bench evaluate: --candles must be at least 2000 (drawings sit in the first 1000)\n")
        return 64
    }
    let analysis: Analysis, series: CandleSeries
    do {
        (analysis, series) = try EvaluationWorkload.make(candles: candles, drawings: drawings, seed: 20_260_115)
    } catch {
        BenchSupport.err("chartdraw-bench evaluate: the generated candles are not a valid series: \(error)\n")
        return 70
    }
    let options = EvaluationOptions(extendRight: extend)
    var times: [Double] = []
    var events = 0
    for _ in 0..<runs {
        let t0 = BenchSupport.now()
        let e = Evaluation.evaluate(analysis, candles: series, options: options)
        times.append(BenchSupport.now() - t0)
        events = e.events.count
    }
    let first = Evaluation.evaluate(analysis, candles: series, options: options).firstBar
    let cells = Double(candles - first) * Double(drawings + 3)
    let median = BenchSupport.median(times)
    BenchSupport.emit(
        BenchSupport.object([
            ("mode", BenchSupport.str("evaluate")), ("candles", String(candles)), ("drawings", String(drawings)),
            ("extendRight", extend ? "true" : "false"), ("evaluatedBars", String(candles - first)),
            ("runs", String(runs)), ("median_ms", BenchSupport.num(median * 1000)),
            ("min_ms", BenchSupport.num((times.min() ?? .nan) * 1000)),
            ("ns_per_bar_object", BenchSupport.num(median * 1e9 / cells)), ("events", String(events)),
            ("max_rss_kib", String(BenchSupport.maxRSSKiB())),
        ]))
    return 0
}

/// The generated series and analysis of the evaluation benchmark.
enum EvaluationWorkload {
    static func make(candles count: Int, drawings: Int, seed: UInt64) throws(CandleError) -> (Analysis, CandleSeries) {
        var rng = SplitMix(seed: seed)
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.unit() }
        var bars: [Candle] = []
        bars.reserveCapacity(count)
        var t: Int64 = 1_767_571_200  // 2026-01-05T00:00:00Z, a Monday
        var price = 100.0
        for i in 0..<count {
            if i > 0 && i % 120 == 0 { t += 48 * 3600 }
            let open = price
            let close = open * (1 + u(-0.006, 0.006)) + 0.02 * (100 - open)
            let high = max(open, close) * (1 + u(0, 0.003)), low = min(open, close) * (1 - u(0, 0.003))
            bars.append(Candle(time: Timestamp(seconds: t), open: open, high: high, low: low, close: close))
            price = close
            t += 3600
        }
        let series = try CandleSeries(validating: bars)
        func pt(_ bar: Int, _ p: Double) -> ChartPoint { ChartPoint(time: bars[bar].time, price: p) }
        let style = DrawingStyle(color: RGBAColor(red: 41, green: 98, blue: 255), lineWidth: 2, lineStyle: .solid)
        var list: [Drawing] = []
        list.reserveCapacity(drawings)
        for n in 0..<drawings {
            let a = Int(u(0, 900)), b = a + 20 + Int(u(0, 79))
            let pa = u(92, 108), pb = u(92, 108)
            let id = "d\(n)"
            switch n % 5 {
            case 0:
                list.append(.horizontalLine(HorizontalLineDrawing(clientObjectId: id, point: pt(a, pa), style: style)))
            case 1: list.append(.line(LineDrawing(clientObjectId: id, start: pt(a, pa), end: pt(b, pb), style: style)))
            case 2:
                list.append(
                    .rectangle(
                        RectangleDrawing(
                            clientObjectId: id, corner1: pt(a, min(pa, pb) - 0.5), corner2: pt(b, max(pa, pb) + 0.5),
                            style: style)))
            case 3:
                list.append(
                    .parallel(
                        ParallelDrawing(
                            clientObjectId: id, p1: pt(a, pa), p2: pt(b, pb), p3: pt(a, pa + u(1, 4)), style: style)))
            default:
                list.append(
                    .fibonacciRetracement(
                        FibonacciRetracementDrawing(
                            clientObjectId: id, start: pt(a, pa), end: pt(b, pb + u(-6, 6)), style: style)))
            }
        }
        let at = bars[999].time
        let levels = Levels(
            pivot: LevelEntry(price: 100, clientObjectId: "piv", time: at),
            resistance: LevelEntry(price: 140, clientObjectId: "res", time: at),
            support: LevelEntry(price: 60, clientObjectId: "sup", time: at))
        let meta = AnalysisMetadata(
            direction: .bullish, entryPlacement: .aboveCurrent, title: "bench", timeframe: "H1", symbol: "BENCH")
        return (Analysis(sender: "bench", metadata: meta, levels: levels, drawings: list), series)
    }
}
