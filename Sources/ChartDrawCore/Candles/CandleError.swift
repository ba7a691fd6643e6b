/// Why candles were rejected: where (a CSV line and/or a candle index) and what to do.
public struct CandleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line of the CSV input, when the candles came from one.
    public var line: Int?
    /// The 0-based index of the candle in the series, when one candle is at fault.
    public var index: Int?
    /// The JSON pointer of the offending value, when the candles came from JSON
    /// (`/candles/3/open`).
    public var path: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(line: Int? = nil, index: Int? = nil, path: String? = nil, message: String) {
        self.line = line
        self.index = index
        self.path = path
        self.message = message
    }

    /// `line 7: …`, `line 7, /3/open: …`, `candle 3: …` or the bare message.
    public var description: String {
        if let line, let path { return "line \(line), \(path.isEmpty ? "/" : path): \(message)" }
        if let line { return "line \(line): \(message)" }
        if let index { return "candle \(index): \(message)" }
        return message
    }
}

/// Something odd about candles that does not stop them from being drawn.
public struct CandleWarning: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of oddity.
    public enum Kind: Hashable, Sendable {
        /// More than one interval passed between a candle and the one before it (e.g. a
        /// weekend or missing data); `seconds` is the length of the gap.
        case gap(seconds: Double)
    }

    /// What is odd.
    public var kind: Kind
    /// The 0-based index of the candle the warning concerns (for a gap, the one after it).
    public var index: Int

    /// Creates a warning.
    public init(kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
    }

    /// A sentence for people.
    public var description: String {
        switch kind {
        case .gap(let seconds):
            return "candle \(index): \(formatSeconds(seconds)) after the previous candle (a gap in the data)"
        }
    }
}

/// `90 s`, `2 h`, `1.5 h`, `3 d`: a short duration for messages.
func formatSeconds(_ s: Double) -> String {
    func short(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return String(r)
    }
    if s < 120 { return "\(short(s)) s" }
    if s < 7200 { return "\(short(s / 60)) min" }
    if s < 172_800 { return "\(short(s / 3600)) h" }
    return "\(short(s / 86_400)) d"
}
