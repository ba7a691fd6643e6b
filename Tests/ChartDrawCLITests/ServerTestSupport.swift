import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP response as the tests read it.
struct HTTPReply {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
}

/// A `chartdraw serve` process on a free loopback port, stopped by the test.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let reader: Thread

    /// Starts `chartdraw serve --host 127.0.0.1 --port 0 ARGS` and waits for its "listening" line.
    init(_ args: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let handle = pipe.fileHandleForReading
        let box = OutputBox()
        reader = Thread {
            while true {
                let d = handle.availableData
                if d.isEmpty { break }
                box.append(d)
            }
            box.close()
        }
        self.box = box
        reader.start()
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline {
            let text = box.text
            if let r = text.range(of: #""message":"listening""#) {
                let line = text[r.lowerBound...].prefix { $0 != "\n" }
                if let p = line.range(of: #""port":"#) {
                    found = Int(line[p.upperBound...].prefix { $0.isNumber })
                }
            }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            process.terminate()
            throw ServerError(message: "the server did not log its port: \(box.text)")
        }
        port = found
    }

    private let box: OutputBox

    /// Everything the server wrote so far.
    var log: String { box.text }

    /// Sends SIGTERM and waits for the exit status (at most `timeout` seconds).
    func stop(timeout: Double = 30) -> Int32? {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// One request on a new connection (Connection: close), read to the end.
    func request(
        _ method: String, _ path: String, body: [UInt8]? = nil, contentType: String? = "application/json",
        headers: [String: String] = [:]
    ) throws -> HTTPReply {
        try HTTPClient.send(
            port: port, method: method, path: path, body: body, contentType: contentType, headers: headers)
    }

    func get(_ path: String) throws -> HTTPReply { try request("GET", path, body: nil, contentType: nil) }

    func post(
        _ path: String, _ text: String, contentType: String? = "application/json", headers: [String: String] = [:]
    ) throws
        -> HTTPReply
    {
        try request("POST", path, body: Array(text.utf8), contentType: contentType, headers: headers)
    }
}

/// Collects a process's output from a reader thread.
final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private(set) var closed = false

    func append(_ d: Data) {
        lock.lock()
        data.append(d)
        lock.unlock()
    }

    func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

struct ServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A minimal HTTP/1.1 client over a POSIX socket: exact control of every header and byte.
enum HTTPClient {
    static func send(
        port: Int, method: String, path: String, body: [UInt8]?, contentType: String?, headers: [String: String]
    ) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError(message: "socket: \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else { throw ServerError(message: "connect to port \(port) failed: errno \(errno)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        var out = Array(head.utf8)
        if let body { out += body }
        var sent = 0
        while sent < out.count {
            let n = out.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }  // the server may answer (413) before reading everything
            sent += n
        }
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            data += buf[0..<n]
        }
        guard let end = find(data, Array("\r\n\r\n".utf8)) else {
            throw ServerError(message: "no HTTP response head (\(data.count) bytes)")
        }
        let lines = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw ServerError(message: "bad status line \(lines[0])")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields[name] = fields[name].map { $0 + ", " + value } ?? value
        }
        var body = Array(data[(end + 4)...])
        if let length = fields["content-length"].flatMap({ Int($0) }), body.count > length {
            body = Array(body[0..<length])
        }
        return HTTPReply(status: status, headers: fields, body: body)
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count)
        where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}

/// A request sent from its own thread (not a task: blocking socket calls must not hold the
/// few threads of the concurrency pool), waited for with ``value()``.
final class BackgroundRequest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<HTTPReply, any Error> = .failure(ServerError(message: "not finished"))

    init(port: Int, path: String, body: String) {
        let thread = Thread { [self] in
            result = Result {
                try HTTPClient.send(
                    port: port, method: "POST", path: path, body: Array(body.utf8), contentType: "application/json",
                    headers: [:])
            }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> HTTPReply {
        done.wait()
        return try result.get()
    }
}
