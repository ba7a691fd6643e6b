import Testing

@testable import ChartDrawCore

/// Scene and evaluation warnings carry a code and the objects they are about; their text is
/// the message people read.
@Suite("Typed warnings")
struct ChartWarningTests {
    typealias F = SceneFixture
    typealias Subject = ChartWarning.Subject

    static func line(_ id: String, _ a: ChartPoint, _ b: ChartPoint) -> Drawing {
        .line(LineDrawing(clientObjectId: id, start: a, end: b, style: DrawingStyle()))
    }

    static func horizontal(_ id: String, _ price: Double) -> Drawing {
        .horizontalLine(HorizontalLineDrawing(clientObjectId: id, point: F.point(5, price), style: DrawingStyle()))
    }

    static func only(_ code: ChartWarning.Code, in warnings: [ChartWarning]) throws -> ChartWarning {
        let matching = warnings.filter { $0.code == code }
        #expect(matching.count == 1, "\(code): \(warnings)")
        return try #require(matching.first)
    }

    @Test func aLineAndALevelOutsideTheViewAreNamed() throws {
        // The fixed canvas shows prices 0 to 100.
        let levels = Levels(resistance: LevelEntry(price: 120, clientObjectId: "res", time: F.time(3)))
        let r = try F.build(
            [Self.line("l", F.point(1, 10), F.point(9, 20)), Self.horizontal("hl", 150)], levels: levels)
        let outside = r.warnings.filter { $0.code == .outsideView }
        // Levels are drawn before drawings.
        #expect(
            outside.map(\.subjects) == [
                [Subject(.level(.resistance), clientObjectId: "res")],
                [Subject(.drawing(index: 1, type: .horizontalLine), clientObjectId: "hl")],
            ])
        #expect(outside.map(\.clientObjectId) == ["res", "hl"])
        #expect(
            outside.map(\.message) == [
                "resistance level 120 is outside the view", "horizontal line hl at 150 is outside the view",
            ])
        #expect(outside.map(\.description) == outside.map(\.message))
    }

    @Test func anUnknownTypeKeepsItsIndexAndType() throws {
        let r = try F.build([
            Self.line("l", F.point(1, 10), F.point(9, 20)),
            .other(OtherDrawing(type: "TRIANGLE", clientObjectId: "t", members: [])),
        ])
        let w = try Self.only(.drawingTypeUnknown, in: r.warnings)
        #expect(
            w.subjects == [Subject(.drawing(index: 1, type: DrawingType(rawValue: "TRIANGLE")), clientObjectId: "t")])
        #expect(w.message == "drawing 1 of type TRIANGLE is not drawn: the type is unknown")
    }

    @Test func anExplicitRangeNamesEachObjectItLeavesOutOrCuts() throws {
        let candles = try F.candles(100)
        let drawings = [
            Self.line("early", F.point(5, 48), F.point(10, 52)), Self.line("late", F.point(90, 48), F.point(95, 52)),
            Self.line("across", F.point(30, 48), F.point(80, 52)),
            Self.line("inside", F.point(50, 48), F.point(60, 52)),
        ]
        var options = ChartOptions()
        options.timeRange = F.time(40)...F.time(70)
        let r = try ChartScene.build(analysis: Analysis(drawings: drawings), candles: candles, options: options)
        let out = try Self.only(.timeRangeLeavesOut, in: r.warnings)
        #expect(out.subjects.map(\.clientObjectId) == ["early", "late"])
        #expect(out.subjects.map(\.kind) == [.drawing(index: 0, type: .line), .drawing(index: 1, type: .line)])
        #expect(out.clientObjectId == nil, "two objects: no single id")
        #expect(out.message == "the chosen time range leaves out early, late")
        let cut = try Self.only(.timeRangeCuts, in: r.warnings)
        #expect(cut.subjects == [Subject(.drawing(index: 2, type: .line), clientObjectId: "across")])
        #expect(cut.clientObjectId == "across")
    }

    @Test func objectsOutOfReachAreListedInOrder() throws {
        let candles = try F.candles(48)
        let far = Self.line(
            "to-the-moon", F.point(10, 50), ChartPoint(time: Timestamp(year: 2400, month: 1, day: 1)!, price: 60))
        let levels = Levels(support: LevelEntry(price: 1e11, clientObjectId: "sup", time: F.time(3)))
        let r = try ChartScene.build(
            analysis: Analysis(levels: levels, drawings: [far]), candles: candles, options: ChartOptions())
        let w = try Self.only(.outOfReach, in: r.warnings)
        #expect(
            w.subjects == [
                Subject(.drawing(index: 0, type: .line), clientObjectId: "to-the-moon"),
                Subject(.level(.support), clientObjectId: "sup"),
            ])
        #expect(w.message.hasPrefix("out of reach, clipped at the edge of the view: to-the-moon, sup ("))
    }

    @Test func aLabelWithNoRoomNamesItsDrawing() throws {
        // Twelve horizontal lines 2 px apart, each with a link label: most find no place.
        let lines = (0..<12).map { Self.horizontal("h\($0)", 50 + Double($0)) }
        let text = (0..<12).map { "[[h\($0):level number \($0)]]" }.joined(separator: " ")
        let r = try F.build(lines, metadata: AnalysisMetadata(preferenceText: text))
        let left = r.warnings.filter { $0.code == .labelLeftOut }
        #expect(!left.isEmpty)
        for w in left {
            let id = try #require(w.clientObjectId)
            let index = try #require(Int(id.dropFirst()))
            #expect(w.subjects == [Subject(.drawing(index: index, type: .horizontalLine), clientObjectId: id)])
            #expect(w.message.contains("level number \(index)\""), "\(w.message)")
        }
    }

    @Test func aChartWithNothingInItSaysSoWithCodes() throws {
        let r = try ChartScene.build(analysis: Analysis(), candles: nil, options: ChartOptions())
        #expect(r.warnings.map(\.code) == [.noTime, .noPrice])
        #expect(r.warnings.allSatisfy { $0.subjects.isEmpty && $0.clientObjectId == nil })
        #expect(r.warnings[1].message == "nothing gives the chart a price; showing 0 to 1")
    }

    @Test func aMissingGlyphIsAWarningAboutTheChart() throws {
        let meta = AnalysisMetadata(title: "Breakout \u{10FFFD}", timeframe: "H1", symbol: "BTC")
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: nil, options: ChartOptions())
        let w = try Self.only(.glyphMissing, in: r.warnings)
        #expect(w.subjects.isEmpty)
        #expect(w.message == FontCoverage.warning(FontCoverage.missingCharacters(in: meta)[0]))
    }

    @Test func evaluationWarningsCarryCodesAndTheDrawingsTheySkip() throws {
        let candles = try Eval.series((0..<6).map { _ in Eval.bar(99, 101) })
        let unknown = Drawing.other(OtherDrawing(type: "TRIANGLE", clientObjectId: "tri", members: []))
        let a = Eval.analysis([Eval.horizontal("h", 100), unknown], direction: nil)
        let e = Evaluation.evaluate(a, candles: candles)
        let skipped = try Self.only(.drawingNotEvaluated, in: e.warnings)
        #expect(
            skipped.subjects == [
                Subject(.drawing(index: 1, type: DrawingType(rawValue: "TRIANGLE")), clientObjectId: "tri")
            ])
        #expect(skipped.message == "1 drawing is of an unknown type or without a time span and give no events")
        let noDirection = try Self.only(.noDirection, in: e.warnings)
        #expect(noDirection.message == "the direction is not BULLISH or BEARISH; the outcome can only expire")
        let late = Evaluation.evaluate(a, candles: candles, options: EvaluationOptions(from: Eval.hour(9)))
        #expect(late.warnings.contains { $0.code == .noCandleAfterStart })
    }

    @Test func theFollowUpRepeatsTheEvaluationsCodesWithAPrefix() throws {
        let candles = try F.candles(20)
        var options = F.options()
        options.events = EvaluationOptions()
        let r = try F.build([], candles: candles, options: options)
        let w = try Self.only(.noDirection, in: r.warnings)
        #expect(w.message == "follow-up: the direction is not BULLISH or BEARISH; the outcome can only expire")
    }

    @Test func codesAreStableStrings() {
        let codes: [ChartWarning.Code] = [.outsideView, .outOfReach, .labelLeftOut, .expiryTypeUnknown, .noDirection]
        #expect(
            codes.map(\.rawValue) == [
                "outside_view", "out_of_reach", "label_left_out", "expiry_type_unknown", "no_direction",
            ])
        #expect(ChartWarning.Code(rawValue: "outside_view") == .outsideView)
        #expect("\(ChartWarning.Code.noPrice)" == "no_price")
    }
}
