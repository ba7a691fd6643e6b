public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// swift-log handler writing one JSON object per line to standard output:
/// `{"time":"2026-01-08T12:00:00.123Z","level":"info","message":"...",<metadata>}`.
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
        var line = "{\"time\":\"" + Self.now() + "\",\"level\":\"" + event.level.rawValue + "\",\"message\":"
        line += Self.quote(event.message.description)
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line += "," + Self.quote(key) + ":" + Self.value(value)
        }
        line += "}\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buf in
            guard let base = buf.baseAddress else { return }  // never: a line holds at least "{}"
            var done = 0
            while done < buf.count {
                let n = write(1, base + done, buf.count - done)
                if n <= 0 { break }
                done += n
            }
        }
    }

    static func value(_ v: Logger.Metadata.Value) -> String {
        switch v {
        case .string(let s):
            // Numbers logged as strings stay numbers in the JSON line.
            if let d = Double(s), d.isFinite, s.first != "+", !s.contains("e"),
                !s.hasPrefix("0") || s == "0" || s.hasPrefix("0.")
            {
                return s
            }
            return quote(s)
        case .stringConvertible(let c): return quote(c.description)
        case .array(let a): return "[" + a.map(value).joined(separator: ",") + "]"
        case .dictionary(let d):
            return "{"
                + d.sorted(by: { $0.key < $1.key }).map { quote($0.key) + ":" + value($0.value) }
                .joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
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
