// The API's enumerations are open: a value the engine does not know is kept as sent (a real
// server may accept it), and validation reports it as an error or warning by policy.

/// The direction of an analysis: `BULLISH` or `BEARISH`.
public struct Direction: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Price is expected to rise.
    public static let bullish = Direction(rawValue: "BULLISH")
    /// Price is expected to fall.
    public static let bearish = Direction(rawValue: "BEARISH")
    /// The documented values.
    public static let known: [Direction] = [.bullish, .bearish]
}

/// Where the entry sits relative to the current price: `ABOVE_CURRENT` or `BELOW_CURRENT`.
public struct EntryPlacement: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Entry above the current price.
    public static let aboveCurrent = EntryPlacement(rawValue: "ABOVE_CURRENT")
    /// Entry below the current price.
    public static let belowCurrent = EntryPlacement(rawValue: "BELOW_CURRENT")
    /// The documented values.
    public static let known: [EntryPlacement] = [.aboveCurrent, .belowCurrent]
}

/// The analysis type the server derives from direction and entry placement.
public enum AnalysisType: String, Hashable, Sendable, CaseIterable {
    /// BULLISH + ABOVE_CURRENT.
    case bullishBreakout = "bullish_breakout"
    /// BULLISH + BELOW_CURRENT.
    case bullishBounce = "bullish_bounce"
    /// BEARISH + ABOVE_CURRENT.
    case bearishBounce = "bearish_bounce"
    /// BEARISH + BELOW_CURRENT.
    case bearishBreakout = "bearish_breakout"

    /// The type for a direction and entry placement; `nil` when either is not a documented value.
    public init?(direction: Direction, entryPlacement: EntryPlacement) {
        switch (direction, entryPlacement) {
        case (.bullish, .aboveCurrent): self = .bullishBreakout
        case (.bullish, .belowCurrent): self = .bullishBounce
        case (.bearish, .aboveCurrent): self = .bearishBounce
        case (.bearish, .belowCurrent): self = .bearishBreakout
        default: return nil
        }
    }

    /// Whether the idea is bullish.
    public var isBullish: Bool { self == .bullishBreakout || self == .bullishBounce }

    /// A short human label, e.g. "Bullish breakout".
    public var label: String {
        switch self {
        case .bullishBreakout: return "Bullish breakout"
        case .bullishBounce: return "Bullish bounce"
        case .bearishBounce: return "Bearish bounce"
        case .bearishBreakout: return "Bearish breakout"
        }
    }
}

/// The unit of an expiry. Only `HOURS` is documented.
public struct ExpiryType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A whole number of hours.
    public static let hours = ExpiryType(rawValue: "HOURS")
}

/// How a line is stroked: `SOLID`, `DASHED` (documented) or `DOTTED` (an engine decision).
public struct LineStyle: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A continuous line.
    public static let solid = LineStyle(rawValue: "SOLID")
    /// Dashes.
    public static let dashed = LineStyle(rawValue: "DASHED")
    /// Dots (not in the API's examples; see docs/wire-format.md).
    public static let dotted = LineStyle(rawValue: "DOTTED")
    /// The values the engine knows.
    public static let known: [LineStyle] = [.solid, .dashed, .dotted]
}

/// The end of a line: `NONE` or `ARROW`.
public struct LineHead: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A plain end.
    public static let none = LineHead(rawValue: "NONE")
    /// An arrow head.
    public static let arrow = LineHead(rawValue: "ARROW")
    /// The documented values.
    public static let known: [LineHead] = [.none, .arrow]
}

/// The `type` of a drawing.
public struct DrawingType: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// One price across the chart (1 point).
    public static let horizontalLine = DrawingType(rawValue: "HORIZONTAL_LINE")
    /// A segment between 2 points, with optional arrow heads.
    public static let line = DrawingType(rawValue: "LINE")
    /// A box between 2 corner points.
    public static let rectangle = DrawingType(rawValue: "RECTANGLE")
    /// A parallel channel from 3 points.
    public static let parallel = DrawingType(rawValue: "PARALLEL")
    /// A Fibonacci retracement between 2 points.
    public static let fibonacciRetracement = DrawingType(rawValue: "FIBONACCI_RETRACEMENT")
    /// The types the engine models.
    public static let known: [DrawingType] = [.horizontalLine, .line, .rectangle, .parallel, .fibonacciRetracement]

    /// How many points this type takes; `nil` for an unknown type.
    public var pointCount: Int? {
        switch self {
        case .horizontalLine: return 1
        case .line, .rectangle, .fibonacciRetracement: return 2
        case .parallel: return 3
        default: return nil
        }
    }
}
