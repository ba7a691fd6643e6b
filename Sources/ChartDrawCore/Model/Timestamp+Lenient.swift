/// A time written in one of the ISO-8601 forms programs produce, and how its zone was given.
///
/// ``Timestamp/parseLenient(_:)`` reads `YYYY-MM-DD`, optionally followed by `T`, `t` or one
/// space and `HH:MM[:SS[.fraction]]`, optionally followed by a zone: `Z`, `z`, `±HH:MM`,
/// `±HHMM` or `±HH` (e.g. Python's `isoformat()` `2026-01-08T10:00:00+00:00`, pandas'
/// `2026-01-06 00:00:00`, JavaScript's `toISOString()`). The instant is the one the text
/// names: an offset is subtracted, a time without a zone is taken as UTC.
package struct LenientTime: Hashable, Sendable {
    /// How the zone of a time was written.
    package enum Zone: Hashable, Sendable {
        /// `Z` (or `z`).
        case utc
        /// An offset from UTC in minutes (`+02:00` is 120; `+00:00` is 0).
        case offset(minutes: Int)
        /// No zone: the time is read as UTC.
        case none
    }

    /// The instant.
    package var timestamp: Timestamp
    /// How the zone was written.
    package var zone: Zone
    /// Whether the text is exactly the strict form ``Timestamp/parse(_:)`` accepts.
    package var isStrict: Bool
    /// Whether the text is `YYYY-MM-DDTHH:MM:SS[.fraction]±HH:MM`: ISO-8601 with an offset
    /// (Python's `datetime.isoformat()` of an aware time), accepted in request bodies.
    package var isOffsetForm: Bool
}

extension Timestamp {
    /// Parses the ISO-8601 forms of ``LenientTime`` from UTF-8 bytes; `nil` when the text is
    /// none of them, not a real date and time, or beyond years 1 to 9999 once the offset is
    /// applied.
    package static func parseLenient(_ b: UnsafeBufferPointer<UInt8>) -> LenientTime? {
        let n = b.count
        guard n >= 10, n <= 40 else { return nil }
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in i..<(i + count) {
                let c = b[k] &- 48
                guard c < 10 else { return nil }
                v = v * 10 + Int(c)
            }
            i += count
            return v
        }
        func take(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
            let day = digits(2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var nanos: Int32 = 0
        var strictShape = false
        if i < n, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 32 {
            strictShape = b[i] == UInt8(ascii: "T")
            i += 1
            guard let h = digits(2), take(UInt8(ascii: ":")), let m = digits(2) else { return nil }
            hour = h
            minute = m
            if take(UInt8(ascii: ":")) {
                guard let s = digits(2) else { return nil }
                second = s
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    var count = 0
                    var v = 0
                    while i < n, b[i] &- 48 < 10 {
                        if count < 9 {
                            v = v * 10 + Int(b[i] &- 48)
                        } else if b[i] != 48 {
                            return nil  // finer than a nanosecond
                        }
                        count += 1
                        i += 1
                    }
                    guard count > 0 else { return nil }
                    for _ in min(count, 9)..<9 { v *= 10 }
                    nanos = Int32(v)
                }
            } else {
                strictShape = false
            }
        }
        var zone = LenientTime.Zone.none
        var colonOffset = false
        if i < n {
            let c = b[i]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                if c == UInt8(ascii: "z") { strictShape = false }
                zone = .utc
                i += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                i += 1
                guard let oh = digits(2), oh <= 23 else { return nil }
                var om = 0
                if take(UInt8(ascii: ":")) {
                    guard let m = digits(2) else { return nil }
                    om = m
                    colonOffset = true
                } else if i < n {
                    guard let m = digits(2) else { return nil }
                    om = m
                }
                guard om <= 59 else { return nil }
                let minutes = oh * 60 + om
                zone = .offset(minutes: c == UInt8(ascii: "-") ? -minutes : minutes)
            } else {
                return nil
            }
        }
        guard i == n else { return nil }
        guard
            let local = Timestamp(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanoseconds: nanos)
        else { return nil }
        var t = local
        if case .offset(let minutes) = zone {
            guard let shifted = local.adding(seconds: -Int64(minutes) * 60) else { return nil }
            t = shifted
        }
        return LenientTime(
            timestamp: t, zone: zone, isStrict: strictShape && zone == .utc && n <= 30,
            isOffsetForm: strictShape && colonOffset)
    }

    /// ``parseLenient(_:)`` for a string.
    package static func parseLenient(_ text: String) -> LenientTime? {
        var text = text
        return text.withUTF8 { parseLenient(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// The instant of a number of seconds or milliseconds since the Unix epoch, chosen by
    /// magnitude: from 10^11 on (in seconds, the year 5138) the number counts milliseconds.
    /// `nil` when not finite or beyond years 1 to 9999.
    package init?(epochSecondsOrMilliseconds value: Double) {
        if abs(value) >= Timestamp.millisecondThreshold {
            // Whole milliseconds exactly (a double holds them exactly up to 2^53).
            guard value.isFinite, abs(value) < 9_007_199_254_740_992 else { return nil }
            if value == value.rounded() {
                let ms = Int64(value)
                let (q, r) = ms.quotientAndRemainder(dividingBy: 1000)
                let secs = r < 0 ? q - 1 : q
                let rest = r < 0 ? r + 1000 : r
                guard secs >= Timestamp.minSeconds, secs <= Timestamp.maxSeconds else { return nil }
                self.init(seconds: secs, nanoseconds: Int32(rest * 1_000_000))
            } else {
                self.init(secondsSinceEpoch: value / 1000)
            }
        } else {
            self.init(secondsSinceEpoch: value)
        }
    }

    /// Epoch numbers from this magnitude on count milliseconds (see
    /// ``init(epochSecondsOrMilliseconds:)``).
    package static let millisecondThreshold = 1e11
}
