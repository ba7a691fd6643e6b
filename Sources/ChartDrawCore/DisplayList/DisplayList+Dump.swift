extension DisplayList {
    /// A stable, human-readable text form: a header line, then one line per item, items of a
    /// group indented by two spaces. Numbers have two decimals, colours are `#RRGGBB` (or
    /// `#RRGGBBAA` when not opaque). Tests compare lines of it.
    ///
    /// ```
    /// canvas 320x200 background #FFFFFF
    /// group grid
    ///   stroke #F0F3FA w1.00 M 0.00,40.50 L 250.00,40.50
    /// end grid
    /// ```
    public func dump() -> String {
        var out = "canvas \(width)x\(height) background \(DisplayList.dumpColor(background))\n"
        var depth = 0
        var groups: [String] = []
        for item in items {
            if case .endGroup = item { depth = Swift.max(0, depth - 1) }
            out += String(repeating: "  ", count: depth)
            switch item {
            case .fill(let path, let color):
                out += "fill \(DisplayList.dumpColor(color)) \(DisplayList.dumpPath(path))"
            case .stroke(let path, let style):
                out += "stroke \(DisplayList.dumpColor(style.color)) w\(DisplayList.dumpNumber(style.width))"
                if !style.dash.isEmpty {
                    out += " dash " + style.dash.map(DisplayList.dumpNumber).joined(separator: ",")
                }
                if style.cap != .butt { out += " cap \(style.cap.rawValue)" }
                if style.join != .miter { out += " join \(style.join.rawValue)" }
                out += " \(DisplayList.dumpPath(path))"
            case .text(let run):
                out += "text \"\(run.text)\" at \(DisplayList.dumpPoint(run.origin)) "
                out += "\(run.font.weight.rawValue) \(DisplayList.dumpNumber(run.font.size)) "
                out += DisplayList.dumpColor(run.color)
            case .pushClip(let r):
                out += "clip \(DisplayList.dumpNumber(r.x)),\(DisplayList.dumpNumber(r.y)) "
                out += "\(DisplayList.dumpNumber(r.width))x\(DisplayList.dumpNumber(r.height))"
            case .popClip:
                out += "unclip"
            case .beginGroup(let name):
                out += "group \(name)"
                groups.append(name)
                depth += 1
            case .endGroup:
                out += "end \(groups.popLast() ?? "")"
            }
            out += "\n"
        }
        return out
    }

    /// `#RRGGBB`, or `#RRGGBBAA` when the colour is not opaque.
    static func dumpColor(_ c: RGBAColor) -> String {
        RGBAColor(red: c.red, green: c.green, blue: c.blue, alpha: c.alpha, hasExplicitAlpha: c.alpha != 255).hex
    }

    /// A number with two decimals.
    static func dumpNumber(_ v: Double) -> String { PriceFormat.format(v, decimals: 2) }

    /// `x,y`.
    static func dumpPoint(_ p: PixelPoint) -> String { dumpNumber(p.x) + "," + dumpNumber(p.y) }

    /// `M x,y L x,y ... Z`.
    static func dumpPath(_ path: PixelPath) -> String {
        var parts: [String] = []
        parts.reserveCapacity(path.elements.count)
        for e in path.elements {
            switch e {
            case .move(let p): parts.append("M " + dumpPoint(p))
            case .line(let p): parts.append("L " + dumpPoint(p))
            case .close: parts.append("Z")
            }
        }
        return parts.joined(separator: " ")
    }
}
