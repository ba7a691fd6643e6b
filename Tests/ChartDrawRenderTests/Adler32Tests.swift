import Testing

@testable import ChartDrawRender

@Suite("Adler-32 of the PNG encoder")
struct Adler32Tests {
    /// RFC 1950's definition, a byte at a time.
    static func reference(_ bytes: [UInt8], start: UInt32 = 1) -> UInt32 {
        var a = start & 0xFFFF, b = start >> 16
        for x in bytes {
            a = (a + UInt32(x)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func adler(_ bytes: [UInt8], start: UInt32 = 1) -> UInt32 {
        bytes.withUnsafeBufferPointer { Adler32.update(start, $0.baseAddress!, count: $0.count) }
    }

    @Test func knownValues() {
        #expect(Self.adler(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Self.adler([0]) == 0x0001_0001)
        #expect(Self.adler(Array(repeating: 0, count: 1)) == Self.reference([0]))
    }

    @Test(arguments: [0, 1, 15, 16, 17, 255, 4095, 4096, 4097, 5552, 5553, 65_536, 300_001])
    func matchesTheDefinition(count: Int) {
        // All-0xFF bytes push every lane and sum to its largest value; a pseudo-random mix
        // checks the weights.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count + 1)
        let mixed = (0..<count).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let full = [UInt8](repeating: 0xFF, count: count)
        #expect(Self.adler(mixed) == Self.reference(mixed))
        #expect(Self.adler(full) == Self.reference(full))
        // Continuing from a checksum, as the encoder does chunk by chunk.
        let start = Self.reference(Array(mixed.prefix(7)))
        #expect(Self.adler(full, start: start) == Self.reference(full, start: start))
    }

    @Test func zlibHeadersAreZlibs() {
        // 78 01, 78 5E, 78 9C, 78 DA: zlib's own headers for levels 1, 5, 6 and 9.
        #expect(PNGEncoder.zlibHeader(level: 1, strategy: 0) == 0x7801)
        #expect(PNGEncoder.zlibHeader(level: 5, strategy: 0) == 0x785E)
        #expect(PNGEncoder.zlibHeader(level: 6, strategy: 0) == 0x789C)
        #expect(PNGEncoder.zlibHeader(level: 9, strategy: 0) == 0x78DA)
        #expect(PNGEncoder.zlibHeader(level: 9, strategy: 3) == 0x7801, "RLE is written as the fastest")
        #expect(PNGEncoder.zlibHeader(level: 0, strategy: 0) == 0x7801)
    }
}
