import ChartDrawCore

/// Decodes a request body straight from UTF-8 bytes into an `Analysis` without building a
/// JSON tree for the parts the engine models.
///
/// Decoding is lossless and lenient: a member whose value has the wrong type or form (a
/// price given as a string, a colour that is not hex, a drawing with the wrong number of
/// points) is kept as sent (in `unknownFields`, or as `Drawing/other(_:)`) for validation
/// to report. Only malformed JSON stops decoding.
struct BodyDecoder {
    var s: JSONScanner
    /// Offsets of times accepted with a UTC offset instead of `Z` (`+02:00`), for the
    /// `time_not_utc` warning.
    var offsetTimes: [Int] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        s = JSONScanner(bytes)
        s.noteDuplicates = true
    }

    // MARK: - Helpers

    /// Keeps the value at the cursor as an unknown (or ill-typed) member of `o`, replacing an
    /// earlier member of the same key. `o.prev` is the offset of the previous key's opening
    /// quote (-1 when none): the key is read again only here, so that known members cost no
    /// string. Keys are looked up in a dictionary, so that wide objects stay linear.
    @inline(never)
    mutating func keep(_ o: inout Members, _ key: String) throws(ScanError) {
        try keep(&o, key, s.parseValue(depth: o.depth, rejectOverflow: false))
    }

    /// Keeps `v`, the value just read, as an unknown (or ill-typed) member of `o`.
    mutating func keep(_ o: inout Members, _ key: String, _ v: JSONValue) throws(ScanError) {
        o.forget(key)
        guard o.slots.count - o.removed < ResourceLimits.standard.maxMembersPerContainer else {
            throw s.tooManyMembers(s.keyStart - 1)
        }
        o.keys[key] = o.slots.count
        o.slots.append(UnknownFields.Field(key: key, value: v, after: s.key(atQuote: o.prev)))
    }

    /// Decodes `v`, a value read as a tree because an object inside it repeats a key, with
    /// `decode` from its canonical bytes, where each repeated key has its last value (as
    /// ``JSONScanner/parseValue(depth:rejectOverflow:)`` keeps it). An object with a repeated
    /// key thus decodes as the object with the last values does, not as a value kept as sent:
    /// otherwise the canonical encoding (which can only write the last value) would decode
    /// into the model where the body did not, and encoding would not be a fixed point.
    ///
    /// Rare (a repeated key is an error of its own), so the extra pass costs nothing on valid
    /// bodies. A time given with a UTC offset inside such an object is not warned about apart.
    func lastValues<T>(_ v: JSONValue, _ decode: (inout BodyDecoder) throws(ScanError) -> T?) -> T? {
        let bytes = JSONWriter.encode(v)
        return bytes.withUnsafeBytes { buf in
            var d = BodyDecoder(buf)
            return try? decode(&d)
        }
    }

    /// Notes a duplicate of a known member and forgets what the first occurrence left among
    /// the unknown members. Returns true when it was a duplicate.
    @inline(__always)
    mutating func duplicate<M: WireObject>(_ m: (member: M, position: Int), _ o: inout Members) -> Bool {
        if o.seen.insert(position: m.position) { return false }
        noteDuplicate(m.member.key)
        o.forget(m.member.key)
        return true
    }

    @inline(never)
    mutating func noteDuplicate(_ key: String) {
        s.notes.append(ScanError(kind: .duplicateKey, offset: s.keyStart - 1, detail: "'\(key)'", pointerOffset: s.i))
    }

    /// The bookkeeping of one object while its members are decoded.
    struct Members {
        /// Members kept as sent (unknown keys and known keys whose value did not decode) in
        /// input order; an emptied slot is a member whose key came again later.
        var slots: [UnknownFields.Field?] = []
        /// Where each kept key is in ``slots``.
        var keys: [String: Int] = [:]
        /// How many slots are empty.
        var removed = 0
        /// The known members already read.
        var seen = MemberSet()
        /// Offset of the previous key's opening quote (-1 before the first): where a kept
        /// member goes back when the body is written again.
        var prev = -1
        /// False once the object no longer fits the model (it is then kept as sent whole).
        var ok = true
        /// Nesting depth of the object's values.
        let depth: Int
        /// Whether a repeated key makes the object not fit (`ok = false`) rather than only
        /// being noted for validation.
        let strictKeys: Bool

        /// The kept members, in input order.
        var unknown: UnknownFields {
            guard removed > 0 else {
                return UnknownFields(
                    slots.map { slot in
                        guard let slot else { preconditionFailure("an emptied slot is counted in `removed`") }
                        return slot
                    })
            }
            return UnknownFields(slots.compactMap { $0 })
        }

        /// Drops the kept member of `key`, if any (its key came again).
        mutating func forget(_ key: String) {
            guard !keys.isEmpty, let k = keys.removeValue(forKey: key) else { return }
            slots[k] = nil
            removed += 1
        }
    }

    /// A known member whose value is kept among the unknown members, as sent, when `decode`
    /// gives nil (validation reports it there).
    @inline(__always)
    mutating func lenient<M: WireObject, T>(
        _ m: (member: M, position: Int), _ o: inout Members, _ decode: (inout BodyDecoder) throws(ScanError) -> T?
    ) throws(ScanError) -> T? {
        if duplicate(m, &o) { o.ok = false }
        if let v = try decode(&self) { return v }
        return try keepOrLastValues(&o, m.member.key, decode)
    }

    /// The value at the cursor, which `decode` did not take, kept as sent; or, when an object
    /// inside it repeats a key, what `decode` makes of its last values (``lastValues(_:_:)``).
    @inline(never)
    mutating func keepOrLastValues<T>(
        _ o: inout Members, _ key: String, _ decode: (inout BodyDecoder) throws(ScanError) -> T?
    ) throws(ScanError) -> T? {
        let notes = s.notes.count
        let raw = try s.parseValue(depth: o.depth, rejectOverflow: false)
        if s.notes.count > notes, let v = lastValues(raw, decode) {
            o.forget(key)
            return v
        }
        try keep(&o, key, raw)
        return nil
    }

    /// A known member the object needs in model form: when `decode` gives nil (or the key is
    /// repeated), the value is skipped and the object marked as not fitting the model.
    @inline(__always)
    mutating func strict<M: WireObject, T>(
        _ m: (member: M, position: Int), _ o: inout Members, _ decode: (inout BodyDecoder) throws(ScanError) -> T?
    ) throws(ScanError) -> T? {
        if duplicate(m, &o) { o.ok = false }
        if let v = try decode(&self) { return v }
        o.ok = false
        _ = try s.parseValue(depth: o.depth, rejectOverflow: false)
        return nil
    }

    /// A member the engine does not model: kept as sent, in place.
    mutating func otherMember(_ o: inout Members) throws(ScanError) {
        let key = s.keyString()
        if o.keys[key] != nil {
            if o.strictKeys { o.ok = false } else { noteDuplicate(key) }
        }
        try keep(&o, key)
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
        if !esc, e - st >= 25,
            let t = Timestamp.parseLenient(
                UnsafeBufferPointer(rebasing: s.b.assumingMemoryBound(to: UInt8.self)[st..<e])),
            t.isOffsetForm
        {
            offsetTimes.append(st)
            return t.timestamp
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
        var o = Members(depth: 1, strictKeys: false)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(RootMember.self) {
                switch k.member {
                case .sender:
                    a.sender = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .metadata:
                    a.metadata = try lenient(k, &o) { d throws(ScanError) in
                        try d.s.peek() == UInt8(ascii: "{") ? try d.metadata() : nil
                    }
                case .levels:
                    a.levels = try lenient(k, &o) { d throws(ScanError) in
                        try d.s.peek() == UInt8(ascii: "{") ? try d.levels() : nil
                    }
                case .drawings:
                    a.drawings = try lenient(k, &o) { d throws(ScanError) in try d.drawings() }
                case .idempotencyKey:
                    a.idempotencyKey = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        a.unknownFields = o.unknown
        return a
    }

    // MARK: - Metadata

    mutating func metadata() throws(ScanError) -> AnalysisMetadata {
        s.i += 1
        var m = AnalysisMetadata()
        var o = Members(depth: 2, strictKeys: false)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(MetadataMember.self) {
                switch k.member {
                case .direction:
                    m.direction = try lenient(k, &o) { d throws(ScanError) in try d.direction() }
                case .entryPlacement:
                    m.entryPlacement = try lenient(k, &o) { d throws(ScanError) in try d.entryPlacement()
                    }
                case .expiry:
                    m.expiry = try lenient(k, &o) { d throws(ScanError) in try d.expiry() }
                case .title:
                    m.title = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .preferenceText:
                    m.preferenceText = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .alternativeText:
                    m.alternativeText = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .comments:
                    m.comments = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .timeframe:
                    m.timeframe = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                case .symbol:
                    m.symbol = try lenient(k, &o) { d throws(ScanError) in try d.string() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        m.unknownFields = o.unknown
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
        var o = Members(depth: 3, strictKeys: true)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(ExpiryMember.self) {
                switch k.member {
                case .type:
                    type = try strict(k, &o) { d throws(ScanError) in try d.string() }
                case .hours:
                    hours = try strict(k, &o) { d throws(ScanError) in try d.wholeNumber() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        guard o.ok, let type, let hours else {
            s.i = at
            return nil
        }
        return Expiry(type: ExpiryType(rawValue: type), hours: hours, unknownFields: o.unknown)
    }

    // MARK: - Levels

    mutating func levels() throws(ScanError) -> Levels {
        s.i += 1
        var l = Levels()
        var o = Members(depth: 2, strictKeys: false)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(LevelsMember.self) {
                switch k.member {
                case .pivot:
                    l.pivot = try lenient(k, &o) { d throws(ScanError) in try d.levelEntry() }
                case .resistance:
                    l.resistance = try lenient(k, &o) { d throws(ScanError) in try d.levelEntry() }
                case .support:
                    l.support = try lenient(k, &o) { d throws(ScanError) in try d.levelEntry() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        l.unknownFields = o.unknown
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
        var o = Members(depth: 3, strictKeys: true)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(LevelEntryMember.self) {
                switch k.member {
                case .price:
                    price = try strict(k, &o) { d throws(ScanError) in try d.number() }
                case .clientObjectId:
                    id = try strict(k, &o) { d throws(ScanError) in try d.string() }
                case .time:
                    time = try strict(k, &o) { d throws(ScanError) in try d.timestamp() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        guard o.ok, let price, let id, let time else {
            s.i = at
            return nil
        }
        return LevelEntry(price: price, clientObjectId: id, time: time, unknownFields: o.unknown)
    }
}
