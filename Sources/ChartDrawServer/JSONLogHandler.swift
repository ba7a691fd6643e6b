import ChartDraw
import Foundation
public import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// swift-log handler writing one JSON object per line to standard output:
/// `{"time":"2026-01-08T12:00:00.123Z","level":"info","message":"...",<metadata>}`.
///
/// Lines at `notice` and above are written at once. Lines below (the per-request access lines)
/// are gathered and written together at least every 50 ms, or as soon as 64 KiB are waiting:
/// at thousands of requests a second, one write per line would cost more than the line.
/// ``flush()`` writes what is waiting; the server calls it when it stops.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    /// Creates a handler (pass to `LoggingSystem.bootstrap`).
    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        LogOutput.shared.write(line(event, time: Self.now()), now: event.level >= .notice)
    }

    /// Writes the lines still waiting.
    public static func flush() { LogOutput.shared.flush() }

    /// The line for an event, ending in a newline.
    func line(_ event: LogEvent, time: String) -> [UInt8] {
        var w = JSONWriter(reserve: 320)
        w.beginObject()
        w.key("time")
        w.writeString(time)
        w.key("level")
        w.writeString(event.level.rawValue)
        w.key("message")
        w.writeString(event.message.description)
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            w.key(key)
            Self.write(value, to: &w)
        }
        w.endObject()
        var out = w.bytes
        out.append(0x0A)
        return out
    }

    static func write(_ v: Logger.Metadata.Value, to w: inout JSONWriter) {
        switch v {
        case .string(let s):
            // Numbers logged as strings stay numbers in the JSON line.
            if isPlainNumber(s) {
                w.write(.number(JSONNumber(literal: s, value: Double(s) ?? 0)))
            } else {
                w.writeString(s)
            }
        case .stringConvertible(let c): w.writeString(c.description)
        case .array(let a):
            w.beginArray()
            for e in a {
                w.element()
                write(e, to: &w)
            }
            w.endArray()
        case .dictionary(let d):
            w.beginObject()
            for (k, e) in d.sorted(by: { $0.key < $1.key }) {
                w.key(k)
                write(e, to: &w)
            }
            w.endObject()
        }
    }

    /// A JSON number without exponent: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`.
    static func isPlainNumber(_ s: String) -> Bool {
        var u = s.utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        let whole = u.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        u = u.dropFirst(whole.count)
        if u.isEmpty { return true }
        guard u.first == UInt8(ascii: "."), u.count > 1 else { return false }
        return u.dropFirst().allSatisfy(isDigit)
    }

    static func now() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var t = ts.tv_sec
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let ms = Int(ts.tv_nsec / 1_000_000)
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return
            "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)).\(msText)Z"
    }
}

/// Standard output shared by every handler: lines in the order they were logged, written
/// under one lock so that no two lines interleave.
final class LogOutput: Sendable {
    static let shared = LogOutput(fd: 1, flushEvery: 50_000)

    private struct State {
        var pending: [UInt8] = []
        var flusherStarted = false
    }

    private let fd: Int32
    private let interval: useconds_t?
    private let state = Mutex(State())
    static let batchBytes = 64 << 10

    /// Output to `fd`; a background thread writes waiting lines every `flushEvery`
    /// microseconds (none when nil: lines then wait for a full batch, a notice or ``flush()``).
    init(fd: Int32, flushEvery interval: useconds_t?) {
        self.fd = fd
        self.interval = interval
    }

    /// Adds a line; writes everything waiting when `now` or when the batch is full.
    func write(_ line: [UInt8], now: Bool) {
        let startFlusher = state.withLock { s -> Bool in
            s.pending.append(contentsOf: line)
            if now || s.pending.count >= Self.batchBytes {
                drain(&s.pending)
                return false
            }
            if s.flusherStarted || interval == nil { return false }
            s.flusherStarted = true
            return true
        }
        if startFlusher, let interval {
            // Lines still waiting when the process exits (exit() included) are written then.
            atexit { LogOutput.shared.flush() }
            let t = Thread { [self] in
                while true {
                    usleep(interval)
                    flush()
                }
            }
            t.name = "log-flush"
            t.start()
        }
    }

    /// Writes everything waiting.
    func flush() {
        state.withLock { s in drain(&s.pending) }
    }

    private func drain(_ pending: inout [UInt8]) {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return }
            var done = 0
            while done < buf.count {
                let n = Glibc.write(fd, base + done, buf.count - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }  // standard output closed or full: the lines are dropped
                done += n
            }
        }
        pending.removeAll(keepingCapacity: pending.count <= Self.batchBytes * 2)
    }
}
