/// A chart timeframe such as `H1` or `M15`: the nominal length of one bar.
///
/// Accepted spellings (case-insensitive, surrounding spaces ignored), the ones trading
/// platforms and bots write:
/// - MetaTrader style: `M1`, `M5`, `M15`, `M30`, `H1`, `H4`, `D1`, `W1`, `MN1` (also `D`,
///   `W`, `MN`);
/// - exchange style: `1m`, `15m`, `1h`, `4h`, `1d`, `1w`, `1M` (upper-case `M` alone after a
///   number is a month, as ccxt and Binance write it; lower-case `m` is a minute);
/// - TradingView style: a bare number of minutes (`60`, `240`), or `1D`, `1W`, `1M`.
///
/// A month counts as 30.436875 days (the Gregorian mean). The count must be 1 to 1000.
public struct Timeframe: Hashable, Sendable {
    /// The nominal length of one bar in seconds.
    public let seconds: Double

    /// The mean Gregorian month in seconds.
    public static let monthSeconds = 30.436_875 * 86_400

    /// Creates a timeframe of `seconds` per bar; `nil` unless finite and positive.
    public init?(seconds: Double) {
        guard seconds.isFinite, seconds > 0 else { return nil }
        self.seconds = seconds
    }

    /// Parses a timeframe; `nil` when the text is not one of the spellings above.
    public init?(_ text: String) {
        let s = Array(text.utf8).filter { $0 != UInt8(ascii: " ") }
        guard !s.isEmpty, s.count <= 8 else { return nil }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let digits = s.prefix(while: isDigit)
        let letters = s.dropFirst(digits.count)
        let trailing = letters.drop(while: { !isDigit($0) })
        let unitBytes = letters.prefix(letters.count - trailing.count)
        // A count either before the unit (15m) or after it (M15), never both.
        guard trailing.allSatisfy(isDigit), digits.isEmpty || trailing.isEmpty else { return nil }
        let countBytes = digits.isEmpty ? trailing : digits
        var count = 1
        if !countBytes.isEmpty {
            guard countBytes.count <= 4 else { return nil }
            count = countBytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        guard (1...1000).contains(count) else { return nil }
        let unit = String(decoding: unitBytes, as: UTF8.self)
        let unitSeconds: Double
        switch unit {
        case "": unitSeconds = 60  // TradingView: a bare number of minutes
        case "m": unitSeconds = 60
        case "M": unitSeconds = digits.isEmpty ? 60 : Self.monthSeconds  // M15 minutes; 1M a month
        case "MN", "Mn", "mn", "mo", "MO", "Mo": unitSeconds = Self.monthSeconds
        case "s", "S": unitSeconds = 1
        case "h", "H": unitSeconds = 3600
        case "d", "D": unitSeconds = 86_400
        case "w", "W": unitSeconds = 7 * 86_400
        default: return nil
        }
        self.seconds = Double(count) * unitSeconds
    }
}
