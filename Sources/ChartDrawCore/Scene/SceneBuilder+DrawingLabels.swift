// Drawing names: the display text of the first `[[id:display text]]` link to each drawing.
extension SceneBuilder {
    /// The display text of the first link to each id, in the order title, preference text,
    /// alternative text, comments (empty display texts skipped).
    static func linkLabels(_ meta: AnalysisMetadata?) -> [String: String] {
        guard let meta else { return [:] }
        var out: [String: String] = [:]
        for text in [meta.title, meta.preferenceText, meta.alternativeText, meta.comments] {
            guard let text, text.utf8.contains(UInt8(ascii: "[")) else { continue }
            for link in LinkedText(parsing: text).links where out[link.clientObjectId] == nil {
                let display = link.displayText.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
                if !display.isEmpty { out[link.clientObjectId] = String(display) }
            }
        }
        return out
    }

    /// Labels a drawing with its link's display text, placed clear of every label so far:
    /// inside the top of a rectangle, along a line (or a channel's upper line) near its right
    /// end, at the right of a horizontal line, beside a Fibonacci's top level. A label with
    /// no free place is left out and reported.
    mutating func labelDrawing(_ d: Drawing, index: Int) {
        guard let id = d.clientObjectId, let text = drawingLabels[id] else { return }
        let font = plotFont
        let label = measurer.truncate(text, toWidth: Swift.max(0, plot.width / 2), font: font)
        guard !label.isEmpty else { return }
        let inset = SceneLayout.labelInset * s
        let w = textWidth(label, font)
        let a = measurer.ascent(font), h = a + measurer.descent(font)
        /// A box whose bottom sits `inset` over `y`, or whose top sits `inset` under it.
        func above(_ x: Double, _ y: Double) -> PixelRect { PixelRect(x: x, y: y - inset - h, width: w, height: h) }
        func below(_ x: Double, _ y: Double) -> PixelRect { PixelRect(x: x, y: y + inset, width: w, height: h) }
        func centred(_ x: Double, _ y: Double) -> PixelRect { PixelRect(x: x, y: y - h / 2, width: w, height: h) }

        var candidates: [PixelRect] = []
        var color = theme.drawingDefault
        switch d {
        case .rectangle(let r):
            color = r.style.borderColor ?? r.style.color ?? theme.drawingDefault
            let p = scale.point(r.corner1), q = scale.point(r.corner2)
            let box = PixelRect(
                x: Swift.min(p.x, q.x), y: Swift.min(p.y, q.y), width: abs(q.x - p.x), height: abs(q.y - p.y))
            guard let cut = PixelSnap.intersect(box, plot) else { break }
            if cut.width >= w + 2 * inset, cut.height >= h + 2 * inset {
                candidates.append(PixelRect(x: cut.x + inset, y: cut.y + inset, width: w, height: h))
                candidates.append(PixelRect(x: cut.maxX - inset - w, y: cut.y + inset, width: w, height: h))
            }
            candidates.append(above(cut.x, cut.y))
            candidates.append(below(cut.x, cut.maxY))
        case .line(let l):
            color = l.style.color ?? theme.drawingDefault
            candidates = alongSegment(scale.point(l.start), scale.point(l.end), w: w, h: h)
        case .parallel(let c):
            color = c.style.color ?? theme.drawingDefault
            let a1 = scale.point(c.p1), b1 = scale.point(c.p2)
            let ps = c.parallelStart, pe = c.parallelEnd
            let a2 = scale.point(time: ps.t, price: ps.price), b2 = scale.point(time: pe.t, price: pe.price)
            // The upper line is the one higher on screen (smaller y) at its middle.
            let upper = (a1.y + b1.y) <= (a2.y + b2.y) ? (a1, b1) : (a2, b2)
            candidates = alongSegment(upper.0, upper.1, w: w, h: h)
        case .horizontalLine(let hl):
            color = hl.style.color ?? theme.drawingDefault
            let y = scale.y(hl.point.price)
            guard y >= plot.y, y <= plot.maxY else { break }
            let x = plot.maxX - inset - w
            candidates = [above(x, y), below(x, y), above(x - w - 3 * inset, y), below(x - w - 3 * inset, y)]
        case .fibonacciRetracement(let f):
            color = f.style.color ?? theme.drawingDefault
            let x1 = scale.x(Swift.max(f.start.t, f.end.t)), x0 = scale.x(Swift.min(f.start.t, f.end.t))
            let ys = f.levelPrices.map { scale.y($0.price) }.filter(\.isFinite)
            guard let top = ys.min(), let bottom = ys.max() else { break }
            let mid = (top + bottom) / 2
            candidates = [
                centred(x1 + inset, top), centred(x1 + inset, mid), above(Swift.max(x0, plot.x) + inset, top),
                below(Swift.max(x0, plot.x) + inset, bottom),
            ]
        case .other:
            return
        }
        // Only candidates that show in the plot (clamping moves the rest, so check first).
        candidates = candidates.filter { $0.x.isFinite && $0.y.isFinite && $0.maxX > plot.x && $0.x < plot.maxX }
        guard !candidates.isEmpty else { return }
        guard let box = placer.place(candidates) else {
            warnings.append(
                ChartWarning(
                    .labelLeftOut,
                    "the label \"\(label)\" of \(id) is left out: no free place beside it (enlarge the image)",
                    subjects: [.drawing(d, index: index)]))
            return
        }
        addPlotLabel(label, box: box, font: font, color: color)
    }

    /// Label boxes along the segment a–b near its right end, above it then below it, then
    /// past the end; the part inside the plot is what counts.
    func alongSegment(_ a: PixelPoint, _ b: PixelPoint, w: Double, h: Double) -> [PixelRect] {
        guard let (p, q) = Clipping.clipSegment(a, b, to: plot) else { return [] }
        let (l, r) = p.x <= q.x ? (p, q) : (q, p)
        let inset = SceneLayout.labelInset * s
        // The text ends a little before the right end, over the stretch it covers.
        let x = Swift.max(l.x, r.x - inset - w)
        func yAt(_ x: Double) -> Double { r.x == l.x ? r.y : l.y + (r.y - l.y) * (x - l.x) / (r.x - l.x) }
        let y0 = yAt(x), y1 = yAt(Swift.min(r.x, x + w))
        let top = Swift.min(y0, y1), bottom = Swift.max(y0, y1)
        return [
            PixelRect(x: x, y: top - inset - h, width: w, height: h),
            PixelRect(x: x, y: bottom + inset, width: w, height: h),
            PixelRect(x: r.x + inset, y: r.y - h / 2, width: w, height: h),
        ]
    }
}
