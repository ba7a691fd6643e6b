// The follow-up overlay (`ChartOptions.events`): the outcome shaded from the start to the
// deciding bar (green between the start price and the target, red between it and the
// invalidation), and a small marker with its kind at every event. Positions come from the
// scene's own chart-to-pixel mapping, as the candles' do.
extension SceneBuilder {
    /// Evaluates the analysis over the scene's candles and draws the overlay.
    mutating func drawEvents() {
        guard var eo = options.events, let candles else { return }
        if eo.createdAt == nil { eo.createdAt = options.createdAt }
        let e = Evaluation.evaluate(analysis, candles: candles, options: eo)
        for var w in e.warnings {
            w.message = "follow-up: " + w.message
            warnings.append(w)
        }
        let bars = candles.candles
        guard e.firstBar < bars.count else { return }

        // The outcome: shaded boxes from the start to the deciding (else the last) bar.
        let startT = e.start?.secondsSinceEpoch ?? bars[e.firstBar].t
        let endBar = e.outcome.bar ?? bars.count - 1
        let x0 = scale.x(Swift.min(startT, bars[e.firstBar].t)),
            x1 = scale.x(candle: endBar, time: bars[endBar].t, count: bars.count)
        let ref = e.firstBar > 0 ? bars[e.firstBar - 1].close : bars[e.firstBar].open
        let y0 = scale.y(ref)
        for (price, color) in [(e.outcome.targetPrice, theme.bullish), (e.outcome.stopPrice, theme.bearish)] {
            guard let price, x1 > x0 else { continue }
            let y = scale.y(price)
            let box = PixelRect(x: x0, y: Swift.min(y, y0), width: x1 - x0, height: abs(y - y0))
            if let cut = PixelSnap.intersect(box, plot), let f = Self.rectFill(cut, color.withAlpha(0.14)) {
                items.append(f)
            }
        }

        if eo.extendRight { drawExtensions(candles, timeframe: analysis.metadata?.timeframe) }

        // One marker per event, labelled where there is room.
        let r = 4 * s
        let font = FontSpec(size: SceneLayout.plotLabelFontSize * s * 0.9)
        for ev in e.events {
            let p = PixelPoint(
                x: scale.x(candle: ev.bar, time: bars[ev.bar].t, count: bars.count), y: scale.y(ev.price))
            guard p.x >= plot.x - r, p.x <= plot.maxX + r, p.y >= plot.y - r, p.y <= plot.maxY + r else { continue }
            let (shape, color) = marker(ev.kind)
            var path = PixelPath()
            switch shape {
            case .up:
                path.move(to: PixelPoint(x: p.x, y: p.y - r))
                path.line(to: PixelPoint(x: p.x + r, y: p.y + r * 0.8))
                path.line(to: PixelPoint(x: p.x - r, y: p.y + r * 0.8))
            case .down:
                path.move(to: PixelPoint(x: p.x, y: p.y + r))
                path.line(to: PixelPoint(x: p.x + r, y: p.y - r * 0.8))
                path.line(to: PixelPoint(x: p.x - r, y: p.y - r * 0.8))
            case .diamond:
                path.move(to: PixelPoint(x: p.x, y: p.y - r))
                path.line(to: PixelPoint(x: p.x + r, y: p.y))
                path.line(to: PixelPoint(x: p.x, y: p.y + r))
                path.line(to: PixelPoint(x: p.x - r, y: p.y))
            }
            path.close()
            items.append(.fill(path, color))
            items.append(.stroke(path, StrokeStyle(color: theme.background, width: hairline)))
            let text = Self.eventLabel(ev)
            let w = textWidth(text, font), a = measurer.ascent(font), h = a + measurer.descent(font)
            let gap = r + 2 * s
            let candidates = [
                PixelRect(x: p.x + gap, y: p.y - gap - h, width: w, height: h),
                PixelRect(x: p.x + gap, y: p.y + gap, width: w, height: h),
                PixelRect(x: p.x - gap - w, y: p.y - gap - h, width: w, height: h),
                PixelRect(x: p.x - gap - w, y: p.y + gap, width: w, height: h),
            ]
            if let box = placer.place(candidates) { addPlotLabel(text, box: box, font: font, color: color) }
        }

        // The verdict beside the deciding bar (or the last one while open).
        let verdict: String
        let color: RGBAColor
        switch e.outcome.status {
        case .targetHit: (verdict, color) = ("Target hit", theme.bullish)
        case .invalidated: (verdict, color) = ("Invalidated", theme.bearish)
        case .expired: (verdict, color) = ("Expired", theme.expiry)
        case .open: (verdict, color) = ("Open", theme.text)
        }
        let bold = FontSpec(weight: .bold, size: plotFont.size)
        let w = textWidth(verdict, bold), a = measurer.ascent(bold), h = a + measurer.descent(bold)
        let edge = e.outcome.status == .invalidated ? e.outcome.stopPrice : e.outcome.targetPrice
        let y = scale.y(edge ?? ref)
        let inset = SceneLayout.labelInset * s
        let candidates = [
            PixelRect(x: x1 + inset, y: y - h / 2, width: w, height: h),
            PixelRect(x: x1 - inset - w, y: y - h - inset, width: w, height: h),
            PixelRect(x: x1 - inset - w, y: y + inset, width: w, height: h),
        ]
        let box = placer.placeAlways(candidates.map { LabelPlacement.clamp($0, into: plot) })
        addPlotLabel(verdict, box: box, font: bold, color: color)
    }

