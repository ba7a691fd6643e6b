import ChartDrawCore

/// Where a member kept as sent stands.
enum RawContext {
    case root
    case metadata
    case expiry
    case levels
    case levelEntry(String)
    case drawing(DrawingType)
    case point
    case style(DrawingType)
}

/// Checks of values kept as sent: unknown members, members of the wrong type or form, and
/// whole parts that did not decode (a drawing with the wrong number of points, a level
/// without a price). Rare, so plain and not tuned.
extension Checker {
    /// The members a context requires.
    func requiredKeys(_ ctx: RawContext) -> [String] {
        switch ctx {
        case .root:
            switch endpoint {
            case .create: return ["sender", "metadata", "levels", "drawings"]
            case .append: return ["drawings"]
            case .update: return []
            }
        case .metadata:
            return endpoint == .create ? ["direction", "entryPlacement", "expiry", "title", "timeframe", "symbol"] : []
        case .expiry: return ["type", "hours"]
        case .levels: return []
        case .levelEntry: return ["price", "clientObjectId", "time"]
        case .drawing: return ["type", "clientObjectId", "points", "style"]
        case .point: return ["time", "price"]
        case .style(let t): return StyleRules.required(t)
        }
    }

    /// Reports a value of the wrong JSON type (or a null) for a known member.
    mutating func wrongType(_ ctx: RawContext, _ key: String, _ v: JSONValue, _ path: String, expected: String) {
        if case .null = v {
            if requiredKeys(ctx).contains(key) {
                report(path, IssueCode.required, .error, "\(key) is null; it is required: give \(expected).")
            } else {
                report(
                    path, IssueCode.nullValue, soft,
                    "\(key) is null; omit the member instead of sending null, or give \(expected).")
            }
            return
        }
        report(path, IssueCode.type, .error, "\(key) is \(describe(v)); give \(expected).")
    }

    /// The members a context knows (for "did you mean").
    func knownKeys(_ ctx: RawContext) -> [String] {
        switch ctx {
        case .root: return ["sender", "metadata", "levels", "drawings", "idempotencyKey"]
        case .metadata:
            return [
                "direction", "entryPlacement", "expiry", "title", "preferenceText", "alternativeText", "comments",
                "timeframe", "symbol",
            ]
        case .expiry: return ["type", "hours"]
        case .levels: return ["pivot", "resistance", "support"]
        case .levelEntry: return ["price", "clientObjectId", "time"]
        case .point: return ["time", "price"]
        case .style(let t):
            return ["color", "lineWidth", "lineStyle", "fillColor", "borderColor"].filter { StyleRules.applies($0, t) }
        case .drawing(let t):
            var keys = ["type", "clientObjectId", "points", "style"]
            if t == .line { keys += ["startHead", "endHead"] }
            if t == .fibonacciRetracement { keys.append("levels") }
            return keys
        }
    }

    mutating func unknownField(_ key: String, _ path: String, in place: String, _ ctx: RawContext) {
        if let meant = Suggestion.nearest(key, in: knownKeys(ctx)) {
            report(
                path, IssueCode.unknownField, soft,
                "\(quoted(key)) is not a member of \(place) that the engine knows; did you mean \(quoted(meant))? Rename it.",
                suggestion: meant)
        } else {
            report(
                path, IssueCode.unknownField, soft,
                "\(quoted(key)) is not a member of \(place) that the engine knows; remove it or check its spelling.")
        }
    }

    /// Whether a misspelt member among `members` stands for `key` (then its absence is not
    /// reported again: one mistake, one issue).
    func misspelt(_ key: String, in members: [JSONMember], _ ctx: RawContext) -> Bool {
        let known = knownKeys(ctx)
        return members.contains { m in !known.contains(m.key) && Suggestion.nearest(m.key, in: known) == key }
    }

    /// Checks every member of an object kept as sent, then the required ones.
    mutating func rawObject(_ ctx: RawContext, _ members: [JSONMember], _ path: String) {
        for m in members { rawMember(ctx, m.key, m.value, path + "/" + JSONPointer.escape(m.key)) }
        for key in requiredKeys(ctx)
        where !members.contains(where: { $0.key == key }) && !misspelt(key, in: members, ctx) {
            report(path + "/" + key, IssueCode.required, .error, "\(key) is missing; it is required.")
        }
    }

