// Fuzz target "candles": candle bytes through `CandleFile.parse`, with the form recognised
// from the content and forced to each of CSV, JSON, ccxt and Binance.
//
// Property: a parsed series passes the series' own checks again (`CandleSeries(validating:)`)
// and its bounds hold every candle. A crash, a precondition, a leak or a hang is a finding.
import ChartDrawCore
import ChartDrawWire

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCandles(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(try? CandleFile.parse(bytes))
    for format in CandleFormat.allCases {
        check(try? CandleFile.parse(bytes, format: format))
    }
    return 0
}

private func check(_ series: CandleSeries?) {
    guard let series else { return }
    require((try? CandleSeries(validating: series.candles)) == series, "a parsed series fails its own checks")
    for c in series.candles {
        require(c.low >= series.bounds.minPrice && c.high <= series.bounds.maxPrice, "bounds miss a candle")
    }
    require(series.interval.isFinite && series.interval > 0, "interval \(series.interval)")
}

/// Stops with `message` when `condition` is false: a finding. Unlike `precondition`, the
/// message is kept in an optimised build.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
