import Testing

@testable import ChartDrawCore

// Dumps of each drawing type on the fixed canvas of `SceneFixture`: plot x 0...400,
// y 0...200, x = 4 × hours, y = 200 − 2 × price.
@Suite("Scene: drawings")
struct SceneDrawingTests {
    typealias F = SceneFixture

    static func drawings(_ drawings: [Drawing], decimals: Int = 0) throws -> [String] {
        let r = try F.build(drawings, options: F.options(decimals: decimals))
        return DumpReading.lines(of: "drawings", in: r.displayList.dump())
    }

    @Test func rectangleMapsToItsPixelBox() throws {
        let style = DrawingStyle(
            lineWidth: 2, fillColor: RGBAColor(hex: "#00FF33"), borderColor: RGBAColor(hex: "#00FF00"))
        let lines = try Self.drawings([
            .rectangle(
                RectangleDrawing(clientObjectId: "r", corner1: F.point(10, 20), corner2: F.point(30, 60), style: style))
        ])
        // Hours 10...30 → x 40...120; prices 60...20 → y 80...160. An opaque #RRGGBB fill is
        // drawn at 20% (0x33); the 2 px border sits on whole pixels (even width). #00FF00 has
        // about 1.4:1 contrast on white, so the border lies over a 4 px halo (the theme's text
        // colour at 60%).
        #expect(
            lines == [
                "clip 0.00,0.00 400.00x200.00",
                "fill #00FF3333 M 40.00,80.00 L 120.00,80.00 L 120.00,160.00 L 40.00,160.00 Z",
                "stroke #13172299 w4.00 M 40.00,80.00 L 120.00,80.00 L 120.00,160.00 L 40.00,160.00 Z",
                "stroke #00FF00 w2.00 M 40.00,80.00 L 120.00,80.00 L 120.00,160.00 L 40.00,160.00 Z",
                "unclip",
            ])
    }

    @Test func fillWithExplicitAlphaIsUsedAsGiven() throws {
        let style = DrawingStyle(fillColor: RGBAColor(hex: "#FF000080"))
        let lines = try Self.drawings([
            .rectangle(
                RectangleDrawing(clientObjectId: "r", corner1: F.point(10, 20), corner2: F.point(30, 60), style: style))
        ])
        #expect(lines.contains("fill #FF000080 M 40.00,80.00 L 120.00,80.00 L 120.00,160.00 L 40.00,160.00 Z"))
        // Border falls back to the default blue.
        #expect(lines.contains { $0.hasPrefix("stroke #2962FF w2.00") })
    }

    @Test func rectangleCornersInEitherOrderGiveTheSameList() throws {
        let style = DrawingStyle(
            lineWidth: 3, fillColor: RGBAColor(hex: "#112233"), borderColor: RGBAColor(hex: "#445566"))
        func list(_ a: ChartPoint, _ b: ChartPoint) throws -> DisplayList {
            try F.build([.rectangle(RectangleDrawing(clientObjectId: "r", corner1: a, corner2: b, style: style))])
                .displayList
        }
        let reference = try list(F.point(10.3, 20.7), F.point(30.9, 60.1))
        #expect(try list(F.point(30.9, 60.1), F.point(10.3, 20.7)) == reference)
        #expect(try list(F.point(10.3, 60.1), F.point(30.9, 20.7)) == reference)
        #expect(try list(F.point(30.9, 20.7), F.point(10.3, 60.1)) == reference)
    }

    @Test func lineWithArrowHead() throws {
        let lines = try Self.drawings([
            .line(
                LineDrawing(
                    clientObjectId: "l", start: F.point(10, 20), end: F.point(30, 60), endHead: .arrow,
                    style: DrawingStyle()))
        ])
        // (40,160) → (120,80), width 2: the head is 3·2 + 6 = 12 px long and 12 px wide;
        // the shaft stops 0.6·12 = 7.2 px before the tip: 120 − 7.2/√2 = 114.91.
        #expect(
            lines == [
                "clip 0.00,0.00 400.00x200.00",
                "stroke #2962FF w2.00 M 40.00,160.00 L 114.91,85.09",
                "fill #2962FF M 120.00,80.00 L 115.76,92.73 L 107.27,84.24 Z",
                "unclip",
            ])
    }

    @Test func lineDirectionDoesNotMatterWithoutHeads() throws {
        let style = DrawingStyle(color: RGBAColor(hex: "#0000FF"), lineWidth: 2, lineStyle: .dashed)
        func list(_ a: ChartPoint, _ b: ChartPoint) throws -> DisplayList {
            try F.build([.line(LineDrawing(clientObjectId: "l", start: a, end: b, style: style))]).displayList
        }
        let ab = try list(F.point(10, 20), F.point(130, 60))
        #expect(try list(F.point(130, 60), F.point(10, 20)) == ab)
        // Dashes of 4w and 3w; (40,160)–(520,80) is clipped at the plot's right edge, three
        // quarters along: y = 160 − 0.75 × 80 = 100.
        let lines = DumpReading.lines(of: "drawings", in: ab.dump())
        #expect(lines.contains("stroke #0000FF w2.00 dash 8.00,6.00 M 40.00,160.00 L 400.00,100.00"))
    }

    @Test func startArrowEqualsTheReversedEndArrow() throws {
        let style = DrawingStyle(lineWidth: 1)
        let a = F.point(10, 20), b = F.point(30, 60)
        let start = try F.build([
            .line(LineDrawing(clientObjectId: "l", start: a, end: b, startHead: .arrow, style: style))
        ])
        let end = try F.build([.line(LineDrawing(clientObjectId: "l", start: b, end: a, endHead: .arrow, style: style))]
        )
        #expect(start.displayList == end.displayList)
    }

    @Test func dottedLinesAreRoundDotsOneWidthAcross() throws {
        let lines = try Self.drawings([
            .line(
                LineDrawing(
                    clientObjectId: "l", start: F.point(10, 20), end: F.point(30, 20),
                    style: DrawingStyle(lineWidth: 3, lineStyle: .dotted)))
        ])
        // A horizontal 3 px line is snapped to a pixel centre: y 160 → 160.5. Each dot is a
        // zero-length dash with a round cap (3 px across), centres 6 px apart.
        #expect(lines.contains("stroke #2962FF w3.00 dash 0.00,6.00 cap round M 40.00,160.50 L 120.00,160.50"))
    }

    @Test func widthsAreWholeDevicePixelsAtFractionalScales() throws {
        let dump = try F.build(
            [
                .line(
                    LineDrawing(
                        clientObjectId: "a", start: F.point(10, 20), end: F.point(30, 20),
                        style: DrawingStyle(lineWidth: 1))),
                .line(
                    LineDrawing(
                        clientObjectId: "b", start: F.point(10, 40), end: F.point(30, 40),
                        style: DrawingStyle(lineWidth: 3))),
            ], options: F.options(pixelScale: 1.5)
        ).displayList.dump()
        let strokes = DumpReading.lines(of: "drawings", in: dump).filter { $0.hasPrefix("stroke") }
        // 1 × 1.5 = 1.5 → 2 device px; 3 × 1.5 = 4.5 → 5 (rounded half up), never soft half pixels.
        #expect(strokes.contains { $0.contains(" w2.00 ") })
        #expect(strokes.contains { $0.contains(" w5.00 ") })
        #expect(!strokes.contains { $0.contains(".50 M") && $0.contains(" w1.50 ") })
    }

    @Test func horizontalLineSpansThePlotAndHasATag() throws {
        let r = try F.build([
            .horizontalLine(
                HorizontalLineDrawing(
                    clientObjectId: "h", point: F.point(5, 50), style: DrawingStyle(color: RGBAColor(hex: "#FF0000"))))
        ])
        let dump = r.displayList.dump()
        #expect(
            DumpReading.lines(of: "drawings", in: dump).contains("stroke #FF0000 w2.00 M 0.00,100.00 L 400.00,100.00"))
        // The tag fills the price axis (x 400...448), 18 px tall, centred on y 100.
        let labels = DumpReading.lines(of: "labels", in: dump)
        #expect(labels.contains("fill #FF0000 M 400.00,91.00 L 448.00,91.00 L 448.00,109.00 L 400.00,109.00 Z"))
        #expect(labels.contains { $0.hasPrefix("text \"50\" at 408.00,") && $0.hasSuffix("#FFFFFF") })
    }

    @Test func horizontalLineIsAZeroSlopeLineExtendedBothWays() throws {
        let r = try F.build([
            .line(LineDrawing(clientObjectId: "l", start: F.point(10, 50), end: F.point(30, 50), style: DrawingStyle()))
        ])
        let plot = r.scale.plot
        let a = r.scale.point(F.point(10, 50)), b = r.scale.point(F.point(30, 50))
        let (p, q) = try #require(Clipping.clipInfiniteLine(a, b, to: plot))
        let h = try F.build([
            .horizontalLine(HorizontalLineDrawing(clientObjectId: "h", point: F.point(70, 50), style: DrawingStyle()))
        ])
        let strokes = h.displayList.items.compactMap { item -> PixelPath? in
            if case .stroke(let path, let style) = item, style.color == RGBAColor(hex: "#2962FF") { return path }
            return nil
        }
        #expect(strokes == [PixelPath([.move(p), .line(q)])])
    }

    @Test func parallelChannel() throws {
        let style = DrawingStyle(fillColor: RGBAColor(hex: "#2962FF"))
        let lines = try Self.drawings([
            .parallel(
                ParallelDrawing(
                    clientObjectId: "p", p1: F.point(10, 20), p2: F.point(30, 40), p3: F.point(20, 50), style: style))
        ])
        // Base (40,160)–(120,120); the base is at 30 at hour 20, so p3 (50) puts the parallel
        // line 20 higher: (40,120)–(120,80). Band at 20%, dashed middle line at 60%.
        #expect(
            lines == [
                "clip 0.00,0.00 400.00x200.00",
                "fill #2962FF33 M 40.00,160.00 L 120.00,120.00 L 120.00,80.00 L 40.00,120.00 Z",
                "stroke #2962FF99 w1.00 dash 4.00,4.00 M 40.00,140.00 L 120.00,100.00",
                "stroke #2962FF w2.00 M 40.00,160.00 L 120.00,120.00",
                "stroke #2962FF w2.00 M 40.00,120.00 L 120.00,80.00",
                "unclip",
            ])
    }

    @Test func fibonacciLevelsBandsAndLabels() throws {
        let r = try F.build(
            [
                .fibonacciRetracement(
                    FibonacciRetracementDrawing(
                        clientObjectId: "f", start: F.point(10, 20), end: F.point(30, 60), levels: [0, 0.5, 1],
                        style: DrawingStyle()))
            ])
        let dump = r.displayList.dump()
        let lines = DumpReading.lines(of: "drawings", in: dump)
        // Levels 0 → 60 (y 80), 0.5 → 40 (y 120), 1 → 20 (y 160), over hours 10...30 (x 40...120);
        // 1 px lines on pixel centres; bands alternate 12% (0x1F) and 6% (0x0F).
        #expect(
            lines == [
                "clip 0.00,0.00 400.00x200.00",
                "fill #2962FF1F M 40.00,160.00 L 120.00,160.00 L 120.00,120.00 L 40.00,120.00 Z",
                "fill #2962FF0F M 40.00,120.00 L 120.00,120.00 L 120.00,80.00 L 40.00,80.00 Z",
                "stroke #2962FF99 w1.00 dash 4.00,4.00 M 40.00,160.00 L 120.00,80.00",
                "stroke #2962FF w1.00 M 40.00,160.50 L 120.00,160.50",
                "stroke #2962FF w1.00 M 40.00,120.50 L 120.00,120.50",
                "stroke #2962FF w1.00 M 40.00,80.50 L 120.00,80.50",
                "unclip",
            ])
        let texts = DumpReading.texts(r.displayList)
        let label = try #require(texts.first { $0.text == "0.5 (40)" })
        // At the left end (x 40 + 4), baseline 4 px above the line.
        #expect(label.origin == PixelPoint(x: 44, y: 116.5))
    }

    @Test func unknownDrawingIsReportedNotDrawn() throws {
        let r = try F.build([.other(OtherDrawing(type: "TRIANGLE", clientObjectId: "t", members: []))])
        #expect(r.warnings.contains { $0.message.contains("TRIANGLE") })
        #expect(
            DumpReading.lines(of: "drawings", in: r.displayList.dump()) == ["clip 0.00,0.00 400.00x200.00", "unclip"])
    }

    @Test func pixelScaleScalesWidthsAndCoordinates() throws {
        let style = DrawingStyle(
            lineWidth: 2, fillColor: RGBAColor(hex: "#00FF33"), borderColor: RGBAColor(hex: "#00FF00"))
        let r = try F.build(
            [
                .rectangle(
                    RectangleDrawing(
                        clientObjectId: "r", corner1: F.point(10, 20), corner2: F.point(30, 60), style: style))
            ],
            options: F.options(pixelScale: 2))
        #expect(r.displayList.width == 896 && r.displayList.height == 452)
        let lines = DumpReading.lines(of: "drawings", in: r.displayList.dump())
        #expect(lines.contains("stroke #00FF00 w4.00 M 80.00,160.00 L 240.00,160.00 L 240.00,320.00 L 80.00,320.00 Z"))
    }
}

