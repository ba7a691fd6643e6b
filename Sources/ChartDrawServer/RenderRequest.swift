import ChartDraw

/// A `/v1/render` body taken apart and checked: the analysis by the validator, the candles by
/// `ChartDrawWire/CandleFile`, the options by `ChartDrawCore/ChartOptions`' own limits when
/// the scene is built. Nothing here re-states a rule of the libraries.
struct RenderInputs: Sendable {
    var analysis: Analysis
    var candles: CandleSeries?
    var options: ChartOptions
    var format: ImageFormat
    var policy: ValidationPolicy
    /// Validation warnings of the analysis, paths prefixed with `/analysis`.
    var issues: [ValidationIssue]
    /// The entity tag: a hash of the normalised inputs, quoted.
    var etag: String
}

/// Why a render body was refused before rendering.
enum RenderRequestError: Error, Sendable {
    /// The body is not JSON (400).
    case malformed(JSONSyntaxError)
    /// The analysis, candles or options break a rule (422).
    case invalid([ValidationIssue])
    /// The image would be larger than the service allows (413).
    case tooLarge(String)
}

enum RenderRequest {
    /// Members of `options`, as the `chartdraw render` options are named.
    static let optionKeys: Set<String> = [
        "format", "width", "height", "scale", "theme", "from", "to", "minPrice", "maxPrice", "createdAt", "precision",
        "lenient", "timeAxis", "candlesFormat", "showEvents", "extendRight",
    ]

    /// Parses and checks a render body.
    static func parse(_ bytes: [UInt8], lenient: Bool, limits: ServerLimits) throws(RenderRequestError) -> RenderInputs
    {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .malformed(error)
        }
        guard case .object(let members) = root, let ranges = JSONMembers.ranges(bytes) else {
            throw .invalid([
                issue(
                    "", "not_an_object",
                    "The body must be an object: {\"analysis\": {...}, \"candles\": [...], \"options\": {...}}.")
            ])
        }
        var problems: [ValidationIssue] = []
        for m in members where !["analysis", "candles", "options"].contains(m.key) {
            problems.append(
                issue(
                    "/" + m.key, "unknown_member",
                    "Unknown member '\(m.key)'; the body has analysis, candles and options."))
        }

