/// Which characters the pinned fonts draw, without reading a font: a generated table.
///
/// ``FontCoverageTable`` is the union of the pinned files' character sets, written by
/// `scripts/gen_font_coverage.py`; a render test rebuilds it from the installed fonts and
/// compares. A character outside it is drawn as an empty box, so the scene warns about it and
/// validation reports it (`glyph_missing`) before a preview is posted.
package enum FontCoverage {
    /// A character of a drawn text that no pinned font has.
    package struct MissingCharacter: Hashable, Sendable {
        /// The JSON pointer of the field, e.g. `/metadata/title`.
        package var path: String
        /// The first such character in the field.
        package var scalar: Unicode.Scalar
        /// How many characters of the field (counting repeats) no font has.
        package var count: Int

        /// The character as `U+XXXX` (at least four hexadecimal digits).
        package var codePoint: String { FontCoverage.codePoint(scalar) }
    }

    /// Flattened `[first, last]` pairs, ascending, parsed once from the table.
    static let ranges: [UInt32] = {
        var out: [UInt32] = []
        out.reserveCapacity(4400)
        var value: UInt32 = 0
        var digits = 0
        var pendingFirst = false
        func flush(range: Bool) {
            guard digits > 0 else { return }
            if pendingFirst {
                out.append(value)
                pendingFirst = false
            } else {
                out.append(value)
                if !range { out.append(value) }
            }
            if range { pendingFirst = true }
            value = 0
            digits = 0
        }
        for c in FontCoverageTable.ranges.utf8 {
            switch c {
            case 48...57: value = value << 4 | UInt32(c - 48); digits += 1
            case 65...70: value = value << 4 | UInt32(c - 55); digits += 1
            case UInt8(ascii: "-"): flush(range: true)
            default: flush(range: false)
            }
        }
        flush(range: false)
        return out
    }()

    /// True when a pinned font has a glyph for `s`.
    package static func covers(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // The last range whose first code point is at most v.
        var lo = 0
        var hi = ranges.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[2 * mid] <= v { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && v <= ranges[2 * (lo - 1) + 1]
    }

    /// True for characters that are never drawn, so never missing: controls, joiners,
    /// direction marks, variation selectors, tags and other default-ignorable code points.
    package static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x34F, 0x61C, 0x115F...0x1160, 0x17B4...0x17B5, 0x180B...0x180F,
            0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0,
            0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// The characters of `text` no pinned font draws, each once, in order of appearance, and
    /// how many there are counting repeats.
    package static func missing(in text: String) -> (scalars: [Unicode.Scalar], count: Int) {
        var found: [Unicode.Scalar] = []
        var count = 0
        for s in text.unicodeScalars where s.value >= 0x80 || s.value < 0x20 || s.value == 0x7F {
            if isInvisible(s) || covers(s) { continue }
            count += 1
            if !found.contains(s) { found.append(s) }
        }
        return (found, count)
    }

    /// `U+` and the code point in upper-case hexadecimal, at least four digits.
    package static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }

    /// The texts of an analysis that a chart draws, by field: symbol, timeframe, title (its
    /// links as their display text) and the display texts of the links in the other texts
    /// (drawn as drawing names).
    package static func drawnTexts(of metadata: AnalysisMetadata?) -> [(path: String, text: String)] {
        guard let m = metadata else { return [] }
        var out: [(String, String)] = []
        if let s = m.symbol { out.append(("/metadata/symbol", s)) }
        if let s = m.timeframe { out.append(("/metadata/timeframe", s)) }
        if let s = m.title { out.append(("/metadata/title", LinkedText.plainText(s))) }
        for (name, text) in [
            ("preferenceText", m.preferenceText), ("alternativeText", m.alternativeText), ("comments", m.comments),
        ] {
            guard let text, text.utf8.contains(UInt8(ascii: "[")) else { continue }
            let names = LinkedText(parsing: text).links.map(\.displayText)
            if !names.isEmpty { out.append(("/metadata/" + name, names.joined(separator: " "))) }
        }
        return out
    }

    /// Every drawn field with a character no pinned font has.
    package static func missingCharacters(in metadata: AnalysisMetadata?) -> [MissingCharacter] {
        var out: [MissingCharacter] = []
        for (path, text) in drawnTexts(of: metadata) {
            let m = missing(in: text)
            if let first = m.scalars.first { out.append(MissingCharacter(path: path, scalar: first, count: m.count)) }
        }
        return out
    }

    /// The scene's warning for one field, e.g. `/metadata/title: U+10FFFD has no glyph in the
    /// pinned fonts and is drawn as an empty box`.
    package static func warning(_ m: MissingCharacter) -> String {
        let more = m.count > 1 ? " (\(m.count) characters in all)" : ""
        return "\(m.path): \(m.codePoint) has no glyph in the pinned fonts and is drawn as an empty box\(more)"
    }
}
