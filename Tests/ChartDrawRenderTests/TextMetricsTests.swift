import CCairo
import ChartDrawCore
import Testing

@testable import ChartDrawRender

/// Cairo's advance with the renderer's font setup, as `cairo_text_extents` reports it.
private func cairoAdvance(_ text: String, _ font: FontSpec) throws -> Double {
    let fonts = try PinnedFonts.shared.get()
    let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)
    defer { cairo_destroy(cr) }
    cairo_set_font_face(cr, fonts.face(font.weight))
    cairo_set_font_size(cr, font.size)
    cairo_set_font_options(cr, fonts.options)
    var extents = cairo_text_extents_t()
    cairo_text_extents(cr, text, &extents)
    #expect(cairo_status(cr) == CAIRO_STATUS_SUCCESS)
    return extents.x_advance
}

@Test(arguments: [11.0, 12, 15])
func cairoAdvancesMatchFontMetrics(_ size: Double) throws {
    let strings = ["1.08500", "EURUSD · 1H", "Take profit 2 (R:R 3.5)", "Ågç –—… €₿ ▲▼", "WWW iii"]
    for weight in [FontSpec.Weight.regular, .bold] {
        let font = FontSpec(weight: weight, size: size)
        for s in strings {
            let cairo = try cairoAdvance(s, font)
            let table = FontMetrics.width(of: s, font: font)
            #expect(abs(cairo - table) < 0.01, "\(weight) \(size) \"\(s)\": cairo \(cairo), table \(table)")
        }
    }
}

@Test func fontsLoad() throws {
    try ChartRenderer.checkFonts()
}
