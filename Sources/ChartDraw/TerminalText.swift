/// Text from an input (member names, ids, file names, values) made safe to print on a
/// terminal or in a log: control characters cannot end a line, forge another line, move the
/// cursor or send an escape sequence.
///
/// Every C0 control (U+0000 to U+001F), DEL, every C1 control (U+0080 to U+009F), the line and
/// paragraph separators (U+2028, U+2029) and the bidirectional overrides and isolates
/// (U+202A to U+202E, U+2066 to U+2069) are written as `\u{XX}`; everything else is kept.
/// JSON output needs none of this: its strings are escaped by the JSON writer.
package enum TerminalText {
    /// `text` with every unsafe character written as `\u{XX}`.
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for u in text.unicodeScalars {
            if isUnsafe(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether a character is escaped by ``escape(_:)``.
    package static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
