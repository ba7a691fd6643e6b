import Testing

@testable import ChartDrawCore

/// Drawings named by `[[id:display text]]` links carry the display text as a label.
@Suite("Drawing labels from links")
struct DrawingLabelTests {
    typealias F = SceneFixture

    static let drawings: [Drawing] = [
        .rectangle(
            RectangleDrawing(
                clientObjectId: "zone", corner1: F.point(10, 20), corner2: F.point(40, 45), style: DrawingStyle())),
        .line(
            LineDrawing(clientObjectId: "trend", start: F.point(20, 30), end: F.point(80, 80), style: DrawingStyle())),
        .horizontalLine(HorizontalLineDrawing(clientObjectId: "target", point: F.point(5, 90), style: DrawingStyle())),
    ]

    @Test func everyLinkedDrawingGetsItsDisplayTextWithoutOverlaps() throws {
        let meta = AnalysisMetadata(
            preferenceText: "Buy [[zone:demand zone]] on [[trend: breakout line ]]; target [[target:resistance]].")
        let r = try F.build(Self.drawings, metadata: meta)
        let texts = DumpReading.texts(r.displayList)
        for name in ["demand zone", "breakout line", "resistance"] {
            #expect(texts.contains { $0.text == name }, "\(name)")
        }
        // Inside the top of the rectangle: x from 40 to 160, y from 110 to 160.
        let zone = try #require(texts.first { $0.text == "demand zone" })
        let box = DumpReading.box(zone)
        #expect(box.x >= 40 && box.maxX <= 160 && box.y >= 110 && box.y < 130, "\(box)")
        // Right of the horizontal line: ending at the plot's right edge, above y 20.
        let target = DumpReading.box(try #require(texts.first { $0.text == "resistance" }))
        #expect(target.maxX <= 400 && target.maxX > 380 && target.maxY <= 20)
        // No label box overlaps another.
        let plotLabels = texts.map(DumpReading.box).filter { $0.maxY <= r.scale.plot.maxY && $0.maxX <= 400 }
        for i in plotLabels.indices {
            for j in plotLabels.indices where j > i {
                #expect(!LabelPlacement.overlaps(plotLabels[i], plotLabels[j]), "\(plotLabels[i]) \(plotLabels[j])")
            }
        }
        #expect(!r.warnings.contains { $0.message.contains("label") })
    }

    @Test func unlinkedDrawingsHaveNoLabel() throws {
        let r = try F.build(Self.drawings, metadata: AnalysisMetadata(preferenceText: "No links here."))
        #expect(DumpReading.texts(r.displayList).allSatisfy { !["zone", "trend", "target"].contains($0.text) })
    }

    @Test func aLabelWithNoRoomIsReported() throws {
        // Twelve horizontal lines 1 price unit (2 px) apart: most names find no free place.
        let lines = (0..<12).map { i in
            Drawing.horizontalLine(
                HorizontalLineDrawing(clientObjectId: "h\(i)", point: F.point(5, 50 + Double(i)), style: DrawingStyle())
            )
        }
        let text = (0..<12).map { "[[h\($0):level number \($0)]]" }.joined(separator: " ")
        let r = try F.build(lines, metadata: AnalysisMetadata(preferenceText: text))
        let reported = r.warnings.filter { $0.message.contains("is left out") && $0.message.contains("level number") }
        let shown = DumpReading.texts(r.displayList).filter { $0.text.hasPrefix("level number") }
        #expect(!reported.isEmpty)
        #expect(reported.count + shown.count == 12)
    }
}
