// The official GBP/USD example of the Chart Analysis API, rendered over its H1 candles.
//
//   swift run GBPUSDBounce [OUT.png]      (default: GBPUSDBounce.png in the current folder)
//
// Shows the shortest path a bot takes: bytes in, validated, one call, PNG bytes out.
import ChartDraw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = String(#filePath.dropLast("main.swift".count))
let out = CommandLine.arguments.dropFirst().first ?? "GBPUSDBounce.png"

do {
    let analysis = try FileIO.read(here + "analysis.json")
    let candles = try CandleFile.parse(try FileIO.read(here + "candles.csv"))
    // The analysis was posted at 12:00 UTC on 8 January: its 24-hour expiry counts from there.
    let options = ChartOptions(createdAt: Timestamp(iso8601: "2026-01-08T12:00:00Z"))
    let chart = try ChartDraw.render(json: analysis, candles: candles, options: options)
    try Data(chart.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
    for warning in chart.warnings { print("warning: \(warning)") }
    print("wrote \(out) (\(chart.bytes.count) bytes)")
} catch {
    FileIO.stderr("GBPUSDBounce: \(error)\n")
    exit(1)
}
