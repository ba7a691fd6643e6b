// Candles: four batched items (up wicks, down wicks, up bodies, down bodies), crisp on the
// pixel grid, merged per pixel column when there are more candles than columns.
extension SceneBuilder {
    /// Draws the candles in view and the last-price line.
    mutating func drawCandles() {
        guard let series = candles else { return }
        let aggregate: Bool
        switch options.candleAggregation {
        case .automatic: aggregate = CandleAggregation.needsAggregation(series, scale: scale)
        case .always: aggregate = true
        case .never: aggregate = false
        }
        let wick = hairline
        // Bars wider than the plot look the same however wide: cap before any Int conversion.
        let barWidth =
            scale.isBarIndexed ? scale.pixelsPerPosition : series.interval * scale.pixelsPerSecond
        let spacing = Swift.min(barWidth, 4 * plot.width + 4)
        var body = Swift.max(1, (spacing * SceneLayout.candleBodyFraction).rounded(.down))
        // Same parity as the wick, so the wick sits exactly in the body's middle.
        if Int(body - wick) % 2 != 0 { body = body > wick ? body - 1 : body + 1 }
        body = Swift.max(body, wick)

        var bars = CandleBars(plot: plot, bodyWidth: body, wickWidth: wick)
        if aggregate {
            let columns = CandleAggregation.columns(series, scale: scale)
            bars.reserve(columns.count)
            for c in columns {
                bars.add(
                    centerX: c.centerX, open: scale.y(c.open), high: scale.y(c.high), low: scale.y(c.low),
                    close: scale.y(c.close), up: c.isUp)
            }
        } else {
            let range = CandleAggregation.visibleRange(series, scale: scale)
            bars.reserve(range.count)
            let n = series.candles.count
            series.candles.withUnsafeBufferPointer { buf in
                for i in range {
                    let c = buf[i]
                    bars.add(
                        centerX: scale.x(candle: i, time: c.t, count: n), open: scale.y(c.open),
                        high: scale.y(c.high), low: scale.y(c.low), close: scale.y(c.close), up: c.isUp)
                }
            }
        }
        guard bars.count > 0 else {
            warnings.append(ChartWarning(.noCandleInView, "no candle lies in the view"))
            return
        }
        items.append(.pushClip(plot))
        if !bars.upWicks.isEmpty {
            items.append(.stroke(bars.upWicks, StrokeStyle(color: theme.candleUp, width: wick)))
        }
        if !bars.downWicks.isEmpty {
            items.append(.stroke(bars.downWicks, StrokeStyle(color: theme.candleDown, width: wick)))
        }
        if !bars.upBodies.isEmpty { items.append(.fill(bars.upBodies, theme.candleUp)) }
        if !bars.downBodies.isEmpty { items.append(.fill(bars.downBodies, theme.candleDown)) }
        items.append(.popClip)

        // The last price: a dotted line across the plot in the last candle's colour.
        if let last = series.candles.last, viewport.timeRange.contains(last.t) {
            let y = scale.y(last.close)
            if y >= plot.y, y <= plot.maxY {
                let cy = crispY(y, width: hairline)
                var path = PixelPath()
                path.move(to: PixelPoint(x: plot.x, y: cy))
                path.line(to: PixelPoint(x: plot.maxX, y: cy))
                let color = last.isUp ? theme.candleUp : theme.candleDown
                items.append(.stroke(path, StrokeStyle(color: color, width: hairline, dash: [hairline, 2 * hairline])))
            }
        }
    }
}

/// The four batched paths of the candles being built.
///
/// Every bar is cut to the plot here (bodies, and wicks outside its columns dropped), so
/// coordinates stay inside the canvas whatever the prices; the clip pushed around them only
/// guards anti-aliasing.
struct CandleBars {
    var upWicks = PixelPath()
    var downWicks = PixelPath()
    var upBodies = PixelPath()
    var downBodies = PixelPath()
    var count = 0
    let plot: PixelRect
    let bodyWidth: Double, wickWidth: Double

    init(plot: PixelRect, bodyWidth: Double, wickWidth: Double) {
        self.plot = plot
        self.bodyWidth = bodyWidth
        self.wickWidth = wickWidth
    }

    /// Reserves room for `n` bars.
    mutating func reserve(_ n: Int) {
        upWicks.elements.reserveCapacity(n * 2)
        downWicks.elements.reserveCapacity(n * 2)
        upBodies.elements.reserveCapacity(n * 5)
        downBodies.elements.reserveCapacity(n * 5)
    }

    /// The rows `a...b` (whole pixels, `a <= b`) cut to the plot, at least `minimum` tall;
    /// `nil` when they lie wholly above or below it.
    @inline(__always) func rows(_ a: Double, _ b: Double, minimum: Double) -> (Double, Double)? {
        guard b >= plot.y, a <= plot.maxY else { return nil }
        var top = Swift.max(a, plot.y), bottom = Swift.min(b, plot.maxY)
        if bottom - top < minimum {
            bottom = top + minimum
            if bottom > plot.maxY {
                bottom = plot.maxY
                top = Swift.max(plot.y, bottom - minimum)
            }
        }
        return (top, bottom)
    }

    /// Adds one bar given its centre x and the y of its prices.
    mutating func add(centerX: Double, open: Double, high: Double, low: Double, close: Double, up: Bool) {
        guard centerX.isFinite, high.isFinite, low.isFinite, open.isFinite, close.isFinite else { return }
        let left = (centerX - bodyWidth / 2).rounded()
        let wickX = left + bodyWidth / 2
        let x0 = Swift.max(left, plot.x), x1 = Swift.min(left + bodyWidth, plot.maxX)
        guard x1 > x0 else { return }
        count += 1
        // A doji (or a body under one pixel) is a horizontal line as thick as a wick.
        if let (top, bottom) = rows(
            Swift.min(open, close).rounded(), Swift.max(open, close).rounded(), minimum: wickWidth)
        {
            let r = PixelRect(x: x0, y: top, width: x1 - x0, height: bottom - top)
            if up { upBodies.addRect(r) } else { downBodies.addRect(r) }
        }
        guard wickX >= plot.x, wickX <= plot.maxX,
            let (top, bottom) = rows(high.rounded(), low.rounded(), minimum: wickWidth)
        else { return }
        let a = PixelPoint(x: wickX, y: top), b = PixelPoint(x: wickX, y: bottom)
        if up {
            upWicks.move(to: a)
            upWicks.line(to: b)
        } else {
            downWicks.move(to: a)
            downWicks.line(to: b)
        }
    }
}
