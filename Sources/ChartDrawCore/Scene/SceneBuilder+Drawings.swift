// The five drawing types, clipped to the plot.
extension SceneBuilder {
    /// The default line width of drawings, logical pixels.
    static let defaultLineWidth = 2.0
    /// The line width of Fibonacci levels when the style gives none, logical pixels.
    static let defaultFibonacciLineWidth = 1.0
    /// Opacity of a fill colour given without alpha (`#RRGGBB`), so zones do not hide the bars.
    static let defaultFillOpacity = 0.2

    /// Draws every drawing in order, inside a clip to the plot.
    mutating func drawDrawings() {
        guard let drawings = analysis.drawings, !drawings.isEmpty else { return }
        items.append(.pushClip(plot))
        for (i, d) in drawings.enumerated() {
            switch d {
            case .horizontalLine(let h): drawHorizontalLine(h, index: i)
            case .line(let l): drawLine(l)
            case .rectangle(let r): drawRectangle(r)
            case .parallel(let p): drawParallel(p)
            case .fibonacciRetracement(let f): drawFibonacci(f, index: i)
            case .other(let o):
                warnings.append(
                    ChartWarning(
                        .drawingTypeUnknown, "drawing \(i) of type \(o.type) is not drawn: the type is unknown",
                        subjects: [.drawing(d, index: i)]))
            }
        }
        // Names after every shape, so a label is placed knowing the Fibonacci ratio labels.
        if !drawingLabels.isEmpty {
            for (i, d) in drawings.enumerated() { labelDrawing(d, index: i) }
        }
        items.append(.popClip)
    }

    /// The stroke of a drawing's style: colour (default blue), width × pixel scale rounded to
    /// whole device pixels (at least 1) so lines stay crisp at fractional scales, dashes;
    /// dots are zero-length dashes with round caps, one width across, two widths apart.
    func strokeStyle(_ style: DrawingStyle, defaultWidth: Double = Self.defaultLineWidth) -> StrokeStyle {
        var lw = style.lineWidth ?? defaultWidth
        if !lw.isFinite || lw <= 0 { lw = defaultWidth }
        let w = Swift.max(1, (Swift.min(lw, 64) * s).rounded())
        let color = style.color ?? theme.drawingDefault
        switch style.lineStyle {
        case .some(.dashed): return StrokeStyle(color: color, width: w, dash: [4 * w, 3 * w])
        case .some(.dotted): return StrokeStyle(color: color, width: w, dash: [0, 2 * w], cap: .round)
        default: return StrokeStyle(color: color, width: w)
        }
    }

    /// A fill colour as drawn: `#RRGGBB` at ``defaultFillOpacity``, `#RRGGBBAA` as given.
    func fillColor(_ c: RGBAColor) -> RGBAColor {
        c.hasExplicitAlpha ? c : c.withAlpha(Self.defaultFillOpacity)
    }

    // MARK: - Types

    /// HORIZONTAL_LINE: the price across the whole plot, and a tag on the axis (see collectTags);
    /// `index` is its place in the drawings, for warnings.
    mutating func drawHorizontalLine(_ d: HorizontalLineDrawing, index: Int) {
        let style = strokeStyle(d.style)
        let y = scale.y(d.point.price)
        guard y.isFinite, y >= plot.y, y <= plot.maxY else {
            warnings.append(
                ChartWarning(
                    .outsideView,
                    "horizontal line \(d.clientObjectId) at \(warningPrice(d.point.price)) is outside the view",
                    subjects: [.drawing(.horizontalLine(d), index: index)]))
            return
        }
        let cy = crispY(y, width: style.width)
        // A zero-slope line extended both ways, clipped like any infinite line.
        strokeInfinite(PixelPoint(x: plot.x, y: cy), PixelPoint(x: plot.maxX, y: cy), style, halo: halo(for: style))
    }

