import ChartDrawCore

// The members of every wire object the engine models, declared once: the decoder matches keys
// against them, the checkers take their names, requirements and "did you mean" lists from them,
// and the canonical encoder writes them in their declared order. Adding a member to a drawing
// type is adding its case here (in documented order), its rule in the checker and its test.
// The key orders are listed for users in `docs/wire-format.md`.

/// The members of one wire object. Each case's raw value is its key; the cases are declared in
/// the documented (canonical) order.
protocol WireObject: RawRepresentable<String>, CaseIterable, Sendable where AllCases == [Self] {
    /// The members and their keys' UTF-8, by position (each conformer builds it once:
    /// `static let table = WireTable<Self>()`).
    static var table: WireTable<Self> { get }
}

/// The members of a ``WireObject`` in declared order, and their keys as UTF-8.
struct WireTable<M: WireObject>: Sendable {
    let members: [M]
    let bytes: [[UInt8]]

    init() {
        members = M.allCases
        bytes = members.map { Array($0.rawValue.utf8) }
    }
}

extension WireObject {
    /// The key as sent.
    var key: String { rawValue }

    /// Every key, in declared order.
    static var keys: [String] { table.members.map(\.rawValue) }

    /// The member named `key`, if the object has one.
    init?(key: String) { self.init(rawValue: key) }
}

/// A set of members of one object already read (duplicate keys are noted against it).
struct MemberSet {
    private var bits: UInt32 = 0

    /// Adds the member at `position` of its object's declaration; false when it was already in.
    @inline(__always)
    mutating func insert(position: Int) -> Bool {
        let bit: UInt32 = 1 << UInt32(position)
        defer { bits |= bit }
        return bits & bit == 0
    }
}

/// The top level of a create, update or append body.
enum RootMember: String, WireObject {
    case sender, metadata, levels, drawings, idempotencyKey
    static let table = WireTable<Self>()

    /// The canonical key order of each endpoint's body.
    static func order(_ endpoint: Endpoint) -> [RootMember] {
        switch endpoint {
        case .create: return createOrder
        case .update: return updateOrder
        case .append: return appendOrder
        }
    }

    private static let createOrder: [RootMember] = [.sender, .metadata, .levels, .drawings, .idempotencyKey]
    private static let updateOrder: [RootMember] = [.metadata, .levels, .drawings, .sender, .idempotencyKey]
    private static let appendOrder: [RootMember] = [.sender, .drawings, .metadata, .levels, .idempotencyKey]

    /// Whether the member belongs in an append body (only sender and drawings do).
    var belongsInAppend: Bool { self == .sender || self == .drawings }

    /// The members an endpoint's body must have.
    static func required(_ endpoint: Endpoint) -> [RootMember] {
        switch endpoint {
        case .create: return [.sender, .metadata, .levels, .drawings]
        case .append: return [.drawings]
        case .update: return []
        }
    }
}

/// `metadata`.
enum MetadataMember: String, WireObject {
    case direction, entryPlacement, expiry, title, preferenceText, alternativeText, comments, timeframe, symbol
    static let table = WireTable<Self>()

    /// The members a create body's metadata must have (update and append need none).
    static func required(_ endpoint: Endpoint) -> [MetadataMember] {
        endpoint == .create ? [.direction, .entryPlacement, .expiry, .title, .timeframe, .symbol] : []
    }

    /// The members the update endpoint documents as updatable.
    var isUpdatable: Bool {
        switch self {
        case .direction, .entryPlacement, .timeframe, .symbol: return false
        default: return true
        }
    }

    /// The free texts that may hold `[[id:text]]` links.
    var isLinkedText: Bool { self == .preferenceText || self == .alternativeText || self == .comments }
}

/// `metadata.expiry`: both members required.
enum ExpiryMember: String, WireObject {
    case type, hours
    static let table = WireTable<Self>()
}

/// `levels`: each member optional, each a ``LevelEntryMember`` object.
enum LevelsMember: String, WireObject {
    case pivot, resistance, support
    static let table = WireTable<Self>()
}

/// One level (`levels.pivot`, …): every member required.
enum LevelEntryMember: String, WireObject {
    case price, clientObjectId, time
    static let table = WireTable<Self>()
}

