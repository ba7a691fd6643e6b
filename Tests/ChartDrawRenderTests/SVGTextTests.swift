import ChartDraw
import ChartDrawCore
import ChartDrawGoldenTesting
import ChartDrawWire
import Foundation
import FoundationXML
import Testing

@testable import ChartDrawRender

/// SVG keeps the chart's words as text: an invisible layer of `<text>` elements carrying the
/// display list's strings at their baselines, after Cairo's outlines.
@Suite struct SVGTextTests {
    /// A Chinese title, an Arabic name on a horizontal line, a Latin name on a zone.
    static let body = #"""
        {"sender":"svg@example.com",
         "metadata":{"direction":"BULLISH","entryPlacement":"BELOW_CURRENT","expiry":{"type":"HOURS","hours":8},
           "title":"比特币突破阻力位","timeframe":"H1","symbol":"BTC/USD",
           "preferenceText":"[[target:الهدف]] [[zone:Demand zone]]"},
         "levels":{"support":{"price":96.5,"clientObjectId":"support","time":"2026-01-05T06:00:00Z"}},
         "drawings":[
           {"type":"HORIZONTAL_LINE","clientObjectId":"target","points":[{"time":"2026-01-05T10:00:00Z","price":102.6}],
            "style":{"color":"#F23645","lineWidth":1,"lineStyle":"DASHED"}},
           {"type":"RECTANGLE","clientObjectId":"zone",
            "points":[{"time":"2026-01-05T08:00:00Z","price":97.0},{"time":"2026-01-05T20:00:00Z","price":98.2}],
            "style":{"lineWidth":1,"fillColor":"#089981","borderColor":"#089981"}}]}
        """#

    static let options = ChartOptions(width: 560, height: 280, createdAt: Timestamp(iso8601: "2026-01-06T12:00:00Z"))

    static func candles() throws -> CandleSeries {
        try CandleSeries(
            validating: CandleGenerator(count: 48, seed: 3, price: 100, volatility: 0.008).candles())
    }

    @Test func multilingualWordsAreTextAtTheDisplayListsPlaces() throws {
        let candles = try Self.candles()
        let svg = try ChartDraw.render(
            json: Array(Self.body.utf8), candles: candles, options: Self.options, format: .svg
        )
        .bytes
        let parsed = SVGTexts.parse(svg)
        #expect(parsed.error == nil, "the SVG does not parse: \(parsed.error ?? "")")
        let words = parsed.texts.filter(\.inLayer).map(\.text)
        for expected in ["比特币突破阻力位", "الهدف", "Demand zone", "BTC/USD"] {
            #expect(words.contains(expected), "\(expected) is not text in the SVG: \(words)")
        }
        // No text outside the layer: Cairo's part is the outlines only.
        #expect(parsed.texts.allSatisfy { $0.inLayer })
        // Outlines are still drawn (what a viewer shows does not depend on the layer).
        #expect(String(decoding: svg, as: UTF8.self).contains("<use xlink:href=\"#glyph"))

        // Element by element, the runs of the display list the renderer drew, in paint order.
        let report = ChartAnalysisValidator.validate(Array(Self.body.utf8))
        let analysis = try #require(report.analysis)
        let list = try ChartScene.build(analysis: analysis, candles: candles, options: Self.options).displayList
        let runs: [TextRun] = list.items.compactMap {
            if case .text(let r) = $0, !r.text.isEmpty { return r }
            return nil
        }
        #expect(parsed.texts.count == runs.count)
        let measurer = PangoTextMeasurer()
        for (element, run) in zip(parsed.texts, runs) {
            #expect(element.text == run.text)
            let y = try #require(Double(element.attributes["y"] ?? ""))
            let size = try #require(Double(element.attributes["font-size"] ?? ""))
            let x = try #require(Double(element.attributes["x"] ?? ""))
            #expect(abs(y - run.origin.y) <= 0.005 && abs(size - run.font.size) <= 0.005, "\(run.text)")
            #expect((element.attributes["font-weight"] == "bold") == (run.font.weight == .bold), "\(run.text)")
            // A right-to-left run starts at its right end.
            let rtl = element.attributes["direction"] == "rtl"
            let start = rtl ? run.origin.x + measurer.width(of: run.text, font: run.font) : run.origin.x
            #expect(abs(x - start) <= 0.01, "\(run.text): x \(x), expected \(start)")
            #expect(rtl == (run.text == "الهدف"), "\(run.text): direction \(element.attributes["direction"] ?? "ltr")")
        }
    }

    @Test func twoRendersGiveTheSameBytes() throws {
        let candles = try Self.candles()
        let json = Array(Self.body.utf8)
        let first = try ChartDraw.render(json: json, candles: candles, options: Self.options, format: .svg).bytes
        _ = try ChartDraw.render(json: json, candles: candles, options: Self.options, format: .png)
        let second = try ChartDraw.render(json: json, candles: candles, options: Self.options, format: .svg).bytes
        #expect(first == second)
    }

    @Test func hostileTextIsEscapedAndTheDocumentParses() throws {
        let hostile = "a<b>&c ]]> <![CDATA[x]]> <!-- \u{1}\u{8}\t\n\r\u{7F}|\u{FFFE}| surface3 &amp; \"q\" 'p'"
        let shown = "a<b>&c ]]> <![CDATA[x]]> <!--       |\u{FFFD}| surface3 &amp; \"q\" 'p'"
        let black = RGBAColor(red: 0, green: 0, blue: 0)
        let list = DisplayList(
            width: 400, height: 60, background: RGBAColor(red: 255, green: 255, blue: 255),
            items: [
                .text(TextRun(text: hostile, origin: PixelPoint(x: 4, y: 30), font: FontSpec(size: 12), color: black)),
                .text(TextRun(text: "", origin: PixelPoint(x: 4, y: 50), font: FontSpec(size: 12), color: black)),
            ])
        let svg = try ChartRenderer.renderSVG(list)
        let parsed = SVGTexts.parse(svg)
        #expect(parsed.error == nil, "the SVG does not parse: \(parsed.error ?? "")")
        #expect(parsed.texts.map(\.text) == [shown])
        #expect(parsed.elementNames.isDisjoint(with: ["b", "x"]))
        let document = String(decoding: svg, as: UTF8.self)
        #expect(!document.contains("]]>") && !document.contains("<b>") && !document.contains("<!["))
        #expect(document.contains("surface3 &amp;amp;"), "the chart's own words are not renumbered")
        #expect(try ChartRenderer.renderSVG(list) == svg)
    }

    /// Cairo's `surfaceN` group ids are renumbered by first appearance; a longer name that only
    /// contains them (`mysurface3`, `surface5x`) is left alone.
    @Test func surfaceIDsAreRenumberedAsWholeNamesOnly() {
        let cairo = ##"<g id="surface12"><use xlink:href="#surface12"/>mysurface3 surface5x (surface7) surface12"##
        let normalized = String(decoding: SVGNormalizer.normalizeSurfaceIDs(Array(cairo.utf8)), as: UTF8.self)
        #expect(
            normalized == ##"<g id="surface1"><use xlink:href="#surface1"/>mysurface3 surface5x (surface2) surface1"##)
    }

    /// Colour emoji are images named after a process-wide counter: renumbered, so a process
    /// that drew other images first writes the same bytes; image data is left alone.
    @Test func imageIDsAreRenumberedAndImageDataIsNot() throws {
        let cairo =
            ##"<image id="image4114" xlink:href="data:image/png;base64,AA/image12+image7"/><use xlink:href="#image4114"/><use xlink:href="#image4120"/>"##
        let normalized = String(decoding: SVGNormalizer.normalizeImageIDs(Array(cairo.utf8)), as: UTF8.self)
        #expect(
            normalized
                == ##"<image id="image1" xlink:href="data:image/png;base64,AA/image12+image7"/><use xlink:href="#image1"/><use xlink:href="#image2"/>"##
        )
        let emoji = DisplayList(
            width: 80, height: 30, background: RGBAColor(red: 255, green: 255, blue: 255),
            items: [
                .text(
                    TextRun(
                        text: "🚀 ok", origin: PixelPoint(x: 4, y: 20), font: FontSpec(size: 14),
                        color: RGBAColor(red: 0, green: 0, blue: 0)))
            ])
        let first = try ChartRenderer.renderSVG(emoji)
        #expect(String(decoding: first, as: UTF8.self).contains(#"id="image1""#))
        _ = try ChartRenderer.rasterize(emoji)
        #expect(try ChartRenderer.renderSVG(emoji) == first)
    }

    @Test func aListWithoutTextHasNoLayer() throws {
        let red = RGBAColor(red: 255, green: 0, blue: 0)
        let list = DisplayList(
            width: 40, height: 40, background: RGBAColor(red: 255, green: 255, blue: 255),
            items: [.fill(PrimitiveCases.rect(4, 4, 20, 20), red)])
        let svg = String(decoding: try ChartRenderer.renderSVG(list), as: UTF8.self)
        #expect(
            !svg.contains("chartdraw-text") && svg.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>"))
    }
}

/// The `<text>` elements of an SVG document and every element name, through Foundation's
/// XML parser.
final class SVGTexts: NSObject, XMLParserDelegate {
    struct Element {
        var attributes: [String: String]
        var text: String
        /// Inside the group `chartdraw-text`.
        var inLayer: Bool
    }

    private(set) var texts: [Element] = []
    private(set) var elementNames: Set<String> = []
    private var current: Element?
    private var groups: [Bool] = []

    /// The elements, or the parser's error.
    static func parse(_ bytes: [UInt8]) -> (texts: [Element], elementNames: Set<String>, error: String?) {
        let collector = SVGTexts()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        let ok = parser.parse()
        let error =
            ok ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)"
        return (collector.texts, collector.elementNames, error)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elementNames.insert(elementName)
        if elementName == "g" { groups.append(attributeDict["id"] == "chartdraw-text" || groups.last == true) }
        if elementName == "text" {
            current = Element(attributes: attributeDict, text: "", inLayer: groups.last == true)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.text += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if elementName == "g" { _ = groups.popLast() }
        if elementName == "text", let c = current {
            texts.append(c)
            current = nil
        }
    }
}
