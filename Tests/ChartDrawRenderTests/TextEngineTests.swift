import ChartDrawCore
import Testing

@testable import ChartDrawRender

/// One sample per script the charts' communities write in, and the mixed title.
let scriptSamples: [(String, String)] = [
    ("Latin", "EURUSD · Take profit 2 (R:R 3.5) €₿ ▲▼"),
    ("Chinese", "比特币突破阻力位"),
    ("Japanese", "ビットコインが上昇"),
    ("Korean", "비트코인 돌파"),
    ("Arabic", "اختراق المقاومة"),
    ("Hebrew", "שבירת התנגדות"),
    ("Thai", "การทะลุแนวต้าน"),
    ("Devanagari", "प्रतिरोध का ब्रेकआउट"),
    ("Cyrillic", "Пробой сопротивления"),
    ("Greek", "Διάσπαση αντίστασης"),
    ("Emoji", "🚀📈 👍🏽👋🏿 🇯🇵🇧🇷🇩🇪"),
    ("Mixed", "EUR/USD اختراق 1.0850 ثم 1.0900 then ↑"),
]

@Suite struct TextEngineTests {
    @Test func fontsLoadAndReportVersions() throws {
        try ChartRenderer.checkFonts()
        let versions = ChartRenderer.fontVersions
        #expect(versions.count == PinnedFonts.files.count)
        #expect(versions[0] == "DejaVuSans.ttf 2.370")
        #expect(!versions.contains { $0.contains("unknown") }, "\(versions)")
    }

    @Test(arguments: scriptSamples.map(\.0))
    func everyScriptHasGlyphs(_ script: String) throws {
        let text = scriptSamples.first { $0.0 == script }!.1
        let engine = try TextEngine.current()
        for weight in [FontSpec.Weight.regular, .bold] {
            #expect(
                engine.unknownGlyphs(in: text, font: FontSpec(weight: weight, size: 13)) == 0, "\(script) \(weight)")
        }
    }

    @Test func aCharacterNoFontHasIsCounted() throws {
        // U+10FFFD is a private-use code point no pinned font draws.
        #expect(try TextEngine.current().unknownGlyphs(in: "a\u{10FFFD}b", font: FontSpec(size: 12)) == 1)
    }

    /// What is measured is what is drawn: the ink of the painted text lies inside the measured
    /// box (advance width × ascent + descent, from the baseline origin), give or take
    /// antialiasing, for every script.
    @Test(arguments: scriptSamples.map(\.0))
    func drawnInkLiesInsideTheMeasuredBox(_ script: String) throws {
        let text = scriptSamples.first { $0.0 == script }!.1
        let font = FontSpec(size: 16)
        let m = PangoTextMeasurer()
        let width = m.width(of: text, font: font)
        let metrics = m.lineMetrics(font)
        let origin = PixelPoint(x: 20, y: 40)
        var list = DisplayList(
            width: Int(width) + 40, height: 64, background: RGBAColor(red: 0, green: 0, blue: 0, alpha: 0))
        list.items = [
            .text(TextRun(text: text, origin: origin, font: font, color: RGBAColor(red: 0, green: 0, blue: 0)))
        ]
        let image = try ChartRenderer.rasterize(list)
        var minX = Int.max, maxX = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[(y * image.width + x) * 4 + 3] > 32 {
                minX = min(minX, x)
                maxX = max(maxX, x)
            }
        }
        #expect(minX != Int.max, "\(script): nothing drawn")
        #expect(Double(minX) >= origin.x - 2, "\(script): ink starts at \(minX), box at \(origin.x)")
        #expect(Double(maxX) <= origin.x + width + 2, "\(script): ink ends at \(maxX), box ends at \(origin.x + width)")
        // The ink spans most of the measured width (nothing measured that is not drawn).
        #expect(Double(maxX - minX) >= width * 0.8, "\(script): ink \(maxX - minX) px of \(width) measured")
        #expect(metrics.ascent > 0 && metrics.descent > 0 && metrics.capHeight > 0)
    }

    @Test func latinWidthsScaleWithTheSize() {
        let m = PangoTextMeasurer()
        let w11 = m.width(of: "1.08500 Take profit", font: FontSpec(size: 11))
        let w22 = m.width(of: "1.08500 Take profit", font: FontSpec(size: 22))
        #expect(abs(w22 - 2 * w11) < 0.01 * w22)
        // DejaVu Sans stays the Latin face: "1.08500" at 11 px is six digits of 1303 units and a
        // point of 651 (2048 per em), as the DejaVu table measured.
        let digits = m.width(of: "1.08500", font: FontSpec(size: 11))
        #expect(abs(digits - (6 * 1303.0 + 651) / 2048 * 11) < 0.05, "\(digits)")
    }

    @Test func measuringIsTheSameOnEveryThread() async throws {
        let m = PangoTextMeasurer()
        let font = FontSpec(weight: .bold, size: 13)
        let expected = scriptSamples.map { m.width(of: $0.1, font: font) }
        try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<4 {
                group.addTask { scriptSamples.map { m.width(of: $0.1, font: font) } }
            }
            for try await widths in group { #expect(widths == expected) }
        }
    }
}

