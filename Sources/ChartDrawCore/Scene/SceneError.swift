/// Why a chart cannot be laid out: an option outside its documented limits.
public enum SceneError: Error, Hashable, Sendable {
    /// The logical width or height is outside ``ChartOptions/logicalSizeLimits``.
    case invalidSize(width: Int, height: Int)
    /// The pixel scale is not finite or outside ``ChartOptions/pixelScaleLimits``.
    case invalidPixelScale(Double)
    /// The device size exceeds ``ChartOptions/maximumDeviceSide`` or
    /// ``ChartOptions/maximumDevicePixels``.
    case tooManyPixels(width: Int, height: Int)
    /// The explicit time range does not end after it starts.
    case invalidTimeRange(Timestamp, Timestamp)
    /// The explicit price range is not finite or does not have `upperBound > lowerBound`.
    case invalidPriceRange(Double, Double)
    /// The explicit price precision is outside 0...12.
    case invalidPricePrecision(Int)
}

extension SceneError: CustomStringConvertible {
    /// The problem and its fix, in one sentence.
    public var description: String {
        let sizes = ChartOptions.logicalSizeLimits
        switch self {
        case .invalidSize(let w, let h):
            return "chart size \(w)x\(h) is outside the limits; width and height must each be "
                + "\(sizes.lowerBound) to \(sizes.upperBound) logical pixels"
        case .invalidPixelScale(let s):
            let r = ChartOptions.pixelScaleLimits
            return "pixel scale \(s) is outside the limits; use \(r.lowerBound) to \(r.upperBound)"
        case .tooManyPixels(let w, let h):
            return "the image would be \(w)x\(h) device pixels; at most \(ChartOptions.maximumDeviceSide) "
                + "per side and \(ChartOptions.maximumDevicePixels) in total are allowed: "
                + "lower the size or the pixel scale"
        case .invalidTimeRange(let a, let b):
            return "time range \(a) to \(b) is empty; the end must be after the start"
        case .invalidPriceRange(let a, let b):
            return "price range \(a) to \(b) cannot be drawn; give finite prices within \(PriceLimits.rangeText) "
                + "in magnitude, the maximum above the minimum by at least \(PriceLimits.minimumRelativeSpan) of the larger"
        case .invalidPricePrecision(let p):
            return "price precision \(p) is outside the limits; use 0 to \(PriceFormat.maximumDecimals) decimals"
        }
    }
}
