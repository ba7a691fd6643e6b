// USD/JPY H1 across two weekends: the bar-indexed time axis puts Friday's last candle next to
// Sunday's first, as trading platforms do, and the demand zone drawn on Friday reaches Monday.
//
//   swift run USDJPYWeekend [OUT.png] [--clock]   (default: USDJPYWeekend.png in the current folder)
//
// With --clock the same chart is drawn in clock time, where each weekend is a blank band.
import ChartDraw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = String(#filePath.dropLast("main.swift".count))
let args = CommandLine.arguments.dropFirst()
let out = args.first { !$0.hasPrefix("--") } ?? "USDJPYWeekend.png"

do {
    let analysis = try FileIO.read(here + "analysis.json")
    let candles = try CandleFile.parse(try FileIO.read(here + "candles.csv"))
    // Posted with the last candle (the default start of the expiry).
    let options = ChartOptions(timeAxis: args.contains("--clock") ? .clock : .bars)
    let chart = try ChartDraw.render(json: analysis, candles: candles, options: options)
    try Data(chart.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
    for warning in chart.warnings { print("warning: \(warning)") }
    print("wrote \(out) (\(chart.bytes.count) bytes)")
} catch {
    FileIO.stderr("USDJPYWeekend: \(error)\n")
    exit(1)
}
