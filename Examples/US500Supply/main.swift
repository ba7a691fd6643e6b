// A US500 M15 bearish bounce from a supply zone, with a 6-hour expiry inside the view.
//
//   swift run US500Supply [OUT.png]       (default: US500Supply.png in the current folder)
//
// Shows the request side too: the canonical create body a bot would POST, then the preview.
import ChartDraw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = String(#filePath.dropLast("main.swift".count))
let out = CommandLine.arguments.dropFirst().first ?? "US500Supply.png"

do {
    let report = ChartAnalysisValidator.validate(try FileIO.read(here + "analysis.json"), endpoint: .create)
    guard report.isValid, let analysis = report.analysis else {
        for issue in report.issues { print(issue) }
        exit(1)
    }
    let body = CanonicalEncoder.encode(analysis, endpoint: .create, pretty: false)
    print("POST body: \(body.count) bytes, type \(analysis.metadata?.analysisType?.rawValue ?? "?")")
    let candles = try CandleFile.parse(try FileIO.read(here + "candles.csv"))
    let chart = try ChartDraw.render(analysis, candles: candles)
    try Data(chart.bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
    print("wrote \(out) (\(chart.bytes.count) bytes)")
} catch {
    FileIO.stderr("US500Supply: \(error)\n")
    exit(1)
}
