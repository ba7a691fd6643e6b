/// The limits validation applies where the API documents none (engine decisions, listed in
/// `docs/wire-format.md`). Going past a limit is an error under the strict policy and a
/// warning under the lenient one.
public enum WireLimits {
    /// Most drawings in one body.
    public static let maxDrawings = 1000
    /// Longest title, in Unicode scalars.
    public static let maxTitle = 200
    /// Longest preferenceText, alternativeText or comments, in Unicode scalars.
    public static let maxLongText = 5000
    /// Longest sender.
    public static let maxSender = 320
    /// Longest timeframe.
    public static let maxTimeframe = 16
    /// Longest symbol.
    public static let maxSymbol = 32
    /// Longest clientObjectId.
    public static let maxClientObjectId = 64
    /// Longest idempotencyKey.
    public static let maxIdempotencyKey = 128
    /// Line widths allowed (whole numbers).
    public static let lineWidths: ClosedRange<Double> = 1...10
    /// Expiry hours allowed (whole numbers).
    public static let expiryHours: ClosedRange<Int64> = 1...1_000_000
    /// Expiry hours above which a warning says the expiry looks too long (one year).
    public static let expiryHoursWarning: Int64 = 8760
    /// Fibonacci ratios allowed.
    public static let fibonacciRatios: ClosedRange<Double> = -1...5
    /// Most Fibonacci levels in one drawing.
    public static let maxFibonacciLevels = 32
    /// A drawing price beyond this factor of the levels' range (above the highest level
    /// times the factor, or below the lowest divided by it) gets a warning.
    public static let farFromLevelsFactor = 2.0
    /// A channel whose third point is within this fraction of the prices of the base line
    /// counts as having zero height.
    public static let channelRelativeTolerance = 1e-9
}
