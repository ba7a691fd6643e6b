import ChartDrawCore
import Testing

/// A measurer that gives every grapheme cluster the same width, so cuts are easy to predict.
struct EvenMeasurer: TextMeasurer {
    let advance: Double
    func width(of text: String, font: FontSpec) -> Double { Double(text.count) * advance }
    func lineMetrics(_ font: FontSpec) -> LineMetrics { LineMetrics(ascent: 9, descent: 3, capHeight: 7) }
}

@Suite struct TruncationTests {
    let font = FontSpec(size: 10)
    let even = EvenMeasurer(advance: 10)

    @Test func cutsBetweenGraphemeClustersNeverInsideOne() {
        // Flags, a skin-tone sequence, a family (ZWJ), a Devanagari conjunct and a Thai
        // cluster each count as one Character and must survive whole or not at all.
        let pieces = ["🇯🇵", "👍🏽", "👨‍👩‍👧", "क्षि", "ทั้", "é"]
        let text = pieces.joined()
        #expect(text.count == pieces.count)
        for keep in 0..<(pieces.count - 1) {
            let cut = even.truncate(text, toWidth: Double(keep + 1) * 10, font: font)
            #expect(cut == pieces[0..<keep].joined() + "…", "keep \(keep)")
            #expect(cut.unicodeScalars.count == pieces[0..<keep].joined().unicodeScalars.count + 1)
        }
    }

    @Test func fitsUnchangedAndNothingWhenNoRoom() {
        #expect(even.truncate("שלום", toWidth: 40, font: font) == "שלום")
        #expect(even.truncate("שלום", toWidth: 9, font: font) == "")
        #expect(even.truncate("שלום", toWidth: 10, font: font) == "…")
    }

    @Test func ellipsisFollowsRightToLeftTextInLogicalOrder() {
        // Logical order: the bidi algorithm then draws the ellipsis at the left end of Arabic.
        let cut = even.truncate("اختراق المقاومة", toWidth: 70, font: font)
        #expect(cut == "اختراق…")
    }

    @Test func noSpaceBeforeTheEllipsis() {
        #expect(even.truncate("ab  cd", toWidth: 50, font: font) == "ab…")
    }

    @Test func resultAlwaysFitsWithTheTable() {
        let table = TableMeasurer()
        for text in ["Bounce from the demand zone", "比特币突破阻力位", "Пробой уровня сопротивления", "🇯🇵👍🏽🚀"] {
            for w in stride(from: 5.0, through: 200, by: 7) {
                let cut = table.truncate(text, toWidth: w, font: font)
                #expect(table.width(of: cut, font: font) <= w, "\(text) at \(w)")
                #expect(cut.isEmpty || text.hasPrefix(String(cut.dropLast())) || cut == text)
            }
        }
    }
}
