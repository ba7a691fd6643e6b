@_exported public import ChartDrawCore
@_exported public import ChartDrawRender
@_exported public import ChartDrawWire

/// One call from an analysis (+ candles + options) to PNG, SVG or PDF bytes.
///
/// ```swift
/// import ChartDraw
///
/// let candles = try CandleFile.parse(csvBytes)
/// let chart = try ChartDraw.render(json: analysisBytes, candles: candles)
/// // chart.bytes is a PNG; chart.warnings says what the picture could not show.
/// ```
public enum ChartDraw {
    /// Validates a create body and renders it; throws ``ChartDrawError/invalidAnalysis(_:)``
    /// with every issue when the body has an error under `policy`.
    public static func render(
        json: [UInt8], candles: CandleSeries? = nil, options: ChartOptions = ChartOptions(),
        format: ImageFormat = .png, policy: ValidationPolicy = .strict
    ) throws(ChartDrawError) -> RenderedChart {
        let report = ChartAnalysisValidator.validate(json, endpoint: .create, policy: policy, existing: nil)
        guard report.isValid, let analysis = report.analysis else { throw .invalidAnalysis(report) }
        var chart = try render(analysis, candles: candles, options: options, format: format)
        chart.issues = report.issues
        return chart
    }

    /// Renders an analysis value (not validated: draw what is there).
    public static func render(
        _ analysis: Analysis, candles: CandleSeries? = nil, options: ChartOptions = ChartOptions(),
        format: ImageFormat = .png
    ) throws(ChartDrawError) -> RenderedChart {
        let scene: SceneResult
        do {
            scene = try ChartScene.build(
                analysis: analysis, candles: candles, options: options, measurer: PangoTextMeasurer())
        } catch {
            throw .scene(error)
        }
        do {
            let bytes = try ChartRenderer.render(scene.displayList, format: format)
            return RenderedChart(bytes: bytes, warnings: scene.warnings, issues: [])
        } catch {
            throw .render(error)
        }
    }
}

/// An encoded chart and what the caller may want to know about it.
public struct RenderedChart: Sendable {
    /// The PNG, SVG or PDF bytes.
    public var bytes: [UInt8]
    /// What the picture could not show (objects outside the view, drawings not drawn, labels
    /// left out), each with a code and the objects it is about; `ChartWarning/message` is the
    /// text the command-line tool prints.
    public var warnings: [ChartWarning]
    /// Validation warnings of the body (rendering only happens without errors).
    public var issues: [ValidationIssue]
}

/// Why a chart could not be rendered.
public enum ChartDrawError: Error, Sendable, CustomStringConvertible {
    /// The body has validation errors; the report lists every issue.
    case invalidAnalysis(ValidationReport)
    /// An option is outside its limits (size, scale, ranges).
    case scene(SceneError)
    /// Cairo or the encoder failed.
    case render(RenderError)

    public var description: String {
        switch self {
        case .invalidAnalysis(let r):
            return "the analysis is invalid: " + r.errors.map(\.description).joined(separator: "; ")
        case .scene(let e): return e.description
        case .render(let e): return e.description
        }
    }
}
