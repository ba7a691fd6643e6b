/// Lays out a chart: an analysis, optional candles and options in, a display list out.
///
/// Groups, in paint order: "grid", "candles", "levels", "drawings", "expiry", ("events" with
/// ``ChartOptions/events``), "axes", "labels". Every text run and label box is in "labels", so
/// a change of font touches only that group. The canvas colour is ``DisplayList/background``.
///
/// Layout decisions (constants in `SceneLayout`, in logical pixels times the pixel scale and
/// `SceneLayout/canvasFactor(width:height:)`; the view fit is described on `Viewport`):
/// - Header band (36 px) with symbol (bold), timeframe, the analysis type as a badge in the
///   bullish or bearish colour, and the title with links replaced by their display text,
///   shortened with "…" to fit. No band when there is nothing to show or the canvas is under
///   160 logical pixels high. Plot below it; price axis on the right as wide as its widest
///   label or tag; time axis (26 px) at the bottom.
/// - Price grid: nice steps (1, 2, 2.5, 5 × 10^k), about one line per 60 px. Price labels
///   use the decimals the candles and levels were written with, the step one written with
///   them; for computed prices the instrument's usual decimals for its magnitude
///   (`PriceFormat`), more when the step needs them; `pricePrecision` sets them and
///   coarsens the step (`AxisTicks/priceAxis(span:targetCount:magnitude:dataDecimals:explicitDecimals:)`). Time grid: round UTC steps (seconds to centuries)
///   at least 100 px apart and wider than their labels.
/// - Price tags (last price, levels, horizontal lines) fill the axis in their colour with
///   white or dark text by contrast, stacked apart with the least squared displacement;
///   axis labels under a tag are left out.
/// - Labels inside the plot (level names, Fibonacci ratios, expiry) sit on an opaque plate of
///   the canvas colour and try above their line, below it, then further right, to avoid one
///   another and, when they can, other horizontal lines; level names go highest first.
/// - Contrast: a drawing colour under `SceneLayout/minimumContrast` (WCAG) against the
///   background is drawn over a ``ChartTheme/halo``. Every text run is moved (and if need be shortened) into the canvas.
/// - Candles: bodies 80% of the spacing (whole pixels, same parity as the wick so it is
///   centred), wicks 1 logical pixel, dojis a one-wick-thick line; merged per pixel column
///   when more candles than columns are in view; four batched items. A dotted line marks the
///   last close.
/// - Drawings: default colour #2962FF, width 2 (1 for Fibonacci levels), solid; dashed
///   [4w, 3w], dotted [w, 2w] with round caps. A fill colour without alpha (`#RRGGBB`) is
///   drawn at 20% opacity so zones do not hide the bars; `#RRGGBBAA` is used as given.
///   Everything is clipped to the plot in the core, inside a plot clip.
/// - Expiry: `createdAt` (else the last candle's time) plus the hours. Inside the view: a
///   dashed vertical marker, the time after it shaded, "Expires 9 Jan 12:00 UTC" beside it
///   ("Expired …" when the candles have passed it; the year when the view spans years or
///   the expiry is in another year).
///   After the view: "Expires … →" at the top right. Before it: the whole plot shaded and
///   "Expired …" at the top left.
/// - Crispness: 1-device-pixel lines on pixel centres, even widths on pixel edges, boxes
///   on whole pixels.
public enum ChartScene {
    /// Builds the display list of a chart; throws when an option is outside its limits.
    ///
    /// Every text is measured by `measurer`: pass the measurer of the engine that will draw
    /// the list (the render module's `PangoTextMeasurer`), so that widths, truncation and
    /// label boxes match the drawn glyphs in every script.
    public static func build(
        analysis: Analysis, candles: CandleSeries?, options: ChartOptions, measurer: any TextMeasurer
    ) throws(SceneError) -> SceneResult {
        try options.validate()
        var options = options
        if let events = options.events, options.createdAt == nil {
            // The follow-up's expiry and the marker count from the same start.
            options.createdAt = events.createdAt ?? events.from ?? Evaluation.defaultStart(of: analysis)
        }
        var bars: BarTimeScale?
        if options.timeAxis == .bars, let candles {
            bars = BarTimeScale(candles: candles, timeframe: analysis.metadata?.timeframe)
        }
        let viewport = Viewport.fit(analysis: analysis, candles: candles, options: options, bars: bars)
        var b = SceneBuilder(
            options: options, viewport: viewport, analysis: analysis, candles: candles, measurer: measurer)
        b.warnings += viewport.warnings
        // A character no pinned font has is drawn as a box: say which, and where.
        b.warnings += FontCoverage.missingCharacters(in: analysis.metadata).map {
            ChartWarning(.glyphMissing, FontCoverage.warning($0))
        }
        return b.build()
    }
}
