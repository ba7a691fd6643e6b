import ChartDraw
import Foundation
import Testing

/// The hostile-input suite: bodies, files and outputs an attacker or a careless program could
/// give the tool, each with its exact outcome. Small cases are committed (Tests/Hostile/, with
/// expected.tsv); large ones are built here.
@Suite("Hostile input")
struct HostileInputTests {
    /// One row of Tests/Hostile/expected.tsv.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var command: String
        var exit: Int32
        var code: String?
        var path: String?
        var testDescription: String { "\(command) \(file)" }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Hostile")

    /// The rows of expected.tsv, with `\n` and `\uXXXX` in paths decoded.
    static let cases: [Case] = {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("expected.tsv"), encoding: .utf8)
        else {
            return []
        }
        return text.split(separator: "\n").compactMap { line -> Case? in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let exit = Int32(f[2]) else { return nil }
            return Case(
                file: f[0], command: f[1], exit: exit, code: f[3] == "-" ? nil : f[3],
                path: f[4] == "-" ? nil : unescape(f[4]))
        }
    }()

    static func unescape(_ s: String) -> String {
        var out = ""
        var it = Array(s.unicodeScalars)[...]
        while let c = it.popFirst() {
            guard c == "\\", let n = it.first else {
                out.unicodeScalars.append(c)
                continue
            }
            if n == "n" {
                it.removeFirst()
                out += "\n"
            } else if n == "u", it.count >= 5,
                let v = UInt32(String(String.UnicodeScalarView(it.dropFirst().prefix(4))), radix: 16),
                let u = Unicode.Scalar(v)
            {
                it.removeFirst(5)
                out.unicodeScalars.append(u)
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    @Test func suiteIsComplete() {
        #expect(Self.cases.count >= 25)
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.appendingPathComponent("cases").path))
            ?? []
        for f in files { #expect(Self.cases.contains { $0.file == f }, "\(f) has no expected outcome") }
    }

    /// Whether text printed for people holds a control character other than the line ends.
    static func hasRawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0 != "\n" && TerminalText.isUnsafe($0) }
    }

    @Test(arguments: cases)
    func expectedOutcome(_ c: Case) throws {
        let file = Self.directory.appendingPathComponent("cases/\(c.file)").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        switch c.command {
        case "validate":
            let r = try CLI.run(["validate", "--format", "json", file])
            #expect(r.status == c.exit, "\(r.stderr)")
            let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let issues = obj?["issues"] as? [[String: Any]] ?? []
            if let code = c.code {
                let hit = issues.contains { i in
                    guard i["code"] as? String == code, let p = i["path"] as? String else { return false }
                    guard let want = c.path else { return true }
                    return want.hasSuffix("*") ? p.hasPrefix(String(want.dropLast())) : p == want
                }
                #expect(hit, "no \(code) at \(c.path ?? "-") in \(r.stdout.prefix(2000))")
            } else {
                #expect(issues.isEmpty, "\(r.stdout.prefix(2000))")
            }
            // The text form: one line per issue plus the summary, nothing a terminal acts on.
            let text = try CLI.run(["validate", file])
            #expect(text.status == c.exit)
            #expect(!Self.hasRawControl(text.stdout + text.stderr))
            #expect(text.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == issues.count + 2)
        case "render", "payload":
            let args = c.command == "render" ? ["render", file, "-o", out] : ["payload", "create", file]
            let r = try CLI.run(args)
            #expect(r.status == c.exit, "\(r.stderr)")
            #expect(!Self.hasRawControl(r.stderr))
            if let code = c.code {
                var path = c.path.map { TerminalText.escape($0) } ?? ""
                if path.hasSuffix("*") { path.removeLast() } else { path += ":" }
                #expect(
                    r.stderr.contains("\(file):\(path)") && r.stderr.contains("error[\(code)]"),
                    "\(r.stderr.prefix(2000))")
            }
            if c.command == "render" {
                #expect(FileManager.default.fileExists(atPath: out) == (c.exit == 0))
            }
        default:
            Issue.record("unknown command \(c.command)")
        }
    }

    // MARK: - Large and special inputs

    @Test func endlessInputIsRefusedWithOneLine() throws {
        for args in [
            ["validate", "/dev/zero"], ["payload", "create", "/dev/zero"], ["render", "/dev/zero", "-o", "/tmp/x.png"],
        ] {
            let r = try CLI.run(args)
            #expect(r.status == 66)
            #expect(
                r.stderr
                    == "chartdraw: cannot read '/dev/zero': larger than the limit of \(ResourceLimits.standard.maxBodyBytes) bytes (see the limits in chartdraw --help)\n"
            )
        }
        let r = try CLI.run([
            "render", CLI.fixture("create-analysis.json"), "--candles", "/dev/zero", "-o", "/tmp/x.png",
        ])
        #expect(r.status == 66)
        #expect(r.stderr.contains("larger than the limit of \(ResourceLimits.standard.maxCandleFileBytes) bytes"))
    }

    @Test func bodyOverTheLimitIsExit66AndAnIssueInTheLibrary() throws {
        var body = Array(try String(contentsOfFile: CLI.fixture("create-analysis.json"), encoding: .utf8).utf8)
        body.removeLast(2)  // "}\n"
        body +=
            Array(",\"pad\":\"".utf8) + [UInt8](repeating: 0x61, count: ResourceLimits.standard.maxBodyBytes)
            + Array("\"}".utf8)
        let path = try CLI.temp("")
        try Data(body).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["validate", path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("larger than the limit of 16777216 bytes"))
        let report = ChartAnalysisValidator.validate(body)
        #expect(report.issues.map(\.code) == ["body_too_large"])
    }

    @Test func manyUnknownMembersRoundTripWithoutRecursion() throws {
        var body = try String(contentsOfFile: CLI.fixture("create-analysis.json"), encoding: .utf8)
        body.removeLast(2)
        var tail = ""
        for i in 0..<40_000 { tail += ",\"u\(i)\":\(i)" }
        let path = try CLI.temp(body + tail + "}")
        let r = try CLI.run(["payload", "create", "--lenient", path])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix(",\"u39998\":39998,\"u39999\":39999}\n"))
        // The canonical body is a fixed point.
        let again = try CLI.temp(r.stdout)
        let r2 = try CLI.run(["payload", "create", "--lenient", again])
        #expect(r2.stdout == r.stdout)
    }

    @Test func manyDuplicatesAreReportedInLinearTime() throws {
        let body = try String(contentsOfFile: CLI.fixture("create-analysis.json"), encoding: .utf8)
        let dup = Array(repeating: "\"sender\":\"a@b.c\"", count: 100_000).joined(separator: ",")
        let path = try CLI.temp("{" + dup + "," + body.dropFirst())
        let start = Date()
        let r = try CLI.run(["validate", path])
        let seconds = Date().timeIntervalSince(start)
        #expect(r.status == 1)
        #expect(r.stdout.hasSuffix("invalid: 100000 errors, 0 warnings\n"))
        // Minutes before (each note re-scanned the text from byte 0); seconds now, even in a
        // debug build on a shared machine.
        #expect(seconds < 30)
    }

    @Test func outputToADeviceIsWrittenInPlace() throws {
        let r = try CLI.run(["render", CLI.fixture("create-analysis.json"), "-o", "/dev/null", "--format", "png", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        let full = try CLI.run([
            "render", CLI.fixture("create-analysis.json"), "-o", "/dev/full", "--format", "png", "-q",
        ])
        #expect(full.status == 73)
        #expect(full.stderr == "chartdraw: cannot write '/dev/full': no space left on the device\n")
        #expect(stat("/dev/full", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func outputToAFIFOIsWrittenInPlaceOrRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("out.png").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // No reader: refused at once, the FIFO stays.
        let r = try CLI.run(["render", CLI.fixture("create-analysis.json"), "-o", fifo, "-q"])
        #expect(r.status == 73)
        #expect(r.stderr == "chartdraw: cannot write '\(fifo)': a FIFO with no reader\n")
        // With a reader: the PNG goes through the FIFO.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        let copy = dir.appendingPathComponent("copy.png").path
        reader.arguments = ["-c", "cat '\(fifo)' > '\(copy)'"]
        try reader.run()
        var ok = false
        for _ in 0..<100 {
            let w = try CLI.run(["render", CLI.fixture("create-analysis.json"), "-o", fifo, "-q"])
            if w.status == 0 {
                ok = true
                break
            }
            usleep(50_000)  // the reader has not opened the FIFO yet
        }
        reader.waitUntilExit()
        #expect(ok)
        let png = try Data(contentsOf: URL(fileURLWithPath: copy))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        var st = stat()
        #expect(stat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func validateReportsAFullStandardOutput() throws {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["validate", CLI.fixture("create-analysis.json")]
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 73)
        #expect(
            String(decoding: e, as: UTF8.self)
                == "chartdraw: cannot write standard output: no space left on the device\n")
    }

    @Test func priceRangeOneUlpWideIsRefused() throws {
        let r = try CLI.run([
            "render", CLI.fixture("create-analysis.json"), "--min-price", "1.9", "--max-price", "1.9000000000000002",
            "-o", "/tmp/never.png",
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cannot be drawn"))
        let big = try CLI.run([
            "render", CLI.fixture("create-analysis.json"), "--min-price", "1e300", "--max-price", "1e301", "-o",
            "/tmp/never.png",
        ])
        #expect(big.status == 64)
    }

    @Test func helpShowsTheLimits() throws {
        let r = try CLI.run(["--help"])
        #expect(r.stdout.contains("request body       16777216 bytes (16 MiB)"))
        #expect(r.stdout.contains("prices             1e-10 to 1e15"))
    }
}
