import ChartDrawCore

extension Checker {
    mutating func drawings(_ ds: [Drawing]) {
        if ds.count > WireLimits.maxDrawings {
            report(
                "/drawings", IssueCode.tooManyDrawings, soft,
                "The body has \(ds.count) drawings, more than the limit of \(WireLimits.maxDrawings); split them over several analyses or appends."
            )
        }
        for i in ds.indices {
            switch ds[i] {
            case .horizontalLine(let x):
                header(x.clientObjectId, i)
                point(x.point, i, 0)
                style(x.style, .horizontalLine, i)
                unknown(x.unknownFields, .horizontalLine, i)
                farFromLevels(i, x.point.price)
            case .line(let x):
                header(x.clientObjectId, i)
                point(x.start, i, 0)
                point(x.end, i, 1)
                if let h = x.startHead { head(h.rawValue, name: "startHead", "/drawings/\(i)/startHead") }
                if let h = x.endHead { head(h.rawValue, name: "endHead", "/drawings/\(i)/endHead") }
                style(x.style, .line, i)
                unknown(x.unknownFields, .line, i)
                if x.start.time == x.end.time && x.start.price == x.end.price {
                    report(
                        "/drawings/\(i)/points", IssueCode.degenerateLine, .error,
                        "The LINE's two points are equal (\(x.start.time.iso8601), \(num(x.start.price))); give two different points."
                    )
                }
                farFromLevels(i, x.start.price, x.end.price)
            case .rectangle(let x):
                header(x.clientObjectId, i)
                point(x.corner1, i, 0)
                point(x.corner2, i, 1)
                style(x.style, .rectangle, i)
                unknown(x.unknownFields, .rectangle, i)
                if x.corner1.time == x.corner2.time {
                    report(
                        "/drawings/\(i)/points", IssueCode.degenerateRectangle, .error,
                        "The RECTANGLE has zero width: both corners are at \(x.corner1.time.iso8601); give corners at two different times."
                    )
                } else if x.corner1.price == x.corner2.price {
                    report(
                        "/drawings/\(i)/points", IssueCode.degenerateRectangle, .error,
                        "The RECTANGLE has zero height: both corners are at price \(num(x.corner1.price)); give corners at two different prices."
                    )
                }
                farFromLevels(i, x.corner1.price, x.corner2.price)
            case .parallel(let x):
                header(x.clientObjectId, i)
                point(x.p1, i, 0)
                point(x.p2, i, 1)
                point(x.p3, i, 2)
                style(x.style, .parallel, i)
                unknown(x.unknownFields, .parallel, i)
                if Checker.isFlatChannel(x) {
                    report(
                        "/drawings/\(i)/points", IssueCode.degenerateChannel, .error,
                        "The PARALLEL channel has zero height: its third point lies on the base line through the first two; move the third point off that line."
                    )
                }
                farFromLevels(i, x.p1.price, x.p2.price, x.p3.price)
            case .fibonacciRetracement(let x):
                header(x.clientObjectId, i)
                point(x.start, i, 0)
                point(x.end, i, 1)
                if let r = x.levels { fibonacciLevels(r, "/drawings/\(i)/levels") }
                style(x.style, .fibonacciRetracement, i)
                unknown(x.unknownFields, .fibonacciRetracement, i)
                if x.start.price == x.end.price {
                    report(
                        "/drawings/\(i)/points", IssueCode.degenerateFibonacci, .error,
                        "The FIBONACCI_RETRACEMENT has zero height: both points are at price \(num(x.start.price)); give a swing with two different prices."
                    )
                }
                farFromLevels(i, x.start.price, x.end.price)
            case .other(let o):
                rawDrawing(o.members, "/drawings/\(i)", index: i)
            }
        }
    }

    @inline(__always)
    mutating func header(_ id: String, _ i: Int) {
        clientObjectId(id, "/drawings/\(i)/" + DrawingMember.clientObjectId.key, place: .drawing(i))
    }

    @inline(__always)
    mutating func point(_ p: ChartPoint, _ i: Int, _ k: Int) {
        price(p.price, "/drawings/\(i)/points/\(k)/price")
        if !p.unknownFields.isEmpty {
            for f in p.unknownFields.fields {
                rawMember(.point, f.key, f.value, "/drawings/\(i)/points/\(k)/" + JSONPointer.escape(f.key))
            }
        }
    }

