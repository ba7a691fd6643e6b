import Crypto

/// Entity-tag hashing: SHA-256 (swift-crypto) over length-safe fields, so a tag names one
/// rendering of one set of normalised inputs and cannot be forged into another request's tag.
struct TagHasher {
    private var hash = Crypto.SHA256()

    /// Adds bytes.
    mutating func update(buffer: UnsafeRawBufferPointer) {
        hash.update(bufferPointer: buffer)
    }

    /// Adds a string's UTF-8 bytes, then a zero byte as a separator.
    mutating func field(_ s: String) {
        var bytes = Array(s.utf8)
        bytes.append(0)
        bytes.withUnsafeBytes { update(buffer: $0) }
    }

    /// Adds the 8 bytes of a 64-bit value, little-endian.
    mutating func word(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { update(buffer: $0) }
    }

    /// The digest in lower-case hexadecimal.
    func hex() -> String { Self.hex(hash.finalize()) }

    /// Lower-case hexadecimal of digest bytes.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hexadecimal SHA-256 of some bytes.
    static func hex(of bytes: [UInt8]) -> String {
        var h = TagHasher()
        bytes.withUnsafeBytes { h.update(buffer: $0) }
        return h.hex()
    }
}