/// The per-thread caches stay bounded whatever texts and sizes come, and keep the labels that
/// come back warm. Each test runs on a thread of its own, so it sees a fresh engine.
@Suite struct TextCacheTests {
    /// Thousands of distinct texts (as a server fed random titles sees) never keep more than
    /// two generations of layouts; a label used all along stays cached; long texts are shaped
    /// for one use only.
    @Test func layoutsStayBoundedForManyDistinctTexts() {
        let result = Locked<[String]>([])
        runOnThreads(1) { _ in
            var problems: [String] = []
            guard let engine = try? TextEngine.current() else { return result.withLock { $0 = ["no engine"] } }
            let font = FontSpec(size: 11)
            var largest = (layouts: 0, textBytes: 0, fontSpecs: 0)
            for i in 0..<20_000 {
                _ = engine.width(of: "Take profit \(i) · 比特币 \(i * 7919)", font: font)
                if i % 50 == 0 { _ = engine.width(of: "1.0850", font: font) }
                let size = engine.cacheSize
                largest = (max(largest.0, size.0), max(largest.1, size.1), max(largest.2, size.2))
            }
            if largest.layouts > 2 * TextEngine.layoutGenerationLimit { problems.append("layouts \(largest)") }
            if largest.textBytes > 2 * TextEngine.layoutGenerationBytes { problems.append("text bytes \(largest)") }
            if !engine.isCached("1.0850", font: font) { problems.append("the repeated label was evicted") }
            let long = String(repeating: "W", count: TextEngine.maximumCachedTextBytes + 1)
            let width = engine.width(of: long, font: font)
            if !(width > 0) || engine.isCached(long, font: font) { problems.append("long text: \(width)") }
            result.withLock { $0 = problems }
        }
        #expect(result.withLock { $0 } == [])
    }

    /// Ever new font sizes keep at most ``TextEngine/fontSpecLimit`` descriptions, and
    /// measures after the caches were emptied equal those before, in every script.
    @Test func fontSizesStayBoundedAndMeasuresDoNotChange() {
        let result = Locked<[String]>([])
        runOnThreads(1) { _ in
            var problems: [String] = []
            guard let engine = try? TextEngine.current() else { return result.withLock { $0 = ["no engine"] } }
            let font = FontSpec(weight: .bold, size: 13)
            let before = scriptSamples.map { engine.width(of: $0.1, font: font) }
            for i in 0..<(3 * TextEngine.fontSpecLimit) {
                _ = engine.width(of: "1.0850", font: FontSpec(size: 8 + Double(i) / 16))
                if engine.cacheSize.fontSpecs > TextEngine.fontSpecLimit { problems.append("font specs at size \(i)") }
            }
            let after = scriptSamples.map { engine.width(of: $0.1, font: font) }
            if after != before { problems.append("widths changed: \(before) → \(after)") }
            result.withLock { $0 = problems }
        }
        #expect(result.withLock { $0 } == [])
    }
}

@Suite struct FontCoverageTests {
    /// The core's committed table (scripts/gen_font_coverage.py) is what the installed pinned
    /// fonts cover, code point by code point.
    @Test func coverageTableMatchesTheInstalledFonts() throws {
        let installed = try PinnedFonts.shared.get().coverage()
        #expect(installed.count > 1000)
        var next: UInt32 = 0
        var wrong: [UInt32] = []
        for r in installed {
            for v in next..<r.lowerBound
            where FontCoverage.covers(Unicode.Scalar(v) ?? "\u{FFFD}") && Unicode.Scalar(v) != nil {
                wrong.append(v)
            }
            for v in r where Unicode.Scalar(v).map({ !FontCoverage.covers($0) }) ?? false { wrong.append(v) }
            next = r.upperBound + 1
        }
        for v in next..<0x110000 where Unicode.Scalar(v).map(FontCoverage.covers) ?? false { wrong.append(v) }
        #expect(
            wrong.isEmpty,
            "\(wrong.count) code points differ (first \(wrong.prefix(5).map { String($0, radix: 16) })): re-run scripts/gen_font_coverage.py"
        )
    }

    /// Pango agrees with the table: a covered character gets a glyph, an uncovered one a box.
    @Test func pangoAndTheTableAgree() throws {
        let engine = try TextEngine.current()
        let font = FontSpec(size: 12)
        for s in ["₿", "€", "ก", "ह", "한", "😀", "א", "ع", "Ж", "Ω"].flatMap(\.unicodeScalars) {
            #expect(FontCoverage.covers(s))
            #expect(engine.unknownGlyphs(in: String(s), font: font) == 0, "\(FontCoverage.codePoint(s))")
        }
        for s in ["\u{10FFFD}", "\u{E000}", "\u{1F8FF}"].flatMap(\.unicodeScalars) where !FontCoverage.covers(s) {
            #expect(engine.unknownGlyphs(in: String(s), font: font) == 1, "\(FontCoverage.codePoint(s))")
        }
    }
}

@Suite struct VectorTextTests {
    static func multiScriptList() -> DisplayList {
        var list = DisplayList(width: 400, height: 60, background: RGBAColor(red: 255, green: 255, blue: 255))
        list.items = [
            .text(
                TextRun(
                    text: "Bounce 比特币 ประเทศ हिन्दी 🚀", origin: PixelPoint(x: 4, y: 30), font: FontSpec(size: 14),
                    color: RGBAColor(red: 0, green: 0, blue: 0)))
        ]
        return list
    }

    /// PDF embeds subsets of the fonts used (a six-letter tag before the name), and the colour
    /// emoji as an image.
    @Test func pdfEmbedsFontSubsets() throws {
        let pdf = try ChartRenderer.renderPDF(Self.multiScriptList())
        let text = String(decoding: pdf, as: UTF8.self)
        for family in ["DejaVuSans", "NotoSansCJKsc-Regular", "NotoSansThai-Regular", "NotoSansDevanagari-Regular"] {
            #expect(text.contains("+" + family), "\(family) not embedded")
        }
        #expect(text.contains("/FontFile"), "no embedded font program")
        #expect(text.contains("/Subtype /Image"), "the emoji is not embedded as an image")
    }
}
