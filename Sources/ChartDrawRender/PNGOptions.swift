/// How ``ChartRenderer`` compresses PNG images.
///
/// The default, ISA-L's igzip at level 1 with the `up` filter (chosen by measurement on a
/// 1200×675 chart: see the module documentation), deflates about seven times faster than
/// zlib's fastest level for a file about 4% larger; zlib stays available, with its levels and
/// strategies, for the smallest files.
public struct PNGOptions: Hashable, Sendable {
    /// The deflate implementation.
    public enum Deflater: String, Hashable, Sendable, CaseIterable {
        /// Intel ISA-L's igzip, levels 0–3 (higher levels are clamped to 3); ``Strategy`` does
        /// not apply.
        case isal
        /// zlib, levels 0–9, with ``Strategy``.
        case zlib
    }

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

    /// Compression level, 0 (fastest) up to 3 for ISA-L and 9 for zlib (smallest); values
    /// outside are clamped.
    public var level: Int
    /// The row filter.
    public var filter: Filter
    /// The zlib strategy (zlib only).
    public var strategy: Strategy
    /// The deflate implementation.
    public var deflater: Deflater

    /// Creates options; the defaults are the measured best trade-off for charts.
    public init(level: Int = 1, filter: Filter = .up, strategy: Strategy = .default, deflater: Deflater = .isal) {
        self.level = level
        self.filter = filter
        self.strategy = strategy
        self.deflater = deflater
    }
}
