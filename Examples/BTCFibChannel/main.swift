// A BTC/USDT H4 swing with a Fibonacci retracement and a rising channel.
//
//   swift run BTCFibChannel [OUT.png]     (default: BTCFibChannel.png in the current folder)
//
// Shows the model and its geometry: decode the body, read the retracement's level prices and
// the channel's height, then lay out and render in two steps (scene, then Cairo).
import ChartDraw
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let here = String(#filePath.dropLast("main.swift".count))
let out = CommandLine.arguments.dropFirst().first ?? "BTCFibChannel.png"

do {
    let report = ChartAnalysisValidator.validate(try FileIO.read(here + "analysis.json"), endpoint: .create)
    guard report.isValid, let analysis = report.analysis else {
        for issue in report.issues { print(issue) }
        exit(1)
    }
    for drawing in analysis.drawings ?? [] {
        switch drawing {
        case .fibonacciRetracement(let fib):
            for level in fib.levelPrices {
                let ratio = PriceFormat.format(level.ratio, decimals: 3)
                print("fib \(ratio): \(PriceFormat.format(level.price, decimals: 1))")
            }
        case .parallel(let channel):
            print("channel height: \(PriceFormat.format(channel.height, decimals: 1))")
        default:
            break
        }
    }
    let candles = try CandleFile.parse(try FileIO.read(here + "candles.csv"))
    let scene = try ChartScene.build(analysis: analysis, candles: candles, options: ChartOptions())
    let png = try ChartRenderer.renderPNG(scene.displayList)
    try Data(png).write(to: URL(fileURLWithPath: out), options: .atomic)
    print("wrote \(out) (\(png.count) bytes)")
} catch {
    FileIO.stderr("BTCFibChannel: \(error)\n")
    exit(1)
}
