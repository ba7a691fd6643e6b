// The expiry: a dashed vertical marker with the time after it shaded, or a note at the edge.
extension SceneBuilder {
    /// Draws the expiry marker when the analysis has one.
    mutating func drawExpiry() {
        guard let expiry = viewport.expiry else { return }
        let t = expiry.secondsSinceEpoch
        let range = viewport.timeRange
        // The year is shown when the view spans years or the expiry falls in another year.
        let y0 = Timestamp(secondsSinceEpoch: range.lowerBound)?.utc.year
        let y1 = Timestamp(secondsSinceEpoch: range.upperBound)?.utc.year
        let refYear = y0 != nil && y0 == y1 ? y0 : Int.min
        let when = TimeFormat.instant(expiry, referenceYear: refYear)
        // Expired once the data has passed it: at or before the last candle.
        let expired = candles.map { t <= $0.bounds.maxTime } ?? false
        let word = expired ? "Expired " : "Expires "
        let inset = SceneLayout.labelInset * s
        let baseline = plot.y + inset + measurer.ascent(plotFont)
        if t > range.upperBound {
            let text = word + when + " →"
            let w = textWidth(text, plotFont)
            reservePlotLabel(text, x: plot.maxX - inset - w, baseline: baseline, color: theme.expiry)
            warnings.append(ChartWarning(.expiryAfterView, "the expiry (\(expiry)) is after the end of the view"))
            return
        }
        let x = t < range.lowerBound ? plot.x : PixelSnap.line(scale.x(t), width: hairline)
        if let shade = PixelSnap.intersect(PixelRect(x: x, y: plot.y, width: plot.maxX - x, height: plot.height), plot)
        {
            if let f = Self.rectFill(shade, theme.expiryShade) { items.append(f) }
        }
        if t < range.lowerBound {
            reservePlotLabel("Expired " + when, x: plot.x + inset, baseline: baseline, color: theme.expiry)
            return
        }
        var path = PixelPath()
        path.move(to: PixelPoint(x: x, y: plot.y))
        path.line(to: PixelPoint(x: x, y: plot.maxY))
        items.append(
            .stroke(path, StrokeStyle(color: theme.expiry, width: hairline, dash: [4 * hairline, 4 * hairline])))
        let text = word + when
        let w = textWidth(text, plotFont)
        // Right of the marker when there is room, else left of it.
        let lx = x + inset + w <= plot.maxX - inset ? x + inset : x - inset - w
        reservePlotLabel(text, x: lx, baseline: baseline, color: theme.expiry)
    }

    /// A plot label at a fixed place (clamped into the plot), recorded so others avoid it.
    mutating func reservePlotLabel(_ text: String, x: Double, baseline: Double, color: RGBAColor) {
        let box = placer.placeAlways([textBox(text, x: x, baseline: baseline, font: plotFont)])
        addPlotLabel(text, box: box, font: plotFont, color: color)
    }
}
