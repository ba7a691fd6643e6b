import Testing

@testable import ChartDrawCore

@Suite("Scene: ticks and label placement")
struct SceneTickTests {
    @Test func priceStepsAreNice() {
        for span in [0.0123, 0.37, 1, 7.5, 42, 999, 12_345, 3e9] {
            for height in [120.0, 400, 1000] {
                let step = AxisTicks.priceStep(span: span, height: height, spacing: 60)
                let mantissa = step / PriceFormat.powerOfTen(PriceFormat.decimalExponent(step))
                #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(span) \(height) → \(step)")
                // Roughly one line per 60 px: between 24 and 150 px apart.
                let px = step / span * height
                #expect(px >= 24 && px <= 150, "\(span) \(height) → \(px) px")
            }
        }
    }

    @Test func priceValuesAreMultiplesOfTheStep() {
        let fx = AxisTicks.priceValues(in: 1.3412...1.3507, step: 0.0025)
        #expect(fx.count == 4)
        for (v, e) in zip(fx, [1.3425, 1.345, 1.3475, 1.35]) { #expect(abs(v - e) < 1e-12) }
        #expect(fx.map { PriceFormat.format($0, decimals: 4) } == ["1.3425", "1.3450", "1.3475", "1.3500"])
        let v = AxisTicks.priceValues(in: 4987...5061, step: 20)
        #expect(v == [5000, 5020, 5040, 5060])
        #expect(AxisTicks.priceValues(in: 0...1, step: 0).isEmpty)
    }

    @Test func timeTicksSitOnRoundBoundaries() {
        let start = Timestamp(year: 2026, month: 1, day: 6)!.secondsSinceEpoch
        let font = FontSpec(size: 11)
        // Three days over 1000 px: 6-hour ticks (83 px per 6 h is under 100 px, so 12 h).
        let (step, ticks) = AxisTicks.timeTicks(
            in: start...(start + 3 * 86_400), pixelsPerSecond: 1000 / (3 * 86_400), minSpacing: 100, font: font,
            labelGap: 16,
            measurer: TableMeasurer())
        #expect(step == .seconds(12 * 3600, unit: .minute))
        #expect(ticks.map(\.label) == ["6 Jan", "12:00", "7 Jan", "12:00", "8 Jan", "12:00", "9 Jan"])
        // Five months: month ticks.
        let (mStep, mTicks) = AxisTicks.timeTicks(
            in: start...(start + 150 * 86_400), pixelsPerSecond: 1000 / (150 * 86_400), minSpacing: 100, font: font,
            labelGap: 16,
            measurer: TableMeasurer())
        #expect(mStep == .months(1))
        #expect(mTicks.map(\.label) == ["Feb", "Mar", "Apr", "May", "Jun"])
        // Weeks start on Mondays (2026-01-12 is a Monday).
        let weekTicks = TimeStep.week.ticks(in: start...(start + 20 * 86_400), limit: 10)
        #expect(weekTicks.map(\.label) == ["12 Jan", "19 Jan", "26 Jan"])
        #expect(weekTicks.allSatisfy { Timestamp(seconds: Int64($0.t)).utc.weekday == 1 })
        // Years across a decade.
        let years = TimeStep.years(2).ticks(in: start...(start + 3650 * 86_400), limit: 10)
        #expect(years.map(\.label) == ["2028", "2030", "2032", "2034", "2036"])
    }

    @Test func timeTicksLeaveRoomForTheirLabels() {
        let start = Timestamp(year: 2026, month: 1, day: 6)!.secondsSinceEpoch
        let font = FontSpec(size: 11)
        for pxPerDay in [5.0, 40, 150, 900, 5000] {
            let (step, ticks) = AxisTicks.timeTicks(
                in: start...(start + 1000 / pxPerDay * 86_400), pixelsPerSecond: pxPerDay / 86_400, minSpacing: 100,
                font: font, labelGap: 16, measurer: TableMeasurer())
            #expect(step.minimumSeconds * pxPerDay / 86_400 >= 100)
            let widest = ticks.map { FontMetrics.width(of: $0.label, font: font) }.max() ?? 0
            for i in ticks.indices.dropFirst() {
                #expect((ticks[i].t - ticks[i - 1].t) * pxPerDay / 86_400 >= widest + 16)
            }
        }
    }

    @Test func stackingSeparatesWithMinimalMoves() {
        // Far apart: unchanged.
        #expect(LabelPlacement.stack([50, 100, 150], height: 18, within: 0...200) == [50, 100, 150])
        // Two at one place: split evenly around it.
        #expect(LabelPlacement.stack([100, 100], height: 18, within: 0...200) == [91, 109])
        // Order of the input is kept; neighbours pushed apart.
        let s = LabelPlacement.stack([101, 100, 102], height: 18, within: 0...200)
        #expect(s == [101 + 0, 83, 119])
        // Near the top edge: pushed down into the range.
        #expect(LabelPlacement.stack([0, 1], height: 18, within: 0...200) == [9, 27])
        // Too many to fit: they share the space.
        let crowded = LabelPlacement.stack(Array(repeating: 50.0, count: 20), height: 18, within: 0...100)
        #expect(abs(crowded.first! - 2.5) < 1e-9 && abs(crowded.last! - 97.5) < 1e-9)
    }

    @Test func placerAvoidsOccupiedBoxes() {
        var placer = LabelPlacer(bounds: PixelRect(x: 0, y: 0, width: 100, height: 100))
        let first = placer.place([PixelRect(x: 10, y: 10, width: 30, height: 10)])
        let second = placer.place([
            PixelRect(x: 20, y: 12, width: 30, height: 10), PixelRect(x: 20, y: 30, width: 30, height: 10),
        ])
        #expect(first == PixelRect(x: 10, y: 10, width: 30, height: 10))
        #expect(second == PixelRect(x: 20, y: 30, width: 30, height: 10))
        // Clamped inside the bounds.
        #expect(
            placer.place([PixelRect(x: 90, y: -5, width: 30, height: 10)])
                == PixelRect(x: 70, y: 0, width: 30, height: 10))
    }
}
