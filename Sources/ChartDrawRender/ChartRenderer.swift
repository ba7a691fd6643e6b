internal import CCairo
internal import CPango
public import ChartDrawCore

/// Executes a `ChartDrawCore/DisplayList` with Cairo and returns PNG, SVG or PDF bytes.
///
/// Every call owns its own surface and context, so calls may run on many threads at once.
/// The renderer holds no chart logic: it paints the background, then each item in order.
public enum ChartRenderer {
    /// The largest canvas width or height (Cairo's image surface limit).
    public static let maximumSide = 32767

    /// The creation date written into every PDF, so that equal lists give equal bytes.
    static let fixedPDFDate = "2000-01-01T00:00:00Z"

    /// Renders a list in a format (PNG with default ``PNGOptions``).
    public static func render(_ list: DisplayList, format: ImageFormat) throws(RenderError) -> [UInt8] {
        switch format {
        case .png: return try renderPNG(list)
        case .svg: return try renderSVG(list)
        case .pdf: return try renderPDF(list)
        }
    }

    /// Renders a list to PNG bytes: ``paint(_:)`` then ``PaintedImage/encodePNG(options:)``.
    public static func renderPNG(_ list: DisplayList, options: PNGOptions = .init()) throws(RenderError) -> [UInt8] {
        try paint(list).encodePNG(options: options)
    }

    /// Renders a list to pixels (for tests and benchmarks; no encoding).
    public static func rasterize(_ list: DisplayList) throws(RenderError) -> RGBAImage {
        try paint(list).rgba()
    }

    /// Paints a list on a new image surface and keeps the surface, so that painting and
    /// encoding can be timed or done apart (benchmarks, several encodings of one picture).
    public static func paint(_ list: DisplayList) throws(RenderError) -> PaintedImage {
        PaintedImage(canvas: try paintImage(list), width: list.width, height: list.height)
    }

    /// Renders a list to an SVG document: text drawn as glyph outlines (colour emoji as
    /// images), so it looks the same without fonts, and an invisible text layer after the
    /// drawing with every text run's string at its baseline, so the words can be selected and
    /// searched.
    public static func renderSVG(_ list: DisplayList) throws(RenderError) -> [UInt8] {
        try DisplayListPainter.checkCanvas(list)
        let sink = ByteSink()
        do {
            let canvas = try CairoSurface.svg(width: list.width, height: list.height, sink: sink)
            try DisplayListPainter.paint(list, on: canvas.context)
            try canvas.finish("write the SVG document")
        }
        // Renumber Cairo's ids first: the text layer carries the chart's own words, which may
        // contain anything, "surface7" included.
        let normalized = SVGNormalizer.normalizeImageIDs(SVGNormalizer.normalizeSurfaceIDs(sink.bytes))
        return try SVGTextLayer.insert(into: normalized, list: list)
    }

    /// Renders a list to a one-page PDF document (fonts embedded as subsets).
    public static func renderPDF(_ list: DisplayList) throws(RenderError) -> [UInt8] {
        try DisplayListPainter.checkCanvas(list)
        let sink = ByteSink()
        do {
            let canvas = try CairoSurface.pdf(width: list.width, height: list.height, sink: sink)
            try DisplayListPainter.paint(list, on: canvas.context)
            try canvas.finish("write the PDF document")
        }
        return sink.bytes
    }

