public import ChartDrawCore
public import ChartDrawRender
public import Testing

/// Checks `image` against `golden-images/<kind>/<name>.png`, recording a test issue on failure
/// (with expected, actual and diff images written under `.build/golden-artifacts/<kind>/`) and
/// whenever a reference is written (see ``RecordMode``).
public func assertGolden(
    _ image: RGBAImage, kind: String, name: String, tolerance: GoldenTolerance = .standard,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let store = GoldenStore.default() else {
        Issue.record(
            "CHARTDRAW_RECORD must be one of missing, failed, all, never", sourceLocation: sourceLocation)
        return
    }
    let outcome = store.check(image, kind: kind, name: name, tolerance: tolerance)
    if !outcome.passed { Issue.record(Comment(rawValue: outcome.message), sourceLocation: sourceLocation) }
}

/// Rasterizes `list` and checks it with ``assertGolden(_:kind:name:tolerance:sourceLocation:)``.
public func assertGolden(
    _ list: DisplayList, kind: String, name: String, tolerance: GoldenTolerance = .standard,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let image = try ChartRenderer.rasterize(list)
        assertGolden(image, kind: kind, name: name, tolerance: tolerance, sourceLocation: sourceLocation)
    } catch {
        Issue.record("golden \(kind)/\(name): render failed: \(error)", sourceLocation: sourceLocation)
    }
}
