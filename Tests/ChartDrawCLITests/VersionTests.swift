import ChartDraw
import Foundation
import Testing

@Suite("Version")
struct VersionTests {
    /// The newest `## X.Y.Z - date` heading of CHANGELOG.md.
    static func newestChangelogVersion(filePath: String = #filePath) throws -> String {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let heading = try #require(text.split(separator: "\n").first { $0.hasPrefix("## ") })
        return String(heading.dropFirst(3).prefix { $0 != " " })
    }

    @Test func theChangelogsNewestVersionIsTheEngines() throws {
        #expect(try Self.newestChangelogVersion() == ChartDrawVersion.string)
        let parts = ChartDrawVersion.string.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "MAJOR.MINOR.PATCH")
    }

    @Test func theCommandPrintsIt() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == ChartDrawVersion.string + "\n")
    }
}
