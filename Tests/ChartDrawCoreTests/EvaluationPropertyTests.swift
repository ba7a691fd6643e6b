import ChartDrawCore
import Testing

/// Seeded random series and drawings: every event the evaluation reports at bar k must follow
/// from the candles at k and k - 1 by direct computation, and every close-to-close cross of
/// a level must be reported.
@Suite("Evaluation: properties over seeded random series")
struct EvaluationPropertyTests {
    /// SplitMix64: the same numbers on every run and machine.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// 400 hourly candles (a random walk; a 48-hour gap every 120 bars; some closes snapped
    /// onto round prices so that ties with levels occur) and 12 random drawings.
    static func scenario(seed: UInt64) throws -> (Analysis, CandleSeries) {
        var r = Seeded(state: seed)
        var candles: [Candle] = []
        var price = 100.0
        var t = Geo.t0
        for i in 0..<400 {
            if i > 0 && i % 120 == 0 { t += 48 * 3600 }
            let open = price
            // A walk pulled back towards 100, so the drawings stay in play.
            var close = open * (1 + r.uniform(-0.008, 0.008)) + 0.03 * (100 - open)
            if r.int(8) == 0 { close = close.rounded() }
            let high = max(open, close) * (1 + r.uniform(0, 0.004))
            let low = min(open, close) * (1 - r.uniform(0, 0.004))
            candles.append(
                Candle(time: Timestamp(secondsSinceEpoch: t)!, open: open, high: high, low: low, close: close))
            price = close
            t += 3600
        }
        let series = try CandleSeries(validating: candles)
        func pt(_ h: Double, _ p: Double) -> ChartPoint {
            ChartPoint(time: Timestamp(secondsSinceEpoch: Geo.t0 + h * 3600)!, price: p)
        }
        var drawings: [Drawing] = []
        for n in 0..<12 {
            let id = "d\(n)"
            let a = r.uniform(0, 300), b = a + r.uniform(5, 200)
            let pa = r.uniform(90, 110).rounded(), pb = r.uniform(90, 110)
            switch n % 5 {
            case 0: drawings.append(Eval.horizontal(id, pa))
            case 1: drawings.append(Eval.line(id, pt(a, pa), pt(b, pb)))
            case 2: drawings.append(Eval.rectangle(id, pt(a, min(pa, pb) - 1), pt(b, max(pa, pb) + 1)))
            case 3: drawings.append(Eval.channel(id, pt(a, pa), pt(b, pb), pt(a, pa + r.uniform(1, 5))))
            default: drawings.append(Eval.fibonacci(id, pt(a, pa), pt(b, pa + r.uniform(-10, 10))))
            }
        }
        let analysis = Eval.analysis(drawings, placement: .aboveCurrent, support: 95, pivot: 100, resistance: 105)
        return (analysis, series)
    }

