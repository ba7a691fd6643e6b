import ChartDrawCore
import ChartDrawWire
import Testing

/// Times in bodies as programs write them: offsets are the instant they name (with a
/// warning), and the fix of a malformed time names the same instant.
@Suite("Body times")
struct BodyTimeTests {
    func report(_ body: String) -> ValidationReport {
        ChartAnalysisValidator.validate(json: body)
    }

    @Test("a Python isoformat() offset is accepted as its instant, with time_not_utc")
    func offsetAccepted() throws {
        let body = Fixture.create(
            replacing: #""time":"2026-01-08T12:00:00Z""#, with: #""time":"2026-01-08T14:00:00+02:00""#)
        let r = report(body)
        #expect(r.isValid)
        let w = try #require(r.issues.first { $0.code == IssueCode.timeNotUTC })
        #expect(w.severity == .warning)
        #expect(w.message.contains("2026-01-08T12:00:00Z"))
        #expect(r.issues.filter { $0.code == IssueCode.timeNotUTC }.count == 1)
        let a = try #require(r.analysis)
        let canonical = CanonicalEncoder.encodeString(a, endpoint: .create)
        #expect(canonical == Fixture.createCompact)
        #expect(!canonical.contains("+02:00"))
    }

    @Test("+00:00 is accepted the same way, also in a part kept as sent")
    func zeroOffsetInRawPart() throws {
        let body =
            ##"{"drawings": [{"type": "LINE", "clientObjectId": "a", "points": [{"time": "2026-01-08T10:00:00+00:00", "price": 1}, {"time": "2026-01-08T11:00:00Z", "price": 2}], "style": {"color": "#FFFFFF", "lineWidth": 2, "lineStyle": "SOLID", "bogus": 1}}]}"##
        let r = ChartAnalysisValidator.validate(json: body, endpoint: .append, policy: .lenient)
        let w = r.issues.filter { $0.code == IssueCode.timeNotUTC }
        #expect(w.count == 1)
        #expect(w.first?.path == "/drawings/0/points/0/time")
        #expect(!r.issues.contains { $0.code == IssueCode.timeFormat })
    }

    @Test("an offset time in an object with a repeated key still gets time_not_utc")
    func offsetInsideRepeatedKeys() throws {
        // Objects with a repeated key are decoded again from their last values; the warning of
        // an offset time inside them must survive that second pass, once, at its path.
        let cases: [(String, String)] = [
            (
                #""type":"LINE","clientObjectId":"a","points":[{"time":"2026-01-08T12:00:00+02:00","price":1}"#,
                "/drawings/0/points/0/time"
            ),
            (
                #""type":"LINE","clientObjectId":"a","points":[{"time":"2026-01-08T10:00:00Z","time":"2026-01-08T12:00:00+02:00","price":1}"#,
                "/drawings/0/points/0/time"
            ),
        ]
        for (head, path) in cases {
            let body =
                #"{"drawings": [{"type":"LINE","# + head
                + ##",{"time":"2026-01-08T11:00:00Z","price":2}],"style":{"color":"#FFFFFF","lineWidth":2,"lineStyle":"SOLID"}}]}"##
            let r = ChartAnalysisValidator.validate(json: body, endpoint: .append)
            #expect(r.issues.contains { $0.code.rawValue == "json_duplicate_key" }, "\(body)")
            let w = r.issues.filter { $0.code == IssueCode.timeNotUTC }
            #expect(w.map(\.path) == [path], "\(body)")
            let point = try #require(r.analysis?.drawings?.first?.points.first)
            #expect(point.time == Timestamp(iso8601: "2026-01-08T10:00:00Z"))
        }
    }

    @Test("the fix of a malformed time keeps its instant")
    func hintsKeepTheInstant() throws {
        let cases: [(String, String)] = [
            ("2026-01-08 10:00:00", "\"2026-01-08T10:00:00Z\""),
            ("2026-01-08T10:00:00", "\"2026-01-08T10:00:00Z\""),
            ("2026-01-08t10:00:00z", "\"2026-01-08T10:00:00Z\""),
            ("2026-01-08 12:00:00+02:00", "\"2026-01-08T10:00:00Z\""),
            ("1767866400000", "milliseconds; write it as \"2026-01-08T10:00:00Z\""),
        ]
        for (text, fix) in cases {
            let body = Fixture.create(replacing: #""time":"2026-01-08T12:00:00Z""#, with: #""time":"\#(text)""#)
            let issue = try #require(report(body).issues.first { $0.code == IssueCode.timeFormat }, "\(text)")
            #expect(issue.message.contains(fix), "\(issue.message)")
            #expect(!issue.message.contains("12:00:00Z"), "\(issue.message)")
        }
    }

    @Test("epoch milliseconds as a number are named as such, with the ISO time")
    func millisecondsNumber() throws {
        let body = Fixture.create(replacing: #""time":"2026-01-08T12:00:00Z""#, with: #""time":1767866400000"#)
        let issue = try #require(report(body).issues.first { $0.message.contains("milliseconds") })
        #expect(issue.message.contains("\"2026-01-08T10:00:00Z\""))
    }
}
