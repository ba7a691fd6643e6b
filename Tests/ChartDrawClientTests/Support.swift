import ChartDrawClient
import ChartDrawCore
import ChartDrawSandbox
import ChartDrawWire
import Foundation
import Synchronization

/// A sandbox on a free loopback port for one test, with every request it received.
final class Harness: Sendable {
    let sandbox: RunningSandbox
    private let log: RequestLog

    static let community = "65a1b2c3d4e5f60718293a4b"
    static let channel = "65a1b2c3d4e5f60718293a4c"
    static let otherCommunity = "65a1b2c3d4e5f60718293aff"
    static let key = "test-key-123"
    static let scopedKey = "scoped-key-456"

    init(
        faults: SandboxFaults = .none, databasePath: String? = nil, prefix: String = "/v1", maxBodyBytes: Int = 4 << 20
    ) async throws {
        let log = RequestLog()
        self.log = log
        sandbox = try await Sandbox.start(
            SandboxConfiguration(
                host: "127.0.0.1", port: 0, pathPrefix: prefix,
                keys: [SandboxKey(Self.key), SandboxKey(Self.scopedKey, communities: [Self.otherCommunity])],
                databasePath: databasePath, faults: faults, maxBodyBytes: maxBodyBytes,
                onRequest: { r in log.append(r) }))
    }

    var baseURL: String { "http://127.0.0.1:\(sandbox.port)" }

    var requests: [RecordedRequest] { log.all }

    func client(
        key: String? = Harness.key, validate: Bool = true,
        retry: RetryPolicy = RetryPolicy(initialDelay: .milliseconds(20), maxDelay: .milliseconds(200)),
        requestTimeout: Duration = .seconds(60), overallTimeout: Duration = .seconds(120), prefix: String = "/v1"
    ) -> ChartDrawClient {
        ChartDrawClient(
            configuration: ClientConfiguration(
                baseURL: baseURL, pathPrefix: prefix, apiKey: key.map(APIKey.init), validateBeforeSending: validate,
                retry: retry,
                requestTimeout: requestTimeout, overallTimeout: overallTimeout))
    }

    func stop() async { await sandbox.stop() }
}

/// Every request a sandbox received, in order.
final class RequestLog: Sendable {
    private let m = Mutex<[RecordedRequest]>([])

    func append(_ r: RecordedRequest) { m.withLock { $0.append(r) } }

    var all: [RecordedRequest] { m.withLock { $0 } }
}

/// Fixtures: the official examples.
enum Fixture {
    static func bytes(_ name: String, filePath: String = #filePath) -> [UInt8] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ChartDrawWireTests/Fixtures/\(name)")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }

    static func path(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ChartDrawWireTests/Fixtures/\(name)").path
    }

    /// The official create example as published (it carries an idempotencyKey).
    static var create: [UInt8] { bytes("create-analysis.json") }

    /// The official example without its idempotencyKey, so the client derives one.
    static var createNoKey: [UInt8] {
        var a = try! AnalysisDecoder.decode(create)
        a.idempotencyKey = nil
        return CanonicalEncoder.encode(a, endpoint: .create, pretty: true)
    }
    static var update: [UInt8] { bytes("update-analysis.json") }

    /// The official create body with another title and no idempotencyKey (a different analysis).
    static func createTitled(_ title: String) -> [UInt8] {
        let s = String(decoding: createNoKey, as: UTF8.self).replacingOccurrences(
            of: "GBPUSD Bullish Bounce from Support", with: title)
        return Array(s.utf8)
    }
}

extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var intValue: Int? { if case .number(let n) = self { Int(n.literal) } else { nil } }
}

/// The error a call threw, for `#expect` on its cases.
func clientError(_ body: () async throws -> some Any) async -> ChartDrawClientError? {
    do {
        _ = try await body()
        return nil
    } catch let e as ChartDrawClientError {
        return e
    } catch {
        return nil
    }
}

extension ChartDrawClientError {
    var apiStatus: Int? { if case .api(let e) = self { e.statusCode } else { nil } }
    var apiError: APIError? { if case .api(let e) = self { e } else { nil } }
}
