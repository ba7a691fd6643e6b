import ChartDrawClient
import ChartDrawCore
import ChartDrawSandbox
import ChartDrawWire
import Dispatch
import Foundation
import Testing

/// The built `chartdraw` binary against the sandbox.
enum Tool {
    static var binary: URL {
        for arg in CommandLine.arguments {
            let url = URL(fileURLWithPath: arg)
            if let bundle = url.pathComponents.firstIndex(where: { $0.hasSuffix(".xctest") }) {
                var dir = URL(fileURLWithPath: "/")
                for c in url.pathComponents[1..<bundle] { dir.appendPathComponent(c) }
                return dir.appendingPathComponent("chartdraw")
            }
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "chartdraw")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable ARGS` with `env` added to a minimal environment; waits for the end on
    /// a thread of its own, so the sandbox in this process keeps the concurrency pool.
    static func run(_ args: [String], env: [String: String] = [:], executable: URL? = nil) async throws -> Result {
        try await offPool { try runBlocking(args, env: env, executable: executable) }
    }

    /// Runs blocking work on a dispatch thread, not on the (2-thread) concurrency pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Swift.Result { try work() }) }
        }
    }

    static func runBlocking(_ args: [String], env: [String: String], executable: URL?) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        p.arguments = args
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func temp(_ text: String, name: String = "body.json") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func json(_ s: String) -> JSONValue? { try? JSONParser.parse(s) }
}

/// `chartdraw sandbox` as its own process: started on a free port, stopped with SIGTERM.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    let url: String

    static func start(_ args: [String]) async throws -> SandboxProcess {
        try await Tool.offPool { try SandboxProcess(args) }
    }

    private init(_ args: [String]) throws {
        process.executableURL = Tool.binary
        process.arguments = ["sandbox", "--port", "0"] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the URL: "chartdraw sandbox listening on http://127.0.0.1:PORT/v1 (...)".
        var line = Data()
        let deadline = Date().addingTimeInterval(30)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            let d = out.fileHandleForReading.availableData
            if d.isEmpty { break }
            line += d
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let r = text.range(of: "http://"), let end = text[r.lowerBound...].firstIndex(of: " ") else {
            process.terminate()
            throw SandboxError2("the sandbox printed no URL: \(text)")
        }
        var u = String(text[r.lowerBound..<end])
        if u.hasSuffix("/v1") { u.removeLast(3) }
        url = u
    }

    func stop() async {
        process.terminate()
        _ = try? await Tool.offPool { [process] in process.waitUntilExit() }
    }
}

struct SandboxError2: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

@Suite struct CLIAPITests {
    let env = ["RETURNING_AI_API_KEY": Harness.key]

    func api(_ h: Harness, _ args: [String], env extra: [String: String]? = nil) async throws -> Tool.Result {
        try await Tool.run(
            ["api"] + args + ["--base-url", h.baseURL, "--request-timeout", "10", "--timeout", "30"], env: extra ?? env)
    }

    @Test func everyCommand() async throws {
        let h = try await Harness()
        let create = Fixture.path("create-analysis.json")
        let r = try await api(h, ["create", create, "--community", Harness.community, "--channel", Harness.channel])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(Tool.json(r.stdout))
        let id = try #require(data["analysisId"]?.stringValue)
        #expect(APIEndpoints.isObjectId(id))
        #expect(r.stdout.hasPrefix("{\n  \"analysisId\""))
        #expect(!r.stdout.contains("\"status\""))  // data only

        let g = try await api(h, ["get", id, "--compact"])
        #expect(g.status == 0)
        #expect(!g.stdout.dropLast().contains("\n"))
        #expect(Tool.json(g.stdout)?["metadata"]?["symbol"]?.stringValue == "GBP/USD")

        let u = try await api(h, ["update", id, Fixture.path("update-analysis.json")])
        #expect(u.status == 0, "\(u.stderr)")
        #expect(Tool.json(u.stdout)?["updatedFields"]?.arrayValue?.first?.stringValue == "title")

        let add = try Tool.temp(
            ##"{"drawings":[{"type":"HORIZONTAL_LINE","clientObjectId":"extra","points":[{"time":"2026-01-08T12:00:00Z","price":1.346}],"style":{"color":"#00AA00","lineWidth":2,"lineStyle":"SOLID"}}]}"##
        )
        let a = try await api(h, ["append", id, add])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(Tool.json(a.stdout)?["drawings"]?.arrayValue?.count == 1)
        // the same drawing id again: refused (409)
        let again = try await api(h, ["append", id, add])
        #expect(again.status == 65)
        #expect(again.stderr.contains("HTTP 409"))

        let l = try await api(h, ["list", "--page", "1", "--limit", "20"])
        #expect(l.status == 0)
        #expect(Tool.json(l.stdout)?["total"]?.intValue == 1)

        let d = try await api(h, ["delete", id])
        #expect(d.status == 0)
        let missing = try await api(h, ["get", id])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("HTTP 404"))
        await h.stop()
    }

    @Test func exitCodes() async throws {
        let h = try await Harness()
        let create = Fixture.path("create-analysis.json")
        let args = ["create", create, "--community", Harness.community, "--channel", Harness.channel]
        // auth failure: 77
        let wrong = try await api(h, args, env: ["RETURNING_AI_API_KEY": "nope"])
        #expect(wrong.status == 77)
        #expect(wrong.stderr.contains("HTTP 401"))
        #expect(!wrong.stderr.contains("nope"))
        // no key at all: usage, nothing sent
        let sentBefore = h.requests.count
        let none = try await api(h, args, env: [:])
        #expect(none.status == 64)
        #expect(none.stderr.contains("RETURNING_AI_API_KEY"))
        // the key from a file
        let keyFile = try Tool.temp(Harness.key + "\n", name: "key")
        #expect(try await api(h, args + ["--api-key-file", keyFile], env: [:]).status == 0)
        #expect(try await api(h, args + ["--api-key-file", "/nonexistent/key"], env: [:]).status == 66)
        // invalid body: 1, nothing sent
        let bad = try Tool.temp(
            String(decoding: Fixture.create, as: UTF8.self).replacingOccurrences(
                of: "\"price\": 1.345", with: "\"price\": 0"))
        let invalid = try await api(h, ["create", bad, "--community", Harness.community, "--channel", Harness.channel])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("price_not_positive"))
        // the server's 400 (validation skipped): 65 with the issues
        let refused = try await api(
            h, ["create", bad, "--community", Harness.community, "--channel", Harness.channel, "--no-validate"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("price_not_positive"))
        // a bad id: 64, nothing sent
        #expect(try await api(h, ["get", "xyz"]).status == 64)
        #expect(h.requests.count == sentBefore + 2)  // the key-file create and the --no-validate one
        await h.stop()

        // a server that stays unavailable: 69
        let down = try await Harness(faults: SandboxFaults(failRate: 1, status: 503))
        let u = try await api(down, ["list", "--max-attempts", "3"])
        #expect(u.status == 69)
        #expect(u.stderr.contains("3 attempts"))
        #expect(down.requests.count == 3)
        await down.stop()
    }

    @Test func dryRunIsWhatIsSent() async throws {
        let h = try await Harness()
        let create = Fixture.path("create-analysis.json")
        let args = ["create", create, "--community", Harness.community, "--channel", Harness.channel]
        let dry = try await api(h, args + ["--dry-run"])
        #expect(dry.status == 0)
        #expect(h.requests.isEmpty)
        #expect(!dry.stdout.contains(Harness.key))
        #expect(dry.stdout.hasPrefix("curl "))

        let real = try await api(h, args)
        #expect(real.status == 0)
        let sent = try #require(h.requests.last)

        // Run the printed command with curl: the sandbox receives the same bytes.
        let curl = try await Tool.run(["-c", dry.stdout], env: env, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(curl.status == 0, "\(curl.stderr)")
        let replayed = try #require(h.requests.last)
        #expect(h.requests.count == 2)
        #expect(replayed.body == sent.body)
        #expect(replayed.method == sent.method)
        #expect(replayed.uri == sent.uri)
        for name in ["authorization", "content-type", "accept", "user-agent"] {
            #expect(replayed.header(name) == sent.header(name), "\(name)")
        }
        // same key, same body: the first answer
        #expect(Tool.json(curl.stdout)?["data"]?["analysisId"] == Tool.json(real.stdout)?["analysisId"])
        #expect(await h.sandbox.analysisCount == 1)

        // the other commands too
        let id = try #require(Tool.json(real.stdout)?["analysisId"]?.stringValue)
        for cmd in [
            ["get", id], ["list", "--page", "2", "--limit", "5"], ["update", id, Fixture.path("update-analysis.json")],
            ["delete", id],
        ] {
            let d = try await api(h, cmd + ["--dry-run"])
            #expect(d.status == 0)
            let n = h.requests.count
            #expect(try await api(h, cmd).status == 0)
            let s = h.requests[n]
            let c = try await Tool.run(["-c", d.stdout], env: env, executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(c.status == 0)
            let e = h.requests[n + 1]
            #expect(s.body == e.body && s.uri == e.uri && s.method == e.method, "\(cmd[0])")
        }
        await h.stop()
    }

    @Test func sandboxCommandWithDatabaseSurvivesRestart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartdraw-sbx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("state.sqlite").path
        let key = ["RETURNING_AI_API_KEY": "sandbox-key"]

        let s1 = try await SandboxProcess.start(["--db", db])
        let r = try await Tool.run(
            [
                "api", "create", Fixture.path("create-analysis.json"), "--community", Harness.community, "--channel",
                Harness.channel, "--base-url", s1.url,
            ],
            env: key)
        await s1.stop()
        #expect(r.status == 0, "\(r.stderr)")
        let id = try #require(Tool.json(r.stdout)?["analysisId"]?.stringValue)

        let s2 = try await SandboxProcess.start(["--db", db])
        let g = try await Tool.run(["api", "get", id, "--base-url", s2.url], env: key)
        await s2.stop()
        #expect(g.status == 0, "\(g.stderr)")
        #expect(Tool.json(g.stdout)?["analysisId"]?.stringValue == id)
    }

    @Test func sandboxCommandInjectsFaults() async throws {
        let s = try await SandboxProcess.start(["--status", "503", "--retry-after", "0"])
        let r = try await Tool.run(
            ["api", "list", "--base-url", s.url, "--max-attempts", "2"], env: ["RETURNING_AI_API_KEY": "sandbox-key"])
        await s.stop()
        #expect(r.status == 69)
        #expect(r.stderr.contains("HTTP 503"))
    }

    @Test func sandboxRejectsBadFlags() async throws {
        #expect(try await Tool.run(["sandbox", "--fail-rate", "2"]).status == 64)
        #expect(try await Tool.run(["sandbox", "--key", "@x"]).status == 64)
        #expect(try await Tool.run(["sandbox", "--port", "70000"]).status == 64)
    }

    @Test func helpListsTheExitCodes() async throws {
        let r = try await Tool.run(["--help"])
        for code in [
            "65  api: the server refused", "69  api: the server stayed unavailable", "77  api: authentication failed",
        ] {
            #expect(r.stdout.contains(code), "\(code)")
        }
    }
}