    /// With `extendRight`, the lines and channels beyond their right-most point as the
    /// evaluation saw them (through each later bar's position), dashed and faint.
    mutating func drawExtensions(_ candles: CandleSeries, timeframe: String?) {
        let bars = candles.candles
        let bar = BarTimeScale(candles: candles, timeframe: timeframe)
        for d in analysis.drawings ?? [] {
            let right: ChartPoint
            switch d {
            case .line(let l): right = l.start.t >= l.end.t ? l.start : l.end
            case .parallel(let p): right = p.p1.t >= p.p2.t ? p.p1 : p.p2
            default: continue
            }
            guard let track = EvaluationTrack.drawing(d, scale: bar, extendRight: true) else { continue }
            let from = bar.position(right.t)
            let first = Swift.max(0, Int(from.rounded(.up)))
            guard first < bars.count, let start = track.band(at: from) else { continue }
            let color = (d.style?.color ?? theme.drawingDefault).withAlpha(0.6)
            let style = StrokeStyle(color: color, width: hairline, dash: [4 * hairline, 3 * hairline])
            let x0 = scale.x(right.t)
            var edges = [(start.lo, [PixelPoint(x: x0, y: scale.y(start.lo))])]
            if case .parallel = d { edges.append((start.hi, [PixelPoint(x: x0, y: scale.y(start.hi))])) }
            for k in first..<bars.count {
                guard let b = track.band(at: Double(k)) else { break }
                let x = scale.x(candle: k, time: bars[k].t, count: bars.count)
                edges[0].1.append(PixelPoint(x: x, y: scale.y(b.lo)))
                if edges.count > 1 { edges[1].1.append(PixelPoint(x: x, y: scale.y(b.hi))) }
            }
            for (_, points) in edges {
                for i in points.indices.dropFirst() { strokeSegment(points[i - 1], points[i], style) }
            }
        }
    }

    /// The marker of an event kind: up triangles for moves up, down triangles for moves down,
    /// diamonds for contacts, entries into zones and the expiry.
    func marker(_ kind: EvaluationEventKind) -> (shape: MarkerShape, color: RGBAColor) {
        switch kind {
        case .crossUp, .exitUp, .breakUp: return (.up, theme.bullish)
        case .crossDown, .exitDown, .breakDown: return (.down, theme.bearish)
        case .entry: return (analysis.metadata?.direction == .bearish ? .down : .up, theme.pivot)
        case .exitTime, .expired: return (.diamond, theme.expiry)
        case .touch, .touchUpper, .touchLower, .enter, .levelReached: return (.diamond, theme.drawingDefault)
        }
    }

    /// The words beside a marker: the kind with spaces ("cross up"), the ratio for Fibonacci.
    static func eventLabel(_ e: EvaluationEvent) -> String {
        if e.kind == .levelReached, let r = e.ratio {
            return PriceFormat.format(r, decimals: 3).trimmingZeros + " reached"
        }
        return e.kind.rawValue.replacingUnderscores
    }
}

/// The shape of an event marker.
enum MarkerShape {
    case up, down, diamond
}

extension String {
    /// The text with `_` written as spaces.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }

    /// A decimal without trailing zeros (and without a trailing point).
    fileprivate var trimmingZeros: String {
        guard contains(".") else { return self }
        var s = Substring(self)
        while s.hasSuffix("0") { s = s.dropLast() }
        if s.hasSuffix(".") { s = s.dropLast() }
        return String(s)
    }
}
