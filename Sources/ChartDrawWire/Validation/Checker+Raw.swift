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
        case .root: return RootMember.required(endpoint).map(\.key)
        case .metadata: return MetadataMember.required(endpoint).map(\.key)
        case .expiry: return ExpiryMember.keys
        case .levels: return []
        case .levelEntry: return LevelEntryMember.keys
        case .drawing: return DrawingMember.required.map(\.key)
        case .point: return PointMember.keys
        case .style(let t): return StyleMember.required(t).map(\.key)
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
        case .root: return RootMember.keys
        case .metadata: return MetadataMember.keys
        case .expiry: return ExpiryMember.keys
        case .levels: return LevelsMember.keys
        case .levelEntry: return LevelEntryMember.keys
        case .point: return PointMember.keys
        case .style(let t): return StyleMember.known(t).map(\.key)
        case .drawing(let t): return DrawingMember.known(t).map(\.key)
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
            guard let m = RootMember(key: key) else { return unknownField(key, path, in: "the body", ctx) }
            switch (m, v) {
            case (.sender, .string(let s)): text(s, max: WireLimits.maxSender, nonEmpty: true, name: key, path)
            case (.sender, _):
                wrongType(ctx, key, v, path, expected: "a string (the e-mail or username of the poster)")
            case (.idempotencyKey, .string(let s)):
                text(s, max: WireLimits.maxIdempotencyKey, nonEmpty: true, name: key, path)
            case (.idempotencyKey, _): wrongType(ctx, key, v, path, expected: "a string")
            case (.metadata, .object(let ms)): rawObject(.metadata, ms, path)
            case (.metadata, _): wrongType(ctx, key, v, path, expected: "an object")
            case (.levels, .object(let ms)): rawObject(.levels, ms, path)
            case (.levels, _): wrongType(ctx, key, v, path, expected: "an object with pivot, resistance and support")
            case (.drawings, .array(let items)):
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
            case (.drawings, _): wrongType(ctx, key, v, path, expected: "an array of drawings")
            }
        case .metadata:
            guard let m = MetadataMember(key: key) else { return unknownField(key, path, in: "metadata", ctx) }
            switch (m, v) {
            case (.direction, .string(let s)): direction(s, path)
            case (.entryPlacement, .string(let s)): entryPlacement(s, path)
            case (.direction, _), (.entryPlacement, _): wrongType(ctx, key, v, path, expected: "a string")
            case (.expiry, .object(let ms)): rawObject(.expiry, ms, path)
            case (.expiry, _):
                wrongType(ctx, key, v, path, expected: "an object like {\"type\": \"HOURS\", \"hours\": 24}")
            case (.title, .string(let s)): text(s, max: WireLimits.maxTitle, nonEmpty: true, name: key, path)
            case (.timeframe, .string(let s)): text(s, max: WireLimits.maxTimeframe, nonEmpty: true, name: key, path)
            case (.symbol, .string(let s)): text(s, max: WireLimits.maxSymbol, nonEmpty: true, name: key, path)
            case (.preferenceText, .string(let s)), (.alternativeText, .string(let s)), (.comments, .string(let s)):
                longText(s, key)
            case (.title, _), (.timeframe, _), (.symbol, _), (.preferenceText, _), (.alternativeText, _),
                (.comments, _):
                wrongType(ctx, key, v, path, expected: "a string")
            }
        case .expiry:
            guard let m = ExpiryMember(key: key) else { return unknownField(key, path, in: "expiry", ctx) }
            switch (m, v) {
            case (.type, .string(let s)): expiryType(s, path)
            case (.type, _): wrongType(ctx, key, v, path, expected: "the string \"HOURS\"")
            case (.hours, .number(let n)):
                let x = n.value
                if x.isFinite && x == x.rounded() && abs(x) <= 9_007_199_254_740_992 {
                    hours(Int64(x), path)
                } else {
                    hoursNumber(n, path)
                }
            case (.hours, _): wrongType(ctx, key, v, path, expected: "a whole number of hours")
            }
        case .levels:
            guard LevelsMember(key: key) != nil else { return unknownField(key, path, in: "levels", ctx) }
            if case .object(let ms) = v {
                rawObject(.levelEntry(key), ms, path)
            } else {
                wrongType(ctx, key, v, path, expected: "an object with price, clientObjectId and time")
            }
        case .levelEntry(let role):
            guard let m = LevelEntryMember(key: key) else {
                unknownField(key, path, in: "a level", ctx)
                if case .string(let s) = v,
                    Suggestion.nearest(key, in: knownKeys(ctx)) == LevelEntryMember.clientObjectId.key,
                    ids[s] == nil
                {
                    // A misspelt clientObjectId still names the level for links and collisions.
                    ids[s] = .level(role)
                }
                return
            }
            switch (m, v) {
            case (.price, .number(let n)): price(n.value, path, what: "The \(role) price")
            case (.price, _): wrongType(ctx, key, v, path, expected: "a number")
            case (.clientObjectId, .string(let s)): clientObjectId(s, path, place: .level(role))
            case (.clientObjectId, _): wrongType(ctx, key, v, path, expected: "a string")
            case (.time, .string(let s)): rawTime(s, path)
            case (.time, .number(let n)): timeNumber(n, path)
            case (.time, _):
                wrongType(ctx, key, v, path, expected: "an ISO-8601 UTC time string like \"2026-01-08T12:00:00Z\"")
            }
        case .drawing(let t):
            drawingMember(t, key, v, path)
        case .point:
            guard let m = PointMember(key: key) else { return unknownField(key, path, in: "a point", ctx) }
            switch (m, v) {
            case (.time, .string(let s)): rawTime(s, path)
            case (.time, .number(let n)): timeNumber(n, path)
            case (.time, _):
                wrongType(ctx, key, v, path, expected: "an ISO-8601 UTC time string like \"2026-01-08T12:00:00Z\"")
            case (.price, .number(let n)): price(n.value, path)
            case (.price, _): wrongType(ctx, key, v, path, expected: "a number")
            }
        case .style(let t):
            guard let m = StyleMember(key: key) else {
                return unknownField(key, path, in: "a \(t.rawValue) style", ctx)
            }
            guard m.applies(to: t) else { return notApplicable("style." + key, t, path) }
            switch (m, v) {
            case (.color, .string(let s)), (.fillColor, .string(let s)), (.borderColor, .string(let s)):
                if WireColor.parse(s) == nil { colorString(s, name: key, path) }
            case (.color, _), (.fillColor, _), (.borderColor, _):
                wrongType(ctx, key, v, path, expected: "a colour string like \"#00FF33\"")
            case (.lineWidth, .number(let n)): lineWidth(n.value, path)
            case (.lineWidth, _): wrongType(ctx, key, v, path, expected: "a whole number from 1 to 10")
            case (.lineStyle, .string(let s)): lineStyle(s, path)
            case (.lineStyle, _): wrongType(ctx, key, v, path, expected: "one of SOLID, DASHED, DOTTED")
            }
        }
    }

    /// One member of a drawing of a known type.
    mutating func drawingMember(_ t: DrawingType, _ key: String, _ v: JSONValue, _ path: String) {
        let ctx = RawContext.drawing(t)
        guard let m = DrawingMember(key: key) else {
            return unknownField(key, path, in: "a \(t.rawValue) drawing", ctx)
        }
        if !m.applies(to: t) { return notApplicable(key, t, path) }
        switch (m, v) {
        case (.type, .string), (.clientObjectId, .string): return  // checked by rawDrawing
        case (.type, _): wrongType(ctx, key, v, path, expected: "a string such as \"LINE\"")
        case (.clientObjectId, _): wrongType(ctx, key, v, path, expected: "a string id")
        case (.points, .array(let items)):
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
        case (.points, _): wrongType(ctx, key, v, path, expected: "an array of points")
        case (.startHead, _), (.endHead, _):
            if case .string(let s) = v {
                head(s, name: key, path)
            } else {
                wrongType(ctx, key, v, path, expected: "NONE or ARROW")
            }
        case (.levels, _):
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
        case (.style, .object(let ms)): rawObject(.style(t), ms, path)
        case (.style, _): wrongType(ctx, key, v, path, expected: "an object")
        }
    }

    /// A drawing that did not decode into its type's model (or whose type is unknown).
    mutating func rawDrawing(_ members: [JSONMember], _ path: String, index: Int) {
        let idKey = DrawingMember.clientObjectId.key, typeKey = DrawingMember.type.key
        var type: String?
        for m in members {
            if m.key == idKey, case .string(let id) = m.value {
                clientObjectId(id, path + "/" + idKey, place: .drawing(index))
            } else if case .string(let id) = m.value, m.key != typeKey,
                Suggestion.nearest(m.key, in: [idKey]) == idKey, ids[id] == nil
            {
                // A misspelt clientObjectId still names the drawing for links and collisions.
                ids[id] = .drawing(index)
            }
            if m.key == typeKey, case .string(let t) = m.value { type = t }
        }
        guard let type else {
            if let m = members.first(where: { $0.key == typeKey }) {
                wrongType(
                    .drawing(.line), typeKey, m.value, path + "/" + typeKey, expected: "a string such as \"LINE\"")
            } else {
                report(
                    path + "/" + typeKey, IssueCode.required, .error,
                    "The drawing has no type; give one of \(knownTypes).")
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
