/// How a chart image is laid out: its size, pixel density, theme and optional explicit view.
public struct ChartOptions: Hashable, Sendable {
    /// Width in logical pixels (``logicalSizeLimits``).
    public var width: Int
    /// Height in logical pixels (``logicalSizeLimits``).
    public var height: Int
    /// Device pixels per logical pixel: 1 for ordinary screens, 2 for high-density ones;
    /// fractional values are allowed (``pixelScaleLimits``).
    public var pixelScale: Double
    /// Colours.
    public var theme: ChartTheme
    /// The times shown, overriding the fit to candles and drawings.
    public var timeRange: ClosedRange<Timestamp>?
    /// The prices shown, overriding the fit; must be finite with `upperBound > lowerBound`.
    public var priceRange: ClosedRange<Double>?
    /// When the analysis starts, for its expiry; defaults to the last candle's time.
    public var createdAt: Timestamp?
    /// Decimals of every price label (0...12), overriding the
    /// choice from the instrument's magnitude and the grid step.
    public var pricePrecision: Int?
    /// Whether to draw the header band (symbol, timeframe, analysis type, title).
    public var showsHeader: Bool
    /// How time runs along the x axis: candles side by side (the default) or clock time.
    public var timeAxis: TimeAxisMode
    /// The follow-up overlay: when set, the analysis is evaluated over the candles with these
    /// options (``Evaluation/evaluate(_:candles:options:)``), each event is marked with its
    /// kind and the outcome is shaded; the expiry then counts from the evaluation's start
    /// unless `createdAt` is given.
    public var events: EvaluationOptions?
    /// Whether candles are merged per pixel column (tests compare both ways).
    var candleAggregation: CandleAggregationMode = .automatic

    /// Creates options; every argument has the default of a 1200×675 light chart.
    public init(
        width: Int = 1200, height: Int = 675, pixelScale: Double = 1, theme: ChartTheme = .light,
        timeRange: ClosedRange<Timestamp>? = nil, priceRange: ClosedRange<Double>? = nil,
        createdAt: Timestamp? = nil, pricePrecision: Int? = nil, showsHeader: Bool = true,
        timeAxis: TimeAxisMode = .bars
    ) {
        self.width = width
        self.height = height
        self.pixelScale = pixelScale
        self.theme = theme
        self.timeRange = timeRange
        self.priceRange = priceRange
        self.createdAt = createdAt
        self.pricePrecision = pricePrecision
        self.showsHeader = showsHeader
        self.timeAxis = timeAxis
    }

    /// The accepted logical width and height.
    public static let logicalSizeLimits: ClosedRange<Int> = 64...8192
    /// The accepted pixel scale.
    public static let pixelScaleLimits: ClosedRange<Double> = 0.5...4
    /// The largest device width or height (logical size × pixel scale, rounded):
    /// ``ResourceLimits/maxImageSide``.
    public static let maximumDeviceSide = ResourceLimits.standard.maxImageSide
    /// The largest device pixel count (width × height), about 160 MB of RGBA:
    /// ``ResourceLimits/maxImagePixels``.
    public static let maximumDevicePixels = ResourceLimits.standard.maxImagePixels

    /// Whether an explicit price range can be drawn: finite, within ``PriceLimits/range`` in
    /// magnitude, reaching above its lower end, and wider than ``PriceLimits/minimumRelativeSpan``
    /// of its magnitude (narrower spans have no distinct grid lines in a double).
    public static func isDrawable(priceRange r: ClosedRange<Double>) -> Bool {
        let lo = r.lowerBound, hi = r.upperBound
        guard lo.isFinite, hi.isFinite, hi > lo else { return false }
        let magnitude = Swift.max(abs(lo), abs(hi))
        guard magnitude <= PriceLimits.range.upperBound, hi >= PriceLimits.range.lowerBound else { return false }
        return hi - lo >= magnitude * PriceLimits.minimumRelativeSpan
    }

    /// The device size, `logical × pixelScale` rounded to whole pixels; the options must be valid.
    var deviceSize: (width: Int, height: Int) {
        (Int((Double(width) * pixelScale).rounded()), Int((Double(height) * pixelScale).rounded()))
    }

    /// Checks the limits (``logicalSizeLimits``, ``pixelScaleLimits``, the device size after
    /// rounding, the explicit view, at most 12 price decimals); throws the first problem.
    /// Rendering runs the same check; callers that take options from users (a command line, a
    /// request) call it to report a problem before any work.
    public func validate() throws(SceneError) {
        guard Self.logicalSizeLimits.contains(width), Self.logicalSizeLimits.contains(height) else {
            throw .invalidSize(width: width, height: height)
        }
        guard pixelScale.isFinite, Self.pixelScaleLimits.contains(pixelScale) else {
            throw .invalidPixelScale(pixelScale)
        }
        let (w, h) = deviceSize
        guard w <= Self.maximumDeviceSide, h <= Self.maximumDeviceSide, w * h <= Self.maximumDevicePixels else {
            throw .tooManyPixels(width: w, height: h)
        }
        if let r = timeRange, !(r.upperBound > r.lowerBound) {
            throw .invalidTimeRange(r.lowerBound, r.upperBound)
        }
        if let r = priceRange, !Self.isDrawable(priceRange: r) {
            throw .invalidPriceRange(r.lowerBound, r.upperBound)
        }
        if let p = pricePrecision, !(0...PriceFormat.maximumDecimals).contains(p) {
            throw .invalidPricePrecision(p)
        }
    }
}

/// Whether candles are merged per device-pixel column.
enum CandleAggregationMode: Hashable, Sendable {
    /// Merge when more candles are in view than the plot has pixel columns.
    case automatic
    /// Always draw through the per-pixel-column candle aggregation.
    case always
    /// Never merge.
    case never
}

/// How time runs along a chart's x axis.
public enum TimeAxisMode: String, Hashable, Sendable, CaseIterable {
    /// Candles at consecutive, equally spaced positions, as trading platforms draw them:
    /// weekends, nights and session breaks take no room (a bar-indexed time scale). Without candles
    /// it is clock time.
    case bars
    /// Proportional to clock time: closed-market time shows as blank space.
    case clock
}
