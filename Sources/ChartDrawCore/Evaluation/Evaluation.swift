/// What price did to an analysis' drawings after it was posted, and whether the idea worked.
///
/// ``evaluate(_:candles:options:)`` walks the candles after the analysis once, in time order,
/// and reports every event of every level and drawing (touches, crosses, zone entries and
/// exits, channel breaks, Fibonacci levels reached, the expiry) and the outcome of the idea:
/// target hit, invalidated, expired or still open.
///
/// Geometry is in bar space (`BarTimeScale`): a line's price at bar k is interpolated
/// between its points' bar positions, so a line crosses a candle where the chart shows it
/// crossing, also across weekends and session breaks. The rules are written down in
/// `docs/evaluation.md`.
public struct Evaluation: Hashable, Sendable {
    /// The events in time order; within one bar: the expiry, then the levels (pivot,
    /// resistance, support) and drawings in body order, then the entry.
    public var events: [EvaluationEvent]
    /// Target hit, invalidated, expired or open.
    public var outcome: EvaluationOutcome
    /// Which objects play the target, invalidation and entry roles.
    public var roles: EvaluationRoles
    /// The index of the first candle evaluated (`candles.count` when none is after the start).
    public var firstBar: Int
    /// The start: candles after it (at or after it when given as ``EvaluationOptions/from``)
    /// are evaluated.
    public var start: Timestamp?
    /// When the idea expires, if it has an expiry.
    public var expiry: Timestamp?
    /// Notes for the caller (no candle after the start, an expiry that cannot be placed, ...).
    public var warnings: [ChartWarning]

    /// Creates a result.
    public init(
        events: [EvaluationEvent], outcome: EvaluationOutcome, roles: EvaluationRoles, firstBar: Int,
        start: Timestamp?, expiry: Timestamp?, warnings: [ChartWarning]
    ) {
        self.events = events
        self.outcome = outcome
        self.roles = roles
        self.firstBar = firstBar
        self.start = start
        self.expiry = expiry
        self.warnings = warnings
    }
}

/// How events trigger: on the bar's close or anywhere within its range (its wicks).
public enum EvaluationTrigger: String, Hashable, Sendable, CaseIterable {
    /// The close decides.
    case close
    /// The high or low decides (intrabar).
    case wick
}

/// The choices of an evaluation.
public struct EvaluationOptions: Hashable, Sendable {
    /// The start: the first candle at or after it is evaluated. Default: the first candle
    /// after the analysis' last point or level time (``Evaluation/defaultStart(of:)``).
    public var from: Timestamp?
    /// When the analysis was posted: the expiry counts from it. Default: the start.
    public var createdAt: Timestamp?
    /// Whether lines and channels go on beyond their right-most point.
    public var extendRight: Bool
    /// What triggers crosses, zone exits, channel breaks and the invalidation (default close).
    public var crossTrigger: EvaluationTrigger
    /// What triggers touches, zone entries, Fibonacci levels and the target (default wick).
    public var touchTrigger: EvaluationTrigger

    /// Creates options; the defaults are the documented ones.
    public init(
        from: Timestamp? = nil, createdAt: Timestamp? = nil, extendRight: Bool = false,
        crossTrigger: EvaluationTrigger = .close, touchTrigger: EvaluationTrigger = .wick
    ) {
        self.from = from
        self.createdAt = createdAt
        self.extendRight = extendRight
        self.crossTrigger = crossTrigger
        self.touchTrigger = touchTrigger
    }
}

/// What happened at one bar to one object.
public enum EvaluationEventKind: String, Hashable, Sendable, CaseIterable {
    /// A level, horizontal line or line was reached (a new contact).
    case touch
    /// A close above a level or line that price was below.
    case crossUp = "cross_up"
    /// A close below a level or line that price was above.
    case crossDown = "cross_down"
    /// Price came into a rectangle or channel from outside.
    case enter
    /// Price left a rectangle through its top.
    case exitUp = "exit_up"
    /// Price left a rectangle through its bottom.
    case exitDown = "exit_down"
    /// The rectangle's time span ended with price inside it.
    case exitTime = "exit_time"
    /// Price left a channel through its upper line.
    case breakUp = "break_up"
    /// Price left a channel through its lower line.
    case breakDown = "break_down"
    /// The channel's upper line was reached (a new contact).
    case touchUpper = "touch_upper"
    /// The channel's lower line was reached (a new contact).
    case touchLower = "touch_lower"
    /// A Fibonacci ratio was reached for the first time (the event carries the ratio).
    case levelReached = "level_reached"
    /// For breakout types: the entry object was crossed in the analysis' direction (first time).
    case entry
    /// The expiry instant passed (the first bar at or after it).
    case expired
}

/// One event: when, at which candle, on which object, of which kind and at which price.
public struct EvaluationEvent: Hashable, Sendable {
    /// The candle's time.
    public var time: Timestamp
    /// The candle's index in the series.
    public var bar: Int
    /// The level or drawing; `nil` for ``EvaluationEventKind/expired``.
    public var objectId: String?
    /// What happened.
    public var kind: EvaluationEventKind
    /// The object's price at the bar (the edge crossed or reached); the close for
    /// `exit_time` and `expired`.
    public var price: Double
    /// The Fibonacci ratio, for `level_reached`.
    public var ratio: Double?

    /// Creates an event.
    public init(
        time: Timestamp, bar: Int, objectId: String?, kind: EvaluationEventKind, price: Double, ratio: Double? = nil
    ) {
        self.time = time
        self.bar = bar
        self.objectId = objectId
        self.kind = kind
        self.price = price
        self.ratio = ratio
    }
}

/// The verdict on the idea.
public enum EvaluationStatus: String, Hashable, Sendable, CaseIterable {
    /// Price reached the target first.
    case targetHit = "target_hit"
    /// Price broke the invalidation first (or at the same bar as the target).
    case invalidated
    /// The expiry came first.
    case expired
    /// Nothing decided yet.
    case open
}

/// The outcome and the bar that decided it.
public struct EvaluationOutcome: Hashable, Sendable {
    /// The verdict.
    public var status: EvaluationStatus
    /// The deciding candle's time (`nil` while open).
    public var time: Timestamp?
    /// The deciding candle's index (`nil` while open).
    public var bar: Int?
    /// The target's price at the deciding bar, or at the last bar it was defined.
    public var targetPrice: Double?
    /// The invalidation's price at the deciding bar, or at the last bar it was defined.
    public var stopPrice: Double?

    /// Creates an outcome.
    public init(
        status: EvaluationStatus, time: Timestamp? = nil, bar: Int? = nil, targetPrice: Double? = nil,
        stopPrice: Double? = nil
    ) {
        self.status = status
        self.time = time
        self.bar = bar
        self.targetPrice = targetPrice
        self.stopPrice = stopPrice
    }
}

/// The objects that decide the outcome, by client object id.
public struct EvaluationRoles: Hashable, Sendable {
    /// Reached first: target hit.
    public var target: String?
    /// Broken first: invalidated.
    public var stop: String?
    /// For breakout types: crossed in the analysis' direction, an `entry` event.
    public var entry: String?

    /// Creates roles.
    public init(target: String? = nil, stop: String? = nil, entry: String? = nil) {
        self.target = target
        self.stop = stop
        self.entry = entry
    }
}
