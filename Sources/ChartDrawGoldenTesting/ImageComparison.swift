public import ChartDrawRender

/// The result of comparing an image with its reference, pixel by pixel.
public struct ImageComparison: Sendable {
    /// The reference size.
    public let expectedSize: (width: Int, height: Int)
    /// The size of the image under test.
    public let actualSize: (width: Int, height: Int)
    /// Pixels whose largest channel difference exceeds the tolerance (all pixels outside the
    /// common area count when the sizes differ).
    public let differingPixels: Int
    /// The largest channel difference over the common area.
    public let maxChannelDifference: Int
    /// The tolerance applied.
    public let tolerance: GoldenTolerance

    /// Compares `actual` with `expected`.
    public init(expected: RGBAImage, actual: RGBAImage, tolerance: GoldenTolerance = .standard) {
        expectedSize = (expected.width, expected.height)
        actualSize = (actual.width, actual.height)
        self.tolerance = tolerance
        let w = min(expected.width, actual.width)
        let h = min(expected.height, actual.height)
        var differing = max(expected.width * expected.height, actual.width * actual.height) - w * h
        var largest = 0
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                for y in 0..<h {
                    var ei = y * expected.width * 4
                    var ai = y * actual.width * 4
                    for _ in 0..<w {
                        let d = ImageComparison.pixelDifference(e, ei, a, ai)
                        if d > largest { largest = d }
                        if d > tolerance.maxChannelDifference { differing += 1 }
                        ei += 4
                        ai += 4
                    }
                }
            }
        }
        differingPixels = differing
        maxChannelDifference = largest
    }

    /// Whether the sizes agree.
    public var sizesMatch: Bool { expectedSize == actualSize }

    /// Whether the image passes: same size and at most the tolerated number of differing pixels.
    public var passes: Bool { sizesMatch && differingPixels <= tolerance.maxDifferingPixels }

    /// A one-line summary: sizes, differing pixels, the largest difference, the tolerance.
    public var summary: String {
        var s = "expected \(expectedSize.width)x\(expectedSize.height), actual \(actualSize.width)x\(actualSize.height)"
        if !sizesMatch { s += " (size mismatch)" }
        s += "; \(differingPixels) pixels differ beyond the tolerance, largest channel difference "
        s += "\(maxChannelDifference); tolerance \(tolerance)"
        return s
    }

    /// The largest difference of any channel between two pixels.
    @inline(__always) static func pixelDifference(
        _ e: UnsafeBufferPointer<UInt8>, _ ei: Int, _ a: UnsafeBufferPointer<UInt8>, _ ai: Int
    ) -> Int {
        var d = 0
        for c in 0..<4 { d = max(d, abs(Int(e[ei + c]) - Int(a[ai + c]))) }
        return d
    }

    /// An image of the larger size: a faded grey copy of `expected`, pixels beyond the tolerance
    /// in red, pixels within it but not identical in orange, areas outside either image in red.
    public static func diffImage(expected: RGBAImage, actual: RGBAImage, tolerance: GoldenTolerance = .standard)
        -> RGBAImage
    {
        let w = max(expected.width, actual.width)
        let h = max(expected.height, actual.height)
        var out = RGBAImage(width: w, height: h, fill: (255, 0, 0, 255))
        expected.pixels.withUnsafeBufferPointer { e in
            actual.pixels.withUnsafeBufferPointer { a in
                for y in 0..<min(expected.height, actual.height) {
                    for x in 0..<min(expected.width, actual.width) {
                        let ei = (y * expected.width + x) * 4
                        let ai = (y * actual.width + x) * 4
                        let d = pixelDifference(e, ei, a, ai)
                        if d > tolerance.maxChannelDifference {
                            out[x, y] = (255, 0, 0, 255)
                        } else if d > 0 {
                            out[x, y] = (255, 160, 0, 255)
                        } else {
                            // Luma over white by alpha, then faded three quarters towards white.
                            let luma = (299 * Int(e[ei]) + 587 * Int(e[ei + 1]) + 114 * Int(e[ei + 2])) / 1000
                            let overWhite = (luma * Int(e[ei + 3]) + 255 * (255 - Int(e[ei + 3]))) / 255
                            let faded = UInt8(255 - (255 - overWhite) / 4)
                            out[x, y] = (faded, faded, faded, 255)
                        }
                    }
                }
            }
        }
        return out
    }
}
