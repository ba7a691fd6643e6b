/// The state of one scene while it is built: layout, scale, the items so far and the labels
/// waiting for the "labels" group.
struct SceneBuilder {
    let options: ChartOptions
    /// Measures every text the scene places (the engine that draws it).
    let measurer: any TextMeasurer
    let theme: ChartTheme
    let analysis: Analysis
    let candles: CandleSeries?
    let viewport: Viewport
    /// Device pixels per layout pixel: the pixel scale times the canvas factor
    /// (``SceneLayout/canvasFactor(width:height:)``), so text and lines follow the image size.
    let s: Double
    /// Canvas size in device pixels.
    let canvasWidth: Double, canvasHeight: Double
    /// The whole canvas.
    let canvas: PixelRect

    /// Header band height (0 without a header).
    let headerHeight: Double
    /// Time axis height.
    let timeAxisHeight: Double
    /// The plot area.
    var plot: PixelRect
    /// Price axis width.
    var priceAxisWidth: Double = 0
    /// Chart space to pixels.
    var scale: ChartScale
    /// Decimals of price labels.
    var priceDecimals: Int = 2
    /// Price grid step.
    var priceStep: Double = 0

    /// The items of every group before "labels".
    var items: [DisplayItem] = []
    /// The contents of the "labels" group, painted last.
    var labels: [DisplayItem] = []
    /// Price tags waiting to be stacked on the axis.
    var tags: [PriceTag] = []
    /// Boxes of labels inside the plot.
    var placer: LabelPlacer
    /// Notes for the caller.
    var warnings: [ChartWarning] = []
    /// Drawing labels by clientObjectId: the display texts of the links to them.
    let drawingLabels: [String: String]

    /// Standard fonts.
    let axisFont: FontSpec
    let plotFont: FontSpec
    /// Device width of a one-logical-pixel line.
    let hairline: Double

    init(
        options: ChartOptions, viewport: Viewport, analysis: Analysis, candles: CandleSeries?,
        measurer: any TextMeasurer
    ) {
        self.options = options
        self.measurer = measurer
        self.theme = options.theme
        self.analysis = analysis
        self.candles = candles
        self.viewport = viewport
        drawingLabels = Self.linkLabels(analysis.metadata)
        s = options.pixelScale * SceneLayout.canvasFactor(width: options.width, height: options.height)
        let size = options.deviceSize
        canvasWidth = Double(size.width)
        canvasHeight = Double(size.height)
        canvas = PixelRect(x: 0, y: 0, width: canvasWidth, height: canvasHeight)
        headerHeight =
            options.showsHeader && options.height >= SceneLayout.headerMinimumCanvasHeight
                && Self.hasHeaderContent(analysis.metadata)
            ? (SceneLayout.headerHeight * s).rounded() : 0
        timeAxisHeight = (SceneLayout.timeAxisHeight * s).rounded()
        axisFont = FontSpec(size: SceneLayout.axisFontSize * s)
        plotFont = FontSpec(size: SceneLayout.plotLabelFontSize * s)
        hairline = PixelSnap.width(s)
        // Provisional plot; the price axis width is settled in `layOut`.
        plot = PixelRect(
            x: 0, y: headerHeight, width: canvasWidth,
            height: Swift.max(1, canvasHeight - headerHeight - timeAxisHeight))
        scale = viewport.scale(plot: plot)
        placer = LabelPlacer(bounds: plot)
    }

    /// Lays out, draws every group and assembles the list.
    mutating func build() -> SceneResult {
        let priceTicks = layOut()
        var list = DisplayList(width: Int(canvasWidth), height: Int(canvasHeight), background: theme.background)
        items.reserveCapacity(64)
        let timeTicks = timeAxisTicks()

        group("grid") { $0.drawGrid(priceTicks: priceTicks, timeTicks: timeTicks) }
        group("candles") { $0.drawCandles() }
        // The expiry note is placed first (it has one place), painted after the drawings.
        let outer = items
        items = []
        drawExpiry()
        let expiryItems = items
        items = outer
        group("levels") { $0.drawLevels() }
        group("drawings") { $0.drawDrawings() }
        group("expiry") { $0.items += expiryItems }
        if options.events != nil { group("events") { $0.drawEvents() } }
        group("axes") { $0.drawAxes() }

        drawHeader()
        let tagBoxes = placeTags()
        drawPriceLabels(priceTicks, avoiding: tagBoxes)
        drawTimeLabels(timeTicks)
        drawTagLabels()
        items.append(.beginGroup("labels"))
        items.append(contentsOf: labels)
        items.append(.endGroup)
        list.items = items
        return SceneResult(displayList: list, warnings: warnings, scale: scale)
    }

