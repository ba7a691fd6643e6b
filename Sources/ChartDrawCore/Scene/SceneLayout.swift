/// The layout constants of a chart, in logical pixels (multiplied by the pixel scale and the
/// canvas factor).
///
/// ```
/// +--------------------------------------------------+
/// | GBP/USD  H1  [Bullish bounce]  Title…            |  header (headerHeight)
/// +-----------------------------------------+--------+
/// |                                         | 1.3500 |
/// |                 plot                    | 1.3450 |  price axis: as wide as its
/// |                                         | 1.3400 |  widest label or tag
/// +-----------------------------------------+--------+
/// |   8 Jan      12:00      9 Jan           |        |  time axis (timeAxisHeight)
/// +-----------------------------------------+--------+
/// ```
///
/// Every length here grows with the canvas: it is multiplied by the pixel scale and by
/// ``canvasFactor(width:height:)``, the shorter side over ``referenceShorterSide`` clamped to
/// ``canvasFactorLimits`` (1200×675 and smaller: 1; 1920×1080: 1.6; 2560×1440 and larger: 2),
/// so text and lines keep their share of a large image and never shrink below their
/// readable size on a small one.
package enum SceneLayout {
    /// The shorter canvas side (logical pixels) at which lengths are as written here.
    package static let referenceShorterSide = 675.0
    /// The least and most the canvas size multiplies lengths by.
    package static let canvasFactorLimits: ClosedRange<Double> = 1...2

    /// How much a `width` × `height` (logical) canvas multiplies text sizes, line widths and
    /// spacings: the shorter side over ``referenceShorterSide``, within ``canvasFactorLimits``.
    package static func canvasFactor(width: Int, height: Int) -> Double {
        let f = Double(Swift.min(width, height)) / referenceShorterSide
        return Swift.min(Swift.max(f, canvasFactorLimits.lowerBound), canvasFactorLimits.upperBound)
    }

    /// Height of the header band.
    package static let headerHeight = 36.0
    /// Canvases lower than this (logical) have no header, so the plot keeps its room.
    package static let headerMinimumCanvasHeight = 160
    /// Height of the time axis under the plot.
    package static let timeAxisHeight = 26.0
    /// Axis labels and tags.
    package static let axisFontSize = 11.0
    /// Labels inside the plot (level names, Fibonacci ratios, expiry).
    package static let plotLabelFontSize = 11.0
    /// The symbol in the header (bold).
    package static let symbolFontSize = 14.0
    /// Timeframe and title in the header.
    package static let headerFontSize = 13.0
    /// The analysis-type badge (bold).
    package static let badgeFontSize = 11.0
    /// Height of the analysis-type badge.
    package static let badgeHeight = 20.0
    /// Space left and right of the badge text.
    package static let badgePadding = 7.0
    /// Space between header items, and from the canvas edge.
    package static let headerGap = 10.0
    /// Space between an axis label and the plot border (and the canvas edge).
    package static let axisLabelPadding = 8.0
    /// The narrowest price axis.
    package static let minimumPriceAxisWidth = 48.0
    /// The widest price axis, as a fraction of the canvas width.
    package static let maximumPriceAxisFraction = 0.4
    /// Height of a price tag on the axis.
    package static let tagHeight = 18.0
    /// Target distance between horizontal grid lines.
    package static let priceGridSpacing = 60.0
    /// Least distance between vertical grid lines.
    package static let timeGridSpacing = 100.0
    /// Least distance between vertical grid lines on a narrow bar-indexed plot (which keeps
    /// about five labels, down to this spacing).
    package static let minimumTimeGridSpacing = 60.0
    /// Least gap between two time labels.
    package static let timeLabelGap = 16.0
    /// Distance of a label inside the plot from its line and from the plot edge.
    package static let labelInset = 4.0
    /// The least WCAG contrast ratio a drawing colour needs against the theme's background
    /// to be drawn without a halo (and its labels without a contrasting plate).
    package static let minimumContrast = 3.0
    /// Body width of a candle as a fraction of the candle spacing (at least one pixel).
    package static let candleBodyFraction = 0.8
}

/// Snapping to the device-pixel grid, so lines and boxes come out crisp.
enum PixelSnap {
    /// The coordinate of a horizontal or vertical line of `width` device pixels near `v`: a
    /// pixel centre (`floor(v) + 0.5`) for odd widths, a pixel edge (`round(v)`) for even ones.
    @inline(__always) static func line(_ v: Double, width: Double) -> Double {
        let n = Swift.max(1, width.rounded())
        return Int(n) % 2 == 1 ? v.rounded(.down) + 0.5 : v.rounded()
    }

    /// A device-pixel line width: `w` rounded to whole pixels, at least 1.
    @inline(__always) static func width(_ w: Double) -> Double { Swift.max(1, w.rounded()) }

    /// `r` with its edges on whole pixels.
    static func rect(_ r: PixelRect) -> PixelRect {
        let x0 = r.x.rounded(), y0 = r.y.rounded()
        return PixelRect(
            x: x0, y: y0, width: Swift.max(0, r.maxX.rounded() - x0), height: Swift.max(0, r.maxY.rounded() - y0))
    }

    /// The intersection of two rectangles, or `nil` when they do not overlap.
    static func intersect(_ a: PixelRect, _ b: PixelRect) -> PixelRect? {
        let x0 = Swift.max(a.x, b.x), y0 = Swift.max(a.y, b.y)
        let x1 = Swift.min(a.maxX, b.maxX), y1 = Swift.min(a.maxY, b.maxY)
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// `r` shrunk by `d` on every side (grown when `d` is negative).
    static func inset(_ r: PixelRect, by d: Double) -> PixelRect {
        PixelRect(x: r.x + d, y: r.y + d, width: Swift.max(0, r.width - 2 * d), height: Swift.max(0, r.height - 2 * d))
    }
}
