import ChartDrawCore
import Testing

@testable import ChartDrawWire

/// The one declaration of each object's members drives the encoder's key order, the
/// checkers' "did you mean" lists and requirements, and the decoder's duplicate notes.
@Suite("Wire schema")
struct WireSchemaTests {
    /// The keys of a JSON object value, in order.
    func keys(_ v: JSONValue?) -> [String] {
        guard case .object(let ms)? = v else { return [] }
        return ms.map(\.key)
    }

    @Test("the encoder writes every object in its declared order")
    func encoderOrder() throws {
        let a = try AnalysisDecoder.decode(Fixture.createCompact)
        for endpoint in Endpoint.allCases {
            let body = try JSONParser.parse(CanonicalEncoder.encode(a, endpoint: endpoint))
            let present = RootMember.order(endpoint).filter { a.has($0) }.map(\.key)
            #expect(keys(body) == present, "\(endpoint)")
        }
        let body = try JSONParser.parse(CanonicalEncoder.encode(a, endpoint: .create))
        #expect(keys(body["metadata"]) == MetadataMember.keys.filter { body["metadata"]?[$0] != nil })
        #expect(keys(body["metadata"]?["expiry"]) == ExpiryMember.keys)
        #expect(keys(body["levels"]) == LevelsMember.keys)
        #expect(keys(body["levels"]?["pivot"]) == LevelEntryMember.keys)
        guard case .array(let drawings)? = body["drawings"] else {
            Issue.record("no drawings")
            return
        }
        #expect(!drawings.isEmpty)
        for d in drawings {
            guard case .string(let t)? = d["type"] else { continue }
            let type = DrawingType(rawValue: t)
            let expected = DrawingMember.known(type).map(\.key).filter { d[$0] != nil }
            #expect(keys(d) == expected, "\(t)")
            let style = StyleMember.order(type).map(\.key).filter { d["style"]?[$0] != nil }
            #expect(keys(d["style"]) == style, "\(t) style")
            guard case .array(let points)? = d["points"] else { continue }
            for p in points { #expect(keys(p) == PointMember.keys) }
        }
    }

    @Test("requirements and known members come from the declaration")
    func requirements() {
        #expect(RootMember.required(.create).map(\.key) == ["sender", "metadata", "levels", "drawings"])
        #expect(RootMember.required(.update).isEmpty)
        #expect(
            MetadataMember.required(.create).map(\.key) == [
                "direction", "entryPlacement", "expiry", "title", "timeframe", "symbol",
            ])
        #expect(DrawingMember.known(.line).map(\.key).contains("startHead"))
        #expect(!DrawingMember.known(.rectangle).map(\.key).contains("startHead"))
        #expect(DrawingMember.known(.fibonacciRetracement).map(\.key).contains("levels"))
        #expect(StyleMember.known(.rectangle).map(\.key) == ["lineWidth", "fillColor", "borderColor"])
        #expect(StyleMember.required(.line).map(\.key) == ["color", "lineWidth", "lineStyle"])
        // Every declaration fits the decoder's duplicate tracking (one bit per member).
        #expect(DrawingMember.table.members.count <= 32 && MetadataMember.table.members.count <= 32)
    }

    @Test("a repeated member is noted by its name, once per repeat")
    func duplicates() {
        let body = Fixture.create(replacing: #""title":"#, with: #""title":"First","title":"#)
        let issues = ChartAnalysisValidator.validate(json: body).issues
        let dup = issues.filter { $0.code.rawValue == JSONSyntaxError.Kind.duplicateKey.rawValue }
        #expect(dup.count == 1, "\(issues)")
        #expect(dup.first?.path == "/metadata/title", "\(issues)")
    }

    @Test("a member the engine does not know gets the nearest declared name")
    func didYouMean() {
        let body = Fixture.create(replacing: #""lineStyle":"#, with: #""linestyle":"#)
        let issues = ChartAnalysisValidator.validate(json: body).issues
        #expect(issues.contains { $0.code == IssueCode.unknownField && $0.suggestion == "lineStyle" }, "\(issues)")
    }
}
