import ChartDrawCore

extension BodyDecoder {
    /// The drawings array; nil with the cursor restored when it is not an array of objects
    /// (then it is kept as sent).
    mutating func drawings() throws(ScanError) -> [Drawing]? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return nil }
        s.i += 1
        var out: [Drawing] = []
        out.reserveCapacity(16)
        var first = true
        while try s.nextElement(&first) {
            guard try s.peek() == UInt8(ascii: "{") else {
                s.i = at
                return nil
            }
            guard out.count < ResourceLimits.standard.maxMembersPerContainer else { throw s.tooManyMembers(at) }
            out.append(try drawing())
        }
        return out
    }

    /// One drawing. A drawing of an unknown type, or one that does not fit its type's model,
    /// becomes `Drawing/other(_:)` with every member as sent.
    mutating func drawing() throws(ScanError) -> Drawing {
        let at = s.i
        s.i += 1
        var type: WireDrawingType?
        var id: String?
        var p0 = FirstPoints.origin, p1 = FirstPoints.origin, p2 = FirstPoints.origin
        var pointCount = 0
        var hasPoints = false
        var startHead: LineHead?
        var endHead: LineHead?
        var levels: [Double]?
        var style = DrawingStyle()
        var hasStyle = false
        var o = Members(depth: 3, strictKeys: true)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(DrawingMember.self) {
                switch k.member {
                case .type:
                    type = try strict(k, &o) { d throws(ScanError) in try d.drawingType() }
                case .clientObjectId:
                    id = try strict(k, &o) { d throws(ScanError) in try d.string() }
                case .points:
                    hasPoints =
                        try strict(k, &o) { d throws(ScanError) in
                            try d.points(&p0, &p1, &p2, &pointCount) ? true : nil
                        } != nil
                case .style:
                    hasStyle =
                        try strict(k, &o) { d throws(ScanError) in try d.style(&style) ? true : nil } != nil
                case .startHead:
                    startHead = try strict(k, &o) { d throws(ScanError) in try d.lineHead() }
                case .endHead:
                    endHead = try strict(k, &o) { d throws(ScanError) in try d.lineHead() }
                case .levels:
                    levels = try strict(k, &o) { d throws(ScanError) in try d.ratios() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        if o.ok, let type, hasPoints, hasStyle, let id {
            let heads = startHead != nil || endHead != nil
            let n = pointCount
            switch type {
            case .horizontalLine where n == 1 && !heads && levels == nil:
                return .horizontalLine(
                    HorizontalLineDrawing(clientObjectId: id, point: p0, style: style, unknownFields: o.unknown))
            case .line where n == 2 && levels == nil:
                return .line(
                    LineDrawing(
                        clientObjectId: id, start: p0, end: p1, startHead: startHead, endHead: endHead,
                        style: style, unknownFields: o.unknown))
            case .rectangle where n == 2 && !heads && levels == nil:
                return .rectangle(
                    RectangleDrawing(
                        clientObjectId: id, corner1: p0, corner2: p1, style: style, unknownFields: o.unknown))
            case .parallel where n == 3 && !heads && levels == nil:
                return .parallel(
                    ParallelDrawing(clientObjectId: id, p1: p0, p2: p1, p3: p2, style: style, unknownFields: o.unknown))
            case .fibonacciRetracement where n == 2 && !heads:
                return .fibonacciRetracement(
                    FibonacciRetracementDrawing(
                        clientObjectId: id, start: p0, end: p1, levels: levels, style: style, unknownFields: o.unknown))
            default:
                break
            }
        }
        return try otherDrawing(from: at)
    }

    /// The drawing at `at` kept as sent (the cursor ends after it).
    @inline(never)
    mutating func otherDrawing(from at: Int) throws(ScanError) -> Drawing {
        let end = s.i
        s.i = at
        let notes = s.notes.count
        let v = try s.parseValue(depth: 2, rejectOverflow: false)
        s.i = end
        guard case .object(let members) = v else {
            return .other(OtherDrawing(type: "", clientObjectId: nil, members: []))
        }
        // A repeated key: the drawing is what its last values make of it.
        if s.notes.count > notes, let d = lastValues(v, { d throws(ScanError) in try d.drawing() }) { return d }
        var t = ""
        var cid: String?
        for m in members {
            if m.key == DrawingMember.type.key, case .string(let x) = m.value { t = x }
            if m.key == DrawingMember.clientObjectId.key, case .string(let x) = m.value { cid = x }
        }
        return .other(OtherDrawing(type: t, clientObjectId: cid, members: members))
    }

    /// A drawing `type` string at the cursor: the known type, `.unknown` for any other string,
    /// nil (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func drawingType() throws(ScanError) -> WireDrawingType? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if esc { return WireDrawingType(DrawingType(rawValue: s.string(st, e, esc))) }
        switch e - st {
        case 4: return s.rangeIs(st, e, "LINE") ? .line : .unknown
        case 8: return s.rangeIs(st, e, "PARALLEL") ? .parallel : .unknown
        case 9: return s.rangeIs(st, e, "RECTANGLE") ? .rectangle : .unknown
        case 15: return s.rangeIs(st, e, "HORIZONTAL_LINE") ? .horizontalLine : .unknown
        case 21: return s.rangeIs(st, e, "FIBONACCI_RETRACEMENT") ? .fibonacciRetracement : .unknown
        default: return .unknown
        }
    }

    /// A line head at the cursor (`NONE` and `ARROW` without building a string), or nil
    /// (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func lineHead() throws(ScanError) -> LineHead? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc {
            if s.rangeIs(st, e, "NONE") { return LineHead.none }
            if s.rangeIs(st, e, "ARROW") { return LineHead.arrow }
        }
        return LineHead(rawValue: s.string(st, e, esc))
    }

    /// A line style at the cursor (the known ones without building a string), or nil
    /// (cursor unmoved) when the value is not a string.
    @inline(__always)
    mutating func lineStyle() throws(ScanError) -> LineStyle? {
        guard try s.peek() == UInt8(ascii: "\"") else { return nil }
        let (st, e, esc) = try s.scanString()
        if !esc {
            if s.rangeIs(st, e, "SOLID") { return .solid }
            if s.rangeIs(st, e, "DASHED") { return .dashed }
            if s.rangeIs(st, e, "DOTTED") { return .dotted }
        }
        return LineStyle(rawValue: s.string(st, e, esc))
    }

    /// An array of points: the first three into `p0`, `p1`, `p2` and how many in `count`;
    /// false with the cursor restored when any element does not decode.
    mutating func points(
        _ p0: inout ChartPoint, _ p1: inout ChartPoint, _ p2: inout ChartPoint, _ count: inout Int
    ) throws(ScanError) -> Bool {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return false }
        s.i += 1
        count = 0
        var first = true
        while try s.nextElement(&first) {
            guard count < ResourceLimits.standard.maxMembersPerContainer else { throw s.tooManyMembers(at) }
            guard let p = try point() else {
                s.i = at
                return false
            }
            switch count {
            case 0: p0 = p
            case 1: p1 = p
            case 2: p2 = p
            default: break
            }
            count += 1
        }
        return true
    }

    /// One point, or nil with the cursor restored.
    mutating func point() throws(ScanError) -> ChartPoint? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return nil }
        s.i += 1
        var time: Timestamp?
        var price: Double?
        var o = Members(depth: 5, strictKeys: true)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(PointMember.self) {
                switch k.member {
                case .time:
                    time = try strict(k, &o) { d throws(ScanError) in try d.timestamp() }
                case .price:
                    price = try strict(k, &o) { d throws(ScanError) in try d.number() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        guard o.ok, let time, let price else {
            s.i = at
            return nil
        }
        return ChartPoint(time: time, price: price, unknownFields: o.unknown)
    }

    /// An array of numbers; nil with the cursor restored otherwise.
    mutating func ratios() throws(ScanError) -> [Double]? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return nil }
        s.i += 1
        var out: [Double] = []
        var first = true
        while try s.nextElement(&first) {
            guard out.count < ResourceLimits.standard.maxMembersPerContainer else { throw s.tooManyMembers(at) }
            guard let v = try number() else {
                s.i = at
                return nil
            }
            out.append(v)
        }
        return out
    }

    /// A style object into `st`. Members with a value of the wrong form are kept as sent;
    /// false (cursor restored) only for a non-object or a duplicate key.
    mutating func style(_ st: inout DrawingStyle) throws(ScanError) -> Bool {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return false }
        s.i += 1
        st = DrawingStyle()
        var o = Members(depth: 4, strictKeys: true)
        var first = true
        while try s.nextMember(&first) {
            let keyAt = s.keyStart - 1
            if let k = s.keyMember(StyleMember.self) {
                switch k.member {
                case .color:
                    st.color = try lenient(k, &o) { d throws(ScanError) in try d.color() }
                case .lineWidth:
                    st.lineWidth = try lenient(k, &o) { d throws(ScanError) in try d.number() }
                case .lineStyle:
                    st.lineStyle = try lenient(k, &o) { d throws(ScanError) in try d.lineStyle() }
                case .fillColor:
                    st.fillColor = try lenient(k, &o) { d throws(ScanError) in try d.color() }
                case .borderColor:
                    st.borderColor = try lenient(k, &o) { d throws(ScanError) in try d.color() }
                }
            } else {
                try otherMember(&o)
            }
            o.prev = keyAt
        }
        guard o.ok else {
            s.i = at
            return false
        }
        st.unknownFields = o.unknown
        return true
    }
}

