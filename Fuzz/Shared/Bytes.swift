// The byte reader the scene and painter targets share (compiled into each by scripts/fuzz.sh).

/// Reads the fuzzer's bytes front to back; zeros once they run out.
struct Bytes {
    let data: UnsafeBufferPointer<UInt8>
    var i = 0

    var isEmpty: Bool { i >= data.count }

    mutating func u8() -> UInt8 {
        guard i < data.count else { return 0 }
        defer { i += 1 }
        return data[i]
    }

    mutating func u16() -> Int { Int(u8()) << 8 | Int(u8()) }

    mutating func bool() -> Bool { u8() & 1 == 1 }

    /// Eight bytes as a double's bits: any value, NaN and infinities included.
    mutating func rawDouble() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(u8()) }
        return Double(bitPattern: bits)
    }
}
