/// The resource limits of the engine, in one place: how large and how deep an input may be
/// and how large an image may get.
///
/// Every reader and writer of the engine applies ``standard``: the body decoder and validator
/// (``maxBodyBytes``, ``maxNestingDepth``, ``maxMembersPerContainer``, ``maxStringBytes``),
/// file reading (``maxBodyBytes`` for analyses, ``maxCandleFileBytes`` for candles), candle
/// parsing (``maxCandleFileBytes``, ``maxCandles``) and the renderer (``maxImageSide``,
/// ``maxImagePixels``). A program that accepts input for the engine (a server answering 413,
/// a queue that drops oversized messages) can refuse early with the same numbers:
///
/// ```swift
/// if body.count > ResourceLimits.standard.maxBodyBytes { /* 413 Payload Too Large */ }
/// ```
///
/// Going past a limit is never a crash: the validator reports an issue
/// (`body_too_large`, `json_too_deep`, `json_too_many_members`, `json_string_too_long`),
/// file reading fails with a one-line error (the command-line tool exits 66), candle parsing
/// throws a ``CandleError`` and scene building a ``SceneError``. The limits are documented in
/// `docs/wire-format.md` (section "Resource limits") and printed by `chartdraw --help`.
public struct ResourceLimits: Hashable, Sendable {
    /// Largest request body, in bytes (16 MiB). Bodies the API accepts are a few kilobytes;
    /// this leaves room for 1000 drawings with long texts and still bounds memory.
    public let maxBodyBytes: Int
    /// Largest candle file (CSV or JSON), in bytes (64 MiB).
    public let maxCandleFileBytes: Int
    /// Most candles in one series (1,000,000).
    public let maxCandles: Int
    /// Deepest nesting of JSON arrays and objects (256 levels; a body needs 5).
    public let maxNestingDepth: Int
    /// Most members of one JSON object, or elements of one array (100,000).
    public let maxMembersPerContainer: Int
    /// Longest JSON string (a key or a value), in UTF-8 bytes (1 MiB).
    public let maxStringBytes: Int
    /// Largest image width or height, in device pixels.
    public let maxImageSide: Int
    /// Largest image, in device pixels (width × height; about 160 MB of RGBA).
    public let maxImagePixels: Int

    /// The limits the engine applies.
    public static let standard = ResourceLimits(
        maxBodyBytes: 16 << 20, maxCandleFileBytes: 64 << 20, maxCandles: 1_000_000, maxNestingDepth: 256,
        maxMembersPerContainer: 100_000, maxStringBytes: 1 << 20, maxImageSide: 8192, maxImagePixels: 40_000_000)

    private init(
        maxBodyBytes: Int, maxCandleFileBytes: Int, maxCandles: Int, maxNestingDepth: Int,
        maxMembersPerContainer: Int, maxStringBytes: Int, maxImageSide: Int, maxImagePixels: Int
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxCandleFileBytes = maxCandleFileBytes
        self.maxCandles = maxCandles
        self.maxNestingDepth = maxNestingDepth
        self.maxMembersPerContainer = maxMembersPerContainer
        self.maxStringBytes = maxStringBytes
        self.maxImageSide = maxImageSide
        self.maxImagePixels = maxImagePixels
    }

    /// The limits as a few lines of text for `--help` and error messages.
    public var summary: String {
        """
        Limits:
          request body       \(maxBodyBytes) bytes (\(maxBodyBytes >> 20) MiB)
          candle file        \(maxCandleFileBytes) bytes (\(maxCandleFileBytes >> 20) MiB), \(maxCandles) candles
          JSON nesting       \(maxNestingDepth) levels
          object or array    \(maxMembersPerContainer) members
          JSON string        \(maxStringBytes) bytes
          image              \(maxImageSide) device pixels a side, \(maxImagePixels) in all
          prices             \(PriceLimits.rangeText)
        """
    }
}

/// The prices the engine accepts and draws: positive and within ``range``.
///
/// A price outside it is refused by validation (`price_out_of_range`) and by scene building
/// (an explicit price range outside it): a chart of prices near 1e308 would need labels
/// hundreds of digits long, and prices near 1e-320 are below what a double resolves on a
/// price axis. Every traded instrument lies well inside.
public enum PriceLimits {
    /// The accepted magnitudes: 1e-10 to 1e15.
    public static let range: ClosedRange<Double> = 1e-10...1e15
    /// The smallest relative price span a chart shows (`span / magnitude`); a narrower span
    /// is widened as if all prices were equal.
    public static let minimumRelativeSpan = 1e-9

    /// The range for messages: `1e-10 to 1e15`.
    public static var rangeText: String { power(range.lowerBound) + " to " + power(range.upperBound) }

    /// `1e15` for a power of ten, else the shortest form.
    private static func power(_ v: Double) -> String {
        let e = PriceFormat.decimalExponent(v)
        return PriceFormat.powerOfTen(e) == v ? "1e\(e)" : "\(v)"
    }
}
