/// The engine's version: one value for `chartdraw --version`, the service's `/openapi.json` and
/// entity tags, and the client's `User-Agent`. It is the newest heading of `CHANGELOG.md` (a test
/// keeps the two equal) and the release's git tag is `v` followed by it.
public enum ChartDrawVersion {
    /// `MAJOR.MINOR.PATCH`, semantic versioning.
    public static let string = "0.3.0"
}