    /// LINE: the segment, with filled arrow heads; without heads its direction does not matter.
    mutating func drawLine(_ d: LineDrawing) {
        let style = strokeStyle(d.style)
        var a = scale.point(d.start), b = scale.point(d.end)
        var startArrow = d.startHead == .arrow, endArrow = d.endHead == .arrow
        if !startArrow && !endArrow && (a.x, a.y) > (b.x, b.y) { swap(&a, &b) }
        if startArrow && !endArrow {
            // One head: always drawn at the segment's end, for one canonical form.
            swap(&a, &b)
            swap(&startArrow, &endArrow)
        }
        if a.y == b.y { a.y = PixelSnap.line(a.y, width: style.width); b.y = a.y }
        if a.x == b.x { a.x = PixelSnap.line(a.x, width: style.width); b.x = a.x }
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len.isFinite, len > 0 else { return }
        let ux = dx / len, uy = dy / len
        let head = 3 * style.width + 6 * s
        var p = a, q = b
        // Stop the shaft inside the heads, so its end does not poke through the tips.
        let inset = Swift.min(head * 0.6, len / 2)
        if startArrow { p = PixelPoint(x: a.x + ux * inset, y: a.y + uy * inset) }
        if endArrow { q = PixelPoint(x: b.x - ux * inset, y: b.y - uy * inset) }
        let halo = halo(for: style)
        strokeSegment(p, q, style, halo: halo)
        if startArrow { arrowHead(tip: a, ux: -ux, uy: -uy, length: head, color: style.color, halo: halo) }
        if endArrow { arrowHead(tip: b, ux: ux, uy: uy, length: head, color: style.color, halo: halo) }
    }

    /// A filled triangle pointing along (`ux`, `uy`) with its tip at `tip`.
    /// With a halo, the triangle is first outlined in the halo colour.
    mutating func arrowHead(
        tip: PixelPoint, ux: Double, uy: Double, length: Double, color: RGBAColor, halo: StrokeStyle? = nil
    ) {
        let half = length * 0.5
        let bx = tip.x - ux * length, by = tip.y - uy * length
        let triangle = [
            tip, PixelPoint(x: bx - uy * half, y: by + ux * half), PixelPoint(x: bx + uy * half, y: by - ux * half),
        ]
        if var halo {
            let clipped = Clipping.clipPolygon(triangle, to: plot)
            if clipped.count >= 3 {
                var path = PixelPath()
                path.move(to: clipped[0])
                for p in clipped.dropFirst() { path.line(to: p) }
                path.close()
                halo.width = 2 * hairline
                halo.join = .round
                items.append(.stroke(path, halo))
            }
        }
        fillPolygon(triangle, color)
    }

