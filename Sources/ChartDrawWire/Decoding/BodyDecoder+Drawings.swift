import ChartDrawCore

extension BodyDecoder {
    /// The drawings array; nil with the cursor restored when it is not an array of objects
    /// (then it is kept as sent).
    mutating func drawings() throws(ScanError) -> [Drawing]? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return nil }
        s.i += 1
        var out: [Drawing] = []
        var first = true
        while try s.nextElement(&first) {
            guard try s.peek() == UInt8(ascii: "{") else {
                s.i = at
                return nil
            }
            out.append(try drawing())
        }
        return out
    }

    /// One drawing. A drawing of an unknown type, or one that does not fit its type's model,
    /// becomes ``Drawing/other(_:)`` with every member as sent.
    mutating func drawing() throws(ScanError) -> Drawing {
        let at = s.i
        s.i += 1
        var type: String?
        var id: String?
        var points: [ChartPoint]?
        var startHead: LineHead?
        var endHead: LineHead?
        var levels: [Double]?
        var style: DrawingStyle?
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev: String? = nil
        var ok = true
        var first = true
        while try s.nextMember(&first) {
            if s.keyIs("type") {
                if duplicate(&seen, 1, &u, "type") { ok = false }
                type = try string()
                if type == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "type"
            } else if s.keyIs("clientObjectId") {
                if duplicate(&seen, 2, &u, "clientObjectId") { ok = false }
                id = try string()
                if id == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "clientObjectId"
            } else if s.keyIs("points") {
                if duplicate(&seen, 4, &u, "points") { ok = false }
                points = try self.points()
                if points == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "points"
            } else if s.keyIs("startHead") {
                if duplicate(&seen, 8, &u, "startHead") { ok = false }
                startHead = try string().map(LineHead.init(rawValue:))
                if startHead == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "startHead"
            } else if s.keyIs("endHead") {
                if duplicate(&seen, 16, &u, "endHead") { ok = false }
                endHead = try string().map(LineHead.init(rawValue:))
                if endHead == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "endHead"
            } else if s.keyIs("levels") {
                if duplicate(&seen, 32, &u, "levels") { ok = false }
                levels = try ratios()
                if levels == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "levels"
            } else if s.keyIs("style") {
                if duplicate(&seen, 64, &u, "style") { ok = false }
                style = try self.style()
                if style == nil { ok = false; _ = try s.parseValue(depth: 3, rejectOverflow: false) }
                prev = "style"
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { ok = false }
                try keep(&u, key, after: prev, depth: 3)
                prev = key
            }
        }
        if ok, let type, let id, let points, let style {
            let t = DrawingType(rawValue: type)
            let isLine = t == .line
            let heads = startHead != nil || endHead != nil
            switch t {
            case .horizontalLine where points.count == 1 && !heads && levels == nil:
                return .horizontalLine(HorizontalLineDrawing(clientObjectId: id, point: points[0], style: style, unknownFields: u))
            case .line where points.count == 2 && levels == nil:
                return .line(
                    LineDrawing(
                        clientObjectId: id, start: points[0], end: points[1], startHead: startHead, endHead: endHead,
                        style: style, unknownFields: u))
            case .rectangle where points.count == 2 && !heads && levels == nil:
                return .rectangle(
                    RectangleDrawing(clientObjectId: id, corner1: points[0], corner2: points[1], style: style, unknownFields: u))
            case .parallel where points.count == 3 && !heads && levels == nil:
                return .parallel(
                    ParallelDrawing(
                        clientObjectId: id, p1: points[0], p2: points[1], p3: points[2], style: style, unknownFields: u))
            case .fibonacciRetracement where points.count == 2 && !heads:
                return .fibonacciRetracement(
                    FibonacciRetracementDrawing(
                        clientObjectId: id, start: points[0], end: points[1], levels: levels, style: style, unknownFields: u))
            default:
                _ = isLine
            }
        }
        // Keep it as sent.
        let end = s.i
        s.i = at
        let v = try s.parseValue(depth: 2, rejectOverflow: false)
        s.i = end
        guard case .object(let members) = v else { return .other(OtherDrawing(type: "", clientObjectId: nil, members: [])) }
        var t = ""
        var cid: String?
        for m in members {
            if m.key == "type", case .string(let x) = m.value { t = x }
            if m.key == "clientObjectId", case .string(let x) = m.value { cid = x }
        }
        return .other(OtherDrawing(type: t, clientObjectId: cid, members: members))
    }

    /// An array of points; nil with the cursor restored when any element does not decode.
    mutating func points() throws(ScanError) -> [ChartPoint]? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return nil }
        s.i += 1
        var out: [ChartPoint] = []
        out.reserveCapacity(3)
        var first = true
        while try s.nextElement(&first) {
            guard let p = try point() else {
                s.i = at
                return nil
            }
            out.append(p)
        }
        return out
    }

    /// One point, or nil with the cursor restored.
    mutating func point() throws(ScanError) -> ChartPoint? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return nil }
        s.i += 1
        var time: Timestamp?
        var price: Double?
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev: String? = nil
        var ok = true
        var first = true
        while try s.nextMember(&first) {
            if s.keyIs("time") {
                if duplicate(&seen, 1, &u, "time") { ok = false }
                time = try timestamp()
                if time == nil { ok = false; _ = try s.parseValue(depth: 5, rejectOverflow: false) }
                prev = "time"
            } else if s.keyIs("price") {
                if duplicate(&seen, 2, &u, "price") { ok = false }
                price = try number()
                if price == nil { ok = false; _ = try s.parseValue(depth: 5, rejectOverflow: false) }
                prev = "price"
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { ok = false }
                try keep(&u, key, after: prev, depth: 5)
                prev = key
            }
        }
        guard ok, let time, let price else {
            s.i = at
            return nil
        }
        return ChartPoint(time: time, price: price, unknownFields: u)
    }

    /// An array of numbers; nil with the cursor restored otherwise.
    mutating func ratios() throws(ScanError) -> [Double]? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "[") else { return nil }
        s.i += 1
        var out: [Double] = []
        var first = true
        while try s.nextElement(&first) {
            guard let v = try number() else {
                s.i = at
                return nil
            }
            out.append(v)
        }
        return out
    }

    /// A style object. Members with a value of the wrong form are kept as sent; nil (cursor
    /// restored) only for a non-object or a duplicate key.
    mutating func style() throws(ScanError) -> DrawingStyle? {
        let at = s.i
        guard try s.peek() == UInt8(ascii: "{") else { return nil }
        s.i += 1
        var st = DrawingStyle()
        var u = UnknownFields()
        var seen: UInt32 = 0
        var prev: String? = nil
        var ok = true
        var first = true
        while try s.nextMember(&first) {
            if s.keyIs("color") {
                if duplicate(&seen, 1, &u, "color") { ok = false }
                st.color = try color()
                if st.color == nil { try keep(&u, "color", after: prev, depth: 4) }
                prev = "color"
            } else if s.keyIs("lineWidth") {
                if duplicate(&seen, 2, &u, "lineWidth") { ok = false }
                st.lineWidth = try number()
                if st.lineWidth == nil { try keep(&u, "lineWidth", after: prev, depth: 4) }
                prev = "lineWidth"
            } else if s.keyIs("lineStyle") {
                if duplicate(&seen, 4, &u, "lineStyle") { ok = false }
                st.lineStyle = try string().map(LineStyle.init(rawValue:))
                if st.lineStyle == nil { try keep(&u, "lineStyle", after: prev, depth: 4) }
                prev = "lineStyle"
            } else if s.keyIs("fillColor") {
                if duplicate(&seen, 8, &u, "fillColor") { ok = false }
                st.fillColor = try color()
                if st.fillColor == nil { try keep(&u, "fillColor", after: prev, depth: 4) }
                prev = "fillColor"
            } else if s.keyIs("borderColor") {
                if duplicate(&seen, 16, &u, "borderColor") { ok = false }
                st.borderColor = try color()
                if st.borderColor == nil { try keep(&u, "borderColor", after: prev, depth: 4) }
                prev = "borderColor"
            } else {
                let key = s.keyString()
                if u.fields.contains(where: { $0.key == key }) { ok = false }
                try keep(&u, key, after: prev, depth: 4)
                prev = key
            }
        }
        guard ok else {
            s.i = at
            return nil
        }
        st.unknownFields = u
        return st
    }
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
