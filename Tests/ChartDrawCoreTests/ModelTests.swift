import ChartDrawCore
import Testing

@Suite("Model")
struct ModelTests {
    @Test(
        "analysis type follows direction and entry placement",
        arguments: [
            ("BULLISH", "ABOVE_CURRENT", "bullish_breakout"),
            ("BULLISH", "BELOW_CURRENT", "bullish_bounce"),
            ("BEARISH", "ABOVE_CURRENT", "bearish_bounce"),
            ("BEARISH", "BELOW_CURRENT", "bearish_breakout"),
        ])
    func analysisType(direction: String, placement: String, expected: String) {
        let meta = AnalysisMetadata(
            direction: Direction(rawValue: direction), entryPlacement: EntryPlacement(rawValue: placement))
        #expect(meta.analysisType?.rawValue == expected)
    }

    @Test func unknownEnumValueHasNoAnalysisType() {
        let meta = AnalysisMetadata(direction: Direction(rawValue: "SIDEWAYS"), entryPlacement: .aboveCurrent)
        #expect(meta.analysisType == nil)
        #expect(meta.direction?.rawValue == "SIDEWAYS")
    }

    @Test func colourParsesAndFormatsCanonically() throws {
        let c = try #require(RGBAColor(hex: "#00ff33"))
        #expect(c.red == 0 && c.green == 255 && c.blue == 0x33 && c.alpha == 255)
        #expect(c.hex == "#00FF33")
        let a = try #require(RGBAColor(hex: "#2962FF1F"))
        #expect(a.alpha == 0x1F && a.hasExplicitAlpha)
        #expect(a.hex == "#2962FF1F")
        #expect(RGBAColor(hex: "#FFFFFFFF")?.hex == "#FFFFFFFF")
    }

    @Test(
        "malformed colours are rejected",
        arguments: ["", "#", "00FF33", "#00FF3", "#00FF333", "#GG0000", "#00FF33\n", "rgb(0,0,0)"])
    func colourRejects(_ text: String) {
        #expect(RGBAColor(hex: text) == nil)
    }

    @Test func linksOfTheOfficialExample() {
        let text =
            "Price bounced from [[support_zone:demand zone]]. Entry above [[entry_line:breakout level]] with target at [[target:resistance]]."
        let parsed = LinkedText(parsing: text)
        #expect(parsed.links.map(\.clientObjectId) == ["support_zone", "entry_line", "target"])
        #expect(parsed.links.map(\.displayText) == ["demand zone", "breakout level", "resistance"])
        #expect(parsed.malformed.isEmpty)
        let first = parsed.links[0]
        let bytes = Array(text.utf8)[first.utf8Range]
        #expect(String(decoding: bytes, as: UTF8.self) == "[[support_zone:demand zone]]")
        #expect(
            LinkedText.plainText(text)
                == "Price bounced from demand zone. Entry above breakout level with target at resistance.")
    }

    @Test func malformedLinksAreReportedWithTheirProblem() {
        let parsed = LinkedText(parsing: "a [[target]] b [[:x]] c [[no such:x]] d [[open")
        #expect(parsed.links.isEmpty)
        #expect(parsed.malformed.map(\.problem) == [.missingColon, .emptyId, .invalidId, .unclosed])
        #expect(parsed.malformed.map(\.text) == ["[[target]]", "[[:x]]", "[[no such:x]]", "[[open"])
    }

    @Test func linkDisplayTextMayBeEmptyAndTextWithoutLinksIsUnchanged() {
        let parsed = LinkedText(parsing: "[[a.b-c_1:]]")
        #expect(parsed.links.first?.clientObjectId == "a.b-c_1")
        #expect(parsed.links.first?.displayText == "")
        #expect(LinkedText.plainText("no links [here]") == "no links [here]")
    }

    @Test func timestampRoundTripsAndExpiry() throws {
        let t = try #require(Timestamp(iso8601: "2026-01-08T12:00:00Z"))
        #expect(t.seconds == 1_767_873_600)
        #expect(t.iso8601 == "2026-01-08T12:00:00Z")
        let e = Expiry(hours: 24)
        #expect(e.instant(from: t)?.iso8601 == "2026-01-09T12:00:00Z")
        #expect(Expiry(type: ExpiryType(rawValue: "DAYS"), hours: 1).instant(from: t) == nil)
        #expect(Timestamp(iso8601: "2026-01-08T12:00:00.5Z")?.iso8601 == "2026-01-08T12:00:00.500Z")
        #expect(Timestamp(iso8601: "2026-02-30T12:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2016-12-31T23:59:60Z") == nil)
        #expect(Timestamp(iso8601: "2026-01-08T12:00:00+00:00") == nil)
        #expect(Timestamp(iso8601: "2026-01-08t12:00:00z") == nil)
    }

    @Test func clientObjectIdsInBodyOrder() throws {
        let time = try #require(Timestamp(iso8601: "2026-01-08T12:00:00Z"))
        let p = ChartPoint(time: time, price: 1.3)
        let analysis = Analysis(
            levels: Levels(
                pivot: LevelEntry(price: 1.345, clientObjectId: "pivot_main", time: time),
                support: LevelEntry(price: 1.341, clientObjectId: "sup_1", time: time)),
            drawings: [
                .horizontalLine(HorizontalLineDrawing(clientObjectId: "target", point: p, style: DrawingStyle()))
            ])
        #expect(analysis.clientObjectIds == ["pivot_main", "sup_1", "target"])
    }
}
