import ChartDrawCore
import ChartDrawRender
import ChartDrawWire

/// The render side of `chartdraw-bench`, speaking the peers' command line (../shared/bench):
///
///     chartdraw-bench --workload data/workload-N.json --out out/NAME-N.png
///     chartdraw-bench --batch data/workload-N-k100.jsonl --k K --png mem|none
///     chartdraw-bench --sweep-drawings 10,100,1000,10000 --workload data/workload-200.json [--k K] [--png mem|none]
///
/// Phases per image, as the peers time them: parse (bytes to the model: JSON tree, candles,
/// drawings, candle validation), draw (scene = `ChartScene.build`, then paint: surface
/// creation, every paint call, flush), png (encoding into memory) and free (dropping the PNG, the pixels and
/// the display list). How `mem`, `none` and single images are split: ``RenderBench/renderOne``.
/// Exit status: 0 done, 64 usage (as `chartdraw`), 1 a workload that cannot be read or rendered.
func renderBenchMain(_ args: [String]) -> Int32 {
    var opts: [String: String] = [:]
    var i = 0
    while i < args.count {
        let a = args[i]
        guard a.hasPrefix("--"), i + 1 < args.count else {
            BenchSupport.err(RenderBench.usage)
            return 64
        }
        opts[String(a.dropFirst(2))] = args[i + 1]
        i += 2
    }
    let known: Set<String> = [
        "workload", "out", "batch", "k", "png", "warmup", "sweep-drawings", "png-level", "png-filter", "png-strategy",
        "png-deflater",
    ]
    if let bad = opts.keys.first(where: { !known.contains($0) }) {
        BenchSupport.err("chartdraw-bench: unknown option --\(bad)\n" + RenderBench.usage)
        return 64
    }
    let k = Int(opts["k"] ?? "100") ?? -1
    let warmup = Int(opts["warmup"] ?? "1") ?? -1
    guard k > 0, warmup >= 0 else {
        BenchSupport.err("chartdraw-bench: --k must be positive and --warmup not negative\n")
        return 64
    }
    let mode = opts["png"]
    if let mode, !["mem", "none"].contains(mode) {
        BenchSupport.err("chartdraw-bench: --png mem|none\n")
        return 64
    }
    var png = PNGOptions()
    if let v = opts["png-level"] { png.level = Int(v) ?? png.level }
    if let v = opts["png-filter"] {
        guard let f = PNGOptions.Filter(rawValue: v) else {
            BenchSupport.err("chartdraw-bench: --png-filter none|sub|up|average|paeth|adaptive\n")
            return 64
        }
        png.filter = f
    }
    if let v = opts["png-strategy"] {
        guard let st = PNGOptions.Strategy(rawValue: v) else {
            BenchSupport.err("chartdraw-bench: --png-strategy default|filtered|rle\n")
            return 64
        }
        png.strategy = st
    }
    if let v = opts["png-deflater"] {
        guard let d = PNGOptions.Deflater(rawValue: v) else {
            BenchSupport.err("chartdraw-bench: --png-deflater isal|zlib\n")
            return 64
        }
        png.deflater = d
    }
    do {
        if let counts = opts["sweep-drawings"], let wl = opts["workload"] {
            let list = counts.split(separator: ",").compactMap { Int($0) }
            guard !list.isEmpty, list.allSatisfy({ $0 >= 0 }) else {
                BenchSupport.err("chartdraw-bench: --sweep-drawings N,N,...\n")
                return 64
            }
            try DrawingSweep.run(workload: wl, counts: list, k: k, png: mode ?? "mem")
        } else if let wl = opts["workload"] {
            try RenderBench.single(workload: wl, out: opts["out"])
        } else if let batch = opts["batch"] {
            try RenderBench.batch(path: batch, k: k, mode: mode ?? "mem", warmup: max(1, warmup), png: png)
        } else {
            BenchSupport.err(RenderBench.usage)
            return 64
        }
    } catch {
        BenchSupport.err("chartdraw-bench: \(error)\n")
        return 1
    }
    return 0
}

/// Single-image and warm-loop runs.
enum RenderBench {
    static let usage = """
        usage: chartdraw-bench --workload F.json --out OUT.png
               chartdraw-bench --batch F.jsonl --k K --png mem|none [--warmup 1]
                   [--png-level 1] [--png-filter up] [--png-strategy default]
                   [--png-deflater isal|zlib]
               chartdraw-bench --sweep-drawings 10,100,1000 --workload F.json [--k K] [--png mem|none]
               chartdraw-bench validate corpus|large|one FILE ...

        """

    /// A benchmark failure with its message.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Times of one image, seconds.
    struct Phases {
        var scene = 0.0
        var paint = 0.0
        var png = 0.0
        var free = 0.0
        var pngBytes = 0
        var draw: Double { scene + paint }
        var total: Double { scene + paint + png + free }
    }