    /// Wraps what `body` appends in a named group.
    mutating func group(_ name: String, _ body: (inout SceneBuilder) -> Void) {
        items.append(.beginGroup(name))
        body(&self)
        items.append(.endGroup)
    }

    // MARK: - Layout

    /// Chooses the price step and precision, sizes the price axis, and fixes the plot and scale.
    /// Returns the price grid values.
    mutating func layOut() -> [Double] {
        let range = viewport.priceRange
        let span = range.upperBound - range.lowerBound
        let magnitude = Swift.max(abs(range.lowerBound), abs(range.upperBound))
        (priceStep, priceDecimals) = AxisTicks.priceAxis(
            span: span, targetCount: Swift.max(1, plot.height / Swift.max(SceneLayout.priceGridSpacing * s, 1)),
            magnitude: magnitude, dataDecimals: Self.dataDecimals(analysis: analysis, candles: candles),
            explicitDecimals: options.pricePrecision)
        let values = AxisTicks.priceValues(in: range, step: priceStep)

        collectTags()
        var widest = 0.0
        for v in values { widest = Swift.max(widest, textWidth(formatPrice(v), axisFont)) }
        for t in tags { widest = Swift.max(widest, textWidth(t.text, axisFont)) }
        let pad = SceneLayout.axisLabelPadding * s
        let wanted = Swift.max(widest + 2 * pad, SceneLayout.minimumPriceAxisWidth * s)
        priceAxisWidth = Swift.min(wanted, canvasWidth * SceneLayout.maximumPriceAxisFraction).rounded(.up)
        plot = PixelRect(
            x: 0, y: headerHeight, width: Swift.max(1, canvasWidth - priceAxisWidth),
            height: plot.height)
        scale = viewport.scale(plot: plot)
        placer = LabelPlacer(bounds: plot)
        return values
    }

    /// The time ticks for the plot's width.
    func timeAxisTicks() -> [TimeTick] {
        if scale.isBarIndexed {
            // Narrow plots keep about five labels; wide ones one per 100 logical pixels at most.
            let spacing = Swift.min(
                Swift.max(plot.width / 5, SceneLayout.minimumTimeGridSpacing * s), SceneLayout.timeGridSpacing * s)
            return AxisTicks.barTimeTicks(
                scale: scale, minSpacing: spacing, font: axisFont, labelGap: SceneLayout.timeLabelGap * s,
                measurer: measurer)
        }
        return AxisTicks.timeTicks(
            in: viewport.timeRange, pixelsPerSecond: scale.pixelsPerSecond,
            minSpacing: SceneLayout.timeGridSpacing * s, font: axisFont,
            labelGap: SceneLayout.timeLabelGap * s, measurer: measurer
        ).ticks
    }

    // MARK: - Helpers

    /// Whether the metadata gives the header anything to show.
    static func hasHeaderContent(_ meta: AnalysisMetadata?) -> Bool {
        guard let meta else { return false }
        return !(meta.symbol ?? "").isEmpty || !(meta.timeframe ?? "").isEmpty || meta.analysisType != nil
            || !(meta.title ?? "").isEmpty
    }

    /// The crisp y of a horizontal line of `width` at `y`, kept on the plot's rows.
    func crispY(_ y: Double, width: Double) -> Double {
        let half = PixelSnap.width(width) / 2
        return Swift.min(Swift.max(PixelSnap.line(y, width: width), plot.y + half), plot.maxY - half)
    }

    /// A price as the axis writes it.
    func formatPrice(_ p: Double) -> String { PriceFormat.format(p, decimals: priceDecimals) }

    /// A price in a warning: at the axis' decimals, or the price's own when it has more
    /// (`--precision 2` must not report the line at 1.355 as 1.36).
    func warningPrice(_ p: Double) -> String {
        PriceFormat.format(p, decimals: Swift.max(priceDecimals, PriceFormat.ownDecimals(p) ?? priceDecimals))
    }

    /// Candles sampled for their decimals: at most this many, evenly spaced, and the last.
    static let decimalSampleCount = 256

