import ChartDrawCore

/// A well-formed link found in a metadata text; its display text is cut from the text only
/// when a message needs it.
struct LinkRef {
    /// The metadata member (`preferenceText`, ...).
    var field: String
    /// The id the link names.
    var clientObjectId: String
    /// The whole text.
    var text: String
    /// The display text's UTF-8 offsets in `text`.
    var display: Range<Int>

    /// The display text.
    var displayText: String {
        var t = text
        return t.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[display]), as: UTF8.self) }
    }
}

extension Checker {
    /// Finds the links of a text with `ChartDrawCore/LinkedText/scan(_:_:)` (the scanner
    /// behind `ChartDrawCore/LinkedText/init(parsing:)`): reports the malformed ones in order
    /// and keeps the well-formed ones for ``resolveLinks(_:)``.
    mutating func scanLinks(_ text: String, _ field: String) {
        var bytes = text
        bytes.withUTF8 { u in
            LinkedText.scan(u) { span in
                switch span {
                case .link(_, let id, let display):
                    links.append(
                        LinkRef(
                            field: field,
                            clientObjectId: String(decoding: UnsafeBufferPointer(rebasing: u[id]), as: UTF8.self),
                            text: text, display: display))
                case .malformed(let problem, let whole):
                    malformedLink(problem, UnsafeBufferPointer(rebasing: u[whole]), field)
                }
            }
        }
    }

    /// Reports a `[[` that does not open a well-formed link.
    @inline(never)
    mutating func malformedLink(
        _ problem: MalformedTextLink.Problem, _ span: UnsafeBufferPointer<UInt8>, _ field: String
    ) {
        let text = String(decoding: span, as: UTF8.self)
        let why: String
        switch problem {
        case .unclosed: why = "has no closing ]]"
        case .missingColon: why = "has no ':' between the id and the text"
        case .emptyId: why = "has an empty id"
        case .invalidId: why = "has an id with characters other than letters, digits, '_', '-' and '.'"
        }
        report(
            "/metadata/" + field, IssueCode.linkMalformed, .warning,
            "The link \(quoted(String(text.prefix(60)))) in \(field) \(why); write links as [[clientObjectId:text]].")
    }
}
