import ArgumentParser

/// `chartdraw render`: draw an analysis over candles to PNG, SVG or PDF.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render an analysis to PNG, SVG or PDF.")
    func run() throws {}
}
