/// What a chart image consists of, as plain values in device pixel space: the scene builder
/// computes it, a renderer only executes it.
///
/// Coordinates are device pixels (already multiplied by the pixel scale), origin at the top
/// left, y down. Every coordinate is finite and within ``DisplayList/coordinateLimit`` of the
/// canvas: geometry is clipped before it gets here.
public struct DisplayList: Hashable, Sendable {
    /// Canvas width in device pixels.
    public var width: Int
    /// Canvas height in device pixels.
    public var height: Int
    /// The colour painted over the whole canvas first.
    public var background: RGBAColor
    /// The items, painted in order.
    public var items: [DisplayItem]

    /// Creates a display list.
    public init(width: Int, height: Int, background: RGBAColor, items: [DisplayItem] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
    }

    /// No coordinate in a display list is farther than this from the canvas (Cairo's
    /// fixed-point range ends near ±8 million).
    public static let coordinateLimit: Double = 1_000_000
}

/// One painting operation.
public enum DisplayItem: Hashable, Sendable {
    /// Fill a path (non-zero winding) with a colour.
    case fill(PixelPath, RGBAColor)
    /// Stroke a path.
    case stroke(PixelPath, StrokeStyle)
    /// Draw a line of text.
    case text(TextRun)
    /// Intersect the clip with a rectangle until the matching ``popClip``.
    case pushClip(PixelRect)
    /// Restore the clip in force before the matching ``pushClip(_:)``.
    case popClip
    /// Start a named group (for dumps and tests; renderers may ignore it).
    case beginGroup(String)
    /// End the innermost group.
    case endGroup
}

/// A point in device pixels.
public struct PixelPoint: Hashable, Sendable {
    /// Horizontal, from the left edge.
    public var x: Double
    /// Vertical, from the top edge.
    public var y: Double

    /// Creates a point.
    @inlinable public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in device pixels.
public struct PixelRect: Hashable, Sendable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width (non-negative).
    public var width: Double
    /// Height (non-negative).
    public var height: Double

    /// Creates a rectangle.
    @inlinable public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge.
    @inlinable public var maxX: Double { x + width }
    /// Bottom edge.
    @inlinable public var maxY: Double { y + height }
}

/// A path of straight segments in device pixels.
public struct PixelPath: Hashable, Sendable {
    /// One element of a path.
    public enum Element: Hashable, Sendable {
        /// Start a new sub-path.
        case move(PixelPoint)
        /// A straight segment from the current point.
        case line(PixelPoint)
        /// Close the current sub-path.
        case close
    }

    /// The elements in order.
    public var elements: [Element]

    /// Creates a path.
    @inlinable public init(_ elements: [Element] = []) {
        self.elements = elements
    }

    /// Starts a sub-path.
    @inlinable public mutating func move(to p: PixelPoint) { elements.append(.move(p)) }
    /// Adds a segment.
    @inlinable public mutating func line(to p: PixelPoint) { elements.append(.line(p)) }
    /// Closes the sub-path.
    @inlinable public mutating func close() { elements.append(.close) }

    /// Adds a closed rectangle sub-path.
    @inlinable public mutating func addRect(_ r: PixelRect) {
        elements.append(.move(PixelPoint(x: r.x, y: r.y)))
        elements.append(.line(PixelPoint(x: r.maxX, y: r.y)))
        elements.append(.line(PixelPoint(x: r.maxX, y: r.maxY)))
        elements.append(.line(PixelPoint(x: r.x, y: r.maxY)))
        elements.append(.close)
    }

    /// Whether it has no elements.
    @inlinable public var isEmpty: Bool { elements.isEmpty }
}

/// How a path is stroked.
public struct StrokeStyle: Hashable, Sendable {
    /// The end of an open stroke.
    public enum Cap: String, Hashable, Sendable { case butt, round, square }
    /// The corner between two segments.
    public enum Join: String, Hashable, Sendable { case miter, round, bevel }

    /// The colour.
    public var color: RGBAColor
    /// The width in device pixels.
    public var width: Double
    /// Dash pattern in device pixels (on, off, ...); empty for a solid line.
    public var dash: [Double]
    /// Cap.
    public var cap: Cap
    /// Join.
    public var join: Join

    /// Creates a stroke style.
    public init(color: RGBAColor, width: Double, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

/// A font of the pinned family (DejaVu Sans) at a size.
public struct FontSpec: Hashable, Sendable {
    /// Regular or bold.
    public enum Weight: String, Hashable, Sendable { case regular, bold }

    /// The weight.
    public var weight: Weight
    /// The size in device pixels (the em height). The renderer draws sizes above 0 and up to
    /// 256 and refuses a list with any other size.
    public var size: Double

    /// Creates a font spec.
    public init(weight: Weight = .regular, size: Double) {
        self.weight = weight
        self.size = size
    }
}

/// One line of text placed by the scene builder.
public struct TextRun: Hashable, Sendable {
    /// The text (one line).
    public var text: String
    /// The left end of the baseline, in device pixels.
    public var origin: PixelPoint
    /// The font.
    public var font: FontSpec
    /// The colour.
    public var color: RGBAColor

    /// Creates a text run.
    public init(text: String, origin: PixelPoint, font: FontSpec, color: RGBAColor) {
        self.text = text
        self.origin = origin
        self.font = font
        self.color = color
    }
}
