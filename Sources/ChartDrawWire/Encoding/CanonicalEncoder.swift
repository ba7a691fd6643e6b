public import ChartDrawCore

/// Writes an `Analysis` as the canonical request body of an endpoint: documented key order
/// everywhere, shortest number forms, canonical times and colours, and every unknown member
/// written back right after the key that preceded it in the input.
///
/// Same value, same bytes, every run. The key orders are listed in `docs/wire-format.md`.
public enum CanonicalEncoder {
    /// The body for `endpoint`, compact or pretty (2-space indents, no final newline).
    public static func encode(_ analysis: Analysis, endpoint: Endpoint, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, reserve: 4096)
        var e = Emitter(w: w)
        e.analysis(analysis, endpoint: endpoint)
        w = e.w
        return w.bytes
    }

    /// The body as a string.
    public static func encodeString(_ analysis: Analysis, endpoint: Endpoint, pretty: Bool = false) -> String {
        String(decoding: encode(analysis, endpoint: endpoint, pretty: pretty), as: UTF8.self)
    }
}

/// Writes objects member by member in the order their ``WireObject`` declares, straight into
/// one writer (no closure or writer per member).
private struct Emitter {
    var w: JSONWriter

    /// Writes an object: the known members in `order` (`write` writes one and returns true,
    /// or returns false when it is absent), each followed by the unknown members that came
    /// right after it in the input (and those that came after them, depth first); unknown
    /// members that followed nothing go first, those whose predecessor is gone go last.
    /// Linear in the number of members, and without recursion: an object with 100,000
    /// unknown members, each after the one before, is one loop.
    @inline(__always)
    mutating func object<M: WireObject>(
        _ order: [M], _ unknown: UnknownFields, _ write: (inout Emitter, M) -> Bool
    ) {
        w.beginObject()
        if unknown.isEmpty {
            for m in order { _ = write(&self, m) }
        } else {
            var placer = UnknownPlacer(unknown)
            placer.follow(placer.first, &w)
            for m in order where write(&self, m) { placer.after(m.key, &w) }
            placer.rest(&w)
        }
        w.endObject()
    }

    /// A string member; false when absent.
    @inline(__always)
    mutating func string(_ m: some WireObject, _ v: String?) -> Bool {
        guard let v else { return false }
        w.key(m.key)
        w.writeString(v)
        return true
    }

    /// A time member (canonical ISO-8601).
    @inline(__always)
    mutating func time(_ m: some WireObject, _ t: Timestamp) -> Bool {
        w.key(m.key)
        w.writeTimestamp(t)
        return true
    }

    /// A number member; false when absent.
    @inline(__always)
    mutating func number(_ m: some WireObject, _ v: Double?) -> Bool {
        guard let v else { return false }
        w.key(m.key)
        w.writeNumber(v)
        return true
    }

    /// A member written by `body`; false when absent.
    @inline(__always)
    mutating func value<T>(_ m: some WireObject, _ v: T?, _ body: (inout Emitter, T) -> Void) -> Bool {
        guard let v else { return false }
        w.key(m.key)
        body(&self, v)
        return true
    }

    mutating func analysis(_ a: Analysis, endpoint: Endpoint) {
        object(RootMember.order(endpoint), a.unknownFields) { e, m in
            switch m {
            case .sender: return e.string(m, a.sender)
            case .metadata: return e.value(m, a.metadata) { $0.metadata($1) }
            case .levels: return e.value(m, a.levels) { $0.levels($1) }
            case .drawings: return e.value(m, a.drawings) { $0.drawings($1) }
            case .idempotencyKey: return e.string(m, a.idempotencyKey)
            }
        }
    }

    mutating func metadata(_ md: AnalysisMetadata) {
        object(MetadataMember.table.members, md.unknownFields) { e, m in
            switch m {
            case .direction: return e.string(m, md.direction?.rawValue)
            case .entryPlacement: return e.string(m, md.entryPlacement?.rawValue)
            case .expiry: return e.value(m, md.expiry) { $0.expiry($1) }
            case .title: return e.string(m, md.title)
            case .preferenceText: return e.string(m, md.preferenceText)
            case .alternativeText: return e.string(m, md.alternativeText)
            case .comments: return e.string(m, md.comments)
            case .timeframe: return e.string(m, md.timeframe)
            case .symbol: return e.string(m, md.symbol)
            }
        }
    }

    mutating func expiry(_ x: Expiry) {
        object(ExpiryMember.table.members, x.unknownFields) { e, m in
            switch m {
            case .type: return e.string(m, x.type.rawValue)
            case .hours:
                e.w.key(m.key)
                e.w.writeInteger(x.hours)
                return true
            }
        }
    }

