// snippet.hide
// Compiled by `swift build` (SwiftPM snippets); the README and the ChartDraw catalog show the
// visible part, and `SnippetTests` checks that what they show is this code.
// snippet.show
import ChartDraw  // ChartDrawCore, ChartDrawWire and ChartDrawRender in one import
import Foundation

let candles = try CandleFile.parse(try FileIO.read("candles.csv"))
let bytes = try FileIO.read("analysis.json")
let chart = try ChartDraw.render(
    json: bytes, candles: candles,
    options: ChartOptions(width: 1200, height: 675, theme: .dark))
try Data(chart.bytes).write(to: URL(fileURLWithPath: "preview.png"), options: .atomic)

// Or step by step: validate, inspect the model, lay out, paint.
let report = ChartAnalysisValidator.validate(bytes, endpoint: .create)  // every issue
if let analysis = report.analysis {
    let body = CanonicalEncoder.encode(analysis, endpoint: .create, pretty: false)
    let scene = try ChartScene.build(analysis: analysis, candles: candles, options: ChartOptions())
    let png = try ChartRenderer.renderPNG(scene.displayList)
    print(body.count, png.count)
}