    /// The band of a drawing at bar k, computed directly from its points' bar positions.
    static func band(_ d: Drawing, _ k: Int, _ scale: BarTimeScale, extend: Bool) -> (lo: Double, hi: Double)? {
        let x = Double(k)
        func pos(_ p: ChartPoint) -> Double { scale.position(p.time) }
        func along(_ a: ChartPoint, _ b: ChartPoint) -> Double? {
            let xa = pos(a), xb = pos(b)
            guard x >= min(xa, xb), extend || x <= max(xa, xb) else { return nil }
            return a.price + (b.price - a.price) * (x - xa) / (xb - xa)
        }
        switch d {
        case .horizontalLine(let h): return (h.point.price, h.point.price)
        case .line(let l): return along(l.start, l.end).map { ($0, $0) }
        case .rectangle(let r):
            guard x >= min(pos(r.corner1), pos(r.corner2)), x <= max(pos(r.corner1), pos(r.corner2)) else { return nil }
            return (min(r.corner1.price, r.corner2.price), max(r.corner1.price, r.corner2.price))
        case .parallel(let p):
            guard let base = along(p.p1, p.p2) else { return nil }
            let x3 = pos(p.p3), x1 = pos(p.p1), x2 = pos(p.p2)
            let offset = p.p3.price - (p.p1.price + (p.p2.price - p.p1.price) * (x3 - x1) / (x2 - x1))
            return (min(base, base + offset), max(base, base + offset))
        default: return nil
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64], [false, true])
    func everyEventFollowsFromItsCandles(seed: UInt64, extend: Bool) throws {
        let (analysis, series) = try Self.scenario(seed: seed)
        let from = Timestamp(secondsSinceEpoch: Geo.t0 + 20 * 3600)!
        let e = Evaluation.evaluate(
            analysis, candles: series, options: EvaluationOptions(from: from, extendRight: extend))
        let c = series.candles
        let scale = BarTimeScale(candles: series, timeframe: "H1")
        let byId = Dictionary(uniqueKeysWithValues: (analysis.drawings ?? []).map { ($0.clientObjectId!, $0) })
        let levels: [String: Double] = ["sup": 95, "piv": 100, "res": 105]
        #expect(e.firstBar == 20)
        let reported = Set(e.events.map { "\($0.bar):\($0.objectId ?? ""):\($0.kind.rawValue)" })
        #expect(e.events.count > 50, "the scenario should produce events")
        var previousBar = e.firstBar
        var reachedRatios = Set<String>()
        for ev in e.events {
            let k = ev.bar
            #expect(k >= previousBar, "events in time order")
            previousBar = k
            #expect(ev.time == c[k].time)
            guard let id = ev.objectId else { continue }
            if ev.kind == .entry {
                #expect(
                    id == "piv" && reported.contains("\(k):piv:cross_up"), "bar \(k): the entry is the pivot crossed up"
                )
                #expect(e.events.first { $0.kind == .entry } == ev, "one entry")
                continue
            }
            let drawing = byId[id]
            func bandAt(_ j: Int) -> (lo: Double, hi: Double)? {
                guard j >= 0 else { return nil }
                if let p = levels[id] { return (p, p) }
                return Self.band(drawing!, j, scale, extend: extend)
            }
            // The side before bar k: the previous close where the object is defined there,
            // else bar k's open.
            var prev: (price: Double, band: (lo: Double, hi: Double)) = (c[k].open, (0, 0))
            if let b = bandAt(k - 1) { prev = (c[k - 1].close, b) } else if let b = bandAt(k) { prev.band = b }
            let bar = c[k]
            let what = "seed \(seed) bar \(k) \(id) \(ev.kind.rawValue)"
            switch ev.kind {
            case .touch, .touchLower, .touchUpper:
                let band = try #require(bandAt(k), "\(what)")
                let p = ev.kind == .touchUpper ? band.hi : band.lo
                #expect(Geo.near(ev.price, p, 1e-9), "\(what)")
                #expect(bar.low <= p && p <= bar.high, "\(what)")
                if k > e.firstBar, let b = bandAt(k - 1) {
                    let q = ev.kind == .touchUpper ? b.hi : b.lo
                    #expect(!(c[k - 1].low <= q && q <= c[k - 1].high), "\(what): a new contact")
                }
            case .crossUp:
                let band = try #require(bandAt(k), "\(what)")
                #expect(bar.close > band.hi && prev.price <= prev.band.hi, "\(what)")
            case .crossDown:
                let band = try #require(bandAt(k), "\(what)")
                #expect(bar.close < band.lo && prev.price >= prev.band.lo, "\(what)")
            case .enter:
                let band = try #require(bandAt(k), "\(what)")
                let wasBelow = prev.price < prev.band.lo, wasAbove = prev.price > prev.band.hi
                #expect(wasBelow || wasAbove, "\(what)")
                #expect(wasBelow ? bar.close >= band.lo : bar.close <= band.hi, "\(what)")
            case .exitUp, .breakUp:
                let band = try #require(bandAt(k), "\(what)")
                #expect(bar.close > band.hi && prev.price <= prev.band.hi, "\(what)")
            case .exitDown, .breakDown:
                let band = try #require(bandAt(k), "\(what)")
                #expect(bar.close < band.lo && prev.price >= prev.band.lo, "\(what)")
            case .exitTime:
                #expect(bandAt(k) == nil, "\(what)")
                let b = try #require(bandAt(k - 1), "\(what)")
                #expect(b.lo <= c[k - 1].close && c[k - 1].close <= b.hi, "\(what)")
            case .levelReached:
                guard case .fibonacciRetracement(let f)? = drawing else {
                    Issue.record("\(what): not a retracement")
                    continue
                }
                let ratio = try #require(ev.ratio)
                #expect(Geo.near(ev.price, f.price(atRatio: ratio), 1e-9), "\(what)")
                #expect(Double(k) >= max(scale.position(f.start.time), scale.position(f.end.time)), "\(what)")
                let lo = min(bar.low, c[k - 1].close), hi = max(bar.high, c[k - 1].close)
                #expect(lo <= ev.price && ev.price <= hi, "\(what)")
                #expect(reachedRatios.insert("\(id)/\(ratio)").inserted, "\(what): once per ratio")
            case .entry, .expired:
                break
            }
        }

        // Completeness for the levels and horizontal lines: a close on each side of the line
        // on consecutive bars is a cross.
        var flat: [(String, Double)] = levels.map { ($0.key, $0.value) }
        for d in analysis.drawings ?? [] {
            if case .horizontalLine(let h) = d { flat.append((h.clientObjectId, h.point.price)) }
        }
        for (id, p) in flat {
            for k in (e.firstBar + 1)..<c.count {
                if c[k - 1].close < p && c[k].close > p {
                    #expect(reported.contains("\(k):\(id):cross_up"), "\(id) at \(k)")
                }
                if c[k - 1].close > p && c[k].close < p {
                    #expect(reported.contains("\(k):\(id):cross_down"), "\(id) at \(k)")
                }
            }
        }
    }

    @Test func theSeedsCoverEveryDrawingEventKind() throws {
        var kinds = Set<EvaluationEventKind>()
        for seed in 1...8 as ClosedRange<UInt64> {
            let (analysis, series) = try Self.scenario(seed: seed)
            let from = Timestamp(secondsSinceEpoch: Geo.t0 + 20 * 3600)!
            for e in Evaluation.evaluate(analysis, candles: series, options: EvaluationOptions(from: from)).events {
                kinds.insert(e.kind)
            }
        }
        let all = Set(EvaluationEventKind.allCases).subtracting([.expired])  // expiry: hand-built tests
        #expect(all.subtracting(kinds).isEmpty, "not seen: \(all.subtracting(kinds))")
    }

    @Test func sameInputSameEvents() throws {
        let (analysis, series) = try Self.scenario(seed: 42)
        #expect(Evaluation.evaluate(analysis, candles: series) == Evaluation.evaluate(analysis, candles: series))
    }
}
