/// Something a chart or an evaluation could not show or decide: a code a program can act on,
/// the objects it is about, and the sentence people read.
///
/// ``description`` is ``message``, the text the command-line tool and the server print.
/// Warnings of ``ChartScene/build(analysis:candles:options:measurer:)`` come from laying out
/// the chart; those of ``Evaluation/evaluate(_:candles:options:)`` from walking the candles
/// (a chart with ``ChartOptions/events`` repeats them, the message prefixed `follow-up: `).
public struct ChartWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of warning it is; compare with the constants (`w.code == .outsideView`).
    public var code: Code
    /// The drawings and levels the warning is about, in the order the message names them;
    /// empty when it is about the chart as a whole.
    public var subjects: [Subject]
    /// The sentence people read, e.g. `horizontal line target at 1.355 is outside the view`.
    public var message: String

    /// Creates a warning.
    public init(_ code: Code, _ message: String, subjects: [Subject] = []) {
        self.code = code
        self.message = message
        self.subjects = subjects
    }

    /// The message.
    public var description: String { message }

    /// The `clientObjectId` of the one object the warning is about; `nil` when it is about
    /// none, several, or a drawing without an id.
    public var clientObjectId: String? { subjects.count == 1 ? subjects[0].clientObjectId : nil }
}

extension ChartWarning {
    /// The kind of a warning, as a string that stays the same across releases.
    public struct Code: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
        ExpressibleByStringLiteral
    {
        /// The code, e.g. `outside_view`.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A code from a literal (`"outside_view"`), for comparisons.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The raw value.
        public var description: String { rawValue }
        /// Orders by raw value.
        public static func < (a: Code, b: Code) -> Bool { a.rawValue < b.rawValue }

        // The chart (ChartScene.build).

        /// A horizontal line or level whose price is above or below the view.
        public static let outsideView: Code = "outside_view"
        /// Drawings or levels too far from the rest to fit; clipped at the edge of the view.
        public static let outOfReach: Code = "out_of_reach"
        /// Drawings wholly outside ``ChartOptions/timeRange``.
        public static let timeRangeLeavesOut: Code = "time_range_leaves_out"
        /// Drawings that ``ChartOptions/timeRange`` cuts.
        public static let timeRangeCuts: Code = "time_range_cuts"
        /// A drawing of a type the engine does not know; not drawn.
        public static let drawingTypeUnknown: Code = "drawing_type_unknown"
        /// A label (a level's name, a Fibonacci ratio, a drawing's link text) with no free place.
        public static let labelLeftOut: Code = "label_left_out"
        /// No candle lies in the chosen view.
        public static let noCandleInView: Code = "no_candle_in_view"
        /// No candle, drawing, level or option gives a time; one day is shown.
        public static let noTime: Code = "no_time"
        /// No candle, drawing, level or option gives a price; 0 to 1 is shown.
        public static let noPrice: Code = "no_price"
        /// The expiry lies after the end of the view.
        public static let expiryAfterView: Code = "expiry_after_view"
        /// A metadata text has a character no pinned font draws (shown as an empty box).
        public static let glyphMissing: Code = "glyph_missing"

        // The expiry (the chart and the evaluation).

        /// An expiry type the engine does not know.
        public static let expiryTypeUnknown: Code = "expiry_type_unknown"
        /// An expiry that ends outside the years 1 to 9999.
        public static let expiryOutOfRange: Code = "expiry_out_of_range"
        /// An expiry with nothing to count from (no candles and no `createdAt`).
        public static let expiryNoStart: Code = "expiry_no_start"

        // The evaluation (Evaluation.evaluate).

        /// Drawings of an unknown type or without a time span; they give no events.
        public static let drawingNotEvaluated: Code = "drawing_not_evaluated"
        /// The analysis has no time to start from; every candle is evaluated.
        public static let noStartTime: Code = "no_start_time"
        /// No candle comes after the start; nothing is evaluated.
        public static let noCandleAfterStart: Code = "no_candle_after_start"
        /// Neither a target nor an invalidation is named; the outcome can only expire.
        public static let noTargetOrStop: Code = "no_target_or_stop"
        /// The direction is not BULLISH or BEARISH; the outcome can only expire.
        public static let noDirection: Code = "no_direction"
    }

    /// A drawing or a level that a warning is about.
    public struct Subject: Hashable, Sendable {
        /// Which object it is.
        public enum Kind: Hashable, Sendable {
            /// The drawing at `index` in ``Analysis/drawings``, of type `type`.
            case drawing(index: Int, type: DrawingType)
            /// The level of that role in ``Analysis/levels``.
            case level(LevelRole)
        }

        /// Which object it is.
        public var kind: Kind
        /// The object's `clientObjectId`; `nil` for a drawing without one.
        public var clientObjectId: String?

        /// Creates a subject.
        public init(_ kind: Kind, clientObjectId: String?) {
            self.kind = kind
            self.clientObjectId = clientObjectId
        }

        /// The drawing at `index`.
        public static func drawing(_ d: Drawing, index: Int) -> Subject {
            Subject(.drawing(index: index, type: d.type), clientObjectId: d.clientObjectId)
        }

        /// The level of `role`.
        public static func level(_ role: LevelRole, _ entry: LevelEntry) -> Subject {
            Subject(.level(role), clientObjectId: entry.clientObjectId)
        }
    }
}

extension ExpiryResolution {
    /// ``problem(_:)`` as a typed warning; `nil` when the expiry is an instant.
    func warning(_ consequence: String) -> ChartWarning? {
        guard let text = problem(consequence) else { return nil }
        switch self {
        case .instant: return nil
        case .noStart: return ChartWarning(.expiryNoStart, text)
        case .unknownType: return ChartWarning(.expiryTypeUnknown, text)
        case .outOfRange: return ChartWarning(.expiryOutOfRange, text)
        }
    }
}

extension ChartWarning.Subject {
    /// How messages name the object: its `clientObjectId`, else `drawing N`.
    var name: String {
        if let clientObjectId { return clientObjectId }
        switch kind {
        case .drawing(let index, _): return "drawing \(index)"
        case .level(let role): return role.rawValue
        }
    }
}

extension ChartWarning {
    /// The subjects' names, comma-separated, as messages list them.
    static func names(_ subjects: [Subject]) -> String { subjects.map(\.name).joined(separator: ", ") }
}