    /// The decimals the data was written with (``PriceFormat/dataDecimals(_:)``): the
    /// candles' prices (a sample of at most ``decimalSampleCount`` candles, evenly spaced,
    /// and the last, so the cost does not grow with the series), the levels and the
    /// horizontal lines. `nil` without such prices or when one is computed noise.
    static func dataDecimals(analysis: Analysis, candles: CandleSeries?) -> Int? {
        var values: [Double] = []
        if let cs = candles?.candles, !cs.isEmpty {
            let stride = Swift.max(1, cs.count / decimalSampleCount)
            values.reserveCapacity(4 * (cs.count / stride + 2))
            var i = 0
            while i < cs.count {
                let c = cs[i]
                // One append per price: an array literal here would allocate per candle.
                values.append(c.open)
                values.append(c.high)
                values.append(c.low)
                values.append(c.close)
                i += stride
            }
            let last = cs[cs.count - 1]
            values.append(last.open)
            values.append(last.high)
            values.append(last.low)
            values.append(last.close)
        }
        for (_, entry) in analysis.levels?.ordered ?? [] { values.append(entry.price) }
        for d in analysis.drawings ?? [] {
            if case .horizontalLine(let h) = d { values.append(h.point.price) }
        }
        return values.isEmpty ? nil : PriceFormat.dataDecimals(values)
    }

    func textWidth(_ text: String, _ font: FontSpec) -> Double { measurer.width(of: text, font: font) }

    /// The box a text run covers: advance width by ascent + descent.
    func textBox(_ text: String, x: Double, baseline: Double, font: FontSpec) -> PixelRect {
        let a = measurer.ascent(font), d = measurer.descent(font)
        return PixelRect(x: x, y: baseline - a, width: textWidth(text, font), height: a + d)
    }

    /// Adds a text run to the labels, moved inside the canvas if it would stick out.
    mutating func addText(_ text: String, x: Double, baseline: Double, font: FontSpec, color: RGBAColor) {
        guard x.isFinite, baseline.isFinite else { return }
        // Wider than the canvas (a tiny chart): shortened with "…".
        let text = measurer.truncate(text, toWidth: canvasWidth, font: font)
        guard !text.isEmpty else { return }
        let box = LabelPlacement.clamp(textBox(text, x: x, baseline: baseline, font: font), into: canvas)
        let origin = PixelPoint(x: box.x, y: box.y + measurer.ascent(font))
        labels.append(.text(TextRun(text: text, origin: origin, font: font, color: color)))
    }

    /// A text colour readable on `fill`: the theme's tag text on dark fills, near-black on light ones.
    func contrastText(on fill: RGBAColor) -> RGBAColor {
        let l = 0.2126 * Double(fill.red) + 0.7152 * Double(fill.green) + 0.0722 * Double(fill.blue)
        return l > 165 ? ChartTheme.rgb(0x131722) : theme.tagText
    }

    /// A stroke of one segment, clipped to the plot; nothing when it misses.
    mutating func strokeSegment(_ a: PixelPoint, _ b: PixelPoint, _ style: StrokeStyle, halo: StrokeStyle? = nil) {
        guard let (p, q) = Clipping.clipSegment(a, b, to: plot) else { return }
        var path = PixelPath()
        path.move(to: p)
        path.line(to: q)
        appendStroke(path, style, halo: halo)
    }

    /// A stroke, over its halo when it has one.
    mutating func appendStroke(_ path: PixelPath, _ style: StrokeStyle, halo: StrokeStyle?) {
        if let halo { items.append(.stroke(path, halo)) }
        items.append(.stroke(path, style))
    }

    /// A filled polygon, clipped to the plot; nothing when it misses.
    mutating func fillPolygon(_ points: [PixelPoint], _ color: RGBAColor) {
        let clipped = Clipping.clipPolygon(points, to: plot)
        guard clipped.count >= 3 else { return }
        var path = PixelPath()
        path.elements.reserveCapacity(clipped.count + 1)
        path.move(to: clipped[0])
        for p in clipped.dropFirst() { path.line(to: p) }
        path.close()
        items.append(.fill(path, color))
    }

    /// A filled axis-aligned box on whole pixels; `nil` when it covers no pixel.
    static func rectFill(_ r: PixelRect, _ color: RGBAColor) -> DisplayItem? {
        let snapped = PixelSnap.rect(r)
        guard snapped.width > 0, snapped.height > 0 else { return nil }
        var path = PixelPath()
        path.addRect(snapped)
        return .fill(path, color)
    }
}

/// A coloured price tag on the price axis.
struct PriceTag {
    /// The price it marks.
    var price: Double
    /// Its text.
    var text: String
    /// Box colour.
    var fill: RGBAColor
    /// Text colour.
    var textColor: RGBAColor
    /// Where it was stacked.
    var box = PixelRect(x: 0, y: 0, width: 0, height: 0)
}
