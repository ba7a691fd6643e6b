import ChartDrawCore
import Testing

/// ISO-8601 parsing and formatting of ``Timestamp``, which geometry and candles rely on.
@Suite("Timestamp ISO-8601")
struct GeometryTimestampTests {
    @Test(arguments: [
        "2026-01-08T12:00:00Z",
        "2026-01-08T12:00:00.250Z",
        "2026-01-08T12:00:00.000001Z",
        "2026-01-08T12:00:00.123456789Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.500Z",
        "2024-02-29T23:59:59Z",
        "2000-02-29T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
    ])
    func canonicalTextRoundTrips(text: String) throws {
        let t = try Geo.time(text)
        #expect(t.iso8601 == text)
        #expect(Timestamp(iso8601: t.iso8601) == t)
    }

    @Test(arguments: [
        ("2026-01-08T12:00:00.5Z", "2026-01-08T12:00:00.500Z", Int32(500_000_000)),
        ("2026-01-08T12:00:00.000Z", "2026-01-08T12:00:00Z", Int32(0)),
        ("2026-01-08T12:00:00.1234567Z", "2026-01-08T12:00:00.123456700Z", Int32(123_456_700)),
        ("2026-01-08T12:00:00.12Z", "2026-01-08T12:00:00.120Z", Int32(120_000_000)),
        ("2026-01-08T12:00:00.0001Z", "2026-01-08T12:00:00.000100Z", Int32(100_000)),
    ])
    func fractionsNormalise(input: String, canonical: String, nanos: Int32) throws {
        let t = try Geo.time(input)
        #expect(t.nanoseconds == nanos)
        #expect(t.iso8601 == canonical)
    }

    @Test func knownInstants() throws {
        #expect(try Geo.time("1970-01-01T00:00:00Z").seconds == 0)
        #expect(try Geo.time("2000-03-01T00:00:00Z").seconds == 951_868_800)
        #expect(try Geo.time("2024-01-08T00:00:00Z").seconds == 1_704_672_000)
        let before = try Geo.time("1969-12-31T23:59:59.5Z")
        #expect(before.seconds == -1 && before.nanoseconds == 500_000_000)
        #expect(before.secondsSinceEpoch == -0.5)
        #expect(try Geo.time("0001-01-01T00:00:00Z").seconds == Timestamp.minSeconds)
        #expect(try Geo.time("9999-12-31T23:59:59Z").seconds == Timestamp.maxSeconds)
        #expect(try Geo.time("2024-01-08T00:00:00Z").utc.weekday == 1)  // a Monday
    }

    @Test(arguments: [
        "2024-02-30T00:00:00Z",  // no such day
        "2023-02-29T00:00:00Z",  // not a leap year
        "1900-02-29T00:00:00Z",  // century, not a leap year
        "2024-04-31T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-00-10T00:00:00Z",
        "2024-01-00T00:00:00Z",
        "2024-01-08T24:00:00Z",  // 24:00 is not accepted
        "2024-01-08T23:60:00Z",
        "2024-01-08T23:59:60Z",  // leap second
        "2024-01-08T12:00:00z",  // lower-case z
        "2024-01-08t12:00:00Z",  // lower-case t
        "2024-01-08T12:00:00",  // no zone
        "2024-01-08T12:00:00+00:00",
        "2024-01-08 12:00:00Z",
        "2024-1-08T12:00:00Z",
        "2024-01-08T12:00:00.Z",  // point without digits
        "2024-01-08T12:00:00.1234567890Z",  // ten fraction digits
        "2024-01-08T12:00:00,5Z",
        "0000-01-01T00:00:00Z",  // year 0
        "+2024-01-08T12:00:00Z",
        "2024-01-08",
        "",
    ])
    func invalidTextIsRejected(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func secondsSinceEpochConversion() throws {
        let t = try #require(Timestamp(secondsSinceEpoch: 1_704_672_000.25))
        #expect(t.seconds == 1_704_672_000 && t.nanoseconds == 250_000_000)
        let negative = try #require(Timestamp(secondsSinceEpoch: -1.25))
        #expect(negative.seconds == -2 && negative.nanoseconds == 750_000_000)
        #expect(Timestamp(secondsSinceEpoch: .nan) == nil)
        #expect(Timestamp(secondsSinceEpoch: 1e300) == nil)
    }
}
