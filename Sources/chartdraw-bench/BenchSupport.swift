import ChartDraw
import ChartDrawWire

#if canImport(Glibc)
    import Glibc
#endif

/// Clock, memory, file and statistics helpers of the render benchmark (no Foundation).
enum BenchSupport {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Peak resident set size of this process so far, KiB (`ru_maxrss` on Linux).
    static func maxRSSKiB() -> Int {
        var ru = rusage()
        getrusage(RUSAGE_SELF.rawValue, &ru)
        return Int(ru.ru_maxrss)
    }

    /// Writes a message to standard error.
    static func err(_ s: String) { FileIO.stderr(s) }

    /// Prints one line to standard output.
    static func emit(_ line: String) { FileIO.stdout(line + "\n") }

    /// The whole file, or `nil` when it cannot be read.
    static func read(_ path: String) -> [UInt8]? { try? FileIO.read(path) }

    /// Writes the bytes to a file; `false` on any error.
    static func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let f = fopen(path, "wb") else { return false }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        return fclose(f) == 0 && n == bytes.count
    }

    /// Median of a list (the mean of the two middle values for an even count); NaN when empty.
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// A JSON number with at most `digits` decimals (`null` when not finite).
    static func num(_ v: Double, digits: Int = 3) -> String {
        guard v.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return JSONWriter.formatNumber((v * scale).rounded() / scale)
    }

    /// A JSON string literal for plain ASCII text (keys and mode names).
    static func str(_ s: String) -> String { "\"" + s + "\"" }

    /// A JSON object from ordered key and pre-rendered value pairs.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// Reads a file one line at a time with `getline`, so a 100 MB batch never sits in memory whole.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// Opens a file; `nil` when it cannot be opened.
    init?(path: String) {
        guard let f = fopen(path, "rb") else { return nil }
        file = f
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// Calls `body` with the next non-empty line (without its line break); `false` at the end.
    func next<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R? {
        while true {
            let n = getline(&buffer, &capacity, file)
            guard n > 0, let buffer else { return nil }
            var len = n
            while len > 0 && (buffer[len - 1] == 0x0A || buffer[len - 1] == 0x0D) { len -= 1 }
            if len == 0 { continue }
            return body(UnsafeRawBufferPointer(start: buffer, count: len))
        }
    }
}
