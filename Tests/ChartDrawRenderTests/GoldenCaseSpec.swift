import ChartDraw
import ChartDrawCore
import ChartDrawGoldenTesting
import ChartDrawRender
import ChartDrawWire
import Glibc

/// One analysis-driven golden case, decoded from `golden-images/<kind>/<case>.json`:
///
/// ```json
/// {
///   "analysis": { ...a create body... },
///   "options": {"width": 320, "height": 200, "scale": 1, "theme": "light",
///               "from": "2026-01-05T00:00:00Z", "to": "2026-01-07T00:00:00Z",
///               "minPrice": 99, "maxPrice": 111, "createdAt": "2026-01-06T00:00:00Z",
///               "precision": 2, "header": false},
///   "candles": "Examples/GBPUSDBounce/candles.csv" | [ {time, open, high, low, close}, ... ]
///              | {"generate": {"count": 20000, "seed": 7, ...}},
///   "tolerance": {"channel": 2, "pixels": 10, "reason": "why"}
/// }
/// ```
///
/// Every member but `analysis` is optional; every option has the default of ``ChartOptions``.
/// Unknown members are errors, so a misspelt option cannot silently fall back to a default.
struct GoldenCaseSpec {
    /// The create body, re-encoded from the case file; validated (lenient policy) when rendered.
    var analysisJSON: [UInt8]
    /// Size, scale, theme and view.
    var options: ChartOptions
    /// Where the candles come from.
    var candles: CandleSource
    /// The comparison tolerance (standard unless the case gives one with a reason).
    var tolerance: GoldenTolerance

    /// The candles of a case.
    enum CandleSource {
        /// No candles.
        case none
        /// A CSV or JSON candle file, relative to the repository root.
        case file(String)
        /// A JSON array of candle objects written in the case.
        case inline([UInt8])
        /// A deterministic random walk.
        case generated(CandleGenerator)
    }

