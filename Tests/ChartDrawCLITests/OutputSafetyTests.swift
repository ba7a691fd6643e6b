import Foundation
import Testing

/// The image format follows --format or the extension and never both differently; binary
/// bytes do not go to a terminal unless asked for; candles in other forms reach the renderer.
@Suite("chartdraw render output safety")
struct OutputSafetyTests {
    let valid = CLI.fixture("create-analysis.json")

    @Test func formatAndExtensionMustAgree() throws {
        let dir = try CLI.temp("", name: "x")
        let png = dir + ".png"
        let r = try CLI.run(["render", valid, "--format", "pdf", "-o", png])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--format pdf does not match the name"))
        #expect(!FileManager.default.fileExists(atPath: png))
        // An extension that names no format takes --format.
        let plain = dir + ".img"
        #expect(try CLI.run(["render", valid, "--format", "pdf", "-o", plain, "-q"]).status == 0)
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: plain)).readData(ofLength: 4)
        #expect(head == Data("%PDF".utf8))
    }

    /// Runs chartdraw with standard output on a pseudo-terminal (Python's pty module).
    func onTerminal(_ args: [String]) throws -> (status: Int32, output: String) {
        let script = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out = b""
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(str(len(out)) + " " + out[:400].decode("utf-8", "replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, CLI.binary.path] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func binaryOutputIsNotWrittenToATerminal() throws {
        let refused = try onTerminal(["render", valid, "-o", "-"])
        #expect(refused.status == 64)
        #expect(refused.output.contains("Standard output is a terminal"))
        #expect(!refused.output.contains("\u{FFFD}PNG"))  // no PNG signature (0x89 "PNG")
        let forced = try onTerminal(["render", valid, "-o", "-", "--force", "-q"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("\u{FFFD}PNG"))
        // SVG is text: allowed.
        let svg = try onTerminal(["render", valid, "-o", "-", "--format", "svg", "-q"])
        #expect(svg.status == 0)
        #expect(svg.output.contains("<svg") || svg.output.contains("<?xml"))
    }

    @Test func candlesFormatOption() throws {
        let ccxt = CLI.fixture("candles/ccxt-ohlcv.json")
        let out = try CLI.temp("", name: "c.png")
        #expect(
            try CLI.run(["render", valid, "--candles", ccxt, "--candles-format", "ccxt", "-o", out, "-q"]).status == 0)
        let wrong = try CLI.run(["render", valid, "--candles", ccxt, "--candles-format", "binance", "-o", out])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("line 1, /0: the candle has 6 elements; give 12 elements"))
        let unknown = try CLI.run(["render", valid, "--candles", ccxt, "--candles-format", "xml", "-o", out])
        #expect(unknown.status == 64)
    }

    @Test func helpFitsEightyColumns() throws {
        for args in [["--help"], ["render", "--help"], ["validate", "--help"], ["payload", "--help"]] {
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = args
            p.environment = ["COLUMNS": "80"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "\(args): \(line)")
            }
            #expect(!text.contains("docs/"), "\(args) points to a docs file")
        }
    }
}
