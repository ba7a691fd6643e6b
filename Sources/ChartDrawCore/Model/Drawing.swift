/// A point on the chart: a time and a price.
public struct ChartPoint: Hashable, Sendable {
    /// The time.
    public var time: Timestamp
    /// The price.
    public var price: Double
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a point.
    public init(time: Timestamp, price: Double, unknownFields: UnknownFields = .init()) {
        self.time = time
        self.price = price
        self.unknownFields = unknownFields
    }

    /// The time in seconds since the epoch, the x of geometry.
    @inlinable public var t: Double { time.secondsSinceEpoch }
}

/// The look of a drawing. Which members apply depends on the type: lines use `color`,
/// `lineWidth` and `lineStyle`; rectangles `fillColor`, `borderColor` and `lineWidth`;
/// channels may add `fillColor` for the band.
public struct DrawingStyle: Hashable, Sendable {
    /// Stroke colour of lines.
    public var color: RGBAColor?
    /// Stroke width in pixels at scale 1 (the API shows whole numbers).
    public var lineWidth: Double?
    /// Solid, dashed or dotted.
    public var lineStyle: LineStyle?
    /// Fill of a rectangle or a channel's band.
    public var fillColor: RGBAColor?
    /// Border of a rectangle.
    public var borderColor: RGBAColor?
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a style.
    public init(
        color: RGBAColor? = nil, lineWidth: Double? = nil, lineStyle: LineStyle? = nil,
        fillColor: RGBAColor? = nil, borderColor: RGBAColor? = nil, unknownFields: UnknownFields = .init()
    ) {
        self.color = color
        self.lineWidth = lineWidth
        self.lineStyle = lineStyle
        self.fillColor = fillColor
        self.borderColor = borderColor
        self.unknownFields = unknownFields
    }
}

/// `HORIZONTAL_LINE`: one price across the chart.
public struct HorizontalLineDrawing: Hashable, Sendable {
    /// The drawing's id.
    public var clientObjectId: String
    /// The point whose price the line marks (its time anchors the object).
    public var point: ChartPoint
    /// Colour, width, line style.
    public var style: DrawingStyle
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a horizontal line.
    public init(
        clientObjectId: String, point: ChartPoint, style: DrawingStyle, unknownFields: UnknownFields = .init()
    ) {
        self.clientObjectId = clientObjectId
        self.point = point
        self.style = style
        self.unknownFields = unknownFields
    }
}

/// `LINE`: a segment from `start` to `end`, with optional arrow heads.
public struct LineDrawing: Hashable, Sendable {
    /// The drawing's id.
    public var clientObjectId: String
    /// The first point.
    public var start: ChartPoint
    /// The second point.
    public var end: ChartPoint
    /// The head at `start` (absent means NONE).
    public var startHead: LineHead?
    /// The head at `end` (absent means NONE).
    public var endHead: LineHead?
    /// Colour, width, line style.
    public var style: DrawingStyle
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a line.
    public init(
        clientObjectId: String, start: ChartPoint, end: ChartPoint, startHead: LineHead? = nil,
        endHead: LineHead? = nil, style: DrawingStyle, unknownFields: UnknownFields = .init()
    ) {
        self.clientObjectId = clientObjectId
        self.start = start
        self.end = end
        self.startHead = startHead
        self.endHead = endHead
        self.style = style
        self.unknownFields = unknownFields
    }
}

/// `RECTANGLE`: a box between two opposite corners, given in any order.
public struct RectangleDrawing: Hashable, Sendable {
    /// The drawing's id.
    public var clientObjectId: String
    /// One corner.
    public var corner1: ChartPoint
    /// The opposite corner.
    public var corner2: ChartPoint
    /// Fill, border, width.
    public var style: DrawingStyle
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a rectangle.
    public init(
        clientObjectId: String, corner1: ChartPoint, corner2: ChartPoint, style: DrawingStyle,
        unknownFields: UnknownFields = .init()
    ) {
        self.clientObjectId = clientObjectId
        self.corner1 = corner1
        self.corner2 = corner2
        self.style = style
        self.unknownFields = unknownFields
    }
}

