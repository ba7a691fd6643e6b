internal import CCairo
import ChartDrawCore
internal import Glibc

/// The two pinned font faces (DejaVu Sans regular and bold), loaded once per process.
///
/// Thread safety: the `FT_Library` and both `FT_Face`s are created exactly once, inside the
/// Swift global initialiser (which runs under `swift_once`), and never freed; FreeType only
/// requires `FT_New_Face`/`FT_Done_Face` on a shared library to be serialised. Every later use
/// of a face goes through Cairo, which since 1.12 takes the unscaled font's own mutex
/// (`_cairo_ft_unscaled_font_lock_face`) around each access, including for faces created with
/// `cairo_ft_font_face_create_for_ft_face`; we never touch the faces ourselves after loading.
/// So many renders may draw text at once.
final class PinnedFonts: @unchecked Sendable {
    /// The regular face's file (Debian `fonts-dejavu-core`).
    static let regularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// The bold face's file.
    static let boldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The fonts, or why they could not be loaded (cached: install the font and restart).
    static let shared: Result<PinnedFonts, RenderError> = load()

    let regular: OpaquePointer
    let bold: OpaquePointer
    /// Antialias gray, hint style none, hint metrics off: advances are the unhinted design
    /// advances, and glyph shapes do not depend on FreeType's hinter.
    let options: OpaquePointer

    private init(regular: OpaquePointer, bold: OpaquePointer, options: OpaquePointer) {
        self.regular = regular
        self.bold = bold
        self.options = options
    }

    /// The Cairo font face for a weight.
    func face(_ weight: FontSpec.Weight) -> OpaquePointer { weight == .bold ? bold : regular }

    private static func load() -> Result<PinnedFonts, RenderError> {
        var library: FT_Library?
        let err = FT_Init_FreeType(&library)
        guard err == 0, let library else {
            return .failure(.fontLoadFailed(path: regularPath, detail: "FT_Init_FreeType returned \(err)"))
        }
        let regular: OpaquePointer
        let bold: OpaquePointer
        switch loadFace(library, regularPath) {
        case .success(let f): regular = f
        case .failure(let e): return .failure(e)
        }
        switch loadFace(library, boldPath) {
        case .success(let f): bold = f
        case .failure(let e): return .failure(e)
        }
        guard let options = cairo_font_options_create() else {
            return .failure(.cairo(operation: "create font options", status: "out of memory"))
        }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        let status = cairo_font_options_status(options)
        guard status == CAIRO_STATUS_SUCCESS else {
            return .failure(
                .cairo(operation: "create font options", status: String(cString: cairo_status_to_string(status))))
        }
        return .success(PinnedFonts(regular: regular, bold: bold, options: options))
    }

    private static func loadFace(_ library: FT_Library, _ path: String) -> Result<OpaquePointer, RenderError> {
        guard access(path, R_OK) == 0 else { return .failure(.fontMissing(path: path)) }
        var face: FT_Face?
        let err = FT_New_Face(library, path, 0, &face)
        guard err == 0, let face else {
            return .failure(.fontLoadFailed(path: path, detail: "FT_New_Face returned \(err)"))
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, Int32(FT_LOAD_NO_HINTING)) else {
            return .failure(.fontLoadFailed(path: path, detail: "cairo_ft_font_face_create_for_ft_face failed"))
        }
        let status = cairo_font_face_status(cairoFace)
        guard status == CAIRO_STATUS_SUCCESS else {
            return .failure(.fontLoadFailed(path: path, detail: String(cString: cairo_status_to_string(status))))
        }
        return .success(cairoFace)
    }
}
