// Support, pivot and resistance: lines across the plot, a name at the left, a tag on the axis.
extension SceneBuilder {
    /// Draws the levels in view; the pivot is dashed.
    mutating func drawLevels() {
        guard let levels = analysis.levels else { return }
        for (role, entry) in levels.ordered {
            let y = scale.y(entry.price)
            guard y.isFinite, y >= plot.y, y <= plot.maxY else {
                warnings.append("\(role.label.lowercased()) level \(formatPrice(entry.price)) is outside the view")
                continue
            }
            let color = levelColor(role)
            let cy = crispY(y, width: hairline)
            var path = PixelPath()
            path.move(to: PixelPoint(x: plot.x, y: cy))
            path.line(to: PixelPoint(x: plot.maxX, y: cy))
            let dash = role == .pivot ? [6 * hairline, 4 * hairline] : []
            items.append(.stroke(path, StrokeStyle(color: color, width: hairline, dash: dash)))
            placePlotLabel(role.label, x: plot.x + SceneLayout.labelInset * s, lineY: cy, font: plotFont, color: color)
        }
    }

    /// Places a label just above a horizontal line at `lineY` (else below it, else to the
    /// right of a label in the way), inside the plot and clear of other plot labels.
    mutating func placePlotLabel(_ text: String, x: Double, lineY: Double, font: FontSpec, color: RGBAColor) {
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
        guard let box = placer.place(candidates) else {
            warnings.append("label \"\(text)\" is left out: no free place beside its line (zoom in or enlarge the image)")
            return
        }
        addPlotLabel(text, box: box, font: font, color: color)
    }

    /// A label inside the plot over a translucent patch of the canvas colour, so it stays
    /// readable over candles and fills.
    mutating func addPlotLabel(_ text: String, box: PixelRect, font: FontSpec, color: RGBAColor) {
        let pad = 2 * s
        let patch = PixelRect(x: box.x - pad, y: box.y, width: box.width + 2 * pad, height: box.height)
        if let cut = PixelSnap.intersect(patch, plot), let f = Self.rectFill(cut, theme.background.withAlpha(0.7)) {
            labels.append(f)
        }
        addText(text, x: box.x, baseline: box.y + measurer.ascent(font), font: font, color: color)
    }
}
