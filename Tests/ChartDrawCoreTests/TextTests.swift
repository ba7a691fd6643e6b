import Testing

@testable import ChartDrawCore

@Suite("Text: font metrics")
struct TextFontMetricsTests {
    // At size 2048 (the fonts' units per em) a width is the sum of advances in font units.
    @Test func widthIsTheSumOfUnhintedAdvances() {
        let font = FontSpec(size: 2048)
        // DejaVu Sans: "0" advances 1303 units, space 651, "H" 1540.
        #expect(FontMetrics.width(of: "0", font: font) == 1303)
        #expect(FontMetrics.width(of: "00 0", font: font) == 3 * 1303 + 651)
        #expect(FontMetrics.width(of: "H", font: font) == 1540)
        // Bold digits are wider.
        #expect(FontMetrics.width(of: "0", font: FontSpec(weight: .bold, size: 2048)) == 1425)
    }

    @Test func widthScalesWithSize() {
        let w11 = FontMetrics.width(of: "1.34500", font: FontSpec(size: 11))
        let w22 = FontMetrics.width(of: "1.34500", font: FontSpec(size: 22))
        #expect(w22 == 2 * w11)
        #expect(FontMetrics.width(of: "", font: FontSpec(size: 11)) == 0)
    }

    @Test func symbolsAndFallback() {
        let font = FontSpec(size: 2048)
        // "…" has its own advance (2048 in DejaVu Sans); an unknown character uses .notdef (1229).
        #expect(FontMetrics.width(of: "…", font: font) == 2048)
        #expect(FontMetrics.width(of: "漢", font: font) == 1229)
        #expect(FontMetrics.width(of: "é", font: font) == FontMetrics.width(of: "e", font: font))
    }

    @Test func verticalMetrics() {
        let font = FontSpec(size: 2048)
        #expect(FontMetrics.ascent(font) == 1901)
        #expect(FontMetrics.descent(font) == 483)
        #expect(FontMetrics.capHeight(font) == 1493)
    }

    @Test func truncationFitsAndEndsWithEllipsis() {
        let font = FontSpec(size: 13)
        let text = "GBPUSD Bullish Bounce from Support"
        let full = FontMetrics.width(of: text, font: font)
        #expect(FontMetrics.truncate(text, toWidth: full, font: font) == text)
        let cut = FontMetrics.truncate(text, toWidth: full / 2, font: font)
        #expect(cut.hasSuffix("…"))
        #expect(!cut.hasSuffix(" …"))
        #expect(FontMetrics.width(of: cut, font: font) <= full / 2)
        #expect(cut.count > 5)
        #expect(FontMetrics.truncate(text, toWidth: 1, font: font) == "")
    }
}