    @inline(__always)
    mutating func unknown(_ u: UnknownFields, _ t: DrawingType, _ i: Int) {
        guard !u.isEmpty else { return }
        for f in u.fields { rawMember(.drawing(t), f.key, f.value, "/drawings/\(i)/" + JSONPointer.escape(f.key)) }
    }

    /// The style members a type needs, and those it does not use.
    mutating func style(_ s: DrawingStyle, _ t: DrawingType, _ i: Int) {
        let u = s.unknownFields
        let rect = t == .rectangle
        for m in StyleMember.required(t) where !s.has(m) { missingStyle(m, t, i, u) }
        // Members the type does not use (reported colour first for a RECTANGLE, border first
        // for the others, as ever: the report's order is part of its bytes).
        let unused = rect ? StyleMember.table.members : StyleMember.table.members.reversed()
        for m in unused where s.has(m) && !m.applies(to: t) {
            notApplicable("style." + m.key, t, "/drawings/\(i)/style/" + m.key)
        }
        if let w = s.lineWidth { lineWidth(w, "/drawings/\(i)/style/" + StyleMember.lineWidth.key) }
        if !rect, let ls = s.lineStyle { lineStyle(ls.rawValue, "/drawings/\(i)/style/" + StyleMember.lineStyle.key) }
        guard !u.isEmpty else { return }
        let base = "/drawings/\(i)/style"
        for f in u.fields { rawMember(.style(t), f.key, f.value, base + "/" + JSONPointer.escape(f.key)) }
    }

    @inline(never)
    mutating func missingStyle(_ m: StyleMember, _ t: DrawingType, _ i: Int, _ u: UnknownFields) {
        let key = m.key
        guard
            u.isEmpty || (u[key] == nil && !misspelt(key, in: u.fields.map { JSONMember($0.key, $0.value) }, .style(t)))
        else { return }
        report(
            "/drawings/\(i)/style/" + key, IssueCode.required, .error,
            "style.\(key) is missing; a \(t.rawValue) style needs \(StyleMember.required(t).map(\.key).joined(separator: ", "))."
        )
    }

    mutating func notApplicable(_ name: String, _ t: DrawingType, _ path: String) {
        report(path, IssueCode.notApplicable, soft, "\(name) does not apply to a \(t.rawValue) drawing; remove it.")
    }

    /// Whether the third point of a channel lies on the base line (within a relative
    /// tolerance of the prices).
    static func isFlatChannel(_ x: ParallelDrawing) -> Bool {
        let (t1, t2, t3) = (x.p1.t, x.p2.t, x.p3.t)
        let (p1, p2, p3) = (x.p1.price, x.p2.price, x.p3.price)
        if t1 == t2 { return p1 == p2 || t3 == t1 }
        let onLine = p1 + (p2 - p1) * (t3 - t1) / (t2 - t1)
        return abs(p3 - onLine) <= WireLimits.channelRelativeTolerance * max(p1, p2, p3)
    }

    /// A warning when a point's price is far outside the levels' range (the first such
    /// point of drawing `i`; absent points are NaN).
    mutating func farFromLevels(_ i: Int, _ p0: Double, _ p1: Double = .nan, _ p2: Double = .nan) {
        guard let (lo, hi) = levelRange else { return }
        let f = WireLimits.farFromLevelsFactor
        @inline(__always) func far(_ p: Double) -> Bool { p.isFinite && p > 0 && (p > hi * f || p < lo / f) }
        let k = far(p0) ? 0 : far(p1) ? 1 : far(p2) ? 2 : -1
        guard k >= 0 else { return }
        let p = k == 0 ? p0 : k == 1 ? p1 : p2
        report(
            "/drawings/\(i)/points/\(k)/price", IssueCode.priceFarFromLevels, .warning,
            "Price \(num(p)) is far outside the levels' range \(num(lo)) to \(num(hi)); check the price (a typo or another instrument's scale?)."
        )
    }
}

extension DrawingStyle {
    /// Whether the member is present (decoded into the model).
    func has(_ m: StyleMember) -> Bool {
        switch m {
        case .color: return color != nil
        case .lineWidth: return lineWidth != nil
        case .lineStyle: return lineStyle != nil
        case .fillColor: return fillColor != nil
        case .borderColor: return borderColor != nil
        }
    }
}