        // Options first: lenient may come from them.
        var options = ChartOptions()
        var format = ImageFormat.png
        var policy: ValidationPolicy = lenient ? .lenient : .strict
        var from: Timestamp?
        var to: Timestamp?
        var minPrice: Double?
        var maxPrice: Double?
        var candleFormat: CandleFormat?
        var showEvents = false
        var extendRight = false
        if let o = root["options"], o != .null {
            guard case .object(let opts) = o else {
                throw .invalid(problems + [issue("/options", "invalid_option", "options must be an object.")])
            }
            for m in opts {
                let path = "/options/" + m.key
                func bad(_ what: String) { problems.append(issue(path, "invalid_option", "\(m.key) must be \(what).")) }
                switch (m.key, m.value) {
                case ("format", .string(let s)):
                    if let f = ImageFormat(rawValue: s) { format = f } else { bad("png, svg or pdf") }
                case ("theme", .string(let s)):
                    if s == "light" {
                        options.theme = .light
                    } else if s == "dark" {
                        options.theme = .dark
                    } else {
                        bad("light or dark")
                    }
                case ("width", .number(let n)):
                    if let v = integer(n) { options.width = v } else { bad("a whole number") }
                case ("height", .number(let n)):
                    if let v = integer(n) { options.height = v } else { bad("a whole number") }
                case ("precision", .number(let n)):
                    if let v = integer(n) { options.pricePrecision = v } else { bad("a whole number") }
                case ("scale", .number(let n)):
                    options.pixelScale = n.value
                case ("minPrice", .number(let n)):
                    minPrice = n.value
                case ("maxPrice", .number(let n)):
                    maxPrice = n.value
                case ("from", .string(let s)), ("to", .string(let s)), ("createdAt", .string(let s)):
                    guard let t = Timestamp(iso8601: s) else {
                        bad("an ISO-8601 UTC time such as 2026-01-08T12:00:00Z")
                        continue
                    }
                    if m.key == "from" { from = t } else if m.key == "to" { to = t } else { options.createdAt = t }
                case ("lenient", .bool(let b)):
                    if b { policy = .lenient }
                case ("showEvents", .bool(let b)):
                    showEvents = b
                case ("extendRight", .bool(let b)):
                    extendRight = b
                case ("timeAxis", .string(let s)):
                    if let m = TimeAxisMode(rawValue: s) { options.timeAxis = m } else { bad("bars or clock") }
                case ("candlesFormat", .string(let s)):
                    if let f = CandleFormat(rawValue: s) {
                        candleFormat = f
                    } else {
                        bad(CandleFormat.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                case (let k, _) where !optionKeys.contains(k):
                    problems.append(
                        issue(
                            path, "unknown_option",
                            "Unknown option '\(k)'; options are \(optionKeys.sorted().joined(separator: ", ")).")
                    )
                default:
                    switch m.key {
                    case "format": bad("a string: png, svg or pdf")
                    case "theme": bad("a string: light or dark")
                    case "from", "to", "createdAt": bad("an ISO-8601 UTC time string")
                    case "lenient", "showEvents", "extendRight": bad("true or false")
                    case "timeAxis": bad("a string: bars or clock")
                    case "candlesFormat":
                        bad("a string: " + CandleFormat.allCases.map(\.rawValue).joined(separator: ", "))
                    default: bad("a number")
                    }
                }
            }
            if (from == nil) != (to == nil) {
                problems.append(issue("/options", "invalid_option", "Give from and to together."))
            } else if let from, let to {
                if from < to {
                    options.timeRange = from...to
                } else {
                    problems.append(
                        issue("/options/from", "invalid_option", SceneError.invalidTimeRange(from, to).description))
                }
            }
            if showEvents {
                options.events = EvaluationOptions(extendRight: extendRight)
                if root["candles"] == nil || root["candles"] == .null {
                    problems.append(
                        issue(
                            "/options/showEvents", "invalid_option",
                            "showEvents needs candles: the candles after the analysis."))
                }
            } else if extendRight {
                problems.append(
                    issue(
                        "/options/extendRight", "invalid_option",
                        "extendRight applies to showEvents; add it or drop extendRight."))
            }
            if (minPrice == nil) != (maxPrice == nil) {
                problems.append(issue("/options", "invalid_option", "Give minPrice and maxPrice together."))
            } else if let minPrice, let maxPrice {
                if minPrice < maxPrice {
                    options.priceRange = minPrice...maxPrice
                } else {
                    problems.append(
                        issue(
                            "/options/minPrice", "invalid_option",
                            SceneError.invalidPriceRange(minPrice, maxPrice).description))
                }
            }
        }

        // The size limit comes before any other work on the body.
        if problems.isEmpty {
            let w = Double(options.width) * options.pixelScale
            let h = Double(options.height) * options.pixelScale
            if w * h > Double(limits.maxImagePixels) {
                throw .tooLarge(
                    "The image would be \(Int(w))x\(Int(h)) = \(Int(w * h)) device pixels; this service renders at most "
                        + "\(limits.maxImagePixels). Lower width, height or scale.")
            }
        }

        // The analysis: the client's own bytes, through the validator.
        var analysis: Analysis?
        var warnings: [ValidationIssue] = []
        if let r = ranges["analysis"] {
            let report = bytes.withUnsafeBytes { buf in
                ChartAnalysisValidator.validate(
                    UnsafeRawBufferPointer(rebasing: buf[r]), endpoint: .create, policy: policy, existing: nil)
            }
            for var i in report.issues {
                i.path = "/analysis" + i.path
                if i.severity == .error { problems.append(i) } else { warnings.append(i) }
            }
            if report.isValid { analysis = report.analysis }
        } else {
            problems.append(issue("/analysis", "missing_member", "The body needs an analysis member: a create body."))
        }

        // Candles: an array as the CLI's JSON candle file, or a string holding any candle file.
        var candles: CandleSeries?
        if let r = ranges["candles"], let value = root["candles"], value != .null {
            let candleBytes: [UInt8]
            if case .string(let s) = value { candleBytes = Array(s.utf8) } else { candleBytes = Array(bytes[r]) }
            do {
                candles = try CandleFile.parse(candleBytes, format: candleFormat)
            } catch {
                problems.append(issue("/candles", "invalid_candles", error.description))
            }
        }

        guard problems.isEmpty, let analysis else { throw .invalid(problems) }

        let etag = Self.etag(analysis: analysis, candles: candles, options: options, format: format, policy: policy)
        return RenderInputs(
            analysis: analysis, candles: candles, options: options, format: format, policy: policy, issues: warnings,
            etag: etag)
    }

    /// A strong entity tag over the canonical analysis, the candle values, every option and the
    /// renderer's versions (Cairo, Pango, the pinned font files): equal inputs give equal tags on every instance of the service.
    static func etag(
        analysis: Analysis, candles: CandleSeries?, options: ChartOptions, format: ImageFormat, policy: ValidationPolicy
    ) -> String {
        var s = TagHasher()
        s.field("chartdraw-render/1")
        s.field(ServerInfo.version)
        s.field(ChartRenderer.cairoVersion)
        s.field(ChartRenderer.pangoVersion)
        for font in ChartRenderer.fontVersions { s.field(font) }
        s.field(format.rawValue)
        s.field(policy.rawValue)
        s.word(UInt64(bitPattern: Int64(options.width)))
        s.word(UInt64(bitPattern: Int64(options.height)))
        s.word(options.pixelScale.bitPattern)
        s.field(options.theme == .dark ? "dark" : options.theme == .light ? "light" : "custom")
        func time(_ t: Timestamp?) {
            guard let t else { return s.field("-") }
            s.word(UInt64(bitPattern: t.seconds))
            s.word(UInt64(UInt32(bitPattern: t.nanoseconds)))
        }
        time(options.timeRange?.lowerBound)
        time(options.timeRange?.upperBound)
        s.word(options.priceRange?.lowerBound.bitPattern ?? 0)
        s.word(options.priceRange?.upperBound.bitPattern ?? 0)
        s.field(options.priceRange == nil ? "-" : "p")
        time(options.createdAt)
        s.field(options.pricePrecision.map { String($0) } ?? "-")
        s.field(options.showsHeader ? "header" : "-")
        s.field(options.timeAxis.rawValue)
        s.field(options.events.map { "\($0)" } ?? "-")
        let canonical = CanonicalEncoder.encode(analysis, endpoint: .create)
        s.word(UInt64(canonical.count))
        canonical.withUnsafeBytes { s.update(buffer: $0) }
        if let candles {
            s.word(UInt64(candles.candles.count))
            var row: [UInt64] = []
            row.reserveCapacity(candles.candles.count * 8)
            for c in candles.candles {
                row.append(UInt64(bitPattern: c.time.seconds))
                row.append(UInt64(UInt32(bitPattern: c.time.nanoseconds)))
                row.append(c.open.bitPattern)
                row.append(c.high.bitPattern)
                row.append(c.low.bitPattern)
                row.append(c.close.bitPattern)
                row.append(c.volume == nil ? 0 : 1)
                row.append(c.volume?.bitPattern ?? 0)
            }
            row.withUnsafeBytes { s.update(buffer: $0) }
        } else {
            s.field("no candles")
        }
        return "\"" + String(s.hex().prefix(40)) + "\""
    }

    /// A whole number that fits an Int, or nil.
    static func integer(_ n: JSONNumber) -> Int? {
        let v = n.value
        guard v.rounded() == v, abs(v) < 1e15 else { return nil }
        return Int(v)
    }

    static func issue(_ path: String, _ code: String, _ message: String) -> ValidationIssue {
        ValidationIssue(path: path, code: IssueCode(rawValue: code), severity: .error, message: message)
    }
}
