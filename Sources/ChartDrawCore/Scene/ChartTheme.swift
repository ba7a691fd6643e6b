/// The colours of a chart, after TradingView's light and dark themes.
public struct ChartTheme: Hashable, Sendable {
    /// The canvas.
    public var background: RGBAColor
    /// Grid lines.
    public var grid: RGBAColor
    /// The border between the plot and the axes, and under the header.
    public var axisLine: RGBAColor
    /// Header text (symbol, title).
    public var text: RGBAColor
    /// Axis labels and secondary text.
    public var axisText: RGBAColor
    /// Rising candles.
    public var candleUp: RGBAColor
    /// Falling candles.
    public var candleDown: RGBAColor
    /// Support levels.
    public var support: RGBAColor
    /// Resistance levels.
    public var resistance: RGBAColor
    /// Pivot levels.
    public var pivot: RGBAColor
    /// The badge of a bullish analysis.
    public var bullish: RGBAColor
    /// The badge of a bearish analysis.
    public var bearish: RGBAColor
    /// The colour of a drawing whose style gives none.
    public var drawingDefault: RGBAColor
    /// Text on coloured tags and badges.
    public var tagText: RGBAColor
    /// The expiry marker and its label.
    public var expiry: RGBAColor
    /// The shade over the time after the expiry.
    public var expiryShade: RGBAColor

    /// Creates a theme.
    public init(
        background: RGBAColor, grid: RGBAColor, axisLine: RGBAColor, text: RGBAColor, axisText: RGBAColor,
        candleUp: RGBAColor, candleDown: RGBAColor, support: RGBAColor, resistance: RGBAColor, pivot: RGBAColor,
        bullish: RGBAColor, bearish: RGBAColor, drawingDefault: RGBAColor, tagText: RGBAColor,
        expiry: RGBAColor, expiryShade: RGBAColor
    ) {
        self.background = background
        self.grid = grid
        self.axisLine = axisLine
        self.text = text
        self.axisText = axisText
        self.candleUp = candleUp
        self.candleDown = candleDown
        self.support = support
        self.resistance = resistance
        self.pivot = pivot
        self.bullish = bullish
        self.bearish = bearish
        self.drawingDefault = drawingDefault
        self.tagText = tagText
        self.expiry = expiry
        self.expiryShade = expiryShade
    }

    /// White canvas, light grey grid (TradingView light).
    public static let light = ChartTheme(
        background: rgb(0xFFFFFF), grid: rgb(0xF0F3FA), axisLine: rgb(0xE0E3EB), text: rgb(0x131722),
        axisText: rgb(0x787B86), candleUp: rgb(0x26A69A), candleDown: rgb(0xEF5350), support: rgb(0x089981),
        resistance: rgb(0xF23645), pivot: rgb(0x2962FF), bullish: rgb(0x089981), bearish: rgb(0xF23645),
        drawingDefault: rgb(0x2962FF), tagText: rgb(0xFFFFFF), expiry: rgb(0x787B86),
        expiryShade: rgb(0x787B86).withAlpha(0.08))

    /// Near-black canvas, dark grey grid (TradingView dark).
    public static let dark = ChartTheme(
        background: rgb(0x131722), grid: rgb(0x2A2E39), axisLine: rgb(0x363A45), text: rgb(0xD1D4DC),
        axisText: rgb(0xB2B5BE), candleUp: rgb(0x26A69A), candleDown: rgb(0xEF5350), support: rgb(0x089981),
        resistance: rgb(0xF23645), pivot: rgb(0x2962FF), bullish: rgb(0x089981), bearish: rgb(0xF23645),
        drawingDefault: rgb(0x2962FF), tagText: rgb(0xFFFFFF), expiry: rgb(0xB2B5BE),
        expiryShade: rgb(0xB2B5BE).withAlpha(0.08))

    /// The outline around a drawing colour too close to the background to be seen
    /// (`SceneLayout/minimumContrast`), and the plate under its labels: the header text
    /// colour, which contrasts with the background by design.
    public var halo: RGBAColor { text.withAlpha(0.6) }

    /// An opaque colour from `0xRRGGBB`.
    static func rgb(_ v: UInt32) -> RGBAColor {
        RGBAColor(red: UInt8(v >> 16 & 0xFF), green: UInt8(v >> 8 & 0xFF), blue: UInt8(v & 0xFF))
    }
}
