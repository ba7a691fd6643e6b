import ChartDrawCore
import Testing

@Suite("Candle CSV")
struct CandleCSVTests {
    func parse(_ text: String) throws(CandleError) -> CandleSeries {
        try CandleCSV.parse(Array(text.utf8))
    }

    func error(_ text: String) -> CandleError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func isoTimes() throws {
        let s = try parse(
            "time,open,high,low,close\n2024-01-08T00:00:00Z,1.1,1.2,1.0,1.15\n2024-01-08T01:00:00.5Z,1.15,1.25,1.1,1.2\n"
        )
        #expect(
            s.candles == [
                Candle(time: try Geo.time("2024-01-08T00:00:00Z"), open: 1.1, high: 1.2, low: 1.0, close: 1.15),
                Candle(time: try Geo.time("2024-01-08T01:00:00.5Z"), open: 1.15, high: 1.25, low: 1.1, close: 1.2),
            ])
        #expect(s.interval == 3600.5)
    }

    @Test func unixTimesCRLFAnyOrderAndCaseWithVolume() throws {
        let text =
            "\u{FEFF}Close, TIME ,Open,Low,High,Volume\r\n1.15,1704672000,1.1,1.0,1.2,100\r\n\r\n"
            + "1.2,1704675600.25,1.15,1.1,1.25,\r\n  \r\n1.3,\"1704679200\",1.2,1.19,1.31,0.5"
        let s = try parse(text)
        #expect(s.candles.count == 3)
        #expect(
            s.candles[0]
                == Candle(
                    time: Timestamp(seconds: 1_704_672_000), open: 1.1, high: 1.2, low: 1.0, close: 1.15, volume: 100))
        #expect(s.candles[1].time == Timestamp(seconds: 1_704_675_600, nanoseconds: 250_000_000))
        #expect(s.candles[1].volume == nil, "an empty volume is absent")
        #expect(s.candles[2].time == Timestamp(seconds: 1_704_679_200))
        #expect(s.candles[2].volume == 0.5)
        #expect(s.candles[2].close == 1.3)
    }

    @Test func negativeAndFractionalUnixSeconds() throws {
        let s = try parse("time,open,high,low,close\n-1.5,1,1,1,1\n0,1,1,1,1\n2.000000001,1,1,1,1")
        #expect(
            s.candles.map(\.time) == [
                Timestamp(seconds: -2, nanoseconds: 500_000_000), Timestamp(seconds: 0),
                Timestamp(seconds: 2, nanoseconds: 1),
            ])
    }

    @Test func unixAndIsoAgree() throws {
        let a = try parse("time,open,high,low,close\n2024-01-08T12:00:00Z,1,2,0.5,1.5\n")
        let b = try parse("time,open,high,low,close\n1704715200,1,2,0.5,1.5\n")
        #expect(a == b)
    }

    /// Numbers parse to the same Double as the standard library's correctly rounded parser.
    @Test(arguments: [
        "1.23456", "0.1", "0.3", "1", "1.", ".5", "+2.5", "123456789012345", "1234567890123456789",
        "1.7976931348623157e11", "5e-3", "12345.6789012345", "1234567.89012345678", "90071.99254740993",
        "999999999999.9999", "0.30000000000000004441", "0.000000000000000000001234", "1234567890.12345678",
        "9007199254740993", "0.1000000000000000055511151231257827", "2.2250738585072014E-8", "1e12",
    ])
    func numbersRoundCorrectly(text: String) throws {
        let expected = try #require(Double(text.hasPrefix("+") ? String(text.dropFirst()) : text))
        let s = try parse("time,open,high,low,close,volume\n0,1,1,1,1,\(text)\n")
        #expect(s.candles[0].volume?.bitPattern == expected.bitPattern)
        if expected <= CandleSeries.maximumPrice {
            let p = try parse("time,open,high,low,close\n0,\(text),\(text),\(text),\(text)\n")
            #expect(p.candles[0].open.bitPattern == expected.bitPattern)
            #expect(p.candles[0].close == expected)
        }
    }

    func expectError(
        _ text: String, line: Int?, _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let e = error(text) else {
            Issue.record("accepted: \(text.debugDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.line == line, "\(e)", sourceLocation: sourceLocation)
        for f in fragments {
            #expect(e.message.contains(f), "\(e) lacks \(f.debugDescription)", sourceLocation: sourceLocation)
        }
        if let line {
            #expect(e.description.hasPrefix("line \(line): "), sourceLocation: sourceLocation)
        }
    }

    @Test func emptyInputAndHeaderOnly() {
        expectError("", line: nil, "empty", "time,open,high,low,close")
        expectError("\n\r\n  \n", line: nil, "empty")
        expectError("time,open,high,low,close\n", line: 1, "not followed")
        expectError("\ntime,open,high,low,close\n\n", line: 2, "not followed")
    }

    @Test func headerProblems() {
        expectError("time,open,high,close\n0,1,1,1\n", line: 1, "'low'", "time,open,high,low,close")
        expectError("time,open,high,low,close,Open\n", line: 1, "'open' twice")
        expectError("2024-01-08T00:00:00Z,1,2,0.5,1.5\n", line: 1, "not a header")
    }

    @Test func rowProblemsCarryTheirLine() {
        let header = "time,open,high,low,close\n"
        // A missing field, after a blank line (lines still count).
        expectError(header + "0,1,2,0.5,1.5\n\n3600,1,2,1.5\n", line: 4, "expected 5 fields", "found 4")
        expectError(header + "0,1,2,0.5,abc\n", line: 2, "close", "'abc'", "not a number")
        expectError(header + "0,1,2,,1.5\n", line: 2, "'low' is empty")
        expectError(header + "0,1,2,0.5,1.5.2\n", line: 2, "not a number")
        expectError(header + "0,NaN,2,0.5,1.5\n", line: 2, "open is NaN")
        expectError(header + "0,1,inf,0.5,1.5\n", line: 2, "high is infinite")
        expectError(header + "0,1,1e999,0.5,1.5\n", line: 2, "high is infinite")
        expectError(header + "0,1,2,-0.5,1.5\n", line: 2, "low is -0.5", "greater than 0")
        expectError(header + "0,1,1e300,0.5,1.5\n", line: 2, "largest accepted")
        expectError(header + "0,1,0.9,0.95,1\n", line: 2, "below low")
        expectError(header + "0,1,2,0.5,1.5\n3600,1,0.9,0.8,1\n", line: 3, "max(open, close)")
    }

    @Test func orderProblemsNameBothLines() throws {
        let header = "time,open,high,low,close\n"
        let unsorted = try #require(error(header + "7200,1,2,0.5,1.5\n3600,1,2,0.5,1.5\n"))
        #expect(unsorted.line == 3 && unsorted.index == 1)
        #expect(unsorted.message.contains("line 2") && unsorted.message.contains("sort"))

        let duplicate = try #require(
            error(header + "2024-01-08T00:00:00Z,1,2,0.5,1.5\n\n2024-01-08T00:00:00Z,1,2,0.5,1.5\n"))
        #expect(duplicate.line == 4 && duplicate.index == 1)
        #expect(duplicate.message.contains("repeats") && duplicate.message.contains("line 2"))
    }

    @Test func badTimes() {
        let header = "time,open,high,low,close\n"
        expectError(header + "2024-01-08X00:00:00Z,1,2,0.5,1.5\n", line: 2, "ISO-8601")
        expectError(header + "2024-02-30T00:00:00Z,1,2,0.5,1.5\n", line: 2, "ISO-8601")
        expectError(header + "1704672000000000,1,2,0.5,1.5\n", line: 2, "microseconds")
        expectError(header + "1.2.3,1,2,0.5,1.5\n", line: 2, "Unix seconds")
        expectError(header + "1.,1,2,0.5,1.5\n", line: 2, "Unix seconds")
        expectError(header + "1.1234567891,1,2,0.5,1.5\n", line: 2, "9 decimals")
        expectError(header + ",1,2,0.5,1.5\n", line: 2, "'time' is empty")
    }

    @Test func benchmarkFormatParses() throws {
        // The shape of the shared benchmark's candle files.
        var text = "time,open,high,low,close\n"
        for (i, c) in CandleFixtures.randomWalk(50).enumerated() {
            text += "\(c.time.iso8601),\(c.open),\(c.high),\(c.low),\(c.close)"
            if i < 49 { text += "\n" }
        }
        let s = try parse(text)
        #expect(s.candles == CandleFixtures.randomWalk(50), "Double's description round-trips exactly")
    }
}
