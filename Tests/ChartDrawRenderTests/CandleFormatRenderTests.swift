import ChartDraw
import Testing

/// Candles from every fixture form draw the same picture as the reference CSV: the same
/// display list and the same PNG bytes.
@Suite("Candle formats render alike")
struct CandleFormatRenderTests {
    static let analysis = """
        {"sender": "bot@example.com", "metadata": {"direction": "BULLISH", "entryPlacement": "ABOVE_CURRENT",
          "expiry": {"type": "HOURS", "hours": 24}, "title": "EURUSD range", "timeframe": "1h", "symbol": "EURUSD"},
         "levels": {"pivot": {"price": 1.0845, "clientObjectId": "pivot", "time": "2026-01-06T12:00:00Z"},
          "resistance": {"price": 1.0852, "clientObjectId": "res", "time": "2026-01-06T12:00:00Z"},
          "support": {"price": 1.0838, "clientObjectId": "sup", "time": "2026-01-06T12:00:00Z"}},
         "drawings": [{"type": "LINE", "clientObjectId": "trend", "points": [{"time": "2026-01-06T03:00:00Z", "price": 1.0836},
          {"time": "2026-01-07T18:00:00Z", "price": 1.0845}], "style": {"color": "#1E88E5", "lineWidth": 2, "lineStyle": "SOLID"}}]}
        """

    static func fixture(_ name: String, filePath: String = #filePath) -> [UInt8] {
        let dir = filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        return (try? FileIO.read(dir + "/ChartDrawWireTests/Fixtures/candles/" + name)) ?? []
    }

    static func picture(_ name: String) throws -> (DisplayList, [UInt8]) {
        let candles = try CandleFile.parse(fixture(name))
        let a = try AnalysisDecoder.decode(analysis)
        let scene = try ChartScene.build(analysis: a, candles: candles, options: ChartOptions())
        let png = try ChartDraw.render(json: Array(analysis.utf8), candles: candles).bytes
        return (scene.displayList, png)
    }

    @Test(
        "same display list and pixels as reference.csv",
        arguments: [
            "pandas-to_csv.csv", "pandas-to_csv-utc.csv", "pandas-to_csv-unnamed.csv", "pandas-to_csv-semicolon.csv",
            "pandas-to_json-records.json", "ccxt-ohlcv.json", "ccxt-wrapped-data.json", "binance-klines.json",
            "python-isoformat-wrapped.json", "offset-plus2.json", "node-toISOString.json",
        ])
    func sameAsReference(_ name: String) throws {
        let (refList, refPNG) = try Self.picture("reference.csv")
        #expect(refList.items.count > 48)
        let (list, png) = try Self.picture(name)
        #expect(list == refList)
        #expect(png == refPNG)
    }
}
