/// A chart analysis as a request body carries it: who posts it, the trade idea, its levels
/// and its drawings.
///
/// Every section is optional because the same value holds a complete create body, a partial
/// update and an append; validation (ChartDrawWire) says which sections each endpoint needs.
public struct Analysis: Hashable, Sendable {
    /// The e-mail or username of the posting user.
    public var sender: String?
    /// Direction, entry placement, expiry and texts.
    public var metadata: AnalysisMetadata?
    /// Pivot, support and resistance.
    public var levels: Levels?
    /// The drawings, in paint order.
    public var drawings: [Drawing]?
    /// A key that makes a create request safe to retry.
    public var idempotencyKey: String?
    /// Top-level members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates an analysis.
    public init(
        sender: String? = nil, metadata: AnalysisMetadata? = nil, levels: Levels? = nil,
        drawings: [Drawing]? = nil, idempotencyKey: String? = nil, unknownFields: UnknownFields = .init()
    ) {
        self.sender = sender
        self.metadata = metadata
        self.levels = levels
        self.drawings = drawings
        self.idempotencyKey = idempotencyKey
        self.unknownFields = unknownFields
    }

    /// Every client object id of the levels and drawings, in body order.
    public var clientObjectIds: [String] {
        var ids: [String] = []
        if let levels {
            for entry in [levels.pivot, levels.resistance, levels.support] {
                if let entry { ids.append(entry.clientObjectId) }
            }
        }
        for d in drawings ?? [] {
            if let id = d.clientObjectId { ids.append(id) }
        }
        return ids
    }
}

/// The trade idea around the drawings: direction, entry placement, expiry and texts.
public struct AnalysisMetadata: Hashable, Sendable {
    /// BULLISH or BEARISH.
    public var direction: Direction?
    /// ABOVE_CURRENT or BELOW_CURRENT.
    public var entryPlacement: EntryPlacement?
    /// How long the idea holds.
    public var expiry: Expiry?
    /// The headline.
    public var title: String?
    /// The preferred scenario; may link to objects with `[[clientObjectId:text]]`.
    public var preferenceText: String?
    /// The alternative scenario.
    public var alternativeText: String?
    /// Free comments.
    public var comments: String?
    /// The chart timeframe, e.g. `H1`.
    public var timeframe: String?
    /// The instrument, e.g. `GBP/USD`.
    public var symbol: String?
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates metadata.
    public init(
        direction: Direction? = nil, entryPlacement: EntryPlacement? = nil, expiry: Expiry? = nil,
        title: String? = nil, preferenceText: String? = nil, alternativeText: String? = nil,
        comments: String? = nil, timeframe: String? = nil, symbol: String? = nil,
        unknownFields: UnknownFields = .init()
    ) {
        self.direction = direction
        self.entryPlacement = entryPlacement
        self.expiry = expiry
        self.title = title
        self.preferenceText = preferenceText
        self.alternativeText = alternativeText
        self.comments = comments
        self.timeframe = timeframe
        self.symbol = symbol
        self.unknownFields = unknownFields
    }

    /// The analysis type derived from direction and entry placement, when both are known.
    public var analysisType: AnalysisType? {
        guard let direction, let entryPlacement else { return nil }
        return AnalysisType(direction: direction, entryPlacement: entryPlacement)
    }
}

/// How long an analysis holds: `{"type": "HOURS", "hours": 24}`.
public struct Expiry: Hashable, Sendable {
    /// The unit; only HOURS is documented.
    public var type: ExpiryType
    /// The number of hours.
    public var hours: Int64
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates an expiry.
    public init(type: ExpiryType = .hours, hours: Int64, unknownFields: UnknownFields = .init()) {
        self.type = type
        self.hours = hours
        self.unknownFields = unknownFields
    }

    /// The instant the analysis expires when it starts at `start`; `nil` for an unknown unit
    /// or an instant past year 9999.
    public func instant(from start: Timestamp) -> Timestamp? {
        guard type == .hours else { return nil }
        return start.adding(hours: hours)
    }

    /// The expiry instant counted from `start` (the analysis' creation, else a stand-in the
    /// caller chooses), or why there is none. The chart's expiry marker and the follow-up
    /// evaluation both place the expiry with it.
    public func resolve(from start: Timestamp?) -> ExpiryResolution {
        guard let start else { return .noStart }
        guard let instant = instant(from: start) else {
            return type == .hours ? .outOfRange(hours: hours) : .unknownType(type.rawValue)
        }
        let limit = Double(Timestamp.minSeconds)...Double(Timestamp.maxSeconds)
        guard hours.magnitude <= 100_000_000, limit.contains(instant.secondsSinceEpoch) else {
            return .outOfRange(hours: hours)
        }
        return .instant(instant)
    }
}

/// Where an expiry ends: an instant, or why it cannot be placed.
public enum ExpiryResolution: Hashable, Sendable {
    /// The expiry instant.
    case instant(Timestamp)
    /// No start to count from (no candles and no creation time).
    case noStart
    /// The unit is not HOURS.
    case unknownType(String)
    /// The instant falls outside years 1 to 9999.
    case outOfRange(hours: Int64)

    /// The instant, when there is one.
    public var instant: Timestamp? {
        if case .instant(let t) = self { return t }
        return nil
    }

    /// Why there is no instant, followed by `consequence` (e.g. "no expiry drawn"); `nil`
    /// when there is one.
    public func problem(_ consequence: String) -> String? {
        switch self {
        case .instant: return nil
        case .noStart: return "the expiry has no start (no candles and no createdAt); \(consequence)"
        case .unknownType(let t): return "expiry type \(t) is unknown; \(consequence)"
        case .outOfRange(let h): return "the expiry of \(h) hours ends outside the years 1 to 9999; \(consequence)"
        }
    }
}

/// The three key prices of an analysis; each is optional.
public struct Levels: Hashable, Sendable {
    /// The pivot.
    public var pivot: LevelEntry?
    /// The resistance (above the pivot).
    public var resistance: LevelEntry?
    /// The support (below the pivot).
    public var support: LevelEntry?
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates levels.
    public init(
        pivot: LevelEntry? = nil, resistance: LevelEntry? = nil, support: LevelEntry? = nil,
        unknownFields: UnknownFields = .init()
    ) {
        self.pivot = pivot
        self.resistance = resistance
        self.support = support
        self.unknownFields = unknownFields
    }

    /// The levels that are present, from lowest role to highest: support, pivot, resistance.
    public var ordered: [(role: LevelRole, entry: LevelEntry)] {
        var out: [(LevelRole, LevelEntry)] = []
        if let support { out.append((.support, support)) }
        if let pivot { out.append((.pivot, pivot)) }
        if let resistance { out.append((.resistance, resistance)) }
        return out
    }
}

/// The role of a level.
public enum LevelRole: String, Hashable, Sendable, CaseIterable {
    case support, pivot, resistance

    /// "Support", "Pivot" or "Resistance".
    public var label: String {
        switch self {
        case .support: return "Support"
        case .pivot: return "Pivot"
        case .resistance: return "Resistance"
        }
    }
}

/// One level: a price, the object id that names it and a time.
public struct LevelEntry: Hashable, Sendable {
    /// The price.
    public var price: Double
    /// The id that links and drawings refer to.
    public var clientObjectId: String
    /// When the level was identified.
    public var time: Timestamp
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a level.
    public init(price: Double, clientObjectId: String, time: Timestamp, unknownFields: UnknownFields = .init()) {
        self.price = price
        self.clientObjectId = clientObjectId
        self.time = time
        self.unknownFields = unknownFields
    }
}
