/// How far an image may stray from its reference and still pass.
///
/// The standard tolerance allows each channel of each pixel to differ by 1 (rounding in
/// pixman and the un-premultiply step) and no pixel beyond. Anything looser must say why.
public struct GoldenTolerance: Hashable, Sendable {
    /// The largest per-channel difference a pixel may have and still count as equal.
    public let maxChannelDifference: Int
    /// How many pixels may differ by more than ``maxChannelDifference``.
    public let maxDifferingPixels: Int
    /// Why this case needs more than the standard tolerance (`nil` for the standard one).
    public let reason: String?

    private init(maxChannelDifference: Int, maxDifferingPixels: Int, reason: String?) {
        self.maxChannelDifference = maxChannelDifference
        self.maxDifferingPixels = maxDifferingPixels
        self.reason = reason
    }

    /// Each channel within 1, no pixel beyond.
    public static let standard = GoldenTolerance(maxChannelDifference: 1, maxDifferingPixels: 0, reason: nil)

    /// Every channel of every pixel identical.
    public static let identical = GoldenTolerance(maxChannelDifference: 0, maxDifferingPixels: 0, reason: nil)

    /// A looser tolerance for one case; `reason` (required, non-empty) is shown in failures.
    public static func loose(channel: Int, pixels: Int = 0, reason: String) -> GoldenTolerance {
        GoldenTolerance(
            maxChannelDifference: max(0, channel), maxDifferingPixels: max(0, pixels),
            reason: reason.isEmpty ? "(no reason given)" : reason)
    }
}

extension GoldenTolerance: CustomStringConvertible {
    /// E.g. `channel ±1, 0 pixels beyond`.
    public var description: String {
        var s = "channel ±\(maxChannelDifference), \(maxDifferingPixels) pixels beyond"
        if let reason { s += " (\(reason))" }
        return s
    }
}
