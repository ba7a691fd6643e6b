/// One golden case stored as `golden-images/<kind>/<name>.json` beside `<name>.png`.
public struct GoldenCase: Sendable, CustomStringConvertible {
    /// The folder under `golden-images`.
    public let kind: String
    /// The file name without extension.
    public let name: String
    /// The JSON file's bytes (empty if it could not be read: the test then fails on parsing).
    public let json: [UInt8]
    /// Where the reference PNG is (it may not exist yet).
    public let referencePath: String

    /// The case name, shown as the test argument.
    public var description: String { name }
}

/// Lists golden cases for parameterised tests: `@Test(arguments: GoldenCases.list("charts"))`.
public enum GoldenCases {
    /// Every `golden-images/<kind>/*.json`, sorted by name.
    public static func list(_ kind: String) -> [GoldenCase] {
        list(kind, in: GoldenStore.repositoryRoot + "/golden-images")
    }

    /// Every `<root>/<kind>/*.json`, sorted by name.
    public static func list(_ kind: String, in root: String) -> [GoldenCase] {
        let folder = root + "/" + kind
        return FileSystem.list(folder).compactMap { file -> GoldenCase? in
            guard file.hasSuffix(".json") else { return nil }
            let name = String(file.dropLast(5))
            return GoldenCase(
                kind: kind, name: name, json: FileSystem.read(folder + "/" + file) ?? [],
                referencePath: folder + "/" + name + ".png")
        }
    }
}
