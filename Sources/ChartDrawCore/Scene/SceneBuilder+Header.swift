// The header band: symbol, timeframe, analysis-type badge and title.
extension SceneBuilder {
    /// Draws the header into the labels, left to right, truncating the title to fit.
    mutating func drawHeader() {
        guard headerHeight > 0, let meta = analysis.metadata else { return }
        let gap = SceneLayout.headerGap * s
        let centre = headerHeight / 2
        let right = canvasWidth - gap
        var x = gap
        let symbolFont = FontSpec(weight: .bold, size: SceneLayout.symbolFontSize * s)
        let textFont = FontSpec(size: SceneLayout.headerFontSize * s)

        func put(_ text: String, _ font: FontSpec, _ color: RGBAColor) {
            let fitted = measurer.truncate(text, toWidth: right - x, font: font)
            guard !fitted.isEmpty else { return }
            addText(fitted, x: x, baseline: measurer.baseline(centeredOn: centre, font: font), font: font, color: color)
            x += textWidth(fitted, font) + gap
        }
        if let symbol = meta.symbol, !symbol.isEmpty { put(symbol, symbolFont, theme.text) }
        if let tf = meta.timeframe, !tf.isEmpty { put(tf, textFont, theme.axisText) }
        if let type = meta.analysisType {
            let font = FontSpec(weight: .bold, size: SceneLayout.badgeFontSize * s)
            let w = (textWidth(type.label, font) + 2 * SceneLayout.badgePadding * s).rounded(.up)
            let h = (SceneLayout.badgeHeight * s).rounded()
            if x + w <= right {
                let box = PixelRect(x: x.rounded(), y: (centre - h / 2).rounded(), width: w, height: h)
                let fill = type.isBullish ? theme.bullish : theme.bearish
                labels.append(.fill(Self.roundedRect(box, radius: 3 * s), fill))
                addText(
                    type.label, x: box.x + SceneLayout.badgePadding * s,
                    baseline: measurer.baseline(centeredOn: box.y + h / 2, font: font), font: font,
                    color: contrastText(on: fill))
                x = box.maxX + gap
            }
        }
        if let title = meta.title, !title.isEmpty { put(LinkedText.plainText(title), textFont, theme.text) }
    }

    /// A rectangle with corners rounded by `radius`, as straight segments (four per corner).
    static func roundedRect(_ r: PixelRect, radius: Double) -> PixelPath {
        let rad = Swift.min(radius, r.width / 2, r.height / 2)
        // cos and sin of 0°, 22.5°, 45°, 67.5°, 90°.
        let c: [Double] = [1, 0.9238795325112867, 0.7071067811865476, 0.3826834323650898, 0]
        var path = PixelPath()
        path.elements.reserveCapacity(22)
        // Corner centres, and the starting angle of each quarter (clockwise in y-down space).
        let corners: [(Double, Double, Double, Double)] = [
            (r.maxX - rad, r.y + rad, 0, -1),  // top right: from up (0,-1) to right (1,0)
            (r.maxX - rad, r.maxY - rad, 1, 0),  // bottom right: right to down
            (r.x + rad, r.maxY - rad, 0, 1),  // bottom left: down to left
            (r.x + rad, r.y + rad, -1, 0),  // top left: left to up
        ]
        var first = true
        for (cx, cy, ux, uy) in corners {
            // Rotate from direction u towards u turned 90° clockwise (y down): (-uy, ux).
            let vx = -uy, vy = ux
            for k in 0..<5 {
                let a = c[k], b = c[4 - k]
                let p = PixelPoint(x: cx + rad * (ux * a + vx * b), y: cy + rad * (uy * a + vy * b))
                if first {
                    path.move(to: p)
                    first = false
                } else {
                    path.line(to: p)
                }
            }
        }
        path.close()
        return path
    }
}
