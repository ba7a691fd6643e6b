import ChartDrawCore
import Testing

@Suite struct FontCoverageCoreTests {
    @Test func scriptsAndSymbolsAreCovered() {
        for text in [
            "Bounce ₿ €", "比特币", "ビットコイン", "비트코인", "اختراق", "שבירה", "การทะลุ", "ब्रेकआउट", "Пробой", "Διάσπαση", "🚀👍🏽🇯🇵",
        ] {
            #expect(FontCoverage.missing(in: text).count == 0, "\(text)")
        }
    }

    @Test func invisibleCharactersAreNeverMissing() {
        // Joiner, variation selector, direction marks, a tag sequence (England's flag).
        #expect(
            FontCoverage.missing(
                in: "👨‍👩‍👧 ❤️ \u{200F}\u{202B}x\u{202C} 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
            ).count == 0)
    }

    @Test func aMissingCharacterIsNamedWithItsField() throws {
        let meta = AnalysisMetadata(
            title: "Breakout \u{10FFFD}\u{10FFFD} soon", preferenceText: "Buy [[zone:zone \u{E000}]]", timeframe: "H1",
            symbol: "BTC")
        let gaps = FontCoverage.missingCharacters(in: meta)
        #expect(gaps.map(\.path) == ["/metadata/title", "/metadata/preferenceText"])
        #expect(gaps[0].codePoint == "U+10FFFD" && gaps[0].count == 2)
        #expect(gaps[1].codePoint == "U+E000" && gaps[1].count == 1)
        #expect(FontCoverage.warning(gaps[0]).hasPrefix("/metadata/title: U+10FFFD has no glyph"))
        // The scene reports it.
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: nil, options: ChartOptions())
        #expect(r.warnings.contains { $0.message.hasPrefix("/metadata/title: U+10FFFD") })
        #expect(r.warnings.contains { $0.message.hasPrefix("/metadata/preferenceText: U+E000") })
    }

    @Test func codePointsHaveFourDigitsAtLeast() {
        #expect(FontCoverage.codePoint("A") == "U+0041")
        #expect(FontCoverage.codePoint("\u{1F600}") == "U+1F600")
    }
}
