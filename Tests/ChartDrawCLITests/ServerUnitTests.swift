import Foundation
import Logging
import Testing

@testable import ChartDrawServer

@Suite("Server parts")
struct ServerUnitTests {
    @Test("SHA-256 matches the FIPS 180-4 vectors, across block boundaries")
    func sha256() {
        func digest(_ s: String) -> String { TagHasher.hex(of: Array(s.utf8)) }
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            digest(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the image cache keeps the most recently used images within its byte budget")
    func lru() {
        let cache = ImageCache(capacityBytes: 3 * (1000 + 2 + 256))
        func image(_ n: Int) -> CachedImage {
            CachedImage(
                bytes: [UInt8](repeating: UInt8(n), count: 1000), contentType: "image/png", warnings: [], issues: [])
        }
        cache.put("k1", image(1))
        cache.put("k2", image(2))
        cache.put("k3", image(3))
        #expect(cache.get("k1")?.bytes.first == 1)  // k1 is now the most recent
        cache.put("k4", image(4))  // evicts k2, the least recent
        #expect(cache.get("k2") == nil)
        #expect(cache.get("k1") != nil && cache.get("k3") != nil && cache.get("k4") != nil)
        #expect(cache.usage.entries == 3 && cache.usage.bytes <= cache.capacity)
        cache.put(
            "big", CachedImage(bytes: [UInt8](repeating: 0, count: 10_000), contentType: "", warnings: [], issues: []))
        #expect(cache.get("big") == nil && cache.usage.entries == 3)
        let off = ImageCache(capacityBytes: 0)
        off.put("k", image(1))
        #expect(off.get("k") == nil && !off.isEnabled)
    }

    @Test("member ranges point at the client's own bytes, escapes and nesting included")
    func members() throws {
        let text = #"{ "a\u0062" : {"x":"}\"]","y":[1,{"z":2}]}, "n":-1.5e3 ,"s":"q\"","t":[ ] }"#
        let bytes = Array(text.utf8)
        let r = try #require(JSONMembers.ranges(bytes))
        func slice(_ k: String) -> String? { r[k].map { String(decoding: bytes[$0], as: UTF8.self) } }
        #expect(slice("ab") == #"{"x":"}\"]","y":[1,{"z":2}]}"#)
        #expect(slice("n") == "-1.5e3")
        #expect(slice("s") == #""q\"""#)
        #expect(slice("t") == "[ ]")
        #expect(JSONMembers.ranges(Array("[1]".utf8)) == nil)
    }

    @Test("a log line is one JSON object: keys sorted, numbers kept as numbers, text escaped")
    func logLine() throws {
        var handler = JSONLogHandler(label: "test")
        handler[metadataKey: "id"] = "r1"
        let event = LogEvent(
            level: .info, message: "request \"x\"\n\u{1}é",
            metadata: [
                "ms": "12.5", "status": "200", "zip": "007", "neg": "-0.25", "half": ".5", "dot": "5.", "exp": "1e5",
                "id": "r2", "list": .array(["1", "a"]), "map": .dictionary(["b": "x", "a": "2"]),
            ], source: nil, file: "", function: "", line: 0)
        let line = String(decoding: handler.line(event, time: "2026-01-08T12:00:00.123Z"), as: UTF8.self)
        #expect(
            line
                == #"{"time":"2026-01-08T12:00:00.123Z","level":"info","message":"request \"x\"\n\u0001é","dot":"5.","exp":"1e5","half":".5","id":"r2","list":[1,"a"],"map":{"a":2,"b":"x"},"ms":12.5,"neg":-0.25,"status":200,"zip":"007"}"#
                + "\n")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["message"] as? String == "request \"x\"\n\u{1}é")
        #expect(parsed["status"] as? Int == 200 && parsed["zip"] as? String == "007")
        for bad in ["", "-", "01", "1.", ".1", "1e5", "+1", "0x10", "1.2.3", "NaN", " 1"] {
            #expect(!JSONLogHandler.isPlainNumber(bad), "\(bad)")
        }
        for good in ["0", "-0", "7", "10", "0.5", "-12.75"] { #expect(JSONLogHandler.isPlainNumber(good), "\(good)") }
    }

    @Test("log lines below notice are batched, in order; notice and above, and flush, write at once")
    func logBatching() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let output = LogOutput(fd: fds[1], flushEvery: nil)
        output.write(Array("a\n".utf8), now: false)
        output.write(Array("b\n".utf8), now: false)
        var flags = fcntl(fds[0], F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(fds[0], F_SETFL, flags)
        var buf = [UInt8](repeating: 0, count: 64)
        // Nothing yet: fewer than 64 KiB wait for the flusher, a notice or flush().
        #expect(read(fds[0], &buf, 64) == -1)
        output.write(Array("c\n".utf8), now: true)
        var n = read(fds[0], &buf, 64)
        #expect(String(decoding: buf.prefix(max(0, n)), as: UTF8.self) == "a\nb\nc\n")
        output.write(Array("d\n".utf8), now: false)
        output.flush()
        n = read(fds[0], &buf, 64)
        #expect(String(decoding: buf.prefix(max(0, n)), as: UTF8.self) == "d\n")
        // A full batch is written without waiting (the pipe made roomy enough to take it whole:
        // F_SETPIPE_SZ, 1031 on Linux).
        #expect(fcntl(fds[1], 1031, 1 << 20) >= LogOutput.batchBytes)
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: LogOutput.batchBytes)
        output.write(big, now: false)
        var total = 0
        while total < big.count {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let r = read(fds[0], &chunk, chunk.count)
            if r <= 0 { break }
            total += r
        }
        #expect(total == big.count)
        close(fds[1])
    }

    @Test("the background flusher writes waiting lines without a notice or flush()")
    func logFlusher() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        // The thread outlives the test, so the pipe stays open: nothing else gets its number.
        let output = LogOutput(fd: fds[1], flushEvery: 5_000)
        output.write(Array("late\n".utf8), now: false)
        var buf = [UInt8](repeating: 0, count: 16)
        let n = read(fds[0], &buf, 16)  // blocks until the flusher writes
        #expect(String(decoding: buf.prefix(max(0, n)), as: UTF8.self) == "late\n")
    }
}
