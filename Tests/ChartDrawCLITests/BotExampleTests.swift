import Foundation
import Testing

/// The Python and Node bot examples run with the machine's python3 and node (installed by
/// scripts/bootstrap.sh; neither is skipped) against the built chartdraw binary.
@Suite("Bot examples")
struct BotExampleTests {
    static func example(_ path: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/" + path).path
    }

    /// Runs `interpreter script --chartdraw BINARY --out OUT`.
    func runBot(_ interpreter: String, _ script: String) throws -> (
        status: Int32, stdout: String, stderr: String, out: String
    ) {
        let out = try CLI.temp("", name: "preview.png")
        try FileManager.default.removeItem(atPath: out)
        let r = try CLI.execute(
            URL(fileURLWithPath: "/usr/bin/env"),
            [interpreter, Self.example(script), "--chartdraw", CLI.binary.path, "--out", out])
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self), out)
    }

    func check(_ interpreter: String, _ script: String, sender: String) throws {
        let r = try runBot(interpreter, script)
        #expect(r.status == 0, "\(interpreter) \(script): \(r.stderr)")
        // The canonical body on stdout: one line that chartdraw itself finds valid.
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.stdout.hasPrefix("{\"sender\":\"\(sender)\",\"metadata\":{\"direction\":"))
        let body = try CLI.temp(r.stdout)
        let v = try CLI.run(["validate", body])
        #expect(v.status == 0, "\(v.stdout)")
        // The preview is a PNG where the bot said.
        #expect(r.stderr.contains("preview: \(r.out)"))
        let png = try Data(contentsOf: URL(fileURLWithPath: r.out))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000)
    }

    @Test func pythonBot() throws {
        try check("python3", "python-bot/bot.py", sender: "python-bot@example.com")
    }

    @Test func nodeBot() throws {
        try check("node", "node-bot/bot.mjs", sender: "node-bot@example.com")
    }
}