    mutating func levels(_ l: Levels) {
        object(LevelsMember.table.members, l.unknownFields) { e, m in
            switch m {
            case .pivot: return e.value(m, l.pivot) { $0.levelEntry($1) }
            case .resistance: return e.value(m, l.resistance) { $0.levelEntry($1) }
            case .support: return e.value(m, l.support) { $0.levelEntry($1) }
            }
        }
    }

    mutating func levelEntry(_ x: LevelEntry) {
        object(LevelEntryMember.table.members, x.unknownFields) { e, m in
            switch m {
            case .price: return e.number(m, x.price)
            case .clientObjectId: return e.string(m, x.clientObjectId)
            case .time: return e.time(m, x.time)
            }
        }
    }

    mutating func point(_ p: ChartPoint) {
        object(PointMember.table.members, p.unknownFields) { e, m in
            switch m {
            case .time: return e.time(m, p.time)
            case .price: return e.number(m, p.price)
            }
        }
    }

    mutating func points(_ ps: [ChartPoint]) {
        w.beginArray()
        for p in ps {
            w.element()
            point(p)
        }
        w.endArray()
    }

    mutating func drawings(_ ds: [Drawing]) {
        w.beginArray()
        for d in ds {
            w.element()
            drawing(d)
        }
        w.endArray()
    }

    mutating func drawing(_ d: Drawing) {
        if case .other(let o) = d {
            w.write(.object(o.members))
            return
        }
        guard let id = d.clientObjectId, let style = d.style else { return }
        var heads: (LineHead?, LineHead?) = (nil, nil)
        var levels: [Double]?
        var unknown = UnknownFields()
        switch d {
        case .horizontalLine(let x): unknown = x.unknownFields
        case .line(let x):
            heads = (x.startHead, x.endHead)
            unknown = x.unknownFields
        case .rectangle(let x): unknown = x.unknownFields
        case .parallel(let x): unknown = x.unknownFields
        case .fibonacciRetracement(let x):
            levels = x.levels
            unknown = x.unknownFields
        case .other: return
        }
        let type = d.type
        object(DrawingMember.table.members, unknown) { e, m in
            switch m {
            case .type: return e.string(m, type.rawValue)
            case .clientObjectId: return e.string(m, id)
            case .points: return e.value(m, d.points) { $0.points($1) }
            case .startHead: return e.string(m, heads.0?.rawValue)
            case .endHead: return e.string(m, heads.1?.rawValue)
            case .levels:
                return e.value(m, levels) { e, v in
                    e.w.beginArray()
                    for r in v {
                        e.w.element()
                        e.w.writeNumber(r)
                    }
                    e.w.endArray()
                }
            case .style: return e.value(m, style) { $0.style($1, type) }
            }
        }
    }

    mutating func style(_ s: DrawingStyle, _ type: DrawingType) {
        object(StyleMember.order(type), s.unknownFields) { e, m in
            switch m {
            case .color: return e.string(m, s.color?.hex)
            case .lineWidth: return e.number(m, s.lineWidth)
            case .lineStyle: return e.string(m, s.lineStyle?.rawValue)
            case .fillColor: return e.string(m, s.fillColor?.hex)
            case .borderColor: return e.string(m, s.borderColor?.hex)
            }
        }
    }
}

/// Where the unknown members of one object go: each right after the key that preceded it in
/// the input (`UnknownFields/Field/after`), depth first.
private struct UnknownPlacer {
    let fields: [UnknownFields.Field]
    /// The unknown members after each key, in input order.
    var followers: [String: [Int]] = [:]
    /// The unknown members that followed no key (they go first).
    var first: [Int] = []
    var placed: [Bool]

    init(_ unknown: UnknownFields) {
        fields = unknown.fields
        placed = [Bool](repeating: false, count: fields.count)
        for (k, f) in fields.enumerated() {
            if let a = f.after { followers[a, default: []].append(k) } else { first.append(k) }
        }
    }

    /// Writes the unknown members that follow the member `key` (each key's followers once).
    mutating func after(_ key: String, _ w: inout JSONWriter) {
        if let more = followers.removeValue(forKey: key) { follow(more, &w) }
    }

    /// Writes those whose predecessor is gone.
    mutating func rest(_ w: inout JSONWriter) {
        for k in fields.indices where !placed[k] { follow([k], &w) }
    }

    /// Writes the unknown members in `start` (a list of indices) and their followers, depth first.
    mutating func follow(_ start: [Int], _ w: inout JSONWriter) {
        var stack: [(list: [Int], next: Int)] = [(start, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (list, next) = stack[top]
            guard next < list.count else {
                stack.removeLast()
                continue
            }
            stack[top].next = next + 1
            let k = list[next]
            guard !placed[k] else { continue }
            placed[k] = true
            w.key(fields[k].key)
            w.write(fields[k].value)
            // Each key's followers are written once: the list is taken out of the table.
            if let more = followers.removeValue(forKey: fields[k].key) { stack.append((more, 0)) }
        }
    }
}