/// `PARALLEL`: a channel. `p1`–`p2` is the base line; the second line is parallel to it
/// through `p3`; both span the time range of `p1`–`p2`.
public struct ParallelDrawing: Hashable, Sendable {
    /// The drawing's id.
    public var clientObjectId: String
    /// Base line start.
    public var p1: ChartPoint
    /// Base line end.
    public var p2: ChartPoint
    /// A point the parallel line passes through.
    public var p3: ChartPoint
    /// Colour, width, line style, optional band fill.
    public var style: DrawingStyle
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// Creates a channel.
    public init(
        clientObjectId: String, p1: ChartPoint, p2: ChartPoint, p3: ChartPoint, style: DrawingStyle,
        unknownFields: UnknownFields = .init()
    ) {
        self.clientObjectId = clientObjectId
        self.p1 = p1
        self.p2 = p2
        self.p3 = p3
        self.style = style
        self.unknownFields = unknownFields
    }
}

/// `FIBONACCI_RETRACEMENT`: levels between a swing `start` and a swing `end`.
///
/// The level with ratio r sits at `end - r * (end - start)` in price: 0 at `end`, 1 at `start`
/// (the TradingView and MetaTrader convention).
public struct FibonacciRetracementDrawing: Hashable, Sendable {
    /// The drawing's id.
    public var clientObjectId: String
    /// The swing start.
    public var start: ChartPoint
    /// The swing end.
    public var end: ChartPoint
    /// The level ratios as sent; `nil` means ``defaultLevels``.
    public var levels: [Double]?
    /// Colour, width, line style.
    public var style: DrawingStyle
    /// Members the engine does not model.
    public var unknownFields: UnknownFields

    /// 0, 0.236, 0.382, 0.5, 0.618, 0.786, 1.
    public static let defaultLevels: [Double] = [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1]

    /// Creates a retracement.
    public init(
        clientObjectId: String, start: ChartPoint, end: ChartPoint, levels: [Double]? = nil,
        style: DrawingStyle, unknownFields: UnknownFields = .init()
    ) {
        self.clientObjectId = clientObjectId
        self.start = start
        self.end = end
        self.levels = levels
        self.style = style
        self.unknownFields = unknownFields
    }

    /// The ratios in effect: the given list or the default one.
    public var effectiveLevels: [Double] { levels ?? Self.defaultLevels }
}

/// A drawing whose `type` the engine does not know, kept as sent.
public struct OtherDrawing: Hashable, Sendable {
    /// The `type` as sent.
    public var type: String
    /// The `clientObjectId`, when it is a string.
    public var clientObjectId: String?
    /// Every member, in input order.
    public var members: [JSONMember]

    /// Creates an unknown drawing.
    public init(type: String, clientObjectId: String?, members: [JSONMember]) {
        self.type = type
        self.clientObjectId = clientObjectId
        self.members = members
    }
}

/// One drawing of an analysis.
public enum Drawing: Hashable, Sendable {
    case horizontalLine(HorizontalLineDrawing)
    case line(LineDrawing)
    case rectangle(RectangleDrawing)
    case parallel(ParallelDrawing)
    case fibonacciRetracement(FibonacciRetracementDrawing)
    /// A type the engine does not know (kept, never drawn).
    case other(OtherDrawing)

    /// The wire `type`.
    public var type: DrawingType {
        switch self {
        case .horizontalLine: return .horizontalLine
        case .line: return .line
        case .rectangle: return .rectangle
        case .parallel: return .parallel
        case .fibonacciRetracement: return .fibonacciRetracement
        case .other(let o): return DrawingType(rawValue: o.type)
        }
    }

    /// The drawing's id.
    public var clientObjectId: String? {
        switch self {
        case .horizontalLine(let d): return d.clientObjectId
        case .line(let d): return d.clientObjectId
        case .rectangle(let d): return d.clientObjectId
        case .parallel(let d): return d.clientObjectId
        case .fibonacciRetracement(let d): return d.clientObjectId
        case .other(let d): return d.clientObjectId
        }
    }

    /// The points in wire order.
    public var points: [ChartPoint] {
        switch self {
        case .horizontalLine(let d): return [d.point]
        case .line(let d): return [d.start, d.end]
        case .rectangle(let d): return [d.corner1, d.corner2]
        case .parallel(let d): return [d.p1, d.p2, d.p3]
        case .fibonacciRetracement(let d): return [d.start, d.end]
        case .other: return []
        }
    }

    /// The style, for the known types.
    public var style: DrawingStyle? {
        switch self {
        case .horizontalLine(let d): return d.style
        case .line(let d): return d.style
        case .rectangle(let d): return d.style
        case .parallel(let d): return d.style
        case .fibonacciRetracement(let d): return d.style
        case .other: return nil
        }
    }
}
