/// Locates byte offsets in a JSON text: their line and column, and the JSON pointer of the
/// innermost value around them. Used only when reporting errors (it re-scans the text).
///
/// One locator answers any number of offsets in increasing order in one pass over the text,
/// so that reporting many problems (100,000 duplicate keys) stays linear.
struct JSONPointerLocator {
    private let b: UnsafeRawBufferPointer

    // Line and column scan.
    private var lineAt = 0
    private var line = 1
    private var col = 1

    // Pointer scan.
    private var k = 0
    private var stack: [Frame] = []
    private var expectingKey = false

    init(_ bytes: UnsafeRawBufferPointer) { b = bytes }

    /// Line and column (from 1; columns count characters) of `offset`.
    static func lineColumn(_ b: UnsafeRawBufferPointer, offset: Int) -> (Int, Int) {
        var l = JSONPointerLocator(b)
        return l.lineColumn(offset)
    }

    /// The pointer of the innermost array element or object member being read at `offset`.
    static func pointer(_ b: UnsafeRawBufferPointer, offset: Int) -> String {
        var l = JSONPointerLocator(b)
        return l.pointer(offset)
    }

    /// Line and column of `offset`; offsets must not decrease from one call to the next
    /// (a smaller one starts over).
    mutating func lineColumn(_ offset: Int) -> (Int, Int) {
        if offset < lineAt { (lineAt, line, col) = (0, 1, 1) }
        let end = min(offset, b.count)
        while lineAt < end {
            let c = b[lineAt]
            if c == 0x0A {
                line += 1
                col = 1
            } else if c & 0xC0 != 0x80 {
                col += 1
            }
            lineAt += 1
        }
        return (line, col)
    }

    /// The pointer at `offset`: a tolerant scan that tracks containers, keys and element
    /// indices. Offsets must not decrease from one call to the next (a smaller one starts over).
    mutating func pointer(_ offset: Int) -> String {
        if offset < k { (k, stack, expectingKey) = (0, [], false) }
        let end = min(offset, b.count)
        while k < end {
            let c = b[k]
            switch c {
            case UInt8(ascii: "{"):
                Self.markStarted(&stack)
                stack.append(.object(key: nil))
                expectingKey = true
                k += 1
            case UInt8(ascii: "["):
                Self.markStarted(&stack)
                stack.append(.array(index: 0, started: false))
                k += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectingKey = false
                k += 1
            case UInt8(ascii: ","):
                if case .array(let idx, _)? = stack.last {
                    stack[stack.count - 1] = .array(index: idx + 1, started: false)
                } else if case .object? = stack.last {
                    expectingKey = true
                }
                k += 1
            case UInt8(ascii: ":"):
                expectingKey = false
                k += 1
            case UInt8(ascii: "\""):
                var j = k + 1
                var bytes: [UInt8] = []
                while j < b.count && b[j] != UInt8(ascii: "\"") {
                    if b[j] == UInt8(ascii: "\\") && j + 1 < b.count {
                        bytes.append(b[j + 1])
                        j += 2
                    } else {
                        bytes.append(b[j])
                        j += 1
                    }
                }
                if j >= end {
                    // The string runs past `offset`: answer as if the scan stopped here, and
                    // read the string again on the next call.
                    var tentative = stack
                    if !(expectingKey && { if case .object? = stack.last { return true } else { return false } }()) {
                        Self.markStarted(&tentative)
                    }
                    return Self.render(tentative)
                }
                if expectingKey, case .object? = stack.last {
                    stack[stack.count - 1] = .object(key: String(decoding: bytes, as: UTF8.self))
                    expectingKey = false
                } else {
                    Self.markStarted(&stack)
                }
                k = j + 1
            case 0x20, 0x0A, 0x0D, 0x09:
                k += 1
            default:
                Self.markStarted(&stack)
                k += 1
            }
        }
        return Self.render(stack)
    }

    private static func render(_ stack: [Frame]) -> String {
        var out = ""
        for f in stack {
            switch f {
            case .object(let key):
                guard let key else { return out }
                out += "/" + JSONPointer.escape(key)
            case .array(let idx, let started):
                guard started else { return out }
                out += "/\(idx)"
            }
        }
        return out
    }

    private enum Frame {
        case object(key: String?)
        case array(index: Int, started: Bool)
    }

    private static func markStarted(_ stack: inout [Frame]) {
        if case .array(let idx, false)? = stack.last { stack[stack.count - 1] = .array(index: idx, started: true) }
    }
}

/// RFC 6901 JSON pointers.
public enum JSONPointer {
    /// Escapes one reference token: `~` as `~0`, `/` as `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var out = ""
        for ch in token.unicodeScalars {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