@Suite("Scene: crowded labels")
struct SceneCrowdedLabelTests {
    @Test func aLabelWithNoFreePlaceIsLeftOutWithAWarningNeverPaintedOverAnother() throws {
        // Seven Fibonacci levels squeezed into 3 price units (6 px): their labels cannot all fit.
        let fib = FibonacciRetracementDrawing(
            clientObjectId: "f", start: SceneFixture.point(10, 50), end: SceneFixture.point(20, 53),
            style: DrawingStyle(color: RGBAColor(hex: "#F57C00")))
        let r = try SceneFixture.build([.fibonacciRetracement(fib)])
        var boxes: [(x: Double, y: Double, text: String)] = []
        for item in r.displayList.items {
            if case .text(let run) = item { boxes.append((run.origin.x, run.origin.y, run.text)) }
        }
        let fibLabels = boxes.filter { $0.text.contains("(") }
        #expect(fibLabels.count < 7)
        #expect(r.warnings.contains { $0.message.contains("is left out") })
        // No two labels share their space: boxes are the text width wide and the font tall.
        let font = FontSpec(size: 11)
        for (i, a) in fibLabels.enumerated() {
            for b in fibLabels[(i + 1)...] {
                let wa = FontMetrics.width(of: a.text, font: font)
                let wb = FontMetrics.width(of: b.text, font: font)
                let apart = a.x + wa <= b.x || b.x + wb <= a.x || abs(a.y - b.y) >= 11
                #expect(apart, "\(a.text) and \(b.text) overlap")
            }
        }
    }
}
