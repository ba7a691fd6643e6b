public import ChartDrawCore

/// A deterministic JSON writer: compact, or pretty with 2-space indents and `"key": value`.
///
/// Strings escape only `"`, `\` and control characters (non-ASCII stays UTF-8, `/` is not
/// escaped); numbers are written in the shortest form that reads back to the same double,
/// in the style of ECMAScript's Number-to-String (see ``formatNumber(_:)``).
public struct JSONWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether to write newlines and indents.
    public let pretty: Bool
    /// One entry per open container: whether it already has a member.
    private var hasItem: [Bool] = []

    /// Creates a writer.
    public init(pretty: Bool = false, reserve: Int = 1024) {
        self.pretty = pretty
        bytes.reserveCapacity(reserve)
    }

    // MARK: - Structure

    /// Opens an object (as a value).
    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        hasItem.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array (as a value).
    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        hasItem.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the innermost object: separator, indent and `"key":`.
    public mutating func key(_ k: String) {
        separate()
        writeString(k)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
    }

    /// Starts an element of the innermost array.
    public mutating func element() { separate() }

    private mutating func separate() {
        if hasItem[hasItem.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasItem[hasItem.count - 1] = true
        if pretty { newline(hasItem.count) }
    }

    private mutating func close(_ c: UInt8) {
        let had = hasItem.removeLast()
        if pretty && had { newline(hasItem.count) }
        bytes.append(c)
    }

    private mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        for _ in 0..<(level * 2) { bytes.append(0x20) }
    }

    // MARK: - Scalars

    /// Writes a string value with JSON escapes.
    public mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: their bytes go in at once.
        let plain =
            s.utf8.withContiguousStorageIfAvailable { u -> Bool in
                for c in u where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return false }
                bytes.append(contentsOf: u)
                return true
            } ?? false
        if plain {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(c)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(c)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a number in its shortest round-trip form; `null` when it is not finite (as
    /// ECMAScript's `JSON.stringify` does).
    public mutating func writeNumber(_ v: Double) {
        // The same text as formatNumber(_:), without building it for the common forms.
        if v.isFinite && v == v.rounded() && abs(v) < 1e15 {
            writeInteger(Int64(v))
            return
        }
        if v.isFinite && v != v.rounded() {
            // A description without an exponent (and not a whole number) is already the
            // ECMAScript form: the shortest digits with the point where it belongs.
            let d = v.description
            let done =
                d.utf8.withContiguousStorageIfAvailable { u -> Bool in
                    for c in u where c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { return false }
                    bytes.append(contentsOf: u)
                    return true
                } ?? false
            if done { return }
        }
        bytes.append(contentsOf: JSONWriter.formatNumber(v).utf8)
    }

    /// Writes a whole number.
    public mutating func writeInteger(_ v: Int64) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var x = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { buf in
            var k = buf.count
            repeat {
                k -= 1
                buf[k] = UInt8(truncatingIfNeeded: 48 &+ x % 10)
                x /= 10
            } while x > 0
            bytes.append(contentsOf: buf[k...])
        }
    }

    /// Writes a time as its canonical ISO-8601 string (no escape is ever needed).
    mutating func writeTimestamp(_ t: Timestamp) {
        bytes.append(UInt8(ascii: "\""))
        t.appendISO8601(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `true` or `false`.
    public mutating func writeBool(_ v: Bool) {
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
    }

    /// Writes `null`.
    public mutating func writeNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes a value tree; numbers keep their literal text.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case .bool(let b): writeBool(b)
        case .number(let num): bytes.append(contentsOf: num.literal.utf8)
        case .string(let s): writeString(s)
        case .array(let items):
            beginArray()
            for item in items {
                element()
                write(item)
            }
            endArray()
        case .object(let members):
            beginObject()
            for m in members {
                key(m.key)
                write(m.value)
            }
            endObject()
        }
    }

    /// The JSON text of `value`.
    public static func encode(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.write(value)
        return w.bytes
    }
}