    /// Encodes pixels as PNG (used to write reference images and artifacts).
    public static func encodePNG(_ image: RGBAImage, options: PNGOptions = .init()) throws(RenderError) -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw .invalidCanvasSize(width: image.width, height: image.height)
        }
        return try image.pixels.withUnsafeBufferPointer { (buf) throws(RenderError) in
            guard let base = buf.baseAddress else { throw .invalidCanvasSize(width: image.width, height: image.height) }
            return try PNGEncoder(width: image.width, height: image.height, source: .rgba(base), options: options)
                .encode()
        }
    }

    /// The Cairo library version in use, e.g. `1.16.0`.
    public static var cairoVersion: String { String(cString: cairo_version_string()) }

    /// The FreeType library version in use, e.g. `2.12.1`, or `unknown` if the fonts failed to load.
    public static var freetypeVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return "unknown" }
        FT_Library_Version(library, &major, &minor, &patch)
        FT_Done_FreeType(library)
        return "\(major).\(minor).\(patch)"
    }

    /// The Pango library version in use, e.g. `1.50.12`.
    public static var pangoVersion: String { String(cString: pango_version_string()) }

    /// The pinned font files in fallback order, each with its version, e.g.
    /// `DejaVuSans.ttf 2.037`; empty when they failed to load.
    public static var fontVersions: [String] { (try? PinnedFonts.shared.get())?.versions ?? [] }

    /// For a process whose only text is the engine's (the `chartdraw` tool, its server, the
    /// benchmark): makes fontconfig's process-wide configuration an empty one before Pango's
    /// start-up would load the machine's configuration and font caches (about 10 ms of the first
    /// image, on a background thread the first text waits for), which the engine never uses: its
    /// text comes from the pinned configuration alone, so nothing drawn changes. Call it before
    /// the first render. A program that also draws text through fontconfig's default
    /// configuration must not call it.
    package static func skipMachineFontConfiguration() {
        PinnedFonts.emptyProcessDefault()
    }

    /// Checks that the pinned fonts load; throws ``RenderError/fontMissing(path:)`` otherwise.
    public static func checkFonts() throws(RenderError) {
        _ = try TextEngine.current()
    }

    /// Paints a list on a fresh image surface and flushes it.
    private static func paintImage(_ list: DisplayList) throws(RenderError) -> CairoSurface {
        try DisplayListPainter.checkCanvas(list)
        let canvas = try CairoSurface.image(width: list.width, height: list.height)
        try DisplayListPainter.paint(list, on: canvas.context)
        try canvas.checkStatus("paint the display list")
        cairo_surface_flush(canvas.surface)
        return canvas
    }
}

/// A painted Cairo image surface (premultiplied ARGB32), freed with the value.
///
/// One value belongs to one thread at a time; the pixels never change after painting.
public final class PaintedImage {
    let canvas: CairoSurface
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    init(canvas: CairoSurface, width: Int, height: Int) {
        self.canvas = canvas
        self.width = width
        self.height = height
    }

    /// PNG bytes, encoded straight from the surface's pixels.
    public func encodePNG(options: PNGOptions = .init()) throws(RenderError) -> [UInt8] {
        try canvas.withARGB32 { (base, stride) throws(RenderError) in
            try PNGEncoder(width: width, height: height, source: .cairoARGB32(base, stride: stride), options: options)
                .encode()
        }
    }

    /// The pixels as straight (not premultiplied) RGBA.
    public func rgba() -> RGBAImage {
        canvas.withARGB32 { base, stride in
            RGBAImage(unpremultiplying: base, stride: stride, width: width, height: height, opaqueOnly: false)
        }
    }
}

extension CairoSurface {
    /// Calls `body` with the flushed ARGB32 data of an image surface and its stride.
    func withARGB32<R, E: Error>(_ body: (UnsafePointer<UInt8>, Int) throws(E) -> R) throws(E) -> R {
        // Only painted image surfaces reach here; Cairo returns nil for other kinds or finished ones.
        guard let data = cairo_image_surface_get_data(surface) else {
            preconditionFailure("withARGB32 needs a live image surface")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        return try withExtendedLifetime(self) { () throws(E) -> R in try body(UnsafePointer(data), stride) }
    }
}

extension RGBAImage {
    /// Straight RGBA from Cairo ARGB32 (premultiplied) or RGB24 (`opaqueOnly`, alpha ignored).
    init(unpremultiplying base: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int, opaqueOnly: Bool) {
        let px = [UInt8](unsafeUninitializedCapacity: width * height * 4) { out, count in
            guard let outBase = out.baseAddress else { return }  // an empty image has no rows
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                CairoPixels.unpremultiply(row, width: width, opaqueOnly: opaqueOnly, into: outBase + y * width * 4)
            }
            count = width * height * 4
        }
        // `px` holds exactly width × height × 4 bytes, the invariant the public initialiser checks.
        self.width = width
        self.height = height
        self.pixels = px
    }
}
