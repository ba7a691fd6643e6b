import ArgumentParser
import ChartDraw
import ChartDrawSandbox

/// `chartdraw sandbox`: a local stand-in for the Chart Analysis API.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Run a local server with the Chart Analysis API's behaviour.",
        discussion: """
            For bot development and tests: bearer keys (401/403), ObjectId ids, validation (400 with
            the issues), idempotent creates (same key and body: the first answer; same key, other
            body: 409), update, append, list, get, delete. State is in memory unless --db names a
            SQLite file. Fault flags let a bot test its retries. Prints the URL it listens on,
            then serves until interrupted. Behaviour: docs/api-client.md.
            """)

    @Option(help: "The port; 0 picks a free one.") var port = 8080
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The path prefix.") var pathPrefix = "/v1"
    @Option(
        name: .customLong("key"),
        help:
            "An accepted key, KEY or KEY@COMMUNITY[,COMMUNITY...] (repeatable; default: sandbox-key, every community).")
    var keys: [String] = []
    @Option(help: "A SQLite file that keeps the state across restarts.") var db: String?
    @Option(help: "The fraction of requests (0 to 1) answered with --status without being processed.") var failRate:
        Double?
    @Option(help: "The status of injected failures (alone: every request fails).") var status: Int?
    @Option(help: "Retry-After seconds sent with injected failures.") var retryAfter: Int?
    @Option(help: "The fraction of requests processed, then answered by closing the connection.") var dropRate = 0.0
    @Option(help: "Milliseconds to wait before answering each request.") var latency = 0
    @Option(help: "Seed of the fault sequence (same seed, same faults).") var seed: UInt64?
    @Option(help: "The largest request body, in bytes.") var maxBodyBytes = 4 << 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        for r in [failRate ?? 0, dropRate] where !(0...1).contains(r) {
            throw ValidationError("--fail-rate and --drop-rate are fractions from 0 to 1.")
        }
        if let status, !(400...599).contains(status) {
            throw ValidationError("--status must be an error status, 400 to 599.")
        }
        guard latency >= 0 else { throw ValidationError("--latency must be 0 or more milliseconds.") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive.") }
        for k in keys where SandboxKey(parsing: k) == nil {
            throw ValidationError("--key '\(k)' is not KEY or KEY@COMMUNITY[,COMMUNITY...].")
        }
    }

    func run() async throws {
        let parsed =
            keys.isEmpty ? [SandboxKey(SandboxConfiguration.defaultKey)] : keys.compactMap(SandboxKey.init(parsing:))
        let faults = SandboxFaults(
            failRate: failRate ?? (status == nil ? 0 : 1), status: status ?? 503, retryAfter: retryAfter,
            dropRate: dropRate,
            latency: .milliseconds(latency), seed: seed)
        let config = SandboxConfiguration(
            host: host, port: port, pathPrefix: pathPrefix, keys: parsed, databasePath: db, faults: faults,
            maxBodyBytes: maxBodyBytes)
        let running: RunningSandbox
        do {
            running = try await Sandbox.start(config)
        } catch {
            FileIO.stderr("chartdraw: cannot start the sandbox: \(error)\n")
            throw ExitStatus.unavailable.code
        }
        let keyNote =
            keys.isEmpty
            ? "key: \(SandboxConfiguration.defaultKey)" : "\(parsed.count) key\(parsed.count == 1 ? "" : "s")"
        FileIO.stdout(
            "chartdraw sandbox listening on http://\(host):\(running.port)\(pathPrefix) (\(keyNote)\(db.map { ", db: \($0)" } ?? ", in memory"))\n"
        )
        try await running.wait()
    }
}
