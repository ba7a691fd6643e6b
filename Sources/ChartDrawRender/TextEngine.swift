internal import CCairo
internal import CPango
public import ChartDrawCore
internal import Glibc

/// Measures and draws text with Pango over the pinned fonts: shaping (HarfBuzz), bidi
/// (FriBidi), font fallback per character, colour emoji.
///
/// One engine per thread (Pango font maps and contexts are not thread-safe), created on the
/// thread's first text and kept until the thread ends. Layouts are cached by text and font, so
/// measuring a string and then drawing it use the same shaped layout, and the labels that come
/// back in every chart (tick times, prices) are shaped once.
///
/// Every cache is bounded, so that a long-running server fed hostile or random texts keeps its
/// memory: the layouts by count and by text bytes (two generations: a layout used since the
/// last turn stays, the rest go), texts longer than ``maximumCachedTextBytes`` are shaped for
/// one use only, and font descriptions by count (past ``fontSpecLimit`` sizes the font map's
/// own caches are emptied too).
final class TextEngine {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    private var metrics: [FontSpec: LineMetrics] = [:]
    /// Layouts used since the last turn, and those of the generation before (kept while used).
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    private var olderLayouts: [LayoutKey: OpaquePointer] = [:]
    /// UTF-8 bytes of the texts in ``layouts``.
    private var layoutTextBytes = 0
    /// Most layouts of one generation (so at most twice this are kept).
    static let layoutGenerationLimit = 512
    /// Most text bytes of one generation.
    static let layoutGenerationBytes = 64 << 10
    /// Longer texts are not cached.
    static let maximumCachedTextBytes = 1024
    /// Most font specs (weight and size) with a cached description and metrics.
    static let fontSpecLimit = 64

    private struct LayoutKey: Hashable {
        let text: String
        let font: FontSpec
    }