/// One point of a drawing: both members required.
enum PointMember: String, WireObject {
    case time, price
    static let table = WireTable<Self>()
}

/// A drawing of a known type.
enum DrawingMember: String, WireObject {
    case type, clientObjectId, points, startHead, endHead, levels, style
    static let table = WireTable<Self>()

    /// The members every drawing must have.
    static let required: [DrawingMember] = [.type, .clientObjectId, .points, .style]

    /// Whether the member belongs to a drawing of type `t`.
    func applies(to t: DrawingType) -> Bool {
        switch self {
        case .startHead, .endHead: return t == .line
        case .levels: return t == .fibonacciRetracement
        default: return true
        }
    }

    /// The members a drawing of type `t` knows, in declared order.
    static func known(_ t: DrawingType) -> [DrawingMember] { table.members.filter { $0.applies(to: t) } }
}

/// A drawing's `style` (engine decisions for PARALLEL and FIBONACCI_RETRACEMENT).
enum StyleMember: String, WireObject {
    case color, lineWidth, lineStyle, fillColor, borderColor
    static let table = WireTable<Self>()

    /// Whether a drawing of type `t` uses the member.
    func applies(to t: DrawingType) -> Bool {
        switch t {
        case .rectangle: return self == .fillColor || self == .borderColor || self == .lineWidth
        case .parallel: return self != .borderColor
        default: return self == .color || self == .lineWidth || self == .lineStyle
        }
    }

    /// The members a style of type `t` must have.
    static func required(_ t: DrawingType) -> [StyleMember] {
        t == .rectangle ? [.fillColor, .borderColor, .lineWidth] : [.color, .lineWidth, .lineStyle]
    }

    /// The canonical key order of a style of type `t` (a RECTANGLE leads with its fill).
    static func order(_ t: DrawingType) -> [StyleMember] {
        t == .rectangle ? rectangleOrder : table.members
    }

    private static let rectangleOrder: [StyleMember] = [.fillColor, .borderColor, .lineWidth, .color, .lineStyle]

    /// The members a style of type `t` knows, in declared order.
    static func known(_ t: DrawingType) -> [StyleMember] { table.members.filter { $0.applies(to: t) } }
}

extension Analysis {
    /// Whether the member is present (decoded into the model).
    func has(_ m: RootMember) -> Bool {
        switch m {
        case .sender: return sender != nil
        case .metadata: return metadata != nil
        case .levels: return levels != nil
        case .drawings: return drawings != nil
        case .idempotencyKey: return idempotencyKey != nil
        }
    }
}

extension AnalysisMetadata {
    /// Whether the member is present (decoded into the model).
    func has(_ m: MetadataMember) -> Bool {
        switch m {
        case .direction: return direction != nil
        case .entryPlacement: return entryPlacement != nil
        case .expiry: return expiry != nil
        case .title: return title != nil
        case .preferenceText: return preferenceText != nil
        case .alternativeText: return alternativeText != nil
        case .comments: return comments != nil
        case .timeframe: return timeframe != nil
        case .symbol: return symbol != nil
        }
    }
}

extension Levels {
    /// Whether the member is present (decoded into the model).
    func has(_ m: LevelsMember) -> Bool { self[m] != nil }

    /// The level of a role.
    subscript(_ m: LevelsMember) -> LevelEntry? {
        get {
            switch m {
            case .pivot: return pivot
            case .resistance: return resistance
            case .support: return support
            }
        }
        set {
            switch m {
            case .pivot: pivot = newValue
            case .resistance: resistance = newValue
            case .support: support = newValue
            }
        }
    }
}

extension JSONScanner {
    /// The member of `M` named by the last key read, with its position in the declaration;
    /// nil when `M` has no such member. Compares lengths first, then bytes; no string is built.
    @inline(__always)
    func keyMember<M: WireObject>(_: M.Type) -> (member: M, position: Int)? {
        let table = M.table
        for k in table.bytes.indices {
            let matched = table.bytes[k].withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return false }  // member names are never empty
                return keyIs(base, p.count)
            }
            if matched { return (table.members[k], k) }
        }
        return nil
    }
}
