import Foundation
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
}
