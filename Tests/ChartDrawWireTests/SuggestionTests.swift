import ChartDrawCore
import Testing

@testable import ChartDrawWire

/// "Did you mean" for enum values, member names and link ids; one mistake, one issue; level
/// order issues name the levels they compare; collisions with the existing analysis say where.
@Suite("Suggestions")
struct SuggestionTests {
    func issues(_ body: String, _ endpoint: Endpoint = .create, existing: Analysis? = nil) -> [ValidationIssue] {
        ChartAnalysisValidator.validate(json: body, endpoint: endpoint, existing: existing).issues
    }

    @Test("enum values: case, snake and typos")
    func enums() throws {
        let cases: [(String, String, String, String)] = [
            (#""direction":"BULLISH""#, #""direction":"bullish""#, "/metadata/direction", "BULLISH"),
            (#""direction":"BULLISH""#, #""direction":"BULISH""#, "/metadata/direction", "BULLISH"),
            (
                #""entryPlacement":"BELOW_CURRENT""#, #""entryPlacement":"belowCurrent""#, "/metadata/entryPlacement",
                "BELOW_CURRENT"
            ),
            (#""type":"HORIZONTAL_LINE""#, #""type":"horizontal_line""#, "/drawings/2/type", "HORIZONTAL_LINE"),
            (#""type":"HORIZONTAL_LINE""#, #""type":"HorizontalLine""#, "/drawings/2/type", "HORIZONTAL_LINE"),
            (#""lineStyle":"DASHED""#, #""lineStyle":"dashed""#, "/drawings/1/style/lineStyle", "DASHED"),
        ]
        for (old, new, path, meant) in cases {
            let found = issues(Fixture.create(replacing: old, with: new))
            #expect(found.count == 1, "\(new): \(found)")
            let i = try #require(found.first)
            #expect(i.path == path)
            #expect(i.suggestion == meant)
            #expect(i.message.contains("did you mean \"\(meant)\"?"), "\(i.message)")
        }
        // Nothing close: no guess, the list instead.
        let far = try #require(
            issues(Fixture.create(replacing: #""direction":"BULLISH""#, with: #""direction":"SIDEWAYS""#)).first)
        #expect(far.suggestion == nil)
        #expect(far.message.contains("use one of BULLISH, BEARISH"))
    }

    @Test("a snake_case clientObjectId is one issue, not three")
    func snakeCaseMember() throws {
        let body = Fixture.create(replacing: #""clientObjectId":"target""#, with: #""client_object_id":"target""#)
        let found = issues(body)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.code == IssueCode.unknownField)
        #expect(found.first?.path == "/drawings/2/client_object_id")
        #expect(found.first?.suggestion == "clientObjectId")
        // The same in a level.
        let level = issues(Fixture.create(replacing: #""clientObjectId":"res_1""#, with: #""clientObjectID":"res_1""#))
        #expect(level.map(\.code) == [IssueCode.unknownField], "\(level)")
        #expect(level.first?.suggestion == "clientObjectId")
    }

    @Test("member names")
    func members() throws {
        let found = issues(Fixture.create(replacing: #""preferenceText""#, with: #""preference_text""#))
        let i = try #require(found.first { $0.code == IssueCode.unknownField })
        #expect(i.suggestion == "preferenceText")
        let colour = issues(Fixture.create(replacing: ##""color":"#FF0000""##, with: ##""colour":"#FF0000""##))
        #expect(colour.contains { $0.suggestion == "color" }, "\(colour)")
        #expect(!colour.contains { $0.code == IssueCode.required }, "\(colour)")
    }

    @Test("link ids")
    func links() throws {
        let body = Fixture.create(replacing: "[[target:resistance]]", with: "[[targt:resistance]]")
        let found = issues(body)
        #expect(found.count == 1)
        let i = try #require(found.first)
        #expect(i.code == IssueCode.linkUnknownId)
        #expect(i.suggestion == "target")
        #expect(i.message.contains("did you mean \"target\" (at /drawings/2/clientObjectId)?"))
    }

    @Test("swapped support and resistance: one issue, naming support")
    func swappedLevels() throws {
        let body = Fixture.create(
            replacing: #""price":1.35,"clientObjectId":"res_1""#, with: #""price":1.341,"clientObjectId":"res_1""#
        )
        .replacing(#""price":1.341,"clientObjectId":"sup_1""#, with: #""price":1.35,"clientObjectId":"sup_1""#)
        let found = issues(body).filter { $0.code == IssueCode.levelOrder }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == "/levels/support/price")
        #expect(found.first?.message.contains("support price 1.35 is not below the resistance price 1.341") == true)
        #expect(found.first?.message.contains("swap") == true)

        // Each other ordering issue names both levels it compares.
        let pivotHigh = issues(Fixture.create(replacing: #""price":1.345"#, with: #""price":1.36"#)).filter {
            $0.code == IssueCode.levelOrder
        }
        #expect(pivotHigh.count == 1)
        #expect(pivotHigh.first?.message.contains("resistance price 1.35") == true)
        #expect(pivotHigh.first?.message.contains("pivot price 1.36") == true)
    }

    @Test("a collision with --existing says where the existing id is")
    func existingCollision() throws {
        let existing = try AnalysisDecoder.decode(Fixture.bytes("create-analysis.json"))
        let append =
            ##"{"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"entry_line","points":[{"time":"2026-01-08T10:00:00Z","price":1.35}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}]}"##
        let i = try #require(issues(append, .append, existing: existing).first { $0.code == IssueCode.idDuplicate })
        #expect(i.message.contains("/drawings/1/clientObjectId of the existing analysis"), "\(i.message)")
    }

    @Test("the nearest-name rule")
    func nearest() {
        #expect(Suggestion.nearest("targt", in: ["target", "tags"]) == "target")
        #expect(Suggestion.nearest("xyz", in: ["target"]) == nil)
        #expect(Suggestion.nearest("ab", in: ["ac", "ad"]) == nil)  // a tie: no guess
        #expect(Suggestion.nearest("client_object_id", in: ["clientObjectId", "type"]) == "clientObjectId")
        #expect(Suggestion.nearest("pirce", in: ["price", "time"]) == "price")  // a transposition
    }

    @Test("message quoting cuts at 60 scalars, never inside one, whatever the length")
    func quotingCuts() {
        #expect(quoted(String(repeating: "a", count: 60)) == "\"" + String(repeating: "a", count: 60) + "\"")
        #expect(quoted(String(repeating: "a", count: 61)) == "\"" + String(repeating: "a", count: 57) + "...\"")
        // "e" and a combining accent are two scalars: the cut may fall between them, as it did
        // when the text was rebuilt scalar by scalar.
        let accents = String(repeating: "e\u{301}", count: 40)
        let cut = quoted(accents)
        #expect(cut.unicodeScalars.count == 1 + 57 + 3 + 1)
        #expect(cut.hasSuffix("e...\""))
        let long = String(repeating: "日本", count: 500_000)
        #expect(quoted(long) == "\"" + String(repeating: "日本", count: 28) + "日...\"")
    }
}
