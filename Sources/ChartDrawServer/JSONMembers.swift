import ChartDraw

/// The byte ranges of the members of a top-level JSON object, so that a member (the analysis,
/// the candles) can be handed to the libraries as the raw bytes the client sent.
///
/// Runs only on bytes that `JSONParser` has accepted, so it needs no error handling of its own.
enum JSONMembers {
    /// `key -> value range` of every top-level member; nil when the value is not an object.
    static func ranges(_ bytes: [UInt8]) -> [String: Range<Int>]? {
        var out: [String: Range<Int>] = [:]
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func ws() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        func skipString() {
            i += 1
            while i < n, bytes[i] != UInt8(ascii: "\"") {
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            i += 1
        }
        func skipValue() {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < n {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\"") {
                        skipString()
                        continue
                    }
                    if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                    if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            return
                        }
                    }
                    i += 1
                }
            default:
                while i < n,
                    ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(
                        bytes[i])
                {
                    i += 1
                }
            }
        }
        ws()
        guard i < n, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while true {
            ws()
            guard i < n, bytes[i] == UInt8(ascii: "\"") else { break }
            let keyStart = i
            skipString()
            let raw = Array(bytes[keyStart..<i])
            let key: String
            if raw.contains(UInt8(ascii: "\\")), case .string(let s)? = try? JSONParser.parse(raw) {
                key = s
            } else {
                key = String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
            }
            ws()
            i += 1  // ':'
            ws()
            let start = i
            skipValue()
            out[key] = start..<i
            ws()
            if i < n, bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
        return out
    }
}
