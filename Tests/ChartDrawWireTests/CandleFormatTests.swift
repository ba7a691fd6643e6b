import ChartDrawCore
import ChartDrawWire
import Testing

/// Candle data in the forms bots have: each fixture (made by the library that makes it, see
/// Fixtures/candles/make_fixtures.py) reads to the same series as the reference CSV.
@Suite("Candle formats")
struct CandleFormatTests {
    static let fixtures = [
        "pandas-to_csv.csv", "pandas-to_csv-utc.csv", "pandas-to_csv-unnamed.csv", "pandas-to_csv-semicolon.csv",
        "pandas-to_json-records.json", "ccxt-ohlcv.json", "ccxt-wrapped-data.json", "binance-klines.json",
        "python-isoformat-wrapped.json", "offset-plus2.json", "node-toISOString.json",
    ]

    static func series(_ name: String, format: CandleFormat? = nil) throws -> CandleSeries {
        let bytes = Fixture.bytes("candles/" + name)
        #expect(!bytes.isEmpty, "fixture \(name) is missing")
        return try CandleFile.parse(bytes, format: format)
    }

    @Test("every fixture reads to the reference series", arguments: fixtures)
    func sameAsReference(_ name: String) throws {
        let reference = try Self.series("reference.csv")
        #expect(reference.candles.count == 48)
        let s = try Self.series(name)
        #expect(s == reference)
    }

    @Test("the format can be given instead of recognised")
    func forcedFormats() throws {
        let reference = try Self.series("reference.csv")
        #expect(try Self.series("ccxt-ohlcv.json", format: .ccxt) == reference)
        #expect(try Self.series("binance-klines.json", format: .binance) == reference)
        #expect(try Self.series("python-isoformat-wrapped.json", format: .json) == reference)
        #expect(try Self.series("pandas-to_csv.csv", format: .csv) == reference)
        #expect(CandleFile.detect(Fixture.bytes("candles/ccxt-ohlcv.json")) == .json)
        #expect(CandleFile.detect(Fixture.bytes("candles/pandas-to_csv.csv")) == .csv)
    }

    func error(_ text: String, format: CandleFormat? = nil) -> CandleError? {
        do {
            _ = try CandleFile.parse(Array(text.utf8), format: format)
            return nil
        } catch {
            return error
        }
    }

    @Test("a format that does not match the content is named")
    func mismatch() throws {
        let ccxt = String(decoding: Fixture.bytes("candles/ccxt-ohlcv.json"), as: UTF8.self)
        let e = try #require(error(ccxt, format: .binance))
        #expect(e.description.contains("6 elements"))
        #expect(e.description.contains("12 elements"))
        #expect(e.path == "/0")
        let o = try #require(error(ccxt, format: .json))
        #expect(o.description.contains("the format json has objects"))
    }

    @Test("JSON errors name the line and the JSON pointer")
    func jsonErrors() throws {
        let text = """
            {"candles": [
              [1767657600000, 1.1, 1.2, 1.0, 1.15, 10],
              [1767661200000, 1.1, "x", 1.0, 1.15, 10]
            ]}
            """
        let e = try #require(error(text))
        #expect(e.line == 3)
        #expect(e.path == "/candles/1/2")
        #expect(e.description.hasPrefix("line 3, /candles/1/2: high \"x\" is not a number"))

        let order = """
            [{"time": "2026-01-06T01:00:00Z", "open": 1, "high": 2, "low": 0.5, "close": 1.5},
             {"time": "2026-01-06T00:00:00Z", "open": 1, "high": 2, "low": 0.5, "close": 1.5}]
            """
        let o = try #require(error(order))
        #expect(o.line == 2)
        #expect(o.path == "/1")
        #expect(o.index == 1)

        let missing = try #require(error(#"[{"time": 1767657600, "open": 1, "high": 2, "close": 1.5}]"#))
        #expect(missing.message.contains("no \"low\""))

        let wrapped = try #require(error(#"{"symbol": "X", "rows": []}"#))
        #expect(wrapped.message.contains("no \"candles\" or \"data\""))
        #expect(wrapped.message.contains("\"rows\""))

        let mixed = try #require(
            error(
                #"[[1767657600000, 1, 2, 0.5, 1.5, 1], {"time": 1767661200, "open": 1, "high": 2, "low": 0.5, "close": 1.5}]"#
            ))
        #expect(mixed.message.contains("same form"))

