/// How ``ChartRenderer`` compresses PNG images.
///
/// The default, zlib level 1 with the `up` filter and the default strategy (chosen by
/// measurement on a 1200×675 chart: see the module documentation), is several times faster
/// than Cairo's own writer (level 6 with adaptive filters) for files about the same size.
public struct PNGOptions: Hashable, Sendable {
    /// The per-row PNG filter.
    public enum Filter: String, Hashable, Sendable, CaseIterable {
        /// No filter.
        case none
        /// Difference from the pixel to the left.
        case sub
        /// Difference from the pixel above.
        case up
        /// Difference from the mean of left and above.
        case average
        /// Paeth predictor.
        case paeth
        /// Per row, the filter with the smallest sum of absolute differences (libpng's heuristic).
        case adaptive
    }

    /// The zlib match strategy.
    public enum Strategy: String, Hashable, Sendable, CaseIterable {
        /// `Z_DEFAULT_STRATEGY`.
        case `default`
        /// `Z_FILTERED`.
        case filtered
        /// `Z_RLE`: run-length matches only (distance 1).
        case rle
    }

    /// zlib compression level, 0 (store) to 9 (smallest); values outside are clamped.
    public var level: Int
    /// The row filter.
    public var filter: Filter
    /// The zlib strategy.
    public var strategy: Strategy

    /// Creates options; the defaults are the measured best trade-off for charts.
    public init(level: Int = 1, filter: Filter = .up, strategy: Strategy = .default) {
        self.level = level
        self.filter = filter
        self.strategy = strategy
    }
}
