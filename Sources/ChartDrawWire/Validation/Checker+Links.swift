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
    /// Finds the links of a text on its UTF-8 bytes, exactly as
    /// ``ChartDrawCore/LinkedText/init(parsing:)`` does: reports the malformed ones in order
    /// and keeps the well-formed ones for ``resolveLinks(_:)``.
    mutating func scanLinks(_ text: String, _ field: String) {
        var bytes = text
        bytes.withUTF8 { u in
            let n = u.count
            var i = 0
            let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), colon = UInt8(ascii: ":")
            while i + 1 < n {
                // Eight bytes at a time to the next '['.
                if i &+ 8 <= n {
                    let x = UInt64(littleEndian: UnsafeRawBufferPointer(u).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let t = x ^ 0x5B5B_5B5B_5B5B_5B5B
                    let m = (t &- 0x0101_0101_0101_0101) & ~t & 0x8080_8080_8080_8080
                    if m == 0 {
                        i &+= 8
                        continue
                    }
                    i &+= m.trailingZeroBitCount >> 3
                    if i + 1 >= n { break }
                }
                guard u[i] == open, u[i + 1] == open else {
                    i += 1
                    continue
                }
                let start = i
                var j = i + 2
                while j + 1 < n, !(u[j] == close && u[j + 1] == close), u[j] != open { j += 1 }
                guard j + 1 < n, u[j] == close, u[j + 1] == close else {
                    let end = j + 1 < n ? j : n
                    malformedLink(.unclosed, UnsafeBufferPointer(rebasing: u[start..<end]), field)
                    i = max(j, start + 2)
                    continue
                }
                let end = j + 2
                var c = start + 2
                while c < j && u[c] != colon { c += 1 }
                if c < j {
                    var idOK = true
                    for k in (start + 2)..<c where !LinkedText.isIdByte(u[k]) { idOK = false }
                    if c == start + 2 {
                        malformedLink(.emptyId, UnsafeBufferPointer(rebasing: u[start..<end]), field)
                    } else if !idOK {
                        malformedLink(.invalidId, UnsafeBufferPointer(rebasing: u[start..<end]), field)
                    } else {
                        links.append(
                            LinkRef(
                                field: field,
                                clientObjectId: String(decoding: UnsafeBufferPointer(rebasing: u[(start + 2)..<c]), as: UTF8.self),
                                text: text, display: (c + 1)..<j))
                    }
                } else {
                    malformedLink(.missingColon, UnsafeBufferPointer(rebasing: u[start..<end]), field)
                }
                i = end
            }
        }
    }

    /// Reports a `[[` that does not open a well-formed link.
    @inline(never)
    mutating func malformedLink(_ problem: MalformedTextLink.Problem, _ span: UnsafeBufferPointer<UInt8>, _ field: String) {
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
