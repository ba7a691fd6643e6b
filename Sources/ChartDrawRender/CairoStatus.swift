internal import CCairo

/// A Cairo status value (`cairo_status_t`), kept as Cairo gave it; its description is Cairo's
/// own text for it (`cairo_status_to_string`), e.g. "out of memory".
public struct CairoStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The `cairo_status_t` value.
    public var rawValue: UInt32
    /// Creates a status from its `cairo_status_t` value.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Cairo could not allocate memory (`CAIRO_STATUS_NO_MEMORY`).
    public static let noMemory = CairoStatus(rawValue: CAIRO_STATUS_NO_MEMORY.rawValue)

    init(_ status: cairo_status_t) { rawValue = status.rawValue }

    /// Cairo's text for the status.
    public var description: String {
        guard let s = cairo_status_to_string(cairo_status_t(rawValue: rawValue)) else { return "status \(rawValue)" }
        return String(cString: s)
    }
}
