/// An instant in UTC with nanosecond resolution, written as ISO-8601 with a `Z` suffix.
///
/// Parsing is strict: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, upper-case `T` and `Z`, one to nine
/// fraction digits, a real calendar date, no leap second (`:60`), years 0001 to 9999.
/// Formatting is canonical: no fraction when it is zero, otherwise 3, 6 or 9 digits,
/// whichever is the shortest exact form.
///
/// Every value is a valid instant: the stored parts are read-only, and every initialiser
/// checks them (years 1 to 9999, nanoseconds `0 ..< 1_000_000_000`), so a value built in Swift
/// always encodes to the instant it holds.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it), within
    /// ``minSeconds`` ... ``maxSeconds``.
    public private(set) var seconds: Int64
    /// Nanoseconds within the second, `0 ..< 1_000_000_000`.
    public private(set) var nanoseconds: Int32

    /// Creates an instant from whole seconds since the Unix epoch and a nanosecond part.
    ///
    /// The parts must be in range (``minSeconds`` ... ``maxSeconds``, nanoseconds
    /// `0 ..< 1_000_000_000`): anything else stops the program, as an out-of-range index does.
    /// Use ``init(exactly:nanoseconds:)`` for parts that may be out of range.
    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        precondition(nanoseconds >= 0 && nanoseconds < 1_000_000_000, "nanoseconds out of range")
        precondition(
            seconds >= Timestamp.minSeconds && seconds <= Timestamp.maxSeconds, "seconds outside years 1 to 9999")
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Creates an instant from whole seconds and a nanosecond part; `nil` when the seconds
    /// fall outside years 1 to 9999 or the nanoseconds outside `0 ..< 1_000_000_000`.
    public init?(exactly seconds: Int64, nanoseconds: Int32 = 0) {
        guard nanoseconds >= 0, nanoseconds < 1_000_000_000, seconds >= Timestamp.minSeconds,
            seconds <= Timestamp.maxSeconds
        else { return nil }
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Creates an instant from (possibly fractional) seconds since the Unix epoch, rounded to
    /// the nearest nanosecond; `nil` when not finite or beyond years 1 to 9999.
    public init?(secondsSinceEpoch value: Double) {
        guard value.isFinite, value >= Double(Timestamp.minSeconds), value <= Double(Timestamp.maxSeconds)
        else { return nil }
        let whole = value.rounded(.down)
        var nanos = ((value - whole) * 1e9).rounded()
        var secs = Int64(whole)
        if nanos >= 1e9 {
            nanos -= 1e9
            secs += 1
        }
        self.init(seconds: secs, nanoseconds: Int32(nanos))
    }

    /// Seconds since the Unix epoch as a double (the form geometry works in).
    @inlinable public var secondsSinceEpoch: Double {
        Double(seconds) + Double(nanoseconds) / 1e9
    }

    /// The instant `hours` hours later; `nil` when it falls outside years 1 to 9999.
    public func adding(hours: Int64) -> Timestamp? {
        let (delta, o1) = hours.multipliedReportingOverflow(by: 3600)
        let (sum, o2) = seconds.addingReportingOverflow(delta)
        guard !o1, !o2, sum >= Timestamp.minSeconds, sum <= Timestamp.maxSeconds else { return nil }
        return Timestamp(seconds: sum, nanoseconds: nanoseconds)
    }

    /// The instant `seconds` seconds later; `nil` when it falls outside years 1 to 9999.
    public func adding(seconds delta: Int64) -> Timestamp? {
        let (sum, overflow) = seconds.addingReportingOverflow(delta)
        guard !overflow, sum >= Timestamp.minSeconds, sum <= Timestamp.maxSeconds else { return nil }
        return Timestamp(seconds: sum, nanoseconds: nanoseconds)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// 0001-01-01T00:00:00Z.
    public static let minSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z.
    public static let maxSeconds: Int64 = 253_402_300_799
}

// MARK: - Calendar

/// Days from 1970-01-01 to the civil date (proleptic Gregorian). Howard Hinnant's algorithm.
@inlinable
package func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01.
@inlinable
func civilFromDays(_ z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

@inlinable
package func isLeapYear(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

@inlinable
package func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

/// Broken-down UTC fields of an instant, for labels and formatting.
public struct UTCDateTime: Hashable, Sendable {
    /// Calendar year.
    public var year: Int
    /// Month, 1 to 12.
    public var month: Int
    /// Day of the month, 1 to 31.
    public var day: Int
    /// Hour, 0 to 23.
    public var hour: Int
    /// Minute, 0 to 59.
    public var minute: Int
    /// Second, 0 to 59.
    public var second: Int
    /// Day of the week, 0 = Sunday.
    public var weekday: Int
}

extension Timestamp {
    /// The instant's UTC calendar fields.
    public var utc: UTCDateTime {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rem = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        let wd = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        return UTCDateTime(
            year: Int(y), month: Int(m), day: Int(d), hour: Int(rem / 3600),
            minute: Int(rem % 3600 / 60), second: Int(rem % 60), weekday: Int(wd))
    }

    /// The instant at the given UTC calendar fields; `nil` when they are not a real date/time.
    public init?(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanoseconds: Int32 = 0
    ) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, Int64(day) <= daysInMonth(year: Int64(year), month: Int64(month)),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            nanoseconds >= 0, nanoseconds < 1_000_000_000
        else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        self.init(seconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second), nanoseconds: nanoseconds)
    }
}

// MARK: - ISO-8601

extension Timestamp {
    /// Parses a strict ISO-8601 UTC timestamp (see the type's summary); `nil` when malformed.
    public init?(iso8601 text: String) {
        var text = text
        let parsed: Timestamp? = text.withUTF8 { Timestamp.parse(UnsafeBufferPointer(rebasing: $0[...])) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses a strict ISO-8601 UTC timestamp from UTF-8 bytes; `nil` when malformed.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        // YYYY-MM-DDTHH:MM:SSZ is 20 bytes; with a fraction, 22 to 30.
        let n = b.count
        guard n >= 20, n <= 30, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            b[n - 1] == UInt8(ascii: "Z")
        else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var v = 0
            for i in start..<(start + count) {
                let c = b[i] &- 48
                guard c < 10 else { return nil }
                v = v * 10 + Int(c)
            }
            return v
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2)
        else { return nil }
        var nanos: Int32 = 0
        if n > 20 {
            guard b[19] == UInt8(ascii: "."), n >= 22 else { return nil }
            let count = n - 21
            guard let frac = digits(20, count) else { return nil }
            var scaled = frac
            for _ in count..<9 { scaled *= 10 }
            nanos = Int32(scaled)
        }
        return Timestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanoseconds: nanos)
    }

    /// The canonical ISO-8601 text, e.g. `2026-01-08T12:00:00Z` or `2026-01-08T12:00:00.250Z`.
    public var iso8601: String {
        var out: [UInt8] = []
        out.reserveCapacity(30)
        appendISO8601(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the bytes of ``iso8601`` (ASCII digits, `-`, `T`, `:`, `.`, `Z`) to `out`,
    /// building no string: the canonical encoder writes every time through it.
    package func appendISO8601(to out: inout [UInt8]) {
        let u = utc
        @inline(__always) func put(_ v: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor &*= 10 }
            var x = v
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: 48 &+ (x / divisor) % 10))
                x %= divisor
                divisor /= 10
            }
        }
        put(u.year, 4)
        out.append(UInt8(ascii: "-"))
        put(u.month, 2)
        out.append(UInt8(ascii: "-"))
        put(u.day, 2)
        out.append(UInt8(ascii: "T"))
        put(u.hour, 2)
        out.append(UInt8(ascii: ":"))
        put(u.minute, 2)
        out.append(UInt8(ascii: ":"))
        put(u.second, 2)
        if nanoseconds != 0 {
            out.append(UInt8(ascii: "."))
            let ns = Int(nanoseconds)
            if ns % 1_000_000 == 0 {
                put(ns / 1_000_000, 3)
            } else if ns % 1000 == 0 {
                put(ns / 1000, 6)
            } else {
                put(ns, 9)
            }
        }
        out.append(UInt8(ascii: "Z"))
    }
}

extension Timestamp: CustomStringConvertible {
    /// The canonical ISO-8601 text.
    public var description: String { iso8601 }
}
