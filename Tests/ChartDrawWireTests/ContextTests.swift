import ChartDrawCore
import ChartDrawWire
import Testing

/// Update and append rules, alone and against an existing analysis.
@Suite("Update and append")
struct ContextTests {
    var existing: Analysis { try! AnalysisDecoder.decode(Fixture.bytes("create-analysis.json")) }

    @Test func updateWithNothingToUpdate() {
        #expect(pairs(check(##"{"sender":"me"}"##, .update)) == [" update_empty"])
        #expect(pairs(check(##"{"metadata":{}}"##, .update)) == [" update_empty"])
        #expect(check(##"{"drawings":[]}"##, .update).issues == [])
    }

    @Test func updateOfAnUndocumentedFieldWarns() {
        let r = check(##"{"metadata":{"symbol":"EUR/USD"}}"##, .update)
        #expect(pairs(r) == ["/metadata/symbol not_updatable"])
        #expect(r.isValid)
        #expect(r.issues.first?.severity == .warning)
        #expect(check(##"{"metadata":{"symbol":"EUR/USD"}}"##, .update, .lenient).isValid)
        let key = check(##"{"metadata":{"title":"T"},"idempotencyKey":"k"}"##, .update)
        #expect(key.isValid)
        #expect(pairs(key) == ["/idempotencyKey not_applicable"])
    }

    @Test func updateOfExpiryIsDocumented() {
        // The official update response lists "expiry" among updatedFields.
        let r = check(##"{"metadata":{"expiry":{"type":"HOURS","hours":48}},"sender":"me"}"##, .update)
        #expect(r.issues == [])
    }

    @Test func appendWithNoDrawings() {
        #expect(pairs(check(##"{"sender":"me","drawings":[]}"##, .append)) == ["/drawings append_empty"])
        #expect(pairs(check(##"{"sender":"me"}"##, .append)) == ["/drawings append_empty"])
        #expect(
            pairs(check(##"{"drawings":[],"levels":{}}"##, .append)) == [
                "/drawings append_empty", "/levels not_applicable",
            ])
    }

    @Test func mergedLevelsMustStayOrdered() {
        let body = ##"{"levels":{"pivot":{"price":1.36,"clientObjectId":"p2","time":"2026-01-08T12:00:00Z"}}}"##
        #expect(check(body, .update).isValid)  // alone: only one level, nothing to compare
        let r = check(body, .update, existing: existing)
        #expect(pairs(r) == ["/levels/pivot/price level_order"])
        let ok = ##"{"levels":{"pivot":{"price":1.346,"clientObjectId":"p2","time":"2026-01-08T12:00:00Z"}}}"##
        #expect(check(ok, .update, existing: existing).issues == [])
    }

    @Test func appendedIdsMustNotCollideWithExistingOnes() {
        let body =
            ##"{"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"target","points":[{"time":"2026-01-08T10:00:00Z","price":1.35}],"style":{"color":"#FF0000","lineWidth":2,"lineStyle":"SOLID"}}]}"##
        #expect(check(body, .append).isValid)
        let r = check(body, .append, existing: existing)
        #expect(pairs(r) == ["/drawings/0/clientObjectId id_duplicate"])
        #expect(r.issues[0].message.contains("existing analysis"))
    }

    @Test func updatedLinksMayNameExistingIds() {
        let body = ##"{"metadata":{"preferenceText":"See [[support_zone:zone]] and [[gone:x]]"}}"##
        #expect(check(body, .update).isValid)  // without the existing analysis links are not checked
        let r = check(body, .update, existing: existing)
        #expect(pairs(r) == ["/metadata/preferenceText link_unknown_id"])
        #expect(r.issues[0].message.contains("[[gone:x]]"))
        // Drawings given in the update replace the existing ones: their ids are gone.
        let replace = ##"{"metadata":{"preferenceText":"See [[support_zone:zone]]"},"drawings":[]}"##
        #expect(pairs(check(replace, .update, existing: existing)) == ["/metadata/preferenceText link_unknown_id"])
    }

    @Test func validatingAModelBuiltInSwift() throws {
        let t = try #require(Timestamp(iso8601: "2026-01-08T12:00:00Z"))
        let a = Analysis(
            drawings: [
                .line(
                    LineDrawing(
                        clientObjectId: "a", start: ChartPoint(time: t, price: 1), end: ChartPoint(time: t, price: 1),
                        style: DrawingStyle(
                            color: RGBAColor(red: 0, green: 0, blue: 0), lineWidth: 2, lineStyle: .solid)))
            ])
        let issues = ChartAnalysisValidator.validate(a, endpoint: .append)
        #expect(issues.map { "\($0.path) \($0.code)" } == ["/drawings/0/points degenerate_line"])
    }
}