        let syntax = try #require(error("[[1767657600000, 1, 2, 0.5, 1.5, 1],\n[1767661200000, 1, 2,"))
        #expect(syntax.line == 2)
        #expect(syntax.message.contains("not valid JSON"))

        let twice = try #require(
            error(#"[{"time": 1767657600, "open": 1, "o": 1, "high": 2, "low": 0.5, "close": 1.5}]"#))
        #expect(twice.path == "/0/o")
        #expect(twice.message.contains("gives the open twice"))

        let count = try #require(error("[[1767657600000, 1, 2, 0.5]]"))
        #expect(count.message.contains("4 elements"))
    }

    @Test("CSV: times with a space, offsets, milliseconds; separators and header spellings")
    func csvForms() throws {
        let reference = try CandleCSV.parse(
            Array(
                "time,open,high,low,close\n2026-01-08T10:00:00Z,1,2,0.5,1.5\n2026-01-08T11:00:00.250Z,1,2,0.5,1.5\n"
                    .utf8))
        for text in [
            "Date,Open,High,Low,Close,Adj Close\n2026-01-08 10:00:00,1,2,0.5,1.5,9\n2026-01-08 11:00:00.25,1,2,0.5,1.5,9\n",
            "open_time;o;h;l;c\n2026-01-08T12:00:00+02:00;1;2;0,5;1,5\n2026-01-08T13:00:00.250+02:00;1;2;0,5;1,5\n",
            "ts\topen\thigh\tlow\tclose\n1767866400000\t1\t2\t0.5\t1.5\n1767870000250\t1\t2\t0.5\t1.5\n",
            "time,open,high,low,close\n1767866400,1,2,0.5,1.5\n1767870000.25,1,2,0.5,1.5\n",
            "time,open,high,low,close\n2026-01-08T05:00:00-05:00,1,2,0.5,1.5\n2026-01-08T06:00:00.250-0500,1,2,0.5,1.5\n",
        ] {
            let s = try CandleFile.parse(Array(text.utf8))
            #expect(s == reference, "\(text)")
        }
    }

    @Test("CSV errors keep their line numbers")
    func csvErrors() throws {
        let e = try #require(
            error("time,open,high,low,close\n2026-01-08 10:00:00,1,2,0.5,1.5\n2026-01-08 25:00:00,1,2,0.5,1.5\n"))
        #expect(e.line == 3)
        #expect(e.message.contains("2026-01-08 25:00:00"))
    }

    @Test("lenient times name the instant they say")
    func lenientTimes() throws {
        let t = try #require(Timestamp.parseLenient("2026-01-08T10:00:00+02:00"))
        #expect(t.timestamp.iso8601 == "2026-01-08T08:00:00Z")
        #expect(t.isOffsetForm)
        #expect(t.zone == .offset(minutes: 120))
        #expect(Timestamp.parseLenient("2026-01-08 10:00:00")?.zone == LenientTime.Zone.none)
        #expect(Timestamp.parseLenient("2026-01-08")?.timestamp.iso8601 == "2026-01-08T00:00:00Z")
        #expect(Timestamp.parseLenient("2026-02-30T10:00:00Z") == nil)
        #expect(Timestamp.parseLenient("2026-01-08T10:00:00+24:00") == nil)
        #expect(Timestamp.parseLenient("0001-01-01T00:00:00+01:00") == nil)
        #expect(Timestamp(epochSecondsOrMilliseconds: 1_767_866_400_250)?.iso8601 == "2026-01-08T10:00:00.250Z")
        #expect(Timestamp(epochSecondsOrMilliseconds: 1_767_866_400)?.iso8601 == "2026-01-08T10:00:00Z")
    }
}
