// The grid, the axis borders, the axis labels and the price tags.
extension SceneBuilder {
    /// One stroke for every grid line: horizontal at price ticks, vertical at time ticks.
    mutating func drawGrid(priceTicks: [Double], timeTicks: [TimeTick]) {
        var path = PixelPath()
        path.elements.reserveCapacity(2 * (priceTicks.count + timeTicks.count))
        for v in priceTicks {
            let y = scale.y(v)
            guard y >= plot.y, y <= plot.maxY else { continue }
            let cy = PixelSnap.line(y, width: hairline)
            guard cy < plot.maxY else { continue }  // the bottom edge is the axis border
            path.move(to: PixelPoint(x: plot.x, y: cy))
            path.line(to: PixelPoint(x: plot.maxX, y: cy))
        }
        for tick in timeTicks {
            let x = scale.x(tick.t)
            guard x >= plot.x, x <= plot.maxX else { continue }
            let cx = PixelSnap.line(x, width: hairline)
            guard cx < plot.maxX else { continue }  // the right edge is the axis border
            path.move(to: PixelPoint(x: cx, y: plot.y))
            path.line(to: PixelPoint(x: cx, y: plot.maxY))
        }
        if !path.isEmpty { items.append(.stroke(path, StrokeStyle(color: theme.grid, width: hairline))) }
    }

    /// The borders between the plot and the axes, and under the header.
    mutating func drawAxes() {
        var path = PixelPath()
        let x = PixelSnap.line(plot.maxX, width: hairline)
        path.move(to: PixelPoint(x: x, y: plot.y))
        path.line(to: PixelPoint(x: x, y: canvasHeight))
        let y = PixelSnap.line(plot.maxY, width: hairline)
        path.move(to: PixelPoint(x: 0, y: y))
        path.line(to: PixelPoint(x: canvasWidth, y: y))
        if headerHeight > 0 {
            let hy = PixelSnap.line(headerHeight - hairline, width: hairline)
            path.move(to: PixelPoint(x: 0, y: hy))
            path.line(to: PixelPoint(x: canvasWidth, y: hy))
        }
        items.append(.stroke(path, StrokeStyle(color: theme.axisLine, width: hairline)))
    }

    /// The price tags: levels, horizontal lines and the last price, for prices in view.
    mutating func collectTags() {
        let range = viewport.priceRange
        func add(_ price: Double, _ fill: RGBAColor) {
            guard price.isFinite, range.contains(price) else { return }
            tags.append(PriceTag(price: price, text: formatPrice(price), fill: fill, textColor: contrastText(on: fill)))
        }
        if let last = candles?.candles.last, viewport.timeRange.contains(last.t) {
            add(last.close, last.isUp ? theme.candleUp : theme.candleDown)
        }
        for (role, entry) in analysis.levels?.ordered ?? [] { add(entry.price, levelColor(role)) }
        for d in analysis.drawings ?? [] {
            if case .horizontalLine(let h) = d { add(h.point.price, h.style.color ?? theme.drawingDefault) }
        }
    }

    /// Stacks the tags along the axis so that none overlaps another; returns their boxes.
    mutating func placeTags() -> [PixelRect] {
        guard !tags.isEmpty else { return [] }
        let h = (SceneLayout.tagHeight * s).rounded()
        let desired = tags.map { scale.y($0.price) }
        let centres = LabelPlacement.stack(desired, height: h, within: plot.y...plot.maxY)
        var boxes: [PixelRect] = []
        for i in tags.indices {
            let top = Swift.min(Swift.max((centres[i] - h / 2).rounded(), plot.y), plot.maxY - h)
            tags[i].box = PixelRect(x: plot.maxX, y: top, width: canvasWidth - plot.maxX, height: h)
            boxes.append(tags[i].box)
        }
        return boxes
    }

    /// The tag boxes and their texts.
    mutating func drawTagLabels() {
        let pad = SceneLayout.axisLabelPadding * s
        for tag in tags {
            if let f = Self.rectFill(tag.box, tag.fill) { labels.append(f) }
            let baseline = measurer.baseline(centeredOn: tag.box.y + tag.box.height / 2, font: axisFont)
            addText(tag.text, x: tag.box.x + pad, baseline: baseline, font: axisFont, color: tag.textColor)
        }
    }

    /// The price axis labels, except where a tag covers them.
    mutating func drawPriceLabels(_ values: [Double], avoiding tagBoxes: [PixelRect]) {
        let pad = SceneLayout.axisLabelPadding * s
        let half = measurer.capHeight(axisFont) / 2 + 2 * s
        for v in values {
            let y = scale.y(v)
            guard y - half >= plot.y, y + half <= plot.maxY else { continue }
            let text = formatPrice(v)
            let baseline = measurer.baseline(centeredOn: y, font: axisFont)
            let box = textBox(text, x: plot.maxX + pad, baseline: baseline, font: axisFont)
            if tagBoxes.contains(where: { LabelPlacement.overlaps($0, box) }) { continue }
            addText(text, x: box.x, baseline: baseline, font: axisFont, color: theme.axisText)
        }
    }

    /// The time axis labels, centred under their ticks, never overlapping.
    mutating func drawTimeLabels(_ ticks: [TimeTick]) {
        let baseline = measurer.baseline(centeredOn: plot.maxY + timeAxisHeight / 2, font: axisFont)
        let gap = SceneLayout.timeLabelGap * s / 2
        var lastRight = -Double.infinity
        let bold = FontSpec(weight: .bold, size: axisFont.size)
        for tick in ticks {
            let x = scale.x(tick.t)
            guard x >= plot.x, x <= plot.maxX else { continue }
            let font = tick.emphasis ? bold : axisFont
            let w = textWidth(tick.label, font)
            let left = Swift.min(Swift.max(x - w / 2, 0), canvasWidth - w)
            guard left >= lastRight + gap else { continue }
            addText(tick.label, x: left, baseline: baseline, font: font, color: theme.axisText)
            lastRight = left + w
        }
    }

    /// The colour of a level role.
    func levelColor(_ role: LevelRole) -> RGBAColor {
        switch role {
        case .support: return theme.support
        case .resistance: return theme.resistance
        case .pivot: return theme.pivot
        }
    }
}
