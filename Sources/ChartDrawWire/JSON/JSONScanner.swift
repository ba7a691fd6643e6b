import ChartDrawCore

/// A cursor over UTF-8 bytes that reads JSON tokens strictly (RFC 8259).
///
/// The scanner never allocates for structure: strings are materialised only when asked for,
/// numbers are converted with an exact fast path and fall back to the standard library.
/// Errors carry only an offset; line, column and pointer are computed when reported.
struct JSONScanner {
    /// The input.
    let b: UnsafeRawBufferPointer
    /// The number of bytes.
    let n: Int
    /// The current offset.
    var i: Int
    /// The limit on nesting of arrays and objects.
    let maxDepth: Int

    /// Where the last key's decoded bytes are (valid until the next key).
    var keyStart = 0
    var keyEnd = 0
    /// The decoded key when it had escapes.
    var keyEscaped: [UInt8]? = nil
    /// Whether a duplicate key is noted in ``notes`` (the last one wins) instead of thrown.
    var noteDuplicates = false
    /// Problems that do not stop the scan (duplicate keys).
    var notes: [ScanError] = []

    init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = ResourceLimits.standard.maxNestingDepth) {
        b = bytes
        n = bytes.count
        i = 0
        self.maxDepth = maxDepth
    }

    // MARK: - Whitespace and punctuation

    /// Skips JSON whitespace.
    @inline(__always)
    mutating func skipWS() {
        while i < n {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// The next byte after whitespace; throws at the end of input.
    @inline(__always)
    mutating func peek() throws(ScanError) -> UInt8 {
        skipWS()
        guard i < n else { throw ScanError(kind: .truncated, offset: n) }
        return b[i]
    }

    /// Describes the byte at `offset` for messages.
    func describe(_ offset: Int) -> String {
        guard offset < n else { return "end of input" }
        let c = b[offset]
        if c >= 0x21 && c < 0x7F { return "'\(String(UnicodeScalar(c)))'" }
        return "byte 0x" + hex2(c)
    }

    /// Throws an unexpected-character error at the current offset.
    func unexpected() -> ScanError {
        if i >= n { return ScanError(kind: .truncated, offset: n) }
        return ScanError(kind: .unexpectedCharacter, offset: i, detail: describe(i))
    }

    /// Consumes `{`; throws when the value is not an object.
    mutating func expect(_ c: UInt8) throws(ScanError) {
        guard try peek() == c else { throw unexpected() }
        i += 1
    }

    /// Advances to the next member of an object whose `{` was consumed, reading its key and
    /// the colon. Returns false at the closing `}` (consumed).
    @inline(__always)
    mutating func nextMember(_ first: inout Bool) throws(ScanError) -> Bool {
        var c = try peek()
        if first {
            first = false
            if c == UInt8(ascii: "}") {
                i += 1
                return false
            }
        } else if c == UInt8(ascii: ",") {
            i += 1
            c = try peek()
            if c == UInt8(ascii: "}") { throw ScanError(kind: .trailingComma, offset: i, detail: "'}'") }
        } else if c == UInt8(ascii: "}") {
            i += 1
            return false
        } else {
            throw unexpected()
        }
        guard c == UInt8(ascii: "\"") else { throw unexpected() }
        try readKey()
        guard try peek() == UInt8(ascii: ":") else { throw unexpected() }
        i += 1
        return true
    }

    /// Advances to the next element of an array whose `[` was consumed. Returns false at the
    /// closing `]` (consumed).
    @inline(__always)
    mutating func nextElement(_ first: inout Bool) throws(ScanError) -> Bool {
        let c = try peek()
        if first {
            first = false
            if c == UInt8(ascii: "]") {
                i += 1
                return false
            }
            return true
        }
        if c == UInt8(ascii: ",") {
            i += 1
            if try peek() == UInt8(ascii: "]") { throw ScanError(kind: .trailingComma, offset: i, detail: "']'") }
            return true
        }
        if c == UInt8(ascii: "]") {
            i += 1
            return false
        }
        throw unexpected()
    }

    // MARK: - Strings

    /// Reads a string whose opening quote is at `i`; returns the raw range between the quotes
    /// and whether it holds escapes. Validates escapes, control characters and UTF-8.
    @inline(__always)
    mutating func scanString() throws(ScanError) -> (start: Int, end: Int, escaped: Bool) {
        i += 1
        let start = i
        var escaped = false
        while i < n {
            // Eight bytes at a time while they are plain ASCII; then straight to the first
            // byte that needs a look (quote, backslash, control character, non-ASCII).
            if i &+ 8 <= n {
                let m = JSONScanner.specialBytes(
                    UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if m == 0 {
                    i &+= 8
                    continue
                }
                i &+= m.trailingZeroBitCount >> 3
            }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let end = i
                i += 1
                if end &- start > ResourceLimits.standard.maxStringBytes { throw stringTooLong(start) }
                return (start, end, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                try scanEscape()
            } else if c < 0x20 {
                throw ScanError(kind: .controlCharacter, offset: i, detail: "U+00" + hex2(c))
            } else if c < 0x80 {
                i += 1
            } else {
                try scanUTF8(c)
            }
        }
        throw ScanError(kind: .truncated, offset: n)
    }

    /// A string longer than `ResourceLimits/maxStringBytes` (its opening quote before `start`).
    @inline(never)
    func stringTooLong(_ start: Int) -> ScanError {
        ScanError(kind: .stringTooLong, offset: start - 1, detail: "\(ResourceLimits.standard.maxStringBytes)")
    }

    /// A container with more than `ResourceLimits/maxMembersPerContainer` members at `offset`.
    @inline(never)
    func tooManyMembers(_ offset: Int) -> ScanError {
        ScanError(kind: .tooManyMembers, offset: offset, detail: "\(ResourceLimits.standard.maxMembersPerContainer)")
    }

    /// Validates one multi-byte UTF-8 sequence starting with `c` at `i`.
    mutating func scanUTF8(_ c: UInt8) throws(ScanError) {
        let bad = ScanError(kind: .invalidUTF8, offset: i, detail: "0x" + hex2(c))
        var len = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: len = 3
        case 0xED: len = 3; hi = 0x9F
        case 0xF0: len = 4; lo = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; hi = 0x8F
        default: throw bad
        }
        guard i + len <= n else {
            // A sequence cut by the end of input is invalid UTF-8 only if what is there is wrong.
            throw ScanError(kind: .truncated, offset: n)
        }
        let c1 = b[i + 1]
        guard c1 >= lo && c1 <= hi else { throw ScanError(kind: .invalidUTF8, offset: i + 1, detail: "0x" + hex2(c1)) }
        if len > 2 {
            let c2 = b[i + 2]
            guard c2 & 0xC0 == 0x80 else { throw ScanError(kind: .invalidUTF8, offset: i + 2, detail: "0x" + hex2(c2)) }
        }
        if len > 3 {
            let c3 = b[i + 3]
            guard c3 & 0xC0 == 0x80 else { throw ScanError(kind: .invalidUTF8, offset: i + 3, detail: "0x" + hex2(c3)) }
        }
        i += len
    }

    /// Validates one escape at `i` (the backslash) and moves past it.
    mutating func scanEscape() throws(ScanError) {
        guard i + 1 < n else { throw ScanError(kind: .truncated, offset: n) }
        switch b[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
        case UInt8(ascii: "u"):
            let at = i
            let u = try hex4(at + 2)
            i += 6
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 1 < n, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                    if i >= n { throw ScanError(kind: .truncated, offset: n) }
                    throw ScanError(kind: .loneSurrogate, offset: at, detail: "\\u" + hex4Text(u))
                }
                let low = try hex4(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw ScanError(kind: .loneSurrogate, offset: at, detail: "\\u" + hex4Text(u))
                }
                i += 6
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw ScanError(kind: .loneSurrogate, offset: at, detail: "\\u" + hex4Text(u))
            }
        default:
            var end = i + 2
            while end < n && b[end - 1] >= 0x80 && b[end] & 0xC0 == 0x80 { end += 1 }
            throw ScanError(
                kind: .invalidEscape, offset: i,
                detail: "'" + String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<min(end, n)]), as: UTF8.self)
                    + "'")
        }
    }

    /// Four hex digits at `at` as a number.
    func hex4(_ at: Int) throws(ScanError) -> UInt32 {
        guard at + 4 <= n else { throw ScanError(kind: .truncated, offset: n) }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 65...70: d = c - 55
            case 97...102: d = c - 87
            default:
                throw ScanError(
                    kind: .invalidEscape, offset: at - 2,
                    detail: "'"
                        + String(
                            decoding: UnsafeRawBufferPointer(rebasing: b[(at - 2)..<min(at + 4, n)]), as: UTF8.self)
                        + "'")
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Reads a string at `i` (which must be a quote) and returns it.
    @inline(__always)
    mutating func readString() throws(ScanError) -> String {
        let (s, e, esc) = try scanString()
        return string(s, e, esc)
    }

    /// Reads an object key at `i` (a quote) into `keyStart..<keyEnd` or `keyEscaped`.
    @inline(__always)
    mutating func readKey() throws(ScanError) {
        let (s, e, esc) = try scanString()
        keyStart = s
        keyEnd = e
        keyEscaped = esc ? unescape(s, e) : nil
    }

    /// The last key as a string.
    func keyString() -> String {
        if let k = keyEscaped { return String(decoding: k, as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: b[keyStart..<keyEnd]), as: UTF8.self)
    }

    /// Whether the last key equals `s`.
    @inline(__always)
    func keyIs(_ s: StaticString) -> Bool {
        keyIs(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// Whether the last key equals the `len` bytes at `p`.
    @inline(__always)
    func keyIs(_ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        if let k = keyEscaped {
            guard k.count == len else { return false }
            for j in 0..<len where k[j] != p[j] { return false }
            return true
        }
        guard keyEnd - keyStart == len else { return false }
        return bytesEqual(keyStart, p, len)
    }

    /// The decoded bytes of a validated string body with escapes.
    func unescape(_ s: Int, _ e: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var k = s
        while k < e {
            let c = b[k]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                k += 1
                continue
            }
            let x = b[k + 1]
            k += 2
            switch x {
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                var u = (try? hex4(k)) ?? 0xFFFD
                k += 4
                if u >= 0xD800 && u <= 0xDBFF, let low = try? hex4(k + 2) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                appendUTF8(&out, u)
            default: out.append(x)
            }
        }
        return out
    }

    // MARK: - Numbers and literals

    /// Reads a number at `i`; returns its literal range and value (infinite when the literal
    /// is beyond the range of a double).
    @inline(__always)
    mutating func readNumber() throws(ScanError) -> (start: Int, end: Int, value: Double) {
        let start = i
        var neg = false
        if b[i] == UInt8(ascii: "-") {
            neg = true
            i += 1
            if i < n && b[i] == UInt8(ascii: "I") { throw nonStandard(start) }
        }
        guard i < n else { throw ScanError(kind: .truncated, offset: n) }
        var mant: UInt64 = 0
        var sig = 0  // significant digits taken into mant
        var dropped = false  // digits beyond 19 significant
        var exp10 = 0
        var c = b[i]
        if c == UInt8(ascii: "0") {
            i += 1
            if i < n && b[i] &- 48 < 10 { throw invalidNumber(start) }
        } else if c &- 49 < 9 {
            while i < n {
                c = b[i]
                let d = c &- 48
                guard d < 10 else { break }
                if sig < 19 {
                    mant = mant &* 10 &+ UInt64(d)
                    sig += 1
                } else {
                    exp10 += 1
                    if d != 0 { dropped = true }
                }
                i += 1
            }
        } else {
            throw invalidNumber(start)
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n else { throw ScanError(kind: .truncated, offset: n) }
            guard b[i] &- 48 < 10 else { throw invalidNumber(start) }
            while i < n {
                let d = b[i] &- 48
                guard d < 10 else { break }
                if sig < 19 {
                    if mant != 0 || d != 0 {
                        mant = mant &* 10 &+ UInt64(d)
                        sig += 1
                    }
                    exp10 -= 1
                } else if d != 0 {
                    dropped = true
                }
                i += 1
            }
        }
        if i < n && (b[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            guard i < n else { throw ScanError(kind: .truncated, offset: n) }
            var eneg = false
            if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                eneg = b[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n else { throw ScanError(kind: .truncated, offset: n) }
            guard b[i] &- 48 < 10 else { throw invalidNumber(start) }
            var e = 0
            while i < n {
                let d = b[i] &- 48
                guard d < 10 else { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                i += 1
            }
            exp10 += eneg ? -e : e
        }
        let end = i
        // Clinger's fast path: exact when the mantissa and the power of ten are exact doubles.
        if !dropped && mant < (1 << 53) && exp10 >= -22 && exp10 <= 22 {
            var v = Double(mant)
            if exp10 < 0 { v /= powersOfTen[-exp10] } else if exp10 > 0 { v *= powersOfTen[exp10] }
            return (start, end, neg ? -v : v)
        }
        if mant == 0 && !dropped { return (start, end, neg ? -0.0 : 0.0) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        let v = Double(text) ?? .nan
        return (start, end, v)
    }

    func invalidNumber(_ start: Int) -> ScanError {
        var end = i + 1
        while end < n, end - start < 24, b[end] != 0x2C, b[end] != 0x7D, b[end] != 0x5D, b[end] > 0x20 { end += 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<min(end, n)]), as: UTF8.self)
        return ScanError(kind: .invalidNumber, offset: start, detail: "'\(text)'")
    }

    func nonStandard(_ start: Int) -> ScanError {
        var end = start
        while end < n, end - start < 12, (b[end] | 0x20) >= 0x61 && (b[end] | 0x20) <= 0x7A || b[end] == 0x2D {
            end += 1
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        return ScanError(kind: .nonStandardNumber, offset: start, detail: "'\(text)'")
    }

    /// Reads `true`, `false` or `null` at `i`; `NaN`/`Infinity` give their own error.
    mutating func readLiteral() throws(ScanError) -> JSONValue {
        func match(_ s: StaticString) -> Bool {
            let len = s.utf8CodeUnitCount
            guard i + len <= n else { return false }
            for j in 0..<len where b[i + j] != s.utf8Start[j] { return false }
            return true
        }
        switch b[i] {
        case UInt8(ascii: "t") where match("true"): i += 4; return .bool(true)
        case UInt8(ascii: "f") where match("false"): i += 5; return .bool(false)
        case UInt8(ascii: "n") where match("null"): i += 4; return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"): throw nonStandard(i)
        default:
            // A prefix of a literal cut by the end of input is a truncation.
            for lit: StaticString in ["true", "false", "null"] {
                let avail = n - i
                if avail < lit.utf8CodeUnitCount {
                    var prefix = true
                    for j in 0..<avail where b[i + j] != lit.utf8Start[j] { prefix = false }
                    if prefix { throw ScanError(kind: .truncated, offset: n) }
                }
            }
            throw unexpected()
        }
    }
}

/// 10^0 ... 10^22, exact doubles.
let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// Two upper-case hex digits.
func hex2(_ c: UInt8) -> String {
    let d = Array("0123456789ABCDEF".utf8)
    return String(decoding: [d[Int(c >> 4)], d[Int(c & 15)]], as: UTF8.self)
}

/// Four upper-case hex digits.
func hex4Text(_ u: UInt32) -> String {
    hex2(UInt8(u >> 8 & 0xFF)) + hex2(UInt8(u & 0xFF))
}

/// Appends the UTF-8 form of scalar `u`.
func appendUTF8(_ out: inout [UInt8], _ u: UInt32) {
    switch u {
    case 0..<0x80: out.append(UInt8(u))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | u >> 6))
        out.append(UInt8(0x80 | u & 0x3F))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | u >> 12))
        out.append(UInt8(0x80 | u >> 6 & 0x3F))
        out.append(UInt8(0x80 | u & 0x3F))
    default:
        out.append(UInt8(0xF0 | u >> 18))
        out.append(UInt8(0x80 | u >> 12 & 0x3F))
        out.append(UInt8(0x80 | u >> 6 & 0x3F))
        out.append(UInt8(0x80 | u & 0x3F))
    }
}
