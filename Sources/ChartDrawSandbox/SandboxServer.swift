import ChartDrawWire
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The sandbox: a local server with the Chart Analysis API's documented behaviour (and the
/// engine's decisions where the documentation is silent), for bot developers and tests.
///
/// Routes come from `APIEndpoints` under ``SandboxConfiguration/pathPrefix``; every request
/// needs `Authorization: Bearer <key>` with a configured key (401 otherwise; 403 outside the
/// key's communities).
public enum Sandbox {
    /// Starts the sandbox and returns once it listens.
    public static func start(_ configuration: SandboxConfiguration) async throws -> RunningSandbox {
        let db = try configuration.databasePath.map { try SandboxDatabase(path: $0) }
        let state = try SandboxState(db: db)
        let responder = SandboxResponder(
            configuration: configuration, state: state, faults: FaultSequence(configuration.faults))
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "chartdraw-sandbox")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "chartdraw-sandbox"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? -1)
                portContinuation.finish()
            },
            logger: logger)
        let task = Task {
            // A server that cannot bind ends the stream too, so start() does not wait forever.
            defer { portContinuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var port = -1
        for await p in portStream {
            port = p
            break
        }
        if port < 0 {
            task.cancel()
            _ = try await task.value
            throw SandboxError("the sandbox did not start listening on \(configuration.host):\(configuration.port)")
        }
        return RunningSandbox(port: port, task: task, state: state)
    }
}

/// A sandbox that listens; ``stop()`` shuts it down.
public final class RunningSandbox: Sendable {
    /// The port it listens on.
    public let port: Int
    private let task: Task<Void, any Error>
    let state: SandboxState

    init(port: Int, task: Task<Void, any Error>, state: SandboxState) {
        self.port = port
        self.task = task
        self.state = state
    }

    /// How many analyses it holds.
    public var analysisCount: Int {
        get async { await state.count }
    }

    /// Stops listening and waits until the server has shut down.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Runs until the server stops (or the calling task is cancelled).
    public func wait() async throws {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}

/// Why the sandbox cannot start.
public struct SandboxError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

/// The fault decisions, in order: a seeded SplitMix64 sequence.
final class FaultSequence: Sendable {
    let faults: SandboxFaults
    private let state: Mutex<UInt64>

    init(_ f: SandboxFaults) {
        faults = f
        state = Mutex(f.seed ?? UInt64.random(in: 0...UInt64.max))
    }

    /// A number in 0..<1.
    func next() -> Double {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z = z ^ (z >> 31)
            return Double(z >> 11) / Double(1 << 53)
        }
    }
}

/// Routes one request: faults, body limit, auth, then the operation.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let configuration: SandboxConfiguration
    let state: SandboxState
    let faults: FaultSequence

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body: [UInt8]
        do {
            let buffer = try await request.collectBody(upTo: configuration.maxBodyBytes)
            body = Array(buffer.readableBytesView)
        } catch {
            return reply(
                .error(413, "The body is larger than the sandbox's limit of \(configuration.maxBodyBytes) bytes."))
        }
        if let hook = configuration.onRequest {
            hook(
                RecordedRequest(
                    method: request.method.rawValue, uri: request.head.path ?? "",
                    headers: request.headers.map { [$0.name.canonicalName, $0.value] }, body: body))
        }
        let f = faults.faults
        if f.latency > .zero { try await Task.sleep(for: f.latency) }
        if f.failRate > 0, faults.next() < f.failRate {
            var r = reply(.error(f.status, "Injected fault: HTTP \(f.status)."))
            if let ra = f.retryAfter, let name = HTTPField.Name("Retry-After") { r.headers[name] = String(ra) }
            return r
        }
        let drop = f.dropRate > 0 && faults.next() < f.dropRate
        var out = await handle(request, body)
        if drop { out = Self.dropped(out) }
        return out
    }

    private func handle(_ request: Request, _ body: [UInt8]) async -> Response {
        guard let (op, params) = route(request) else {
            return reply(.error(404, "No route for \(request.method.rawValue) \(request.uri.path)."))
        }
        guard let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") else {
            return reply(.error(401, "Missing API key: send Authorization: Bearer <key>."))
        }
        let token = String(auth.dropFirst("Bearer ".count))
        guard let key = configuration.keys.first(where: { $0.key == token }) else {
            return reply(.error(401, "Invalid or expired API key."))
        }
        let id = params["analysisId"] ?? ""
        switch op {
        case .create:
            return reply(
                await state.create(
                    community: params["communityId"] ?? "", channel: params["channelId"] ?? "", body: body, key: key))
        case .get: return reply(await state.get(id, key: key))
        case .list:
            let q = request.uri.queryParameters
            return reply(
                await state.list(page: q["page"].map(String.init), limit: q["limit"].map(String.init), key: key))
        case .update: return reply(await state.update(id, body: body, key: key))
        case .append: return reply(await state.append(id, body: body, key: key))
        case .delete: return reply(await state.delete(id, key: key))
        }
    }

    /// Matches the path against every `APIEndpoints` template under the prefix.
    private func route(_ request: Request) -> (APIOperation, [String: String])? {
        var prefix = Substring(configuration.pathPrefix)
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty && !prefix.hasPrefix("/") { prefix = "/" + prefix }
        let path = Substring(request.uri.path)
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for op in APIOperation.allCases {
            let t = APIEndpoints.template(op)
            guard t.method == request.method.rawValue else { continue }
            let parts = t.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard parts.count == rest.count else { continue }
            var params: [String: String] = [:]
            var ok = true
            for (p, v) in zip(parts, rest) {
                if p.hasPrefix("{") && p.hasSuffix("}") {
                    params[String(p.dropFirst().dropLast())] = String(v).removingPercentEncoding ?? String(v)
                } else if p != v {
                    ok = false
                    break
                }
            }
            if ok { return (op, params) }
        }
        return nil
    }

    private func reply(_ r: SandboxReply) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        for (n, v) in r.headers { if let name = HTTPField.Name(n) { headers[name] = v } }
        return Response(
            status: .init(code: r.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: r.body)))
    }

    /// The answer's head with a body that fails before its first byte: the server has acted,
    /// the client sees the connection close before the response completes.
    private static func dropped(_ r: Response) -> Response {
        var out = r
        out.body = ResponseBody(contentLength: 1 << 20) { _ in throw DroppedConnection() }
        return out
    }
}

struct DroppedConnection: Error {}

extension String {
    /// `%XX` sequences decoded; nil when one is malformed or the result is not UTF-8.
    fileprivate var removingPercentEncoding: String? {
        var out: [UInt8] = []
        var u = self.utf8[...]
        while let b = u.first {
            u = u.dropFirst()
            if b == UInt8(ascii: "%") {
                guard u.count >= 2, let v = UInt8(String(decoding: u.prefix(2), as: UTF8.self), radix: 16) else {
                    return nil
                }
                out.append(v)
                u = u.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
