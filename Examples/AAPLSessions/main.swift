// AAPL M15 over three regular sessions (14:30-21:00 UTC): nights take no room, each session
// start is labelled with its day in bold, prices keep the stock's cents.
//
//   swift run AAPLSessions [OUT.png] [--dark]     (default: AAPLSessions.png in the current folder)
import ChartDraw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = String(#filePath.dropLast("main.swift".count))
let args = CommandLine.arguments.dropFirst()
let out = args.first { !$0.hasPrefix("--") } ?? "AAPLSessions.png"

do {
    let analysis = try FileIO.read(here + "analysis.json")
    let candles = try CandleFile.parse(try FileIO.read(here + "candles.csv"))
    // Posted at the close of Friday's session: the 20-hour expiry lies beyond the candles.
    let options = ChartOptions(
        theme: args.contains("--dark") ? .dark : .light, createdAt: Timestamp(iso8601: "2026-03-06T21:00:00Z"))
    let chart = try ChartDraw.render(json: analysis, candles: candles, options: options)
    try Data(chart.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
    for warning in chart.warnings { print("warning: \(warning)") }
    print("wrote \(out) (\(chart.bytes.count) bytes)")
} catch {
    FileIO.stderr("AAPLSessions: \(error)\n")
    exit(1)
}