    /// Decodes a case file; every problem names the member at fault.
    static func parse(_ bytes: [UInt8]) throws(GoldenCaseError) -> GoldenCaseSpec {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw GoldenCaseError("the case file is not valid JSON: \(error.message) (line \(error.line))")
        }
        guard case .object(let members) = root else { throw GoldenCaseError("the case file must be a JSON object") }
        try checkKeys(members, allowed: ["analysis", "options", "candles", "tolerance"], in: "the case")
        guard let analysis = root["analysis"], case .object = analysis else {
            throw GoldenCaseError("\"analysis\" is missing or not an object; give a create body")
        }
        var spec = GoldenCaseSpec(
            analysisJSON: JSONWriter.encode(analysis), options: ChartOptions(), candles: .none, tolerance: .standard)
        if let o = root["options"] { spec.options = try parseOptions(o) }
        if let c = root["candles"] { spec.candles = try parseCandles(c) }
        if let t = root["tolerance"] { spec.tolerance = try parseTolerance(t) }
        return spec
    }

    /// The candle series of the case, or `nil` when it has none.
    func candleSeries() throws(GoldenCaseError) -> CandleSeries? {
        do {
            switch candles {
            case .none:
                return nil
            case .file(let path):
                guard let bytes = FileSystem.read(GoldenStore.repositoryRoot + "/" + path) else {
                    throw GoldenCaseError("cannot read the candle file \(path) (relative to the repository root)")
                }
                return try CandleFile.parse(bytes)
            case .inline(let bytes):
                return try CandleFile.parseJSON(bytes)
            case .generated(let g):
                return try CandleSeries(validating: g.candles())
            }
        } catch let e as GoldenCaseError {
            throw e
        } catch {
            throw GoldenCaseError("the candles are invalid: \(error)")
        }
    }

    /// Validates the body (lenient: warnings allowed, errors not), lays it out, encodes the PNG
    /// through the public one-call API and decodes it again: the pixels a user would get.
    func render() throws(GoldenCaseError) -> (image: RGBAImage, warnings: [String]) {
        let series = try candleSeries()
        let chart: RenderedChart
        do {
            chart = try ChartDraw.render(json: analysisJSON, candles: series, options: options, policy: .lenient)
        } catch {
            throw GoldenCaseError("rendering failed: \(error)")
        }
        do {
            return (try ChartRenderer.decodePNG(chart.bytes), chart.warnings.map(\.message))
        } catch {
            throw GoldenCaseError("the rendered PNG does not decode: \(error)")
        }
    }

    // MARK: - Members

    static func parseOptions(_ value: JSONValue) throws(GoldenCaseError) -> ChartOptions {
        guard case .object(let members) = value else { throw GoldenCaseError("\"options\" must be an object") }
        try checkKeys(
            members,
            allowed: [
                "width", "height", "scale", "theme", "from", "to", "minPrice", "maxPrice", "createdAt", "precision",
                "header", "timeAxis", "events",
            ], in: "options")
        var o = ChartOptions()
        if let v = value["width"] { o.width = try integer(v, "options.width") }
        if let v = value["height"] { o.height = try integer(v, "options.height") }
        if let v = value["scale"] { o.pixelScale = try number(v, "options.scale") }
        if let v = value["theme"] {
            switch try string(v, "options.theme") {
            case "light": o.theme = .light
            case "dark": o.theme = .dark
            case let other: throw GoldenCaseError("options.theme \"\(other)\" is unknown; use light or dark")
            }
        }
        switch (value["from"], value["to"]) {
        case (nil, nil): break
        case (let f?, let t?): o.timeRange = try time(f, "options.from")...time(t, "options.to")
        default: throw GoldenCaseError("options.from and options.to go together; give both or neither")
        }
        switch (value["minPrice"], value["maxPrice"]) {
        case (nil, nil): break
        case (let lo?, let hi?):
            let a = try number(lo, "options.minPrice"), b = try number(hi, "options.maxPrice")
            guard a < b else { throw GoldenCaseError("options.minPrice must be below options.maxPrice") }
            o.priceRange = a...b
        default: throw GoldenCaseError("options.minPrice and options.maxPrice go together; give both or neither")
        }
        if let v = value["createdAt"] { o.createdAt = try time(v, "options.createdAt") }
        if let v = value["precision"] { o.pricePrecision = try integer(v, "options.precision") }
        if let v = value["header"] {
            guard case .bool(let b) = v else { throw GoldenCaseError("options.header must be true or false") }
            o.showsHeader = b
        }
        if let v = value["timeAxis"] {
            let text = try string(v, "options.timeAxis")
            guard let mode = TimeAxisMode(rawValue: text) else {
                throw GoldenCaseError("options.timeAxis \"\(text)\" is unknown; use bars or clock")
            }
            o.timeAxis = mode
        }
        if let v = value["events"] { o.events = try parseEvents(v) }
        return o
    }

    /// `"events": true`, or `{"extendRight": bool, "from": time}`: the follow-up overlay.
    static func parseEvents(_ value: JSONValue) throws(GoldenCaseError) -> EvaluationOptions? {
        switch value {
        case .bool(let b): return b ? EvaluationOptions() : nil
        case .object(let members):
            try checkKeys(members, allowed: ["extendRight", "from"], in: "options.events")
            var e = EvaluationOptions()
            if let v = value["extendRight"] {
                guard case .bool(let b) = v else {
                    throw GoldenCaseError("options.events.extendRight must be true or false")
                }
                e.extendRight = b
            }
            if let v = value["from"] { e.from = try time(v, "options.events.from") }
            return e
        default: throw GoldenCaseError("options.events must be true, false or {\"extendRight\", \"from\"}")
        }
    }

    static func parseCandles(_ value: JSONValue) throws(GoldenCaseError) -> CandleSource {
        switch value {
        case .string(let path):
            guard !path.isEmpty, !path.hasPrefix("/") else {
                throw GoldenCaseError("\"candles\" as a path must be relative to the repository root")
            }
            return .file(path)
        case .array:
            return .inline(JSONWriter.encode(value))
        case .object(let members):
            try checkKeys(members, allowed: ["generate"], in: "candles")
            guard let g = value["generate"] else {
                throw GoldenCaseError("\"candles\" as an object needs \"generate\"")
            }
            return .generated(try parseGenerator(g))
        default:
            throw GoldenCaseError("\"candles\" must be a path, an array of candles or {\"generate\": {...}}")
        }
    }

    static func parseGenerator(_ value: JSONValue) throws(GoldenCaseError) -> CandleGenerator {
        guard case .object(let members) = value else { throw GoldenCaseError("candles.generate must be an object") }
        try checkKeys(
            members,
            allowed: ["count", "seed", "start", "interval", "price", "volatility", "flat", "gapAfter", "gapSeconds"],
            in: "candles.generate")
        var g = CandleGenerator(count: 100)
        if let v = value["count"] { g.count = try integer(v, "candles.generate.count") }
        if let v = value["seed"] { g.seed = UInt64(clamping: try integer(v, "candles.generate.seed")) }
        if let v = value["start"] { g.start = try time(v, "candles.generate.start") }
        if let v = value["interval"] { g.interval = Int64(try integer(v, "candles.generate.interval")) }
        if let v = value["price"] { g.price = try number(v, "candles.generate.price") }
        if let v = value["volatility"] { g.volatility = try number(v, "candles.generate.volatility") }
        if let v = value["flat"] {
            guard case .bool(let b) = v else { throw GoldenCaseError("candles.generate.flat must be true or false") }
            g.flat = b
        }
        if let v = value["gapAfter"] { g.gapAfter = try integer(v, "candles.generate.gapAfter") }
        if let v = value["gapSeconds"] { g.gapSeconds = Int64(try integer(v, "candles.generate.gapSeconds")) }
        guard (1...1_000_000).contains(g.count), g.interval > 0, g.price > 0, g.volatility >= 0, g.volatility < 0.5,
            g.gapSeconds >= 0
        else {
            throw GoldenCaseError(
                "candles.generate needs count 1...1000000, interval > 0, price > 0, volatility in [0, 0.5), gapSeconds >= 0"
            )
        }
        return g
    }

    static func parseTolerance(_ value: JSONValue) throws(GoldenCaseError) -> GoldenTolerance {
        guard case .object(let members) = value else { throw GoldenCaseError("\"tolerance\" must be an object") }
        try checkKeys(members, allowed: ["channel", "pixels", "reason"], in: "tolerance")
        guard let r = value["reason"], case .string(let reason) = r,
            !reason.allSatisfy({ $0 == " " })
        else {
            throw GoldenCaseError("a tolerance needs a non-empty \"reason\": say why this case cannot be exact")
        }
        let channel = try value["channel"].map { v throws(GoldenCaseError) in try integer(v, "tolerance.channel") } ?? 1
        let pixels = try value["pixels"].map { v throws(GoldenCaseError) in try integer(v, "tolerance.pixels") } ?? 0
        guard channel >= 0, pixels >= 0 else { throw GoldenCaseError("tolerance values must not be negative") }
        return .loose(channel: channel, pixels: pixels, reason: reason)
    }

    // MARK: - Leaves

    static func checkKeys(_ members: [JSONMember], allowed: Set<String>, in place: String) throws(GoldenCaseError) {
        var seen: Set<String> = []
        for m in members {
            guard allowed.contains(m.key) else {
                throw GoldenCaseError(
                    "unknown member \"\(m.key)\" in \(place); allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            guard seen.insert(m.key).inserted else { throw GoldenCaseError("member \"\(m.key)\" twice in \(place)") }
        }
    }

    static func number(_ v: JSONValue, _ name: String) throws(GoldenCaseError) -> Double {
        guard case .number(let n) = v, n.value.isFinite else { throw GoldenCaseError("\(name) must be a number") }
        return n.value
    }

    static func integer(_ v: JSONValue, _ name: String) throws(GoldenCaseError) -> Int {
        let d = try number(v, name)
        guard d == d.rounded(), abs(d) < 1e15 else { throw GoldenCaseError("\(name) must be a whole number") }
        return Int(d)
    }

    static func string(_ v: JSONValue, _ name: String) throws(GoldenCaseError) -> String {
        guard case .string(let s) = v else { throw GoldenCaseError("\(name) must be a string") }
        return s
    }

    static func time(_ v: JSONValue, _ name: String) throws(GoldenCaseError) -> Timestamp {
        let s = try string(v, name)
        guard let t = Timestamp(iso8601: s) else {
            throw GoldenCaseError("\(name) \"\(s)\" is not ISO-8601 UTC like 2026-01-05T00:00:00Z")
        }
        return t
    }
}

/// Why a case file cannot be used.
struct GoldenCaseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
