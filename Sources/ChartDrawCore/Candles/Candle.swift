/// One price bar: open, high, low and close over an interval that starts at `time`.
public struct Candle: Hashable, Sendable {
    /// The start of the bar's interval.
    public var time: Timestamp
    /// The first price.
    public var open: Double
    /// The highest price.
    public var high: Double
    /// The lowest price.
    public var low: Double
    /// The last price.
    public var close: Double
    /// The traded volume, when known.
    public var volume: Double?

    /// Creates a candle (not validated; ``CandleSeries/init(validating:)`` checks it).
    @inlinable
    public init(time: Timestamp, open: Double, high: Double, low: Double, close: Double, volume: Double? = nil) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// Whether the bar rose or stayed flat (`close >= open`).
    @inlinable public var isUp: Bool { close >= open }

    /// Whether the bar closed where it opened.
    @inlinable public var isDoji: Bool { open == close }

    /// The time in seconds since the epoch, the x of geometry.
    @inlinable public var t: Double { time.secondsSinceEpoch }
}