@Suite("Text: price formatting")
struct TextPriceFormatTests {
    @Test(
        arguments: [
            (1.345, 2, "1.35"),  // the decimal the user wrote rounds half away from zero
            (1.345, 5, "1.34500"),
            (-1.345, 2, "-1.35"),
            (-0.004, 2, "0.00"),  // no "-0.00"
            (0.0, 3, "0.000"),
            (5000, 2, "5000.00"),
            (9.995, 2, "10.00"),  // carry into a new digit
            (99999.5, 0, "100000"),
            (0.00001234, 8, "0.00001234"),
            (0.00001234, 6, "0.000012"),
            (1.5e-7, 2, "0.00"),
            (1e20, 2, "100000000000000000000.00"),
            (123456789.125, 2, "123456789.13"),
            (42, 0, "42"),
            (0.5, 0, "1"),
            (-2.5, 0, "-3"),
        ] as [(Double, Int, String)])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(PriceFormat.format(value, decimals: decimals) == expected)
    }

    @Test func notFiniteIsADash() {
        #expect(PriceFormat.format(.nan, decimals: 2) == "-")
        #expect(PriceFormat.format(.infinity, decimals: 2) == "-")
    }

    @Test func precisionFitsTheInstrument() {
        #expect(PriceFormat.instrumentDecimals(magnitude: 1.345) == 5)  // GBP/USD
        #expect(PriceFormat.instrumentDecimals(magnitude: 157.3) == 3)  // USD/JPY
        #expect(PriceFormat.instrumentDecimals(magnitude: 5000) == 2)  // an index
        #expect(PriceFormat.instrumentDecimals(magnitude: 95000) == 2)  // bitcoin
        #expect(PriceFormat.instrumentDecimals(magnitude: 0.65) == 5)  // AUD/USD-like
        #expect(PriceFormat.instrumentDecimals(magnitude: 0.00001234) == 8)  // sub-cent crypto
    }

    @Test func precisionGrowsWhenTheStepNeedsIt() {
        #expect(PriceFormat.stepDecimals(0.25) == 2)
        #expect(PriceFormat.stepDecimals(5) == 0)
        #expect(PriceFormat.stepDecimals(0.0005) == 4)
        #expect(PriceFormat.precision(step: 0.001, magnitude: 1.345) == 5)
        #expect(PriceFormat.precision(step: 0.0000025, magnitude: 1.345) == 7)
        #expect(PriceFormat.precision(step: 50, magnitude: 5000) == 2)
    }

    @Test func decimalExponentWithoutLibm() {
        #expect(PriceFormat.decimalExponent(1) == 0)
        #expect(PriceFormat.decimalExponent(9.99) == 0)
        #expect(PriceFormat.decimalExponent(1000) == 3)
        #expect(PriceFormat.decimalExponent(0.001) == -3)
        #expect(PriceFormat.decimalExponent(0.00099) == -4)
    }

    @Test func fibonacciRatios() {
        #expect(PriceFormat.ratio(0) == "0")
        #expect(PriceFormat.ratio(0.236) == "0.236")
        #expect(PriceFormat.ratio(0.5) == "0.5")
        #expect(PriceFormat.ratio(1) == "1")
        #expect(PriceFormat.ratio(1.618) == "1.618")
    }
}

@Suite("Text: time formatting")
struct TextTimeFormatTests {
    static func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Timestamp {
        Timestamp(year: y, month: mo, day: d, hour: h, minute: mi)!
    }

    @Test func labelsFollowTheTickUnit() {
        #expect(TimeFormat.tickLabel(Self.at(2026, 1, 8, 14, 30), unit: .minute) == "14:30")
        #expect(TimeFormat.tickLabel(Self.at(2026, 1, 8, 9, 5), unit: .minute) == "09:05")
        // A midnight among intraday ticks shows the date, a new year the year.
        #expect(TimeFormat.tickLabel(Self.at(2026, 1, 8), unit: .minute) == "8 Jan")
        #expect(TimeFormat.tickLabel(Self.at(2026, 1, 1), unit: .minute) == "2026")
        #expect(TimeFormat.tickLabel(Self.at(2026, 3, 17), unit: .day) == "17 Mar")
        #expect(TimeFormat.tickLabel(Self.at(2026, 3, 1), unit: .day) == "Mar")
        #expect(TimeFormat.tickLabel(Self.at(2026, 3, 1), unit: .month) == "Mar")
        #expect(TimeFormat.tickLabel(Self.at(2027, 1, 1), unit: .month) == "2027")
        #expect(TimeFormat.tickLabel(Self.at(2030, 1, 1), unit: .year) == "2030")
        #expect(
            TimeFormat.tickLabel(Timestamp(seconds: Self.at(2026, 1, 8, 10, 15).seconds + 30), unit: .second)
                == "10:15:30")
    }

    @Test func expiryInstant() {
        #expect(TimeFormat.instant(Self.at(2026, 1, 9, 12), referenceYear: 2026) == "9 Jan 12:00 UTC")
        #expect(TimeFormat.instant(Self.at(2027, 1, 9, 12), referenceYear: 2026) == "9 Jan 2027 12:00 UTC")
    }
}
