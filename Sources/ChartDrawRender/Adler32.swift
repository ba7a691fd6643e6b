/// Adler-32 (RFC 1950), the checksum that ends a zlib stream, computed 16 bytes at a time.
///
/// The PNG encoder compresses with raw deflate and writes the zlib header and this checksum
/// itself: zlib's own Adler-32 runs a byte at a time and took about a tenth of a chart's
/// encoding time; the bytes written are the same.
package enum Adler32 {
    /// The checksum's modulus: the largest prime below 2^16.
    static let modulus: UInt64 = 65_521
    /// Bytes per block: sums of a block fit in 32-bit lanes before they are reduced.
    static let blockBytes = 4096

    /// The checksum of `count` bytes at `bytes`, continuing from `adler` (1 to start).
    package static func update(_ adler: UInt32, _ bytes: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        var s1 = UInt64(adler & 0xFFFF)
        var s2 = UInt64(adler >> 16)
        var p = bytes
        var left = count
        while left > 0 {
            let n = min(left, blockBytes)
            let chunks = n / 16
            if chunks > 0 {
                // Lane k sums byte k of every 16-byte chunk (sum), and, before each chunk, what
                // the lane had summed over the chunks before it (prefix). Over m chunks:
                //   s1' = s1 + Σ sum
                //   s2' = s2 + 16·m·s1 + 16·Σ prefix + Σ_k (16 − k)·sum[k]
                var sum = SIMD16<UInt32>(repeating: 0)
                var prefix = SIMD16<UInt32>(repeating: 0)
                let raw = UnsafeRawPointer(p)
                for c in 0..<chunks {
                    let v = raw.loadUnaligned(fromByteOffset: c * 16, as: SIMD16<UInt8>.self)
                    prefix &+= sum
                    sum &+= SIMD16<UInt32>(truncatingIfNeeded: v)
                }
                var weighted: UInt64 = 0
                var total: UInt64 = 0
                var prefixTotal: UInt64 = 0
                for k in 0..<16 {
                    total += UInt64(sum[k])
                    weighted += UInt64(16 - k) * UInt64(sum[k])
                    prefixTotal += UInt64(prefix[k])
                }
                s2 = (s2 + 16 * UInt64(chunks) * s1 + 16 * prefixTotal + weighted) % modulus
                s1 = (s1 + total) % modulus
            }
            // The tail of the block, byte by byte.
            for i in (chunks * 16)..<n {
                s1 += UInt64(p[i])
                s2 += s1
            }
            s1 %= modulus
            s2 %= modulus
            p += n
            left -= n
        }
        return UInt32(s2 << 16 | s1)
    }
}
