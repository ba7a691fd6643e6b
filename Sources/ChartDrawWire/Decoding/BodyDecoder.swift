import ChartDrawCore

/// Decodes a request body straight from UTF-8 bytes into an ``Analysis`` without building a
/// JSON tree for the parts the engine models.
///
/// Decoding is lossless and lenient: a member whose value has the wrong type or form (a
/// price given as a string, a colour that is not hex, a drawing with the wrong number of
/// points) is kept as sent (in `unknownFields`, or as ``Drawing/other(_:)``) for validation
/// to report. Only malformed JSON stops decoding.
struct BodyDecoder {
    var s: JSONScanner

    init(_ bytes: UnsafeRawBufferPointer) {
        s = JSONScanner(bytes)
        s.noteDuplicates = true
    }

    // MARK: - Helpers

    /// Keeps the value at the cursor as an unknown (or ill-typed) member.
    /// `after` is the offset of the previous key's opening quote (-1 when none): the key is
    /// read again only here, so that known members cost no string.
    @inline(never)
    mutating func keep(_ u: inout UnknownFields, _ key: String, after: Int, depth: Int) throws(ScanError) {
        let v = try s.parseValue(depth: depth, rejectOverflow: false)
        if !u.fields.isEmpty { u.fields.removeAll { $0.key == key } }
        u.fields.append(UnknownFields.Field(key: key, value: v, after: s.key(atQuote: after)))
    }

    /// Notes a duplicate of a known key (bit `bit` of `seen`) and forgets what the first
    /// occurrence left among the unknown members. Returns true when it was a duplicate.
    @inline(__always)
    mutating func duplicate(_ seen: inout UInt32, _ bit: UInt32, _ u: inout UnknownFields, _ key: String) -> Bool {
        if seen & bit == 0 {
            seen |= bit
            return false
        }
        noteDuplicate(key)
        if !u.fields.isEmpty { u.fields.removeAll { $0.key == key } }
        return true
    }

    @inline(never)
    mutating func noteDuplicate(_ key: String) {
        s.notes.append(ScanError(kind: .duplicateKey, offset: s.keyStart - 1, detail: "'\(key)'", pointerOffset: s.i))
    }

