internal import CCairo
import ChartDrawCore

/// Executes the items of a display list on a Cairo context, in order; no chart logic.
enum DisplayListPainter {
    /// Cairo's fixed-point coordinates end near ±8 million; the list contract keeps everything
    /// within `DisplayList/coordinateLimit` of the canvas, and this is the hard stop.
    static let coordinateBound: Double = 4_000_000
    /// The largest font size drawn, in device pixels; larger text runs are refused. Charts use
    /// at most 112 (14 px × pixel scale 4 × canvas factor 2). Cairo caches every glyph it draws
    /// as an image of the glyph's size, so glyphs of a few thousand pixels would fill memory
    /// with a few texts.
    static let maximumFontSize: Double = 256

    /// Checks the canvas size against what image surfaces allow.
    static func checkCanvas(_ list: DisplayList) throws(RenderError) {
        guard (1...ChartRenderer.maximumSide).contains(list.width),
            (1...ChartRenderer.maximumSide).contains(list.height)
        else { throw .invalidCanvasSize(width: list.width, height: list.height) }
    }

    /// Paints the background, then every item.
    static func paint(_ list: DisplayList, on cr: OpaquePointer) throws(RenderError) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        // The surface starts transparent, so OVER equals SOURCE here and vector back ends do
        // not fall back to images.
        if list.background.alpha != 0 {
            setSource(cr, list.background)
            cairo_paint(cr)
        }
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
        var clipDepth = 0
        for (index, item) in list.items.enumerated() {
            switch item {
            case .fill(let path, let color):
                try appendPath(cr, path, item: index)
                setSource(cr, color)
                cairo_fill(cr)
            case .stroke(let path, let style):
                try stroke(cr, path, style, item: index)
            case .text(let run):
                try show(cr, run, item: index)
            case .pushClip(let r):
                guard finite(r.x), finite(r.y), finite(r.width), finite(r.height), r.width >= 0, r.height >= 0
                else {
                    throw .invalidDisplayList(item: index, reason: "clip rectangle \(r) is not finite and non-negative")
                }
                cairo_save(cr)
                cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                cairo_clip(cr)
                clipDepth += 1
            case .popClip:
                guard clipDepth > 0 else {
                    throw .invalidDisplayList(item: index, reason: "popClip without a matching pushClip")
                }
                cairo_restore(cr)
                clipDepth -= 1
            case .beginGroup, .endGroup:
                break
            }
        }
        guard clipDepth == 0 else {
            for _ in 0..<clipDepth { cairo_restore(cr) }
            throw .invalidDisplayList(item: -1, reason: "\(clipDepth) pushClip without a matching popClip")
        }
    }

    @inline(__always) private static func finite(_ v: Double) -> Bool {
        v.isFinite && abs(v) <= coordinateBound
    }

    private static func setSource(_ cr: OpaquePointer, _ c: RGBAColor) {
        cairo_set_source_rgba(
            cr, Double(c.red) / 255, Double(c.green) / 255, Double(c.blue) / 255, Double(c.alpha) / 255)
    }

    private static func appendPath(_ cr: OpaquePointer, _ path: PixelPath, item: Int) throws(RenderError) {
        cairo_new_path(cr)
        for element in path.elements {
            switch element {
            case .move(let p):
                guard finite(p.x), finite(p.y) else { throw badPoint(p, item) }
                cairo_move_to(cr, p.x, p.y)
            case .line(let p):
                guard finite(p.x), finite(p.y) else { throw badPoint(p, item) }
                cairo_line_to(cr, p.x, p.y)
            case .close:
                cairo_close_path(cr)
            }
        }
    }

    private static func badPoint(_ p: PixelPoint, _ item: Int) -> RenderError {
        .invalidDisplayList(
            item: item, reason: "point (\(p.x), \(p.y)) is not finite or is beyond ±\(Int(coordinateBound)) px")
    }

    private static func stroke(_ cr: OpaquePointer, _ path: PixelPath, _ style: StrokeStyle, item: Int)
        throws(RenderError)
    {
        guard style.width.isFinite, style.width >= 0, style.width <= coordinateBound else {
            throw .invalidDisplayList(item: item, reason: "stroke width \(style.width) is not finite and non-negative")
        }
        if style.width == 0 { return }
        if !style.dash.isEmpty {
            var sum = 0.0
            for d in style.dash {
                guard d.isFinite, d >= 0, d <= coordinateBound else {
                    throw .invalidDisplayList(item: item, reason: "dash length \(d) is not finite and non-negative")
                }
                sum += d
            }
            guard sum > 0 else {
                throw .invalidDisplayList(item: item, reason: "dash pattern \(style.dash) has no length")
            }
        }
        try appendPath(cr, path, item: item)
        setSource(cr, style.color)
        cairo_set_line_width(cr, style.width)
        cairo_set_line_cap(cr, cap(style.cap))
        cairo_set_line_join(cr, join(style.join))
        if style.dash.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
        cairo_stroke(cr)
    }

    private static func cap(_ c: StrokeStyle.Cap) -> cairo_line_cap_t {
        switch c {
        case .butt: return CAIRO_LINE_CAP_BUTT
        case .round: return CAIRO_LINE_CAP_ROUND
        case .square: return CAIRO_LINE_CAP_SQUARE
        }
    }

    private static func join(_ j: StrokeStyle.Join) -> cairo_line_join_t {
        switch j {
        case .miter: return CAIRO_LINE_JOIN_MITER
        case .round: return CAIRO_LINE_JOIN_ROUND
        case .bevel: return CAIRO_LINE_JOIN_BEVEL
        }
    }

    private static func show(_ cr: OpaquePointer, _ run: TextRun, item: Int) throws(RenderError) {
        guard run.font.size.isFinite, run.font.size > 0, run.font.size <= maximumFontSize else {
            throw .invalidDisplayList(
                item: item,
                reason:
                    "font size \(run.font.size) is not a positive number up to \(Int(maximumFontSize)) device pixels")
        }
        guard finite(run.origin.x), finite(run.origin.y) else { throw badPoint(run.origin, item) }
        if run.text.isEmpty { return }
        let engine = try TextEngine.current()
        cairo_new_path(cr)
        setSource(cr, run.color)
        engine.draw(run.text, font: run.font, x: run.origin.x, y: run.origin.y, on: cr)
    }
}
