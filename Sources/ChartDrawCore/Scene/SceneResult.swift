/// What ``ChartScene/build(analysis:candles:options:measurer:)`` produces.
public struct SceneResult: Sendable {
    /// The chart as painting operations in device pixels.
    public var displayList: DisplayList
    /// Things the caller may want to know: objects outside the view, drawings not drawn.
    public var warnings: [ChartWarning]
    /// The mapping from chart space to device pixels that the list was drawn with.
    package var scale: ChartScale
}
