public import ChartDrawRender
internal import Glibc

/// Where reference images live and where failure artifacts go, and the record/compare logic.
///
/// ``assertGolden(_:kind:name:tolerance:sourceLocation:)`` uses ``GoldenStore/default``; tests
/// of the harness itself make a store on a temporary folder.
public struct GoldenStore: Sendable {
    /// The folder holding `<kind>/<name>.png` references (the repository's `golden-images`).
    public let referenceRoot: String
    /// The folder receiving `<kind>/<name>.{expected,actual,diff}.png` on failure.
    public let artifactRoot: String
    /// When references are written.
    public let mode: RecordMode

    /// Creates a store.
    public init(referenceRoot: String, artifactRoot: String, mode: RecordMode) {
        self.referenceRoot = referenceRoot
        self.artifactRoot = artifactRoot
        self.mode = mode
    }

    /// The repository root: the folder above `Sources/ChartDrawGoldenTesting`, found from this
    /// file's path at compile time.
    public static let repositoryRoot: String = {
        var path = #filePath
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return path
    }()

    /// The store for this run: `golden-images/` in the repository, artifacts in
    /// `CHARTDRAW_GOLDEN_ARTIFACTS` or `.build/golden-artifacts/`, mode from the environment
    /// (`nil` when `CHARTDRAW_RECORD` has an unknown value).
    public static func `default`() -> GoldenStore? {
        guard let mode = RecordMode.current() else { return nil }
        var artifacts = repositoryRoot + "/.build/golden-artifacts"
        if let env = getenv("CHARTDRAW_GOLDEN_ARTIFACTS"), env.pointee != 0 { artifacts = String(cString: env) }
        return GoldenStore(referenceRoot: repositoryRoot + "/golden-images", artifactRoot: artifacts, mode: mode)
    }

    /// The reference image path of a case.
    public func referencePath(kind: String, name: String) -> String { "\(referenceRoot)/\(kind)/\(name).png" }

    /// What checking an image against its reference came to.
    public struct Outcome: Sendable {
        /// Whether the test passes (false whenever a reference was written).
        public let passed: Bool
        /// The failure text (empty when passed).
        public let message: String
        /// References written by this check.
        public let recorded: [String]
        /// Artifacts written by this check.
        public let artifacts: [String]
        /// The comparison, when there was a reference to compare with.
        public let comparison: ImageComparison?
    }

    /// Compares `image` with the reference of `kind`/`name`, records per ``mode``, writes
    /// artifacts on failure, and says what happened.
    public func check(_ image: RGBAImage, kind: String, name: String, tolerance: GoldenTolerance = .standard) -> Outcome
    {
        let reference = referencePath(kind: kind, name: name)
        let label = "\(kind)/\(name)"
        let environment =
            "cairo \(ChartRenderer.cairoVersion), freetype \(ChartRenderer.freetypeVersion), "
            + "pango \(ChartRenderer.pangoVersion), fonts: \(ChartRenderer.fontVersions.joined(separator: ", "))"
        guard let bytes = FileSystem.read(reference) else {
            if mode == .never {
                let written = writeArtifacts(kind: kind, name: name, expected: nil, actual: image, tolerance: tolerance)
                return Outcome(
                    passed: false,
                    message: "golden \(label): no reference at \(reference) and recording is off (mode never); "
                        + "actual image written to \(written.paths.joined(separator: ", "))\(written.errors)",
                    recorded: [], artifacts: written.paths, comparison: nil)
            }
            return record(image, to: reference, label: label, why: "new reference")
        }
        let expected: RGBAImage
        do {
            expected = try ChartRenderer.decodePNG(bytes)
        } catch {
            if mode == .failed || mode == .all {
                return record(image, to: reference, label: label, why: "unreadable reference replaced")
            }
            return Outcome(
                passed: false, message: "golden \(label): cannot decode reference \(reference): \(error)",
                recorded: [], artifacts: [], comparison: nil)
        }
        let comparison = ImageComparison(expected: expected, actual: image, tolerance: tolerance)
        if mode == .all { return record(image, to: reference, label: label, why: "re-recorded (mode all)", comparison) }
        if comparison.passes {
            return Outcome(passed: true, message: "", recorded: [], artifacts: [], comparison: comparison)
        }
        if mode == .failed {
            return record(image, to: reference, label: label, why: "failing reference re-recorded", comparison)
        }
        let written = writeArtifacts(kind: kind, name: name, expected: expected, actual: image, tolerance: tolerance)
        let message =
            "golden \(label) differs: \(comparison.summary); \(environment); "
            + "artifacts: \(written.paths.joined(separator: ", "))\(written.errors); "
            + "if the change is intended, re-record with CHARTDRAW_RECORD=failed and write the reason in the commit"
        return Outcome(passed: false, message: message, recorded: [], artifacts: written.paths, comparison: comparison)
    }

    private func record(
        _ image: RGBAImage, to path: String, label: String, why: String, _ comparison: ImageComparison? = nil
    ) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try ChartRenderer.encodePNG(image)
        } catch {
            return Outcome(
                passed: false, message: "golden \(label): cannot encode: \(error)", recorded: [], artifacts: [],
                comparison: comparison)
        }
        if let e = FileSystem.write(bytes, to: path) {
            return Outcome(
                passed: false, message: "golden \(label): \(e)", recorded: [], artifacts: [], comparison: comparison)
        }
        var message = "golden \(label): \(why) written to \(path) (mode \(mode.rawValue)); "
        if let comparison { message += "previous comparison: \(comparison.summary); " }
        message += "a run that writes references fails: look at the image, then run again"
        return Outcome(passed: false, message: message, recorded: [path], artifacts: [], comparison: comparison)
    }

    private func writeArtifacts(
        kind: String, name: String, expected: RGBAImage?, actual: RGBAImage, tolerance: GoldenTolerance
    ) -> (paths: [String], errors: String) {
        let base = "\(artifactRoot)/\(kind)/\(name)"
        var images: [(String, RGBAImage)] = [("\(base).actual.png", actual)]
        if let expected {
            images.insert(("\(base).expected.png", expected), at: 0)
            images.append(
                (
                    "\(base).diff.png",
                    ImageComparison.diffImage(expected: expected, actual: actual, tolerance: tolerance)
                ))
        }
        var paths: [String] = []
        var errors = ""
        for (path, image) in images {
            do {
                if let e = FileSystem.write(try ChartRenderer.encodePNG(image), to: path) {
                    errors += " (\(e))"
                } else {
                    paths.append(path)
                }
            } catch {
                errors += " (cannot encode \(path): \(error))"
            }
        }
        return (paths, errors)
    }
}
