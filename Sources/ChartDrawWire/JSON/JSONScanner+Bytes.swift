/// Word-at-a-time helpers of the scanner: finding the bytes of a string body that need a
/// look, comparing keys and values with known words, and strings from scanned ranges.
extension JSONScanner {
    /// A mask with the high bit set in (at least) the lowest byte of `x` that is a quote, a
    /// backslash, a control character or non-ASCII; zero when there is none. Bits above the
    /// lowest set one may be false positives (borrows), so only the lowest is used.
    @inline(__always)
    static func specialBytes(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let q = x ^ (ones &* 0x22)
        let bs = x ^ (ones &* 0x5C)
        let zeroQ = (q &- ones) & ~q
        let zeroB = (bs &- ones) & ~bs
        let ctl = (x &- ones &* 0x20) & ~x
        return (zeroQ | zeroB | ctl | x) & high
    }

    /// Whether the `len` input bytes at `at` equal those at `p` (compared a word at a time).
    @inline(__always)
    func bytesEqual(_ at: Int, _ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        let q = UnsafeRawPointer(p)
        var j = 0
        while j &+ 8 <= len {
            if b.loadUnaligned(fromByteOffset: at &+ j, as: UInt64.self)
                != q.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            {
                return false
            }
            j &+= 8
        }
        if j &+ 4 <= len {
            if b.loadUnaligned(fromByteOffset: at &+ j, as: UInt32.self)
                != q.loadUnaligned(fromByteOffset: j, as: UInt32.self)
            {
                return false
            }
            j &+= 4
        }
        while j < len {
            if b[at &+ j] != p[j] { return false }
            j &+= 1
        }
        return true
    }

    /// Whether the raw string body `s..<e` (without escapes) equals `lit`.
    @inline(__always)
    func rangeIs(_ s: Int, _ e: Int, _ lit: StaticString) -> Bool {
        e - s == lit.utf8CodeUnitCount && bytesEqual(s, lit.utf8Start, e - s)
    }

    /// The string whose body is `s..<e` as returned by ``scanString()``.
    @inline(__always)
    func string(_ s: Int, _ e: Int, _ escaped: Bool) -> String {
        if !escaped { return String(decoding: UnsafeRawBufferPointer(rebasing: b[s..<e]), as: UTF8.self) }
        return String(decoding: unescape(s, e), as: UTF8.self)
    }

    /// The key whose opening quote is at `quote` (already scanned once); nil for -1.
    func key(atQuote quote: Int) -> String? {
        guard quote >= 0 else { return nil }
        var t = JSONScanner(b)
        t.i = quote
        guard let (s, e, esc) = try? t.scanString() else { return nil }
        return t.string(s, e, esc)
    }
}
