import Foundation
import Testing

/// The Swift code the README, docs/ and the DocC catalogs show is code that compiles: each
/// ```swift block must be the visible part of a file in `Snippets/` (which `swift build`
/// compiles as SwiftPM snippets), and each `@Snippet(path:)` must name one of those files.
@Suite("Documentation snippets")
struct SnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func files(in folder: String, suffix: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }

    /// The documents that may show Swift code.
    static var documents: [URL] {
        [root.appendingPathComponent("README.md")] + files(in: "docs", suffix: ".md")
            + files(in: "Sources", suffix: ".md").filter { $0.path.contains(".docc/") }
    }

    /// The ```swift blocks of a Markdown text.
    static func swiftBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// A snippet's visible lines: everything outside `// snippet.hide` … `// snippet.show`.
    static func visible(_ source: String) -> String {
        var shown = true
        var lines: [Substring] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            switch line.trimmingCharacters(in: .whitespaces) {
            case "// snippet.hide": shown = false
            case "// snippet.show": shown = true
            default: if shown { lines.append(line) }
            }
        }
        return lines.joined(separator: "\n")
    }

    static var snippets: [String: String] {
        var out: [String: String] = [:]
        for url in files(in: "Snippets", suffix: ".swift") {
            out[url.deletingPathExtension().lastPathComponent] = visible(
                (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }
        return out
    }

    @Test func thereAreSnippetsAndDocumentsShowingThem() {
        #expect(Self.snippets.count >= 2)
        let shown = Self.documents.flatMap { Self.swiftBlocks((try? String(contentsOf: $0, encoding: .utf8)) ?? "") }
        #expect(shown.count >= 2)
    }

    @Test func everySwiftBlockIsACompiledSnippet() throws {
        let snippets = Self.snippets
        for doc in Self.documents {
            let text = try String(contentsOf: doc, encoding: .utf8)
            for block in Self.swiftBlocks(text) {
                let normalized = block.trimmingCharacters(in: .whitespacesAndNewlines)
                let match = snippets.values.contains { $0.contains(normalized) }
                #expect(
                    match,
                    "\(doc.lastPathComponent): a ```swift block is not the visible part of any Snippets/*.swift file:\n\(block)"
                )
            }
        }
    }

    @Test func everySnippetDirectiveNamesASnippet() throws {
        let names = Set(Self.snippets.keys)
        for doc in Self.documents {
            let text = try String(contentsOf: doc, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("@Snippet(path:") {
                let path = line.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
                let name = path.split(separator: "/").last.map(String.init) ?? ""
                #expect(
                    path.hasPrefix("ChartDraw/Snippets/") && names.contains(name), "\(doc.lastPathComponent): \(line)")
            }
        }
    }

    @Test func theVisibleTextDropsHiddenLines() {
        let source = "// snippet.hide\nlet secret = 1\n// snippet.show\nprint(2)\n"
        #expect(Self.visible(source) == "print(2)\n")
        #expect(Self.swiftBlocks("a\n```swift\nx\ny\n```\nb") == ["x\ny"])
    }
}
