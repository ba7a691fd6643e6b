import ChartDrawCore
import ChartDrawWire
import Testing

@Suite("Hostile bodies: limits, linear time, no recursion per member")
struct HostileWireTests {
    /// The create example without its final `}`, to append members to.
    var open: String { String(Fixture.createCompact.dropLast()) }

    @Test func containersOverTheMemberLimitAreAnIssue() {
        let n = ResourceLimits.standard.maxMembersPerContainer
        var wide = open + #","x":{"#
        for i in 0...n { wide += (i == 0 ? "" : ",") + "\"k\(i)\":0" }
        let r = ChartAnalysisValidator.validate(json: wide + "}}")
        #expect(r.issues.map(\.code) == ["json_too_many_members"])
        #expect(r.issues.first?.path == "/x")
        let array = open + #","x":["# + Array(repeating: "0", count: n + 1).joined(separator: ",") + "]}"
        #expect(ChartAnalysisValidator.validate(json: array).issues.map(\.code) == ["json_too_many_members"])
        // Unknown members of the body itself count too.
        var top = open
        for i in 0...n { top += ",\"u\(i)\":0" }
        #expect(ChartAnalysisValidator.validate(json: top + "}").issues.map(\.code) == ["json_too_many_members"])
        // And the public parser.
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(array) }
    }

    @Test func stringsOverTheLimitAreAnIssue() {
        let long = String(repeating: "a", count: ResourceLimits.standard.maxStringBytes + 1)
        let r = ChartAnalysisValidator.validate(json: open + #","x":""# + long + #""}"#)
        #expect(r.issues.map(\.code) == ["json_string_too_long"])
        let atLimit = String(repeating: "a", count: ResourceLimits.standard.maxStringBytes)
        let ok = ChartAnalysisValidator.validate(json: open + #","x":""# + atLimit + #""}"#, policy: .lenient)
        #expect(ok.isValid)
    }

    @Test func bodiesOverTheSizeLimitAreAnIssue() {
        let pad = String(repeating: " ", count: ResourceLimits.standard.maxBodyBytes)
        let r = ChartAnalysisValidator.validate(json: Fixture.createCompact + pad)
        #expect(r.issues.map(\.code) == ["body_too_large"])
        #expect(r.issues.first?.message.contains("16777216") == true)
        #expect(throws: JSONSyntaxError.self) { try AnalysisDecoder.decode(Fixture.createCompact + pad) }
    }

    @Test func pricesOutsideTheDrawableRangeAreAnIssue() {
        for (price, valid) in [("1e308", false), ("1e-320", false), ("1e16", false), ("1e15", true), ("1e-10", true)] {
            let r = ChartAnalysisValidator.validate(
                json: Fixture.create(replacing: #""price":1.355"#, with: #""price":"# + price))
            let codes = r.errors.map(\.code)
            #expect(codes == (valid ? [] : ["price_out_of_range"]), "\(price): \(codes)")
            if !valid { #expect(r.errors.first?.path == "/drawings/2/points/0/price") }
        }
    }

    @Test func tensOfThousandsOfUnknownMembersEncodeInOrderAndReachAFixedPoint() throws {
        var body = open
        for i in 0..<60_000 { body += ",\"u\(i)\":{\"v\":\(i)}" }
        body += "}"
        let a = try AnalysisDecoder.decode(body)
        #expect(a.unknownFields.fields.count == 60_000)
        let once = CanonicalEncoder.encode(a, endpoint: .create)
        let twice = CanonicalEncoder.encode(try AnalysisDecoder.decode(once), endpoint: .create)
        #expect(once == twice)
        #expect(String(decoding: once, as: UTF8.self).hasSuffix(#","u59999":{"v":59999}}"#))
    }

    @Test func unknownMembersKeepTheirPlaceAfterTheKeyBeforeThem() throws {
        let body = #"{"z":1,"sender":"a@b.c","y":2,"x":3,"metadata":{"q":1},"w":4}"#
        let a = try AnalysisDecoder.decode(body)
        #expect(
            CanonicalEncoder.encodeString(a, endpoint: .create)
                == #"{"z":1,"sender":"a@b.c","y":2,"x":3,"metadata":{"q":1},"w":4}"#)
    }

    @Test func repeatedUnknownKeysKeepTheLastValueInTheLastPlace() throws {
        let body = #"{"a":1,"b":2,"a":3,"sender":"s","c":4}"#
        let out = ChartAnalysisValidator.validate(json: body, policy: .lenient)
        #expect(out.issues.filter { $0.code == "json_duplicate_key" }.map(\.path) == ["/a"])
        let a = try #require(out.analysis)
        #expect(a.unknownFields.fields.map(\.key) == ["b", "a", "c"])
        #expect(a.unknownFields["a"] == .number(JSONNumber(literal: "3", value: 3)))
        // The parser of JSON trees keeps the same rule.
        let v = try? JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(v == nil)  // strict: a duplicate is an error
    }

    @Test func wideParsedObjectsFindDuplicatesPastTheFirstMembers() throws {
        var body = #"{"#
        for i in 0..<50 { body += "\"k\(i)\":\(i)," }
        body += #""k3":99}"#
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(body) }
        let ok = try JSONParser.parse(String(body.dropLast(9)) + "}")
        if case .object(let m) = ok { #expect(m.count == 50) } else { Issue.record("not an object") }
    }

    /// A key repeated inside a drawing, a level or the expiry: the object is what its last
    /// values make of it (as in the body itself), so the canonical encoding, which can write
    /// only the last value, decodes to the same analysis and is a fixed point. Found by the
    /// body fuzz target (Fuzz/Reproducers/body/duplicate-style.json): the drawing was kept as
    /// sent, its canonical bytes then decoded as a typed drawing and encoded differently.
    @Test(arguments: [
        // A non-object style, then an object one.
        (
            ##""style":{"color":"#0000FF","lineWidth":2,"lineStyle":"DASHED"}"##,
            ##""style":7,"style":{"lineWidth":2,"lineStyle":"DASHED","color":"#0000FF"}"##
        ),
        // The same style twice, key order not canonical.
        (
            ##""style":{"color":"#0000FF","lineWidth":2,"lineStyle":"DASHED"}"##,
            ##""style":{"color":"#FF0000"},"style":{"lineStyle":"DASHED","color":"#0000FF","lineWidth":2.0}"##
        ),
        // A repeated key inside the style, and inside a point.
        (##""color":"#0000FF","lineWidth":2"##, ##""lineWidth":2,"color":"red","color":"#0000FF""##),
        (##""price":1.3485}"##, ##""price":"x","price":1.3485000}"##),
        // Inside a level entry and the expiry (kept among the unknown members before).
        (##""price":1.345,"##, ##""price":1.345,"price":1.3450,"##),
        (##""hours":24"##, ##""hours":"24","hours":24.0"##),
    ])
    func repeatedKeysInsideObjectsKeepTheFixedPoint(old: String, new: String) throws {
        let body = Fixture.create(replacing: old, with: new)
        #expect(body != Fixture.createCompact, "the replacement did not apply")
        let a = try AnalysisDecoder.decode(body)
        // The last values decode as the example does: nothing is kept as sent.
        #expect(
            a == (try AnalysisDecoder.decode(Fixture.createCompact)),
            "\(CanonicalEncoder.encodeString(a, endpoint: .create))")
        let once = CanonicalEncoder.encode(a, endpoint: .create)
        let twice = CanonicalEncoder.encode(try AnalysisDecoder.decode(once), endpoint: .create)
        #expect(once == twice)
        // The repeated key is still the error it was.
        let r = ChartAnalysisValidator.validate(json: body)
        #expect(r.issues.map(\.code) == ["json_duplicate_key"], "\(pairs(r))")
    }

    @Test func duplicateNotesHaveTheirLineColumnAndPointer() {
        let body = "{\n\"sender\":\"a\",\n\"sender\":\"b\",\n\"metadata\":{\"title\":\"t\",\n\"title\":\"u\"}}"
        let r = ChartAnalysisValidator.validate(json: body)
        let dups = r.issues.filter { $0.code == "json_duplicate_key" }
        #expect(dups.map(\.path) == ["/sender", "/metadata/title"])
        #expect(
            dups.map(\.message) == [
                "Duplicate key 'sender' at line 3, column 1; send each key once (the last one is used).",
                "Duplicate key 'title' at line 5, column 1; send each key once (the last one is used).",
            ])
    }
}
