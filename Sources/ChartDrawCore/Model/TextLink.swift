/// A `[[clientObjectId:display text]]` reference inside an analysis text.
public struct TextLink: Hashable, Sendable {
    /// The id the link names.
    public var clientObjectId: String
    /// The text shown in place of the link.
    public var displayText: String
    /// Where the whole `[[...]]` stands, as UTF-8 byte offsets into the text.
    public var utf8Range: Range<Int>

    /// Creates a link.
    public init(clientObjectId: String, displayText: String, utf8Range: Range<Int>) {
        self.clientObjectId = clientObjectId
        self.displayText = displayText
        self.utf8Range = utf8Range
    }
}

/// A `[[` that does not open a well-formed link.
public struct MalformedTextLink: Hashable, Sendable {
    /// What is wrong with it.
    public enum Problem: String, Hashable, Sendable {
        /// `[[` with no `]]` after it.
        case unclosed
        /// `[[text]]` with no `:` between id and display text.
        case missingColon
        /// `[[:text]]`: the id is empty.
        case emptyId
        /// The id holds a character outside letters, digits, `_`, `-` and `.`.
        case invalidId
    }

    /// The problem.
    public var problem: Problem
    /// The offending text, from `[[` to `]]` (or to the end).
    public var text: String
    /// Where it stands, as UTF-8 byte offsets.
    public var utf8Range: Range<Int>
}

/// The links of a text and the malformed ones, in order of appearance.
public struct LinkedText: Hashable, Sendable {
    /// The well-formed links.
    public var links: [TextLink]
    /// The malformed `[[...` spans.
    public var malformed: [MalformedTextLink]

    /// Parses `text`. A link is `[[id:display]]`; the id is one or more of `A-Z a-z 0-9 _ - .`,
    /// the display text any characters but `[` and `]`.
    public init(parsing text: String) {
        var links: [TextLink] = []
        var malformed: [MalformedTextLink] = []
        var t = text
        t.withUTF8 { u in
            Self.scan(u) { span in
                switch span {
                case .link(let whole, let id, let display):
                    links.append(
                        TextLink(
                            clientObjectId: String(decoding: UnsafeBufferPointer(rebasing: u[id]), as: UTF8.self),
                            displayText: String(decoding: UnsafeBufferPointer(rebasing: u[display]), as: UTF8.self),
                            utf8Range: whole))
                case .malformed(let problem, let whole):
                    malformed.append(
                        MalformedTextLink(
                            problem: problem,
                            text: String(decoding: UnsafeBufferPointer(rebasing: u[whole]), as: UTF8.self),
                            utf8Range: whole))
                }
            }
        }
        self.links = links
        self.malformed = malformed
    }

    /// One `[[` span found by ``scan(_:_:)``, as UTF-8 offsets.
    package enum Span {
        /// A well-formed link: the whole `[[...]]`, its id and its display text.
        case link(whole: Range<Int>, id: Range<Int>, display: Range<Int>)
        /// A `[[` that does not open a well-formed link, to its `]]` (or where it stops).
        case malformed(MalformedTextLink.Problem, Range<Int>)
    }

    /// Finds the links of a text on its UTF-8 bytes, in order, without building strings: the
    /// one scanner behind ``init(parsing:)`` and validation. Skips eight bytes at a time to
    /// the next `[`.
    @inline(__always)
    package static func scan(_ u: UnsafeBufferPointer<UInt8>, _ visit: (Span) -> Void) {
        let n = u.count
        var i = 0
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), colon = UInt8(ascii: ":")
        while i + 1 < n {
            // Eight bytes at a time to the next '['.
            if i &+ 8 <= n {
                let x = UInt64(
                    littleEndian: UnsafeRawBufferPointer(u).loadUnaligned(fromByteOffset: i, as: UInt64.self))
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
                visit(.malformed(.unclosed, start..<end))
                i = max(j, start + 2)
                continue
            }
            let end = j + 2
            var c = start + 2
            while c < j && u[c] != colon { c += 1 }
            if c < j {
                var idOK = true
                for k in (start + 2)..<c where !isIdByte(u[k]) { idOK = false }
                if c == start + 2 {
                    visit(.malformed(.emptyId, start..<end))
                } else if !idOK {
                    visit(.malformed(.invalidId, start..<end))
                } else {
                    visit(.link(whole: start..<end, id: (start + 2)..<c, display: (c + 1)..<j))
                }
            } else {
                visit(.malformed(.missingColon, start..<end))
            }
            i = end
        }
    }

    /// Whether `b` may stand in a client object id: ASCII letters, digits, `_`, `-`, `.`.
    @inlinable public static func isIdByte(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122, UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): return true
        default: return false
        }
    }

    /// The text with every well-formed link replaced by its display text.
    public static func plainText(_ text: String) -> String {
        let parsed = LinkedText(parsing: text)
        guard !parsed.links.isEmpty else { return text }
        let u = Array(text.utf8)
        var out: [UInt8] = []
        var pos = 0
        for link in parsed.links {
            out.append(contentsOf: u[pos..<link.utf8Range.lowerBound])
            out.append(contentsOf: link.displayText.utf8)
            pos = link.utf8Range.upperBound
        }
        out.append(contentsOf: u[pos...])
        return String(decoding: out, as: UTF8.self)
    }
}