    /// Checks one member kept as sent.
    mutating func rawMember(_ ctx: RawContext, _ key: String, _ v: JSONValue, _ path: String) {
        switch ctx {
        case .root:
            switch (key, v) {
            case ("sender", .string(let s)): text(s, max: WireLimits.maxSender, nonEmpty: true, name: "sender", path)
            case ("sender", _):
                wrongType(ctx, key, v, path, expected: "a string (the e-mail or username of the poster)")
            case ("idempotencyKey", .string(let s)):
                text(s, max: WireLimits.maxIdempotencyKey, nonEmpty: true, name: "idempotencyKey", path)
            case ("idempotencyKey", _): wrongType(ctx, key, v, path, expected: "a string")
            case ("metadata", .object(let ms)): rawObject(.metadata, ms, path)
            case ("metadata", _): wrongType(ctx, key, v, path, expected: "an object")
            case ("levels", .object(let ms)): rawObject(.levels, ms, path)
            case ("levels", _): wrongType(ctx, key, v, path, expected: "an object with pivot, resistance and support")
            case ("drawings", .array(let items)):
                for (i, item) in items.enumerated() {
                    if case .object(let ms) = item {
                        rawDrawing(ms, path + "/\(i)", index: i)
                    } else {
                        report(
                            path + "/\(i)", IssueCode.type, .error,
                            "A drawing is \(describe(item)); give an object with type, clientObjectId, points and style."
                        )
                    }
                }
            case ("drawings", _): wrongType(ctx, key, v, path, expected: "an array of drawings")
            default: unknownField(key, path, in: "the body", ctx)
            }
        case .metadata:
            switch (key, v) {
            case ("direction", .string(let s)): direction(s, path)
            case ("entryPlacement", .string(let s)): entryPlacement(s, path)
            case ("direction", _), ("entryPlacement", _): wrongType(ctx, key, v, path, expected: "a string")
            case ("expiry", .object(let ms)): rawObject(.expiry, ms, path)
            case ("expiry", _):
                wrongType(ctx, key, v, path, expected: "an object like {\"type\": \"HOURS\", \"hours\": 24}")
            case ("title", .string(let s)): text(s, max: WireLimits.maxTitle, nonEmpty: true, name: "title", path)
            case ("timeframe", .string(let s)):
                text(s, max: WireLimits.maxTimeframe, nonEmpty: true, name: "timeframe", path)
            case ("symbol", .string(let s)): text(s, max: WireLimits.maxSymbol, nonEmpty: true, name: "symbol", path)
            case ("preferenceText", .string(let s)), ("alternativeText", .string(let s)), ("comments", .string(let s)):
                longText(s, key)
            case ("title", _), ("timeframe", _), ("symbol", _), ("preferenceText", _), ("alternativeText", _),
                ("comments", _):
                wrongType(ctx, key, v, path, expected: "a string")
            default: unknownField(key, path, in: "metadata", ctx)
            }
        case .expiry:
            switch (key, v) {
            case ("type", .string(let s)): expiryType(s, path)
            case ("type", _): wrongType(ctx, key, v, path, expected: "the string \"HOURS\"")
            case ("hours", .number(let n)):
                let x = n.value
                if x.isFinite && x == x.rounded() && abs(x) <= 9_007_199_254_740_992 {
                    hours(Int64(x), path)
                } else {
                    hoursNumber(n, path)
                }
            case ("hours", _): wrongType(ctx, key, v, path, expected: "a whole number of hours")
            default: unknownField(key, path, in: "expiry", ctx)
            }
        case .levels:
            switch (key, v) {
            case ("pivot", .object(let ms)), ("resistance", .object(let ms)), ("support", .object(let ms)):
                rawObject(.levelEntry(key), ms, path)
            case ("pivot", _), ("resistance", _), ("support", _):
                wrongType(ctx, key, v, path, expected: "an object with price, clientObjectId and time")
            default: unknownField(key, path, in: "levels", ctx)
            }
        case .levelEntry(let role):
            switch (key, v) {
            case ("price", .number(let n)): price(n.value, path, what: "The \(role) price")
            case ("price", _): wrongType(ctx, key, v, path, expected: "a number")
            case ("clientObjectId", .string(let s)): clientObjectId(s, path, place: .level(role))
            case ("clientObjectId", _): wrongType(ctx, key, v, path, expected: "a string")
            case (_, .string(let s)) where Suggestion.nearest(key, in: knownKeys(ctx)) == "clientObjectId":
                // A misspelt clientObjectId still names the level for links and collisions.
                unknownField(key, path, in: "a level", ctx)
                if ids[s] == nil { ids[s] = .level(role) }
            case ("time", .string(let s)): rawTime(s, path)
            case ("time", .number(let n)): timeNumber(n, path)
            case ("time", _):
                wrongType(ctx, key, v, path, expected: "an ISO-8601 UTC time string like \"2026-01-08T12:00:00Z\"")
            default: unknownField(key, path, in: "a level", ctx)
            }
        case .drawing(let t):
            drawingMember(t, key, v, path)
        case .point:
            switch (key, v) {
            case ("time", .string(let s)): rawTime(s, path)
            case ("time", .number(let n)): timeNumber(n, path)
            case ("time", _):
                wrongType(ctx, key, v, path, expected: "an ISO-8601 UTC time string like \"2026-01-08T12:00:00Z\"")
            case ("price", .number(let n)): price(n.value, path)
            case ("price", _): wrongType(ctx, key, v, path, expected: "a number")
            default: unknownField(key, path, in: "a point", ctx)
            }
        case .style(let t):
            switch (key, v) {
            case ("color", _), ("fillColor", _), ("borderColor", _), ("lineWidth", _), ("lineStyle", _):
                if !StyleRules.applies(key, t) {
                    notApplicable("style." + key, t, path)
                    return
                }
            default: break
            }
            switch (key, v) {
            case ("color", .string(let s)), ("fillColor", .string(let s)), ("borderColor", .string(let s)):
                if WireColor.parse(s) == nil { colorString(s, name: key, path) }
            case ("color", _), ("fillColor", _), ("borderColor", _):
                wrongType(ctx, key, v, path, expected: "a colour string like \"#00FF33\"")
            case ("lineWidth", .number(let n)): lineWidth(n.value, path)
            case ("lineWidth", _): wrongType(ctx, key, v, path, expected: "a whole number from 1 to 10")
            case ("lineStyle", .string(let s)): lineStyle(s, path)
            case ("lineStyle", _): wrongType(ctx, key, v, path, expected: "one of SOLID, DASHED, DOTTED")
            default: unknownField(key, path, in: "a \(t.rawValue) style", ctx)
            }
        }
    }

