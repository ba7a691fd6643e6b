import ChartDrawCore
import ChartDrawWire
import Testing

/// The 29 cases of ../shared/bench/validation/edge_cases.py, each decided on purpose (see
/// docs/wire-format.md, "Edge cases").
@Suite("Edge cases")
struct EdgeCaseTests {
    static let pivot = ##""pivot":{"price":1.345,"clientObjectId":"pivot_main","time":"2026-01-08T12:00:00Z"}"##

    /// (name, old, new, strict verdict, the issue codes expected)
    static let cases: [(String, String, String, Bool, [String])] = [
        ("official example", "", "", true, []),
        ("lineWidth 2.0", ##""lineWidth":2}"##, ##""lineWidth":2.0}"##, true, []),
        ("hours 24.0", ##""hours":24"##, ##""hours":24.0"##, true, []),
        ("hours 10^30", ##""hours":24"##, ##""hours":1000000000000000000000000000000"##, false, ["expiry_hours"]),
        ("colour with a trailing newline", ##""#00FF33""##, ##""#00FF33\n""##, false, ["color_format"]),
        ("lower-case colour", ##""#00FF33""##, ##""#00ff33""##, true, []),
        ("colour with alpha", ##""#00FF33""##, ##""#00FF3380""##, true, []),
        ("time with a fraction", ##""2026-01-08T12:00:00Z""##, ##""2026-01-08T12:00:00.123Z""##, true, []),
        ("time with +00:00", ##""2026-01-08T12:00:00Z""##, ##""2026-01-08T12:00:00+00:00""##, true, ["time_not_utc"]),
        ("time lower-case t/z", ##""2026-01-08T12:00:00Z""##, ##""2026-01-08t12:00:00z""##, false, ["time_format"]),
        ("leap second", ##""2026-01-08T12:00:00Z""##, ##""2016-12-31T23:59:60Z""##, false, ["time_format"]),
        ("price 1e400", ##""price":1.345"##, ##""price":1e400"##, false, ["price_not_finite"]),
        ("price NaN", ##""price":1.345"##, ##""price":NaN"##, false, ["json_nonstandard_number"]),
        ("price -0.0", ##""price":1.355"##, ##""price":-0.0"##, false, ["price_not_positive"]),
        (
            "price 5e-324", ##""price":1.355"##, ##""price":5e-324"##, false,
            ["price_out_of_range", "price_far_from_levels"]
        ),
        ("price 2", ##""price":1.355"##, ##""price":2"##, true, []),
        ("price true", ##""price":1.355"##, ##""price":true"##, false, ["type"]),
        ("duplicate key", ##""price":1.355"##, ##""price":"x","price":1.355"##, false, ["json_duplicate_key"]),
        ("pivot null", pivot, ##""pivot":null"##, false, ["null_value"]),
        (
            "comments null", ##""comments":"Watch for volume confirmation""##, ##""comments":null"##, false,
            ["null_value"]
        ),
        ("lone surrogate", ##""Watch for volume confirmation""##, ##""Watch \ud800""##, false, ["json_lone_surrogate"]),
        ("link to a level id", "[[target:resistance]]", "[[sup_1:support]]", true, []),
        ("malformed link (no colon)", "[[target:resistance]]", "[[target]]", true, ["link_malformed"]),
        ("link id with a space", "[[target:resistance]]", "[[no such:x]]", true, ["link_malformed"]),
    ]

    @Test(arguments: cases)
    func decided(name: String, old: String, new: String, valid: Bool, codes: [String]) {
        let body = old.isEmpty ? Fixture.createCompact : Fixture.create(replacing: old, with: new)
        let r = check(body)
        #expect(r.isValid == valid, "\(name): \(pairs(r))")
        #expect(r.issues.map(\.code.rawValue) == codes, "\(name)")
    }

    @Test func emptyDrawingsLeaveTheLinksDangling() {
        let c = Fixture.createCompact
        guard let r = c.firstRange(of: ##""drawings":["##) else {
            Issue.record("no drawings")
            return
        }
        let body = String(c[..<r.lowerBound]) + ##""drawings":[],"idempotencyKey":"k"}"##
        let report = check(body)
        #expect(!report.isValid)
        #expect(report.issues.map(\.code) == ["link_unknown_id", "link_unknown_id", "link_unknown_id"])
        #expect(report.issues.allSatisfy { $0.path == "/metadata/preferenceText" })
    }

    @Test func byteOrderMarkIsPolicy() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Fixture.createCompact.utf8)
        let strict = ChartAnalysisValidator.validate(bytes)
        #expect(strict.issues.map { "\($0.code) \($0.severity)" } == ["json_bom error"])
        let lenient = ChartAnalysisValidator.validate(bytes, policy: .lenient)
        #expect(lenient.isValid)
        #expect(lenient.issues.map { "\($0.code) \($0.severity)" } == ["json_bom warning"])
    }

    @Test func invalidUTF8InATextIsMalformedJSON() {
        var bytes = Array(Fixture.create(replacing: "Watch for volume confirmation", with: "Watch X").utf8)
        if let k = bytes.firstIndex(of: UInt8(ascii: "X")) { bytes[k] = 0xFF }
        let r = ChartAnalysisValidator.validate(bytes)
        #expect(r.issues.map(\.code) == ["json_invalid_utf8"])
        #expect(r.issues.first?.path == "/metadata/comments")
    }

    @Test func trailingGarbageAndTopLevelArray() {
        let garbage = check(Fixture.createCompact + " x")
        #expect(garbage.issues.map(\.code) == ["json_trailing_content"])
        #expect(garbage.analysis != nil)
        let array = check("[" + Fixture.createCompact + "]")
        #expect(array.issues.map { "\($0.path) \($0.code)" } == [" not_an_object"])
    }

    @Test func explicitNullUnderLenientIsAWarning() {
        let r = check(Fixture.create(replacing: EdgeCaseTests.pivot, with: ##""pivot":null"##), .create, .lenient)
        #expect(r.isValid)
        #expect(r.issues.map { "\($0.code) \($0.severity)" } == ["null_value warning"])
    }
}