    /// A string at the cursor, or nil (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func string() throws(ScanError) -> String? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        return try s.readString()
    }

    /// A number at the cursor, or nil (cursor unmoved).
    @inline(__always)
    mutating func number() throws(ScanError) -> Double? {
        let c = try s.peek()
        guard c == UInt8(ascii: "-") || c &- 48 < 10 else { return nil }
        return try s.readNumber().value
    }

    /// A whole number that fits exactly in a double's integer range, or nil (cursor restored).
    mutating func wholeNumber() throws(ScanError) -> Int64? {
        let at = s.i
        guard let v = try number() else { return nil }
        guard v.isFinite, v == v.rounded(), abs(v) <= 9_007_199_254_740_992 else {
            s.i = at
            return nil
        }
        return Int64(v)
    }

    /// An ISO-8601 timestamp at the cursor, or nil (cursor restored).
    @inline(__always)
    mutating func timestamp() throws(ScanError) -> Timestamp? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc, let t = WireTime.parse(s.b, st, e) {
            return t
        }
        s.i = at
        return nil
    }

    /// A `#RRGGBB` / `#RRGGBBAA` colour at the cursor, or nil (cursor restored).
    @inline(__always)
    mutating func color() throws(ScanError) -> RGBAColor? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc, let c = WireColor.parse(s.b, st, e) { return c }
        s.i = at
        return nil
    }

    /// `BULLISH`/`BEARISH` without building a string (any other string as sent); nil
    /// (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func direction() throws(ScanError) -> Direction? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc {
            if s.rangeIs(st, e, "BULLISH") { return .bullish }
            if s.rangeIs(st, e, "BEARISH") { return .bearish }
        }
        return Direction(rawValue: s.string(st, e, esc))
    }

    /// `ABOVE_CURRENT`/`BELOW_CURRENT` without building a string (any other string as
    /// sent); nil (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func entryPlacement() throws(ScanError) -> EntryPlacement? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc {
            if s.rangeIs(st, e, "ABOVE_CURRENT") { return .aboveCurrent }
            if s.rangeIs(st, e, "BELOW_CURRENT") { return .belowCurrent }
        }
        return EntryPlacement(rawValue: s.string(st, e, esc))
    }

    // MARK: - Root

    /// Decodes the top-level value; nil when it is not an object (the value is then skipped).
    mutating func root() throws(ScanError) -> Analysis? {
        guard try s.peek() == UInt8(ascii: "{") else {
            _ = try s.parseValue(depth: 0, rejectOverflow: false)
            return nil
        }
        s.i += 1
        var a = Analysis()
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev = -1
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if s.keyIs("sender") {
                _ = duplicate(&seen, 1, &u, "sender")
                a.sender = try string()
                if a.sender == nil { try keep(&u, "sender", after: prev, depth: 1) }
                prev = keyAt
            } else if s.keyIs("metadata") {
                _ = duplicate(&seen, 2, &u, "metadata")
                a.metadata = nil
                if try s.peek() == UInt8(ascii: "{") {
                    a.metadata = try metadata()
                } else {
                    try keep(&u, "metadata", after: prev, depth: 1)
                }
                prev = keyAt
            } else if s.keyIs("levels") {
                _ = duplicate(&seen, 4, &u, "levels")
                a.levels = nil
                if try s.peek() == UInt8(ascii: "{") {
                    a.levels = try levels()
                } else {
                    try keep(&u, "levels", after: prev, depth: 1)
                }
                prev = keyAt
            } else if s.keyIs("drawings") {
                _ = duplicate(&seen, 8, &u, "drawings")
                a.drawings = try drawings()
                if a.drawings == nil { try keep(&u, "drawings", after: prev, depth: 1) }
                prev = keyAt
            } else if s.keyIs("idempotencyKey") {
                _ = duplicate(&seen, 16, &u, "idempotencyKey")
                a.idempotencyKey = try string()
                if a.idempotencyKey == nil { try keep(&u, "idempotencyKey", after: prev, depth: 1) }
                prev = keyAt
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { noteDuplicate(key) }
                try keep(&u, key, after: prev, depth: 1)
                prev = keyAt
            }
        }
        a.unknownFields = u
        return a
    }

    // MARK: - Metadata

    mutating func metadata() throws(ScanError) -> AnalysisMetadata {
        s.i += 1
        var m = AnalysisMetadata()
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev = -1
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if s.keyIs("direction") {
                _ = duplicate(&seen, 1, &u, "direction")
                m.direction = try direction()
                if m.direction == nil { try keep(&u, "direction", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("entryPlacement") {
                _ = duplicate(&seen, 2, &u, "entryPlacement")
                m.entryPlacement = try entryPlacement()
                if m.entryPlacement == nil { try keep(&u, "entryPlacement", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("expiry") {
                _ = duplicate(&seen, 4, &u, "expiry")
                m.expiry = try expiry()
                if m.expiry == nil { try keep(&u, "expiry", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("title") {
                _ = duplicate(&seen, 8, &u, "title")
                m.title = try string()
                if m.title == nil { try keep(&u, "title", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("preferenceText") {
                _ = duplicate(&seen, 16, &u, "preferenceText")
                m.preferenceText = try string()
                if m.preferenceText == nil { try keep(&u, "preferenceText", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("alternativeText") {
                _ = duplicate(&seen, 32, &u, "alternativeText")
                m.alternativeText = try string()
                if m.alternativeText == nil { try keep(&u, "alternativeText", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("comments") {
                _ = duplicate(&seen, 64, &u, "comments")
                m.comments = try string()
                if m.comments == nil { try keep(&u, "comments", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("timeframe") {
                _ = duplicate(&seen, 128, &u, "timeframe")
                m.timeframe = try string()
                if m.timeframe == nil { try keep(&u, "timeframe", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("symbol") {
                _ = duplicate(&seen, 256, &u, "symbol")
                m.symbol = try string()
                if m.symbol == nil { try keep(&u, "symbol", after: prev, depth: 2) }
                prev = keyAt
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { noteDuplicate(key) }
                try keep(&u, key, after: prev, depth: 2)
                prev = keyAt
            }
        }
        m.unknownFields = u
        return m
    }

    /// `{"type": "HOURS", "hours": 24}`, or nil with the cursor restored when it does not
    /// decode into the model (then it is kept as sent).
    mutating func expiry() throws(ScanError) -> Expiry? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return nil }
        s.i += 1
        var type: String?
        var hours: Int64?
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev = -1
        var ok = true
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if s.keyIs("type") {
                if duplicate(&seen, 1, &u, "type") { ok = false }
                type = try string()
                if type == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = keyAt
            } else if s.keyIs("hours") {
                if duplicate(&seen, 2, &u, "hours") { ok = false }
                hours = try wholeNumber()
                if hours == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = keyAt
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { ok = false }
                try keep(&u, key, after: prev, depth: 3)
                prev = keyAt
            }
        }
        guard ok, let type, let hours else {
            s.i = at
            return nil
        }
        return Expiry(type: ExpiryType(rawValue: type), hours: hours, unknownFields: u)
    }

    // MARK: - Levels

    mutating func levels() throws(ScanError) -> Levels {
        s.i += 1
        var l = Levels()
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev = -1
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if s.keyIs("pivot") {
                _ = duplicate(&seen, 1, &u, "pivot")
                l.pivot = try levelEntry()
                if l.pivot == nil { try keep(&u, "pivot", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("resistance") {
                _ = duplicate(&seen, 2, &u, "resistance")
                l.resistance = try levelEntry()
                if l.resistance == nil { try keep(&u, "resistance", after: prev, depth: 2) }
                prev = keyAt
            } else if s.keyIs("support") {
                _ = duplicate(&seen, 4, &u, "support")
                l.support = try levelEntry()
                if l.support == nil { try keep(&u, "support", after: prev, depth: 2) }
                prev = keyAt
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { noteDuplicate(key) }
                try keep(&u, key, after: prev, depth: 2)
                prev = keyAt
            }
        }
        l.unknownFields = u
        return l
    }

    /// One level entry, or nil with the cursor restored.
    mutating func levelEntry() throws(ScanError) -> LevelEntry? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return nil }
        s.i += 1
        var price: Double?
        var id: String?
        var time: Timestamp?
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev = -1
        var ok = true
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if s.keyIs("price") {
                if duplicate(&seen, 1, &u, "price") { ok = false }
                price = try number()
                if price == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = keyAt
            } else if s.keyIs("clientObjectId") {
                if duplicate(&seen, 2, &u, "clientObjectId") { ok = false }
                id = try string()
                if id == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = keyAt
            } else if s.keyIs("time") {
                if duplicate(&seen, 4, &u, "time") { ok = false }
                time = try timestamp()
                if time == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = keyAt
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { ok = false }
                try keep(&u, key, after: prev, depth: 3)
                prev = keyAt
            }
        }
        guard ok, let price, let id, let time else {
            s.i = at
            return nil
        }
        return LevelEntry(price: price, clientObjectId: id, time: time, unknownFields: u)
    }
}