    /// RECTANGLE: fill and border of the box between the corners, in either order. A box
    /// inside the plot gets one closed border; a box cut by the plot's edges gets its
    /// visible sides only, each clipped, with square caps so the corners stay closed.
    mutating func drawRectangle(_ d: RectangleDrawing) {
        let p = scale.point(d.corner1), q = scale.point(d.corner2)
        var stroke = strokeStyle(d.style)
        stroke.color = d.style.borderColor ?? d.style.color ?? theme.drawingDefault
        let box = PixelRect(
            x: Swift.min(p.x, q.x), y: Swift.min(p.y, q.y), width: abs(q.x - p.x), height: abs(q.y - p.y))
        guard box.x.isFinite, box.y.isFinite, box.maxX.isFinite, box.maxY.isFinite,
            let cut = PixelSnap.intersect(box, plot)
        else { return }
        if let fill = d.style.fillColor, let f = Self.rectFill(cut, fillColor(fill)) { items.append(f) }
        let x0 = PixelSnap.line(box.x, width: stroke.width), x1 = PixelSnap.line(box.maxX, width: stroke.width)
        let y0 = PixelSnap.line(box.y, width: stroke.width), y1 = PixelSnap.line(box.maxY, width: stroke.width)
        if cut == box {
            var path = PixelPath()
            path.addRect(PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
            appendStroke(path, stroke, halo: halo(for: stroke))
            return
        }
        stroke.cap = .square
        let corners = [
            PixelPoint(x: x0, y: y0), PixelPoint(x: x1, y: y0), PixelPoint(x: x1, y: y1), PixelPoint(x: x0, y: y1),
        ]
        var path = PixelPath()
        for i in 0..<4 {
            guard let (a, b) = Clipping.clipSegment(corners[i], corners[(i + 1) % 4], to: plot), a != b else {
                continue
            }
            path.move(to: a)
            path.line(to: b)
        }
        if !path.isEmpty { appendStroke(path, stroke, halo: halo(for: stroke)) }
    }

    /// PARALLEL: base line p1–p2, the parallel line through p3 over the same times, the band
    /// between them when `fillColor` is given, and a thin dashed middle line.
    mutating func drawParallel(_ d: ParallelDrawing) {
        let style = strokeStyle(d.style)
        let a = scale.point(d.p1), b = scale.point(d.p2)
        let ps = d.parallelStart, pe = d.parallelEnd
        let c = scale.point(time: ps.t, price: ps.price), e = scale.point(time: pe.t, price: pe.price)
        if let fill = d.style.fillColor { fillPolygon([a, b, e, c], fillColor(fill)) }
        let mid = StrokeStyle(
            color: style.color.withAlpha(style.color.opacity * 0.6), width: Swift.max(hairline, style.width / 2),
            dash: [4 * hairline, 4 * hairline])
        strokeSegment(
            PixelPoint(x: (a.x + c.x) / 2, y: (a.y + c.y) / 2), PixelPoint(x: (b.x + e.x) / 2, y: (b.y + e.y) / 2), mid)
        let halo = halo(for: style)
        strokeSegment(a, b, style, halo: halo)
        strokeSegment(c, e, style, halo: halo)
    }

    /// FIBONACCI_RETRACEMENT: a line per level over the two points' times, light bands
    /// between neighbouring levels, a dashed trend line, and `ratio (price)` labels; `index` is its
    /// place in the drawings, for warnings.
    mutating func drawFibonacci(_ d: FibonacciRetracementDrawing, index: Int) {
        let style = strokeStyle(d.style, defaultWidth: Self.defaultFibonacciLineWidth)
        let x0 = scale.x(Swift.min(d.start.t, d.end.t)), x1 = scale.x(Swift.max(d.start.t, d.end.t))
        let levels = d.levelPrices.filter { $0.price.isFinite }.sorted { ($0.price, $0.ratio) < ($1.price, $1.ratio) }
        // Bands, alternating two light tints of the style colour.
        for i in levels.indices.dropFirst() {
            let ya = scale.y(levels[i - 1].price), yb = scale.y(levels[i].price)
            let tint = style.color.withAlpha(i % 2 == 1 ? 0.12 : 0.06)
            fillPolygon(
                [
                    PixelPoint(x: x0, y: ya), PixelPoint(x: x1, y: ya), PixelPoint(x: x1, y: yb),
                    PixelPoint(x: x0, y: yb),
                ],
                tint)
        }
        strokeSegment(
            scale.point(d.start), scale.point(d.end),
            StrokeStyle(
                color: style.color.withAlpha(style.color.opacity * 0.6), width: hairline,
                dash: [4 * hairline, 4 * hairline]))
        let fibFont = FontSpec(size: (SceneLayout.plotLabelFontSize - 1) * s)
        // Ratio labels keep off the other levels' lines and the chart's horizontal lines.
        let lines = horizontalLineYs() + levels.map { PixelSnap.line(scale.y($0.price), width: style.width) }
        for level in levels {
            let y = scale.y(level.price)
            guard y.isFinite else { continue }
            let cy = PixelSnap.line(y, width: style.width)
            strokeSegment(PixelPoint(x: x0, y: cy), PixelPoint(x: x1, y: cy), style, halo: halo(for: style))
            guard cy >= plot.y, cy <= plot.maxY, x1 >= plot.x, x0 <= plot.maxX else { continue }
            let text = PriceFormat.ratio(level.ratio) + " (" + formatPrice(level.price) + ")"
            let lx = Swift.max(x0, plot.x) + SceneLayout.labelInset * s
            placePlotLabel(
                text, x: lx, lineY: cy, font: fibFont, color: style.color, avoiding: lines,
                of: .drawing(.fibonacciRetracement(d), index: index))
        }
    }

    /// The part of the infinite line through `a` and `b` inside the plot.
    mutating func strokeInfinite(_ a: PixelPoint, _ b: PixelPoint, _ style: StrokeStyle, halo: StrokeStyle? = nil) {
        guard let (p, q) = Clipping.clipInfiniteLine(a, b, to: plot) else { return }
        var path = PixelPath()
        path.move(to: p)
        path.line(to: q)
        appendStroke(path, style, halo: halo)
    }

    // MARK: - Contrast

    /// The halo under a stroke whose colour has less than ``SceneLayout/minimumContrast``
    /// against the theme's background (WCAG contrast, the colour composited over the
    /// background): the same path, dashes and caps in ``ChartTheme/halo``, one
    /// one-logical-pixel line wider on each side, so the user's colour stays as given and
    /// the line stays visible. `nil` for colours with enough contrast.
    func halo(for style: StrokeStyle) -> StrokeStyle? {
        guard needsHalo(style.color) else { return nil }
        var h = style
        h.color = theme.halo
        h.width = style.width + 2 * hairline
        return h
    }

    /// Whether `color` needs a halo (or a contrasting plate under its text) on this theme.
    func needsHalo(_ color: RGBAColor) -> Bool {
        color.alpha > 0 && color.contrastRatio(against: theme.background) < SceneLayout.minimumContrast
    }
}