    private init(fonts: PinnedFonts) throws(RenderError) {
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            throw .fontLoadFailed(path: PinnedFonts.files[0].path, detail: "Pango has no FreeType font map")
        }
        fontMap = map
        pango_fc_font_map_set_config(OpaquePointer(map), fonts.config)
        guard let ctx = pango_font_map_create_context(map) else {
            g_object_unref(map)
            throw .fontLoadFailed(path: PinnedFonts.files[0].path, detail: "Pango could not create a context")
        }
        context = ctx
        pango_cairo_context_set_font_options(ctx, fonts.options)
        // Fractional glyph positions: widths scale with the size and equal what is drawn.
        pango_context_set_round_glyph_positions(ctx, 0)
        // A fixed language, not the process locale's, so fallback and glyph variants never
        // depend on the machine.
        pango_context_set_language(ctx, pango_language_from_string("en"))
        pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR)
    }

    deinit {
        for l in layouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        for l in olderLayouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        for d in descriptions.values { pango_font_description_free(d) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// The calling thread's engine.
    static func current() throws(RenderError) -> TextEngine {
        if let p = pthread_getspecific(threadKey) {
            return Unmanaged<TextEngine>.fromOpaque(p).takeUnretainedValue()
        }
        let engine = try TextEngine(fonts: PinnedFonts.shared.get())
        pthread_setspecific(threadKey, Unmanaged.passRetained(engine).toOpaque())
        return engine
    }

    /// The key of the per-thread engine; its destructor releases the engine when the thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { p in
            if let p { Unmanaged<TextEngine>.fromOpaque(p).release() }
        }
        return key
    }()

    /// The Pango font description of a font spec: the pinned family list, absolute size.
    private func description(_ font: FontSpec) -> OpaquePointer {
        if let d = descriptions[font] { return d }
        if descriptions.count >= Self.fontSpecLimit { forgetFonts() }
        // GLib aborts when it cannot allocate, so Pango returns nil only if that contract breaks.
        guard let d = pango_font_description_new() else { preconditionFailure("Pango returned no font description") }
        pango_font_description_set_family(d, PinnedFonts.families)
        pango_font_description_set_weight(d, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(d, font.size * Double(PANGO_SCALE))
        descriptions[font] = d
        return d
    }

    /// Drops every description, metric and layout, and the font map's fonts: a caller that
    /// asks for ever new sizes must not keep a font (and its glyph cache) per size.
    private func forgetFonts() {
        for d in descriptions.values { pango_font_description_free(d) }
        descriptions.removeAll(keepingCapacity: true)
        metrics.removeAll(keepingCapacity: true)
        for l in olderLayouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        olderLayouts.removeAll()
        turnLayouts()
        for l in olderLayouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        olderLayouts.removeAll()
        pango_fc_font_map_cache_clear(OpaquePointer(fontMap))
    }

    /// Frees the older generation of layouts and makes the current one older.
    private func turnLayouts() {
        for l in olderLayouts.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        olderLayouts = layouts
        layouts = [:]
        layoutTextBytes = 0
    }

    /// Calls `body` with the shaped one-line layout of `text` in `font` (cached, unless the
    /// text is longer than ``maximumCachedTextBytes``). The layout is valid during the call.
    private func withLayout<R>(_ text: String, _ font: FontSpec, _ body: (OpaquePointer) -> R) -> R {
        let bytes = text.utf8.count
        guard bytes <= Self.maximumCachedTextBytes else {
            let l = makeLayout(text, font)
            defer { g_object_unref(UnsafeMutableRawPointer(l)) }
            return body(l)
        }
        let key = LayoutKey(text: text, font: font)
        if let l = layouts[key] { return body(l) }
        if layouts.count >= Self.layoutGenerationLimit || layoutTextBytes + bytes > Self.layoutGenerationBytes {
            turnLayouts()
        }
        // Used again: moves into the current generation.
        let l = olderLayouts.removeValue(forKey: key) ?? makeLayout(text, font)
        layouts[key] = l
        layoutTextBytes += bytes
        return body(l)
    }

    /// A new layout of `text` in `font` (one reference, the caller's).
    private func makeLayout(_ text: String, _ font: FontSpec) -> OpaquePointer {
        guard let l = pango_layout_new(context) else { preconditionFailure("Pango returned no layout") }
        pango_layout_set_font_description(l, description(font))
        pango_layout_set_single_paragraph_mode(l, 1)
        // Control characters would break the line or be drawn as hex boxes; a label is one line.
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] < 0x20 || bytes[i] == 0x7F { bytes[i] = 0x20 }
        bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { pango_layout_set_text(l, $0.baseAddress, Int32($0.count)) }
        }
        return l
    }

    /// What the caches hold (for tests): layouts, their text bytes, font specs.
    var cacheSize: (layouts: Int, textBytes: Int, fontSpecs: Int) {
        var bytes = layoutTextBytes
        for k in olderLayouts.keys { bytes += k.text.utf8.count }
        return (layouts.count + olderLayouts.count, bytes, descriptions.count)
    }

    /// Whether the layout of `text` in `font` is cached (for tests).
    func isCached(_ text: String, font: FontSpec) -> Bool {
        let key = LayoutKey(text: text, font: font)
        return layouts[key] != nil || olderLayouts[key] != nil
    }

    /// The advance width of `text` in device pixels.
    func width(of text: String, font: FontSpec) -> Double {
        if text.isEmpty { return 0 }
        var logical = PangoRectangle()
        withLayout(text, font) { pango_layout_get_extents($0, nil, &logical) }
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Ascent and descent of the font set (its first face for Latin), cap height of "H".
    func lineMetrics(_ font: FontSpec) -> LineMetrics {
        if let m = metrics[font] { return m }
        let fm = pango_context_get_metrics(context, description(font), pango_language_from_string("en"))
        let ascent = Double(pango_font_metrics_get_ascent(fm)) / Double(PANGO_SCALE)
        let descent = Double(pango_font_metrics_get_descent(fm)) / Double(PANGO_SCALE)
        pango_font_metrics_unref(fm)
        let cap = withLayout("H", font) { h in
            var ink = PangoRectangle()
            pango_layout_get_extents(h, &ink, nil)
            return Double(pango_layout_get_baseline(h) - ink.y) / Double(PANGO_SCALE)
        }
        let m = LineMetrics(ascent: ascent, descent: descent, capHeight: cap)
        metrics[font] = m
        return m
    }

    /// How many characters of `text` no pinned font has (drawn as boxes).
    func unknownGlyphs(in text: String, font: FontSpec) -> Int {
        withLayout(text, font) { Int(pango_layout_get_unknown_glyphs_count($0)) }
    }

    /// Whether `text` runs right to left as a whole: the direction Pango resolved for its line
    /// (from the first strong character, as it is drawn).
    func isRightToLeft(_ text: String, font: FontSpec) -> Bool {
        guard !text.isEmpty else { return false }
        return withLayout(text, font) { l in
            guard let line = pango_layout_get_line_readonly(l, 0) else { return false }
            return line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue
        }
    }

    /// Ink extents of `text` relative to its baseline origin, in device pixels (for tests).
    func inkBox(of text: String, font: FontSpec) -> (x: Double, y: Double, width: Double, height: Double) {
        var ink = PangoRectangle()
        let base = withLayout(text, font) { l in
            pango_layout_get_extents(l, &ink, nil)
            return pango_layout_get_baseline(l)
        }
        let k = Double(PANGO_SCALE)
        return (Double(ink.x) / k, Double(ink.y - base) / k, Double(ink.width) / k, Double(ink.height) / k)
    }

    /// Draws `text` with its baseline's left end at `x`, `y`, in the current source colour.
    func draw(_ text: String, font: FontSpec, x: Double, y: Double, on cr: OpaquePointer) {
        withLayout(text, font) { l in
            let baseline = Double(pango_layout_get_baseline(l)) / Double(PANGO_SCALE)
            cairo_move_to(cr, x, y - baseline)
            pango_cairo_show_layout(cr, l)
        }
    }
}

/// Measures text the way ``ChartRenderer`` draws it: Pango over the pinned fonts.
///
/// Pass it to `ChartScene.build(analysis:candles:options:measurer:)` so that label widths,
/// truncation and placement match the drawn glyphs in every script. Safe on any thread (each
/// thread measures with its own engine). When the pinned fonts are missing it answers with a
/// rough estimate, and rendering then fails with ``RenderError/fontMissing(path:)``.
package struct PangoTextMeasurer: TextMeasurer {
    /// The measurer (stateless; the engines are per thread).
    package init() {}

    package func width(of text: String, font: FontSpec) -> Double {
        guard let engine = try? TextEngine.current() else { return Double(text.count) * font.size * 0.6 }
        return engine.width(of: text, font: font)
    }

    package func lineMetrics(_ font: FontSpec) -> LineMetrics {
        guard let engine = try? TextEngine.current() else {
            return LineMetrics(ascent: font.size * 0.93, descent: font.size * 0.24, capHeight: font.size * 0.73)
        }
        return engine.lineMetrics(font)
    }
}

extension ChartScene {
    /// The scene of a chart measured by `PangoTextMeasurer`, the measure of ``ChartRenderer``.
    public static func build(analysis: Analysis, candles: CandleSeries?, options: ChartOptions) throws(SceneError)
        -> SceneResult
    {
        try build(analysis: analysis, candles: candles, options: options, measurer: PangoTextMeasurer())
    }
}
