public import ChartDrawCore

/// Writes an ``Analysis`` as the canonical request body of an endpoint: documented key order
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

/// One known member: its key and how to write its value (nil when absent).
private typealias Member = (key: String, write: ((inout JSONWriter) -> Void)?)

private struct Emitter {
    var w: JSONWriter

    /// Writes an object: the known members in the given order, each followed by the unknown
    /// members that came right after it in the input (and those that came after them, depth
    /// first); unknown members that followed nothing go first, those whose predecessor is gone
    /// go last. Linear in the number of members, and without recursion: an object with
    /// 100,000 unknown members, each after the one before, is one loop.
    mutating func object(_ members: [Member], _ unknown: UnknownFields) {
        w.beginObject()
        let fields = unknown.fields
        // The unknown members after each key, in input order; `after == nil` under "".
        var followers: [String: [Int]] = [:]
        var first: [Int] = []
        for (k, f) in fields.enumerated() {
            if let a = f.after { followers[a, default: []].append(k) } else { first.append(k) }
        }
        var placed = [Bool](repeating: false, count: fields.count)
        // Writes the unknown members that follow `start` (a list of indices), depth first.
        func follow(_ start: [Int], _ w: inout JSONWriter, _ placed: inout [Bool], _ followers: inout [String: [Int]]) {
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
        if !fields.isEmpty { follow(first, &w, &placed, &followers) }
        for m in members {
            guard let write = m.write else { continue }
            w.key(m.key)
            write(&w)
            if !fields.isEmpty, let more = followers.removeValue(forKey: m.key) { follow(more, &w, &placed, &followers) }
        }
        for k in fields.indices where !placed[k] { follow([k], &w, &placed, &followers) }
        w.endObject()
    }

    mutating func analysis(_ a: Analysis, endpoint: Endpoint) {
        let sender: Member = ("sender", a.sender.map { v in { $0.writeString(v) } })
        let metadata: Member = ("metadata", a.metadata.map { v in { Emitter.run(&$0) { $0.metadata(v) } } })
        let levels: Member = ("levels", a.levels.map { v in { Emitter.run(&$0) { $0.levels(v) } } })
        let drawings: Member = ("drawings", a.drawings.map { v in { Emitter.run(&$0) { $0.drawings(v) } } })
        let key: Member = ("idempotencyKey", a.idempotencyKey.map { v in { $0.writeString(v) } })
        switch endpoint {
        case .create: object([sender, metadata, levels, drawings, key], a.unknownFields)
        case .update: object([metadata, levels, drawings, sender, key], a.unknownFields)
        case .append: object([sender, drawings, metadata, levels, key], a.unknownFields)
        }
    }

    /// Runs an emitter over a writer in place.
    static func run(_ w: inout JSONWriter, _ body: (inout Emitter) -> Void) {
        var e = Emitter(w: w)
        w = JSONWriter(pretty: w.pretty, reserve: 0)
        body(&e)
        w = e.w
    }

    mutating func metadata(_ m: AnalysisMetadata) {
        object(
            [
                ("direction", m.direction.map { v in { $0.writeString(v.rawValue) } }),
                ("entryPlacement", m.entryPlacement.map { v in { $0.writeString(v.rawValue) } }),
                ("expiry", m.expiry.map { v in { Emitter.run(&$0) { $0.expiry(v) } } }),
                ("title", m.title.map { v in { $0.writeString(v) } }),
                ("preferenceText", m.preferenceText.map { v in { $0.writeString(v) } }),
                ("alternativeText", m.alternativeText.map { v in { $0.writeString(v) } }),
                ("comments", m.comments.map { v in { $0.writeString(v) } }),
                ("timeframe", m.timeframe.map { v in { $0.writeString(v) } }),
                ("symbol", m.symbol.map { v in { $0.writeString(v) } }),
            ], m.unknownFields)
    }

    mutating func expiry(_ e: Expiry) {
        object(
            [("type", { $0.writeString(e.type.rawValue) }), ("hours", { $0.writeInteger(e.hours) })],
            e.unknownFields)
    }

    mutating func levels(_ l: Levels) {
        object(
            [
                ("pivot", l.pivot.map { v in { Emitter.run(&$0) { $0.levelEntry(v) } } }),
                ("resistance", l.resistance.map { v in { Emitter.run(&$0) { $0.levelEntry(v) } } }),
                ("support", l.support.map { v in { Emitter.run(&$0) { $0.levelEntry(v) } } }),
            ], l.unknownFields)
    }

    mutating func levelEntry(_ e: LevelEntry) {
        object(
            [
                ("price", { $0.writeNumber(e.price) }),
                ("clientObjectId", { $0.writeString(e.clientObjectId) }),
                ("time", { $0.writeString(e.time.iso8601) }),
            ], e.unknownFields)
    }

    mutating func point(_ p: ChartPoint) {
        object([("time", { $0.writeString(p.time.iso8601) }), ("price", { $0.writeNumber(p.price) })], p.unknownFields)
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
        let pts = d.points
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
        object(
            [
                ("type", { $0.writeString(type.rawValue) }),
                ("clientObjectId", { $0.writeString(id) }),
                ("points", { Emitter.run(&$0) { $0.points(pts) } }),
                ("startHead", heads.0.map { v in { $0.writeString(v.rawValue) } }),
                ("endHead", heads.1.map { v in { $0.writeString(v.rawValue) } }),
                (
                    "levels",
                    levels.map { v in
                        { w in
                            w.beginArray()
                            for r in v {
                                w.element()
                                w.writeNumber(r)
                            }
                            w.endArray()
                        }
                    }
                ),
                ("style", { Emitter.run(&$0) { $0.style(style, type) } }),
            ], unknown)
    }

    mutating func style(_ s: DrawingStyle, _ type: DrawingType) {
        let color: Member = ("color", s.color.map { v in { $0.writeString(v.hex) } })
        let width: Member = ("lineWidth", s.lineWidth.map { v in { $0.writeNumber(v) } })
        let lineStyle: Member = ("lineStyle", s.lineStyle.map { v in { $0.writeString(v.rawValue) } })
        let fill: Member = ("fillColor", s.fillColor.map { v in { $0.writeString(v.hex) } })
        let border: Member = ("borderColor", s.borderColor.map { v in { $0.writeString(v.hex) } })
        if type == .rectangle {
            object([fill, border, width, color, lineStyle], s.unknownFields)
        } else {
            object([color, width, lineStyle, fill, border], s.unknownFields)
        }
    }
}
