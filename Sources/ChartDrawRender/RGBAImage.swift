/// A raster image: 8-bit RGBA pixels, not premultiplied, row-major from the top-left corner.
public struct RGBAImage: Hashable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width × height × 4` bytes: red, green, blue, alpha for each pixel, rows top to bottom.
    public var pixels: [UInt8]

    /// Creates an image from its pixels; `nil` when the sizes disagree or are negative.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width >= 0, height >= 0, width.multipliedReportingOverflow(by: height).overflow == false,
            pixels.count == width * height * 4
        else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Creates an image filled with one colour.
    public init(width: Int, height: Int, fill: (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8)) {
        let w = max(0, width)
        let h = max(0, height)
        self.width = w
        self.height = h
        var px = [UInt8](repeating: 0, count: w * h * 4)
        var i = 0
        while i < px.count {
            px[i] = fill.red
            px[i + 1] = fill.green
            px[i + 2] = fill.blue
            px[i + 3] = fill.alpha
            i += 4
        }
        self.pixels = px
    }

    /// The pixel at column `x`, row `y` (both in range).
    public subscript(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        get {
            let i = (y * width + x) * 4
            return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
        }
        set {
            let i = (y * width + x) * 4
            pixels[i] = newValue.red
            pixels[i + 1] = newValue.green
            pixels[i + 2] = newValue.blue
            pixels[i + 3] = newValue.alpha
        }
    }

    /// Whether every pixel is fully opaque.
    public var isOpaque: Bool {
        var i = 3
        while i < pixels.count {
            if pixels[i] != 255 { return false }
            i += 4
        }
        return true
    }
}
