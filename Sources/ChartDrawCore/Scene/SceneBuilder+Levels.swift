// Support, pivot and resistance: lines across the plot, a name at the left, a tag on the axis.
extension SceneBuilder {
    /// Draws the levels in view; the pivot is dashed. Names are placed after every line,
    /// highest level first, so a higher level's name sits above a lower one's, and where no
    /// other level or horizontal line crosses them when there is such a place.
    mutating func drawLevels() {
        guard let levels = analysis.levels else { return }
        var named: [(y: Double, role: LevelRole, entry: LevelEntry)] = []
        for (role, entry) in levels.ordered {
            let y = scale.y(entry.price)
            guard y.isFinite, y >= plot.y, y <= plot.maxY else {
                warnings.append(
                    ChartWarning(
                        .outsideView,
                        "\(role.label.lowercased()) level \(warningPrice(entry.price)) is outside the view",
                        subjects: [.level(role, entry)]))
                continue
            }
            let color = levelColor(role)
            let cy = crispY(y, width: hairline)
            var path = PixelPath()
            path.move(to: PixelPoint(x: plot.x, y: cy))
            path.line(to: PixelPoint(x: plot.maxX, y: cy))
            let dash = role == .pivot ? [6 * hairline, 4 * hairline] : []
            items.append(.stroke(path, StrokeStyle(color: color, width: hairline, dash: dash)))
            named.append((cy, role, entry))
        }
        let lines = horizontalLineYs()
        // Top of the plot first; at one row resistance, then pivot, then support.
        func rank(_ r: LevelRole) -> Int { r == .resistance ? 0 : r == .pivot ? 1 : 2 }
        for (y, role, entry) in named.sorted(by: { ($0.y, rank($0.role)) < ($1.y, rank($1.role)) }) {
            placePlotLabel(
                role.label, x: plot.x + SceneLayout.labelInset * s, lineY: y, font: plotFont, color: levelColor(role),
                avoiding: lines, of: .level(role, entry))
        }
    }

    /// The rows of every level and horizontal line in view: names keep off them.
    func horizontalLineYs() -> [Double] {
        var ys: [Double] = []
        for (_, entry) in analysis.levels?.ordered ?? [] { ys.append(scale.y(entry.price)) }
        for d in analysis.drawings ?? [] {
            if case .horizontalLine(let h) = d { ys.append(scale.y(h.point.price)) }
        }
        return ys.filter { $0.isFinite && $0 >= plot.y && $0 <= plot.maxY }
    }

    /// Places a label just above a horizontal line at `lineY` (else below it, else to the
    /// right of a label in the way), inside the plot and clear of other plot labels; a place
    /// no line of `avoiding` (other than its own) crosses is preferred. A label left out is
    /// reported as a warning about `subject`.
    mutating func placePlotLabel(
        _ text: String, x: Double, lineY: Double, font: FontSpec, color: RGBAColor, avoiding lines: [Double] = [],
        of subject: ChartWarning.Subject
    ) {
        let inset = SceneLayout.labelInset * s
        let w = textWidth(text, font)
        let a = measurer.ascent(font), d = measurer.descent(font)
        let h = a + d
        // Above: the baseline `inset` over the line. Below: the cap tops `inset` under it.
        let above = PixelRect(x: x, y: lineY - inset - a, width: w, height: h)
        let below = PixelRect(x: x, y: lineY + inset - (a - measurer.capHeight(font)), width: w, height: h)
        var candidates = [above, below]
        // Further right on the same row, past whatever sits there.
        for dx in [w + 3 * inset, 2 * (w + 3 * inset)] {
            candidates.append(PixelRect(x: x + dx, y: above.y, width: w, height: h))
        }
        let margin = hairline
        let uncrossed = candidates.filter { c in
            let box = LabelPlacement.clamp(c, into: placer.bounds)
            return !lines.contains { y in abs(y - lineY) > margin && y > box.y - margin && y < box.maxY + margin }
        }
        guard let box = (uncrossed.isEmpty ? nil : placer.place(uncrossed)) ?? placer.place(candidates) else {
            warnings.append(
                ChartWarning(
                    .labelLeftOut,
                    "label \"\(text)\" is left out: no free place beside its line (zoom in or enlarge the image)",
                    subjects: [subject]))
            return
        }
        addPlotLabel(text, box: box, font: font, color: color)
    }

    /// A label inside the plot on an opaque plate of the canvas colour, so no wick, line or
    /// fill crosses its text; a colour too close to the background
    /// (``SceneLayout/minimumContrast``) gets a plate of ``ChartTheme/halo`` instead.
    mutating func addPlotLabel(_ text: String, box: PixelRect, font: FontSpec, color: RGBAColor) {
        let pad = 2 * s
        let patch = PixelRect(x: box.x - pad, y: box.y, width: box.width + 2 * pad, height: box.height)
        let plate = needsHalo(color) ? theme.halo.withAlpha(1) : theme.background
        if let cut = PixelSnap.intersect(patch, plot), let f = Self.rectFill(cut, plate) {
            labels.append(f)
        }
        addText(text, x: box.x, baseline: box.y + measurer.ascent(font), font: font, color: color)
    }
}
