import Testing

@testable import ChartDrawCore

/// The expiry note says "Expired" once the candles have passed it, and shows the year when
/// the view spans years.
@Suite("Expiry states")
struct ExpiryStateTests {
    typealias F = SceneFixture

    @Test func anExpiryBeforeTheLastCandleHasExpired() throws {
        let candles = try F.candles(100)  // hours 0...99 from 8 Jan 2026
        var options = ChartOptions()
        options.createdAt = F.time(10)
        let meta = AnalysisMetadata(expiry: Expiry(hours: 30))  // hour 40: inside the candles
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: options)
        let texts = DumpReading.texts(r.displayList).map(\.text)
        #expect(texts.contains("Expired 9 Jan 16:00 UTC"), "\(texts)")
        #expect(!texts.contains { $0.hasPrefix("Expires") })
    }

    @Test func aFutureExpiryExpires() throws {
        let candles = try F.candles(100)
        let meta = AnalysisMetadata(expiry: Expiry(hours: 12))
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
        #expect(DumpReading.texts(r.displayList).map(\.text).contains("Expires 12 Jan 15:00 UTC"))
    }

    @Test func aViewAcrossYearsShowsTheYear() throws {
        // Daily candles from 1 Dec 2025 for 60 days: the view spans 2025 and 2026.
        let start = Timestamp(year: 2025, month: 12, day: 1)!
        let candles = try CandleSeries(
            validating: (0..<60).map { i in
                Candle(
                    time: start.adding(seconds: Int64(i) * 86_400)!, open: 100, high: 101, low: 99, close: 100.5)
            })
        let meta = AnalysisMetadata(expiry: Expiry(hours: 240), timeframe: "D1")
        let r = try ChartScene.build(analysis: Analysis(metadata: meta), candles: candles, options: ChartOptions())
        let texts = DumpReading.texts(r.displayList).map(\.text)
        #expect(texts.contains("Expires 8 Feb 2026 00:00 UTC"), "\(texts)")
    }
}