    /// One member of a drawing of a known type.
    mutating func drawingMember(_ t: DrawingType, _ key: String, _ v: JSONValue, _ path: String) {
        let ctx = RawContext.drawing(t)
        switch (key, v) {
        case ("type", .string), ("clientObjectId", .string): return  // checked by rawDrawing
        case ("type", _): wrongType(ctx, key, v, path, expected: "a string such as \"LINE\"")
        case ("clientObjectId", _): wrongType(ctx, key, v, path, expected: "a string id")
        case ("points", .array(let items)):
            if let want = t.pointCount, items.count != want {
                report(
                    path, IssueCode.pointCount, .error,
                    "A \(t.rawValue) takes \(want) point\(want == 1 ? "" : "s"), not \(items.count); give exactly \(want)."
                )
            }
            for (k, item) in items.enumerated() {
                if case .object(let ms) = item {
                    rawObject(.point, ms, path + "/\(k)")
                } else {
                    report(
                        path + "/\(k)", IssueCode.type, .error,
                        "A point is \(describe(item)); give an object {\"time\": ..., \"price\": ...}.")
                }
            }
        case ("points", _): wrongType(ctx, key, v, path, expected: "an array of points")
        case ("startHead", _), ("endHead", _):
            guard t == .line else { return notApplicable(key, t, path) }
            if case .string(let s) = v {
                head(s, name: key, path)
            } else {
                wrongType(ctx, key, v, path, expected: "NONE or ARROW")
            }
        case ("levels", _):
            guard t == .fibonacciRetracement else { return notApplicable(key, t, path) }
            guard case .array(let items) = v else {
                return wrongType(ctx, key, v, path, expected: "an array of ratios")
            }
            var ratios: [Double] = []
            var ok = true
            for (k, item) in items.enumerated() {
                if case .number(let n) = item {
                    ratios.append(n.value)
                } else {
                    ok = false
                    report(
                        path + "/\(k)", IssueCode.type, .error,
                        "A Fibonacci ratio is \(describe(item)); give a number such as 0.618.")
                }
            }
            if ok { fibonacciLevels(ratios, path) }
        case ("style", .object(let ms)): rawObject(.style(t), ms, path)
        case ("style", _): wrongType(ctx, key, v, path, expected: "an object")
        default: unknownField(key, path, in: "a \(t.rawValue) drawing", ctx)
        }
    }

    /// A drawing that did not decode into its type's model (or whose type is unknown).
    mutating func rawDrawing(_ members: [JSONMember], _ path: String, index: Int) {
        var type: String?
        for m in members {
            if m.key == "clientObjectId", case .string(let id) = m.value {
                clientObjectId(id, path + "/clientObjectId", place: .drawing(index))
            } else if case .string(let id) = m.value, m.key != "type",
                Suggestion.nearest(m.key, in: ["clientObjectId"]) == "clientObjectId", ids[id] == nil
            {
                // A misspelt clientObjectId still names the drawing for links and collisions.
                ids[id] = .drawing(index)
            }
            if m.key == "type", case .string(let t) = m.value { type = t }
        }
        guard let type else {
            if let m = members.first(where: { $0.key == "type" }) {
                wrongType(.drawing(.line), "type", m.value, path + "/type", expected: "a string such as \"LINE\"")
            } else {
                report(
                    path + "/type", IssueCode.required, .error, "The drawing has no type; give one of \(knownTypes).")
            }
            return
        }
        let t = DrawingType(rawValue: type)
        guard DrawingType.known.contains(t) else {
            if let meant = Suggestion.nearest(type, in: DrawingType.known.map(\.rawValue)) {
                report(
                    path + "/type", IssueCode.drawingTypeUnknown, soft,
                    "Drawing type \(quoted(type)) is not one the engine knows; did you mean \(quoted(meant))? Use one of \(knownTypes).",
                    suggestion: meant)
            } else {
                report(
                    path + "/type", IssueCode.drawingTypeUnknown, soft,
                    "Drawing type \(quoted(type)) is not one the engine knows; use one of \(knownTypes).")
            }
            return
        }
        rawObject(.drawing(t), members, path)
    }

    var knownTypes: String { DrawingType.known.map(\.rawValue).joined(separator: ", ") }
}