/// The drawing types the decoder models, and any other string.
enum WireDrawingType {
    case horizontalLine, line, rectangle, parallel, fibonacciRetracement, unknown

    /// The code of a type given as a string (with escapes, so rare).
    init(_ t: DrawingType) {
        switch t {
        case .horizontalLine: self = .horizontalLine
        case .line: self = .line
        case .rectangle: self = .rectangle
        case .parallel: self = .parallel
        case .fibonacciRetracement: self = .fibonacciRetracement
        default: self = .unknown
        }
    }
}

/// Placeholders for the first three points of a `points` array (a drawing takes at most
/// three; more make it a drawing kept as sent).
enum FirstPoints {
    /// A point that stands for none.
    static let origin = ChartPoint(time: Timestamp(seconds: 0), price: 0)
}

/// Colour parsing on raw bytes (no allocation).
enum WireColor {
    /// `#RRGGBB` or `#RRGGBBAA` (either case) between `s` and `e`; nil otherwise.
    @inline(__always)
    static func parse(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> RGBAColor? {
        let len = e - s
        guard len == 7 || len == 9, b[s] == UInt8(ascii: "#") else { return nil }
        func byte(_ j: Int) -> UInt8? {
            guard let h = nibble(b[j]), let l = nibble(b[j + 1]) else { return nil }
            return h << 4 | l
        }
        guard let r = byte(s + 1), let g = byte(s + 3), let bl = byte(s + 5) else { return nil }
        var a: UInt8 = 255
        if len == 9 {
            guard let x = byte(s + 7) else { return nil }
            a = x
        }
        return RGBAColor(red: r, green: g, blue: bl, alpha: a, hasExplicitAlpha: len == 9)
    }

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    /// The same check for a string.
    static func parse(_ text: String) -> RGBAColor? {
        var t = text
        return t.withUTF8 { parse(UnsafeRawBufferPointer($0), 0, $0.count) }
    }
}
