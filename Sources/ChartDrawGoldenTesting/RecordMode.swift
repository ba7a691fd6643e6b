internal import Glibc

/// When golden tests write reference images, chosen by `CHARTDRAW_RECORD` at run time.
public enum RecordMode: String, Hashable, Sendable, CaseIterable {
    /// Write references that do not exist yet (the local default).
    case missing
    /// Also rewrite references that fail the comparison.
    case failed
    /// Rewrite every reference.
    case all
    /// Never write a reference (forced when `CI` is set).
    case never

    /// The mode for this run: `never` when `CI` is set, else `CHARTDRAW_RECORD`, else `missing`.
    /// An unknown value gives `nil` (reported as a failure by the assertion).
    public static func current() -> RecordMode? {
        if let ci = getenv("CI"), ci.pointee != 0 { return .never }
        guard let raw = getenv("CHARTDRAW_RECORD") else { return .missing }
        let text = String(cString: raw)
        if text.isEmpty { return .missing }
        return RecordMode(rawValue: text)
    }
}
