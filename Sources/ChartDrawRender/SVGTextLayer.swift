import ChartDrawCore

/// The words of an SVG chart as text: Cairo's SVG surface draws every glyph as an outline
/// (`<symbol>` and `<use>`, emoji as `<image>`), so a viewer can neither select nor find them.
/// This layer adds one invisible `<text>` element per text run of the display list, with the
/// run's exact string at its baseline and size, in a group after the drawing: what a viewer
/// shows is unchanged (`fill-opacity="0"`), and the words can be selected, copied and searched.
///
/// Texts and positions are the display list's; the width (`textLength`, so a selection covers
/// the drawn glyphs whatever font the viewer has) and the base direction are those of the
/// Pango layout the run was drawn with.
enum SVGTextLayer {
    /// The `id` of the group (Cairo's own ids are `glyphN-M`, `clipN`, `surfaceN`, `imageN`).
    static let groupID = "chartdraw-text"

    /// Cairo's document `svg` with the text layer of `list` inserted before its closing
    /// `</svg>`; the document unchanged when the list has no text.
    static func insert(into svg: [UInt8], list: DisplayList) throws(RenderError) -> [UInt8] {
        let layer = try self.layer(list)
        guard !layer.isEmpty, let end = lastIndex(of: Array("</svg>".utf8), in: svg) else { return svg }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + layer.count)
        out.append(contentsOf: svg[..<end])
        out.append(contentsOf: layer)
        out.append(contentsOf: svg[end...])
        return out
    }

    /// The `<g>` element with one `<text>` per non-empty text run, in paint order; empty when
    /// the list has no text.
    static func layer(_ list: DisplayList) throws(RenderError) -> [UInt8] {
        var out: [UInt8] = []
        var engine: TextEngine?
        for item in list.items {
            guard case .text(let run) = item, !run.text.isEmpty else { continue }
            if engine == nil {
                engine = try TextEngine.current()
                let families = PinnedFonts.families.split(separator: ",").map { "'\($0)'" }.joined(separator: ", ")
                out.append(
                    contentsOf:
                        "<g id=\"\(groupID)\" font-family=\"\(families), sans-serif\" fill=\"#000000\" fill-opacity=\"0\" stroke=\"none\" xml:space=\"preserve\">\n"
                        .utf8)
            }
            guard let engine else { continue }
            let width = engine.width(of: run.text, font: run.font)
            let rtl = engine.isRightToLeft(run.text, font: run.font)
            // The start of a right-to-left line is its right end.
            var tag = "<text x=\"\(number(rtl ? run.origin.x + width : run.origin.x))\" y=\"\(number(run.origin.y))\""
            tag += " font-size=\"\(number(run.font.size))\""
            if run.font.weight == .bold { tag += " font-weight=\"bold\"" }
            if rtl { tag += " direction=\"rtl\"" }
            if width > 0 { tag += " textLength=\"\(number(width))\" lengthAdjust=\"spacingAndGlyphs\"" }
            out.append(contentsOf: (tag + ">").utf8)
            appendEscaped(run.text, to: &out)
            out.append(contentsOf: "</text>\n".utf8)
        }
        if !out.isEmpty { out.append(contentsOf: "</g>\n".utf8) }
        return out
    }

    /// `text` as XML character data: `&`, `<` and `>` as entities (so no `]]>` or markup can
    /// form), control characters as spaces (as they are drawn; XML 1.0 does not allow most of
    /// them even as references), U+FFFE and U+FFFF, which XML does not allow, as U+FFFD.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0..<0x20, 0x7F: out.append(0x20)
            case 0xFFFE, 0xFFFF: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
    }

    /// A coordinate with at most two decimals, no exponent, no `-0`: the same bytes on every
    /// machine.
    static func number(_ v: Double) -> String {
        let hundredths = Int64((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = hundredths.magnitude / 100
        let fraction = hundredths.magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    private static func lastIndex(of token: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= token.count else { return nil }
        var i = bytes.count - token.count
        while i >= 0 {
            if bytes[i] == token[0], bytes[i..<(i + token.count)].elementsEqual(token) { return i }
            i -= 1
        }
        return nil
    }
}