    /// Renders one image and times its phases.
    ///
    /// - `mem`: `ChartRenderer.paint` (surface, every paint call, flush) is the paint phase and
    ///   `PaintedImage.encodePNG` the png phase: the two halves of the production call
    ///   `ChartRenderer.renderPNG`, timed apart on one render.
    /// - `none`: the paint phase alone; the surface is dropped without reading it back.
    /// - `file`: as `mem`, and the png phase includes writing the file (single-image runs).
    static func renderOne(
        analysis: Analysis, candles: CandleSeries?, options: ChartOptions, mode: String, out: String? = nil,
        png pngOptions: PNGOptions = PNGOptions()
    ) throws -> Phases {
        var p = Phases()
        let t0 = BenchSupport.now()
        var scene: SceneResult? = try ChartScene.build(analysis: analysis, candles: candles, options: options)
        let t1 = BenchSupport.now()
        p.scene = t1 - t0
        // Optionals, not lets, so that the free phase below can drop each one and time it.
        var painted: PaintedImage? = try scene.map { s throws(RenderError) in try ChartRenderer.paint(s.displayList) }
        var bytes: [UInt8]?
        let t2 = BenchSupport.now()
        p.paint = t2 - t1
        if mode != "none" {
            bytes = try painted.map { i throws(RenderError) in try i.encodePNG(options: pngOptions) }
            guard bytes?.isEmpty == false else { throw Failure(description: "empty PNG") }
            if mode == "file", let out, !BenchSupport.write(out, bytes ?? []) {
                throw Failure(description: "cannot write '\(out)'")
            }
            p.png = BenchSupport.now() - t2
        }
        if let bytes { p.pngBytes = bytes.count }
        let t3 = BenchSupport.now()
        scene = nil
        painted = nil
        bytes = nil
        p.free = BenchSupport.now() - t3
        return p
    }

    /// `--workload F --out PNG`: one image to a file; prints the phase times.
    static func single(workload path: String, out: String?) throws {
        let t0 = BenchSupport.now()
        guard let data = BenchSupport.read(path) else { throw Failure(description: "cannot read '\(path)'") }
        let w = try data.withUnsafeBytes { buf throws(BenchWorkload.Failure) in try BenchWorkload.parse(buf) }
        let t1 = BenchSupport.now()
        let p = try renderOne(
            analysis: w.analysis, candles: w.candles, options: w.options, mode: "file", out: out ?? "/dev/null")
        BenchSupport.emit(
            BenchSupport.object([
                ("peer", BenchSupport.str("swift")), ("mode", BenchSupport.str("single-png-file")), ("n", "\(w.n)"),
                ("parse_ms", BenchSupport.num((t1 - t0) * 1e3)), ("draw_ms", BenchSupport.num(p.draw * 1e3)),
                ("png_ms", BenchSupport.num(p.png * 1e3)), ("scene_ms", BenchSupport.num(p.scene * 1e3)),
                ("paint_ms", BenchSupport.num(p.paint * 1e3)), ("free_ms", BenchSupport.num(p.free * 1e3)),
                ("png_bytes", "\(p.pngBytes)"), ("maxrss_kib", "\(BenchSupport.maxRSSKiB())"),
            ]))
    }

    /// `--batch F.jsonl --k K --png MODE`: the warm loop. Line 0 is rendered `warmup` times
    /// untimed first (the first of them is reported as `first_image_ms`); then each of the
    /// first K lines is parsed and rendered with its phases timed.
    static func batch(path: String, k: Int, mode: String, warmup: Int, png options: PNGOptions) throws {
        guard let reader = LineReader(path: path) else { throw Failure(description: "cannot open '\(path)'") }
        var parse: [Double] = [], scene: [Double] = [], paint: [Double] = [], png: [Double] = []
        var free: [Double] = [], total: [Double] = []
        var first = 0.0
        var n = 0
        var lastBytes = 0
        while parse.count < k {
            let t0 = BenchSupport.now()
            guard
                let parsed = reader.next({ buf in
                    Result { () throws(BenchWorkload.Failure) in try BenchWorkload.parse(buf) }
                })
            else { break }
            let w = try parsed.get()
            let tp = BenchSupport.now() - t0
            n = w.n
            if parse.isEmpty {
                for j in 0..<warmup {
                    let s = BenchSupport.now()
                    _ = try renderOne(
                        analysis: w.analysis, candles: w.candles, options: w.options, mode: mode, png: options)
                    if j == 0 { first = BenchSupport.now() - s }
                }
            }
            let p = try renderOne(
                analysis: w.analysis, candles: w.candles, options: w.options, mode: mode, png: options)
            parse.append(tp)
            scene.append(p.scene)
            paint.append(p.paint)
            png.append(p.png)
            free.append(p.free)
            total.append(p.total)
            lastBytes = p.pngBytes
        }
        guard !parse.isEmpty else { throw Failure(description: "no workload lines in '\(path)'") }
        let sumT = total.reduce(0, +)
        let sumP = parse.reduce(0, +)
        let med = { (xs: [Double]) in BenchSupport.num(BenchSupport.median(xs) * 1e3) }
        let draw = zip(scene, paint).map { $0 + $1 }
        BenchSupport.emit(
            BenchSupport.object([
                ("peer", BenchSupport.str("swift")), ("mode", BenchSupport.str("png-\(mode)")), ("n", "\(n)"),
                ("k", "\(parse.count)"),
                (
                    "median_ms",
                    BenchSupport.object([
                        ("parse", med(parse)), ("draw", med(draw)), ("png", med(png)), ("free", med(free)),
                    ])
                ),
                ("draw_sub_median_ms", BenchSupport.object([("scene", med(scene)), ("paint", med(paint))])),
                ("median_total_ms", med(total)),
                ("images_per_s", BenchSupport.num(Double(parse.count) / sumT, digits: 2)),
                ("images_per_s_incl_parse", BenchSupport.num(Double(parse.count) / (sumT + sumP), digits: 2)),
                ("first_image_ms", BenchSupport.num(first * 1e3)), ("maxrss_kib", "\(BenchSupport.maxRSSKiB())"),
                ("png_bytes_last", "\(lastBytes)"),
                (
                    "png_options",
                    BenchSupport.object([
                        ("level", "\(options.level)"), ("filter", BenchSupport.str(options.filter.rawValue)),
                        ("strategy", BenchSupport.str(options.strategy.rawValue)),
                        ("deflater", BenchSupport.str(options.deflater.rawValue)),
                    ])
                ),
            ]))
    }
}
