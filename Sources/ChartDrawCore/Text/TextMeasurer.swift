/// How layout learns the size of text: the engine that draws it answers.
///
/// The core has no fonts; ``ChartScene/build(analysis:candles:options:measurer:)`` asks a
/// measurer for every width, ascent and descent it places text by. The render module's
/// `PangoTextMeasurer` answers with the same shaped layout (pinned fonts, font fallback per
/// character, bidi) that it later draws, so what is measured is what is drawn. Tests of the
/// core use a deterministic table instead.
///
/// Implementations must be deterministic (same text and font, same answer) and safe to call
/// from many threads at once.
public protocol TextMeasurer: Sendable {
    /// The advance width of `text` set on one line in `font`, in device pixels (shaped: kerning,
    /// ligatures, marks and right-to-left runs included).
    func width(of text: String, font: FontSpec) -> Double

    /// The line metrics of `font` (its primary face): ascent, descent and cap height.
    func lineMetrics(_ font: FontSpec) -> LineMetrics
}

/// Vertical metrics of a font, in device pixels.
public struct LineMetrics: Hashable, Sendable {
    /// How far the font reaches above the baseline.
    public var ascent: Double
    /// How far the font reaches below the baseline (positive).
    public var descent: Double
    /// The height of capital letters above the baseline (for centring digits and capitals).
    public var capHeight: Double

    /// Metrics from their three values.
    public init(ascent: Double, descent: Double, capHeight: Double) {
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
    }
}

extension TextMeasurer {
    /// How far `font` reaches above the baseline, in device pixels.
    package func ascent(_ font: FontSpec) -> Double { lineMetrics(font).ascent }

    /// How far `font` reaches below the baseline (positive), in device pixels.
    package func descent(_ font: FontSpec) -> Double { lineMetrics(font).descent }

    /// The height of capital letters above the baseline, in device pixels.
    package func capHeight(_ font: FontSpec) -> Double { lineMetrics(font).capHeight }

    /// The height of one line of `font` (ascent + descent), in device pixels.
    package func lineHeight(_ font: FontSpec) -> Double {
        let m = lineMetrics(font)
        return m.ascent + m.descent
    }

    /// The baseline that centres capital letters and digits vertically on `centerY`.
    package func baseline(centeredOn centerY: Double, font: FontSpec) -> Double {
        centerY + capHeight(font) / 2
    }

    /// `text` shortened with a trailing "…" so that it is at most `maxWidth` wide; the text
    /// itself when it fits, and "" when not even "…" fits.
    ///
    /// The cut falls between grapheme clusters (Swift `Character`s), never inside one: an emoji
    /// sequence, a flag, a letter with its marks or a Thai or Devanagari cluster stays whole.
    /// The ellipsis follows the last kept character in logical order, so the bidi algorithm
    /// shows it at the end of the text in the text's own direction (on the left of Arabic
    /// or Hebrew). Widths are those of the shaped prefix plus the ellipsis, measured together.
    package func truncate(_ text: String, toWidth maxWidth: Double, font: FontSpec) -> String {
        if width(of: text, font: font) <= maxWidth { return text }
        let ellipsis = "…"
        guard width(of: ellipsis, font: font) <= maxWidth else { return "" }
        let characters = Array(text)
        func candidate(_ count: Int) -> String {
            var kept = characters[0..<count]
            // No space dangling before the ellipsis.
            while let last = kept.last, last.isWhitespace { kept = kept.dropLast() }
            return String(kept) + ellipsis
        }
        // The longest prefix (in characters) that fits with the ellipsis; shaped widths grow
        // with the prefix in practice, and the answer is checked to fit whatever they do.
        var lo = 0
        var hi = characters.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if width(of: candidate(mid), font: font) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        return candidate(lo)
    }
}
