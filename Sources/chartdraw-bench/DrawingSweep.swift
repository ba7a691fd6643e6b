import ChartDrawCore
import ChartDrawRender
import ChartDrawWire

/// `--sweep-drawings 10,100,1000,10000 --workload F.json`: how the render cost grows with the
/// number of drawings, on the workload's candles, metadata and levels.
///
/// The drawings are synthetic and seeded (same counts, same scene): the five types in turn
/// (HORIZONTAL_LINE, LINE, RECTANGLE with fill, PARALLEL with fill, FIBONACCI_RETRACEMENT with
/// the default ratios), placed inside the candles' time and price range, widths 1 to 3, every
/// third line dashed. One JSON line per count, after one untimed render.
enum DrawingSweep {
    /// Runs the sweep and prints one line per count.
    static func run(workload path: String, counts: [Int], k: Int, png: String) throws {
        guard let data = BenchSupport.read(path) else {
            throw RenderBench.Failure(description: "cannot read '\(path)'")
        }
        let w = try data.withUnsafeBytes { buf throws(BenchWorkload.Failure) in try BenchWorkload.parse(buf) }
        let mode = png == "none" ? "none" : "mem"
        var base: Double?
        for count in counts {
            var analysis = w.analysis
            analysis.drawings = synthetic(count, candles: w.candles)
            let t0 = BenchSupport.now()
            let warm = try RenderBench.renderOne(analysis: analysis, candles: w.candles, options: w.options, mode: mode)
            let first = BenchSupport.now() - t0
            var scene: [Double] = [], paint: [Double] = [], pngT: [Double] = [], total: [Double] = []
            for _ in 0..<k {
                let p = try RenderBench.renderOne(
                    analysis: analysis, candles: w.candles, options: w.options, mode: mode)
                scene.append(p.scene)
                paint.append(p.paint)
                pngT.append(p.png)
                total.append(p.total)
            }
            let items = try ChartScene.build(analysis: analysis, candles: w.candles, options: w.options)
                .displayList.items.count
            let medTotal = BenchSupport.median(total)
            if base == nil { base = medTotal }
            let med = { (xs: [Double]) in BenchSupport.num(BenchSupport.median(xs) * 1e3) }
            BenchSupport.emit(
                BenchSupport.object([
                    ("peer", BenchSupport.str("swift")), ("mode", BenchSupport.str("sweep-drawings-png-\(mode)")),
                    ("n", "\(w.n)"), ("drawings", "\(count)"), ("k", "\(k)"), ("display_items", "\(items)"),
                    (
                        "median_ms",
                        BenchSupport.object([("scene", med(scene)), ("paint", med(paint)), ("png", med(pngT))])
                    ),
                    ("median_total_ms", med(total)), ("min_total_ms", BenchSupport.num((total.min() ?? 0) * 1e3)),
                    ("max_total_ms", BenchSupport.num((total.max() ?? 0) * 1e3)),
                    ("ratio_to_first_count", BenchSupport.num(medTotal / (base ?? medTotal), digits: 2)),
                    ("first_image_ms", BenchSupport.num(first * 1e3)), ("png_bytes", "\(warm.pngBytes)"),
                    ("maxrss_kib", "\(BenchSupport.maxRSSKiB())"),
                ]))
        }
    }

    /// `count` seeded drawings inside the candles' bounds.
    static func synthetic(_ count: Int, candles: CandleSeries) -> [Drawing] {
        var rng = SplitMix(seed: 20_260_108)
        let cs = candles.candles
        let lo = candles.bounds.minPrice
        let span = max(candles.bounds.maxPrice - lo, 1e-9)
        let palette: [RGBAColor] = [
            RGBAColor(red: 0x29, green: 0x62, blue: 0xFF), RGBAColor(red: 0xE6, green: 0x51, blue: 0x00),
            RGBAColor(red: 0x00, green: 0x89, blue: 0x7B), RGBAColor(red: 0x9C, green: 0x27, blue: 0xB0),
            RGBAColor(red: 0xF2, green: 0x36, blue: 0x45),
        ]
        func point() -> ChartPoint {
            let c = cs[Int(rng.next() % UInt64(cs.count))]
            return ChartPoint(time: c.time, price: lo + span * (0.05 + 0.9 * rng.unit()))
        }
        func ordered() -> (ChartPoint, ChartPoint) {
            var a = point(), b = point()
            if b.time < a.time { swap(&a, &b) }
            if a.time == b.time, let i = cs.firstIndex(where: { $0.time == a.time }), i + 1 < cs.count {
                b.time = cs[i + 1].time
            } else if a.time == b.time, cs.count > 1 {
                a.time = cs[cs.count - 2].time
            }
            return (a, b)
        }
        var out: [Drawing] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let id = "s\(i)"
            let colour = palette[i % palette.count]
            let style = DrawingStyle(
                color: colour, lineWidth: Double(1 + i % 3), lineStyle: i % 3 == 2 ? .dashed : .solid)
            switch i % 5 {
            case 0:
                out.append(.horizontalLine(HorizontalLineDrawing(clientObjectId: id, point: point(), style: style)))
            case 1:
                let (a, b) = ordered()
                out.append(.line(LineDrawing(clientObjectId: id, start: a, end: b, style: style)))
            case 2:
                let (a, b) = ordered()
                var s = style
                s.fillColor = colour.withAlpha(0.15)
                s.borderColor = colour
                out.append(.rectangle(RectangleDrawing(clientObjectId: id, corner1: a, corner2: b, style: s)))
            case 3:
                let (a, b) = ordered()
                var p3 = a
                p3.price = a.price + span * 0.08
                var s = style
                s.fillColor = colour.withAlpha(0.12)
                out.append(.parallel(ParallelDrawing(clientObjectId: id, p1: a, p2: b, p3: p3, style: s)))
            default:
                let (a, b) = ordered()
                var s = style
                s.lineWidth = 1
                out.append(
                    .fibonacciRetracement(FibonacciRetracementDrawing(clientObjectId: id, start: a, end: b, style: s)))
            }
        }
        return out
    }
}

/// A small seeded generator (SplitMix64), so synthetic scenes are the same on every run.
struct SplitMix {
    private var state: UInt64

    /// Starts from a seed.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
