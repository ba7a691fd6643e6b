import ChartDrawCore

/// Timestamps on raw bytes: the common form `YYYY-MM-DDTHH:MM:SSZ` parsed inline, every
/// other form (fractions, anything malformed) by `ChartDrawCore/Timestamp/parse(_:)`, so
/// the result is always that function's.
enum WireTime {
    /// The timestamp whose text is the bytes `s..<e` of `b`, or nil when malformed.
    @inline(__always)
    static func parse(_ b: UnsafeRawBufferPointer, _ s: Int, _ e: Int) -> Timestamp? {
        if e - s == 20, let t = plain(b, s) { return t }
        return Timestamp.parse(UnsafeBufferPointer(rebasing: b.assumingMemoryBound(to: UInt8.self)[s..<e]))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` at `s` (20 bytes are there) of a real date and time; nil for
    /// anything else (the caller falls back to the full parser).
    @inline(__always)
    static func plain(_ b: UnsafeRawBufferPointer, _ s: Int) -> Timestamp? {
        guard b[s &+ 4] == UInt8(ascii: "-"), b[s &+ 7] == UInt8(ascii: "-"), b[s &+ 10] == UInt8(ascii: "T"),
            b[s &+ 13] == UInt8(ascii: ":"), b[s &+ 16] == UInt8(ascii: ":"), b[s &+ 19] == UInt8(ascii: "Z")
        else { return nil }
        @inline(__always) func d(_ k: Int) -> Int { Int(b[s &+ k] &- 48) }
        @inline(__always) func two(_ k: Int) -> Int? {
            let h = d(k), l = d(k &+ 1)
            return h < 10 && l < 10 ? h &* 10 &+ l : nil
        }
        guard let y1 = two(0), let y2 = two(2), let month = two(5), let day = two(8), let hour = two(11),
            let minute = two(14), let second = two(17)
        else { return nil }
        let year = y1 &* 100 &+ y2
        guard year >= 1, month >= 1, month <= 12, day >= 1, hour < 24, minute < 60, second < 60 else { return nil }
        guard Int64(day) <= daysInMonth(year: Int64(year), month: Int64(month)) else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        return Timestamp(seconds: days &* 86_400 &+ Int64(hour &* 3600 &+ minute &* 60 &+ second))
    }
}
