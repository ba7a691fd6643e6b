/// The stable issue codes (see `docs/validation-codes.md`). JSON syntax codes are the raw
/// values of ``JSONSyntaxError/Kind``.
public struct IssueCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as written in reports, e.g. `price_not_positive`.
    public var rawValue: String
    /// Creates a code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A code from a literal (`"required"`), for comparisons.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The raw value, so that `\(code)` reads as before.
    public var description: String { rawValue }
    /// Orders by raw value.
    public static func < (a: IssueCode, b: IssueCode) -> Bool { a.rawValue < b.rawValue }

    /// A required member is missing, or null.
    public static let required: IssueCode = "required"
    /// A member has the wrong JSON type.
    public static let type: IssueCode = "type"
    /// A null where a value is optional: omit the member instead.
    public static let nullValue: IssueCode = "null_value"
    /// A member the engine does not know.
    public static let unknownField: IssueCode = "unknown_field"
    /// A known member where it does not apply (a drawing type, an endpoint).
    public static let notApplicable: IssueCode = "not_applicable"
    /// A metadata member the update endpoint does not document as updatable.
    public static let notUpdatable: IssueCode = "not_updatable"
    /// A value outside an enumeration the engine knows.
    public static let enumUnknown: IssueCode = "enum_unknown"
    /// A drawing type the engine does not know.
    public static let drawingTypeUnknown: IssueCode = "drawing_type_unknown"
    /// A drawing with the wrong number of points for its type.
    public static let pointCount: IssueCode = "point_count"
    /// A price that is NaN or infinite.
    public static let priceNotFinite: IssueCode = "price_not_finite"
    /// A price of zero or below.
    public static let priceNotPositive: IssueCode = "price_not_positive"
    /// A positive price outside `ChartDrawCore/PriceLimits/range` (1e-10 to 1e15).
    public static let priceOutOfRange: IssueCode = "price_out_of_range"
    /// A time that is not ISO-8601 UTC (`YYYY-MM-DDTHH:MM:SS[.fff]Z`) or not a real date.
    public static let timeFormat: IssueCode = "time_format"
    /// A time with a UTC offset (`+02:00`) instead of `Z`: accepted as the instant it names,
    /// written with `Z` by the canonical encoder (warning).
    public static let timeNotUTC: IssueCode = "time_not_utc"
    /// A colour that is not `#RRGGBB` or `#RRGGBBAA`.
    public static let colorFormat: IssueCode = "color_format"
    /// A line width outside 1 to 10.
    public static let lineWidthRange: IssueCode = "line_width_range"
    /// A line width with a fraction.
    public static let lineWidthFraction: IssueCode = "line_width_fraction"
    /// Expiry hours not a whole number in range.
    public static let expiryHours: IssueCode = "expiry_hours"
    /// Expiry longer than a year (warning).
    public static let expiryLong: IssueCode = "expiry_long"
    /// A Fibonacci ratio that is not finite or outside the allowed range.
    public static let fibonacciRatio: IssueCode = "fibonacci_ratio"
    /// The same Fibonacci ratio twice.
    public static let fibonacciDuplicate: IssueCode = "fibonacci_duplicate"
    /// Fibonacci ratios not in ascending order.
    public static let fibonacciOrder: IssueCode = "fibonacci_order"
    /// An empty or too long list of Fibonacci ratios.
    public static let fibonacciCount: IssueCode = "fibonacci_count"
    /// An empty clientObjectId.
    public static let idEmpty: IssueCode = "id_empty"
    /// A clientObjectId with characters a link cannot name, or too long.
    public static let idMalformed: IssueCode = "id_malformed"
    /// A clientObjectId used twice.
    public static let idDuplicate: IssueCode = "id_duplicate"
    /// A `[[` that does not open a well-formed `[[id:text]]` link.
    public static let linkMalformed: IssueCode = "link_malformed"
    /// A link naming no clientObjectId of the analysis.
    public static let linkUnknownId: IssueCode = "link_unknown_id"
    /// Levels out of order (support < pivot < resistance).
    public static let levelOrder: IssueCode = "level_order"
    /// A LINE whose two points are equal.
    public static let degenerateLine: IssueCode = "degenerate_line"
    /// A RECTANGLE of zero width or height.
    public static let degenerateRectangle: IssueCode = "degenerate_rectangle"
    /// A PARALLEL channel of zero height.
    public static let degenerateChannel: IssueCode = "degenerate_channel"
    /// A FIBONACCI_RETRACEMENT of zero height.
    public static let degenerateFibonacci: IssueCode = "degenerate_fibonacci"
    /// An empty required text.
    public static let textEmpty: IssueCode = "text_empty"
    /// A text longer than the engine's limit.
    public static let textTooLong: IssueCode = "text_too_long"
    /// More drawings than the engine's limit.
    public static let tooManyDrawings: IssueCode = "too_many_drawings"
    /// An update body with nothing to update.
    public static let updateEmpty: IssueCode = "update_empty"
    /// An append body with no drawings.
    public static let appendEmpty: IssueCode = "append_empty"
    /// A drawing price far outside the levels' range (warning).
    public static let priceFarFromLevels: IssueCode = "price_far_from_levels"
    /// A drawn text (symbol, timeframe, title, a link's display text) has a character that no
    /// pinned font draws: the preview shows an empty box there (warning).
    public static let glyphMissing: IssueCode = "glyph_missing"
    /// A UTF-8 byte order mark before the body.
    public static let byteOrderMark: IssueCode = "json_bom"
    /// The top-level value is not an object.
    public static let notAnObject: IssueCode = "not_an_object"
}
