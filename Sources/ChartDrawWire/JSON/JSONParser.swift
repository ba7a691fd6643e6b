public import ChartDrawCore

/// A strict RFC 8259 parser from UTF-8 bytes to `ChartDrawCore/JSONValue`.
///
/// Objects keep their member order and numbers their literal text. Rejected: trailing commas,
/// comments, `NaN`/`Infinity`, leading zeros, numbers beyond the range of a double, invalid
/// UTF-8, lone surrogates, raw control characters in strings, duplicate keys, content after
/// the value and nesting deeper than ``defaultMaxDepth``. A UTF-8 byte order mark is skipped
/// (callers that care can test ``hasByteOrderMark(_:)``).
public enum JSONParser {
    /// The default limit on nested arrays and objects.
    public static let defaultMaxDepth = ResourceLimits.standard.maxNestingDepth

    /// Parses one JSON value.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        let r: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buf in
            do throws(JSONSyntaxError) {
                return .success(try parse(buf, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        return try r.get()
    }

    /// Parses one JSON value from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses one JSON value from raw bytes.
    public static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError)
        -> JSONValue
    {
        var s = JSONScanner(bytes, maxDepth: maxDepth)
        do throws(ScanError) {
            if hasByteOrderMark(bytes) { s.i = 3 }
            s.skipWS()
            if s.i >= s.n { throw ScanError(kind: .empty, offset: s.i) }
            let v = try s.parseValue(depth: 0, rejectOverflow: true)
            s.skipWS()
            if s.i < s.n { throw ScanError(kind: .trailingContent, offset: s.i, detail: s.describe(s.i)) }
            return v
        } catch {
            throw error.complete(in: bytes)
        }
    }

    /// Whether the bytes start with a UTF-8 byte order mark (EF BB BF).
    public static func hasByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}

extension JSONScanner {
    /// Parses any value at the current position into a tree.
    mutating func parseValue(depth: Int, rejectOverflow: Bool) throws(ScanError) -> JSONValue {
        let c = try peek()
        switch c {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw ScanError(kind: .tooDeep, offset: i, detail: "\(maxDepth)") }
            let open = i
            i += 1
            // Members in order; a repeated key empties the earlier slot (the last one wins and
            // takes the last place). Keys are looked up in a set once the object is not tiny,
            // so that wide objects and many repeats stay linear.
            var members: [JSONMember?] = []
            var index: [String: Int] = [:]
            var removed = 0
            var first = true
            let limit = ResourceLimits.standard.maxMembersPerContainer
            while try nextMember(&first) {
                let keyAt = keyStart - 1
                let key = keyString()
                var earlier: Int?
                if members.count <= 8 {
                    earlier = members.firstIndex { $0?.key == key }
                } else {
                    if index.isEmpty {
                        for (k, m) in members.enumerated() { if let m { index[m.key] = k } }
                    }
                    earlier = index[key]
                }
                if let earlier {
                    let e = ScanError(kind: .duplicateKey, offset: keyAt, detail: "'\(key)'", pointerOffset: i)
                    guard noteDuplicates else { throw e }
                    notes.append(e)
                    members[earlier] = nil
                    removed += 1
                }
                guard members.count - removed < limit else { throw tooManyMembers(open) }
                let v = try parseValue(depth: depth + 1, rejectOverflow: rejectOverflow)
                if !index.isEmpty { index[key] = members.count }
                members.append(JSONMember(key, v))
            }
            guard removed > 0 else {
                return .object(
                    members.map { member in
                        guard let member else { preconditionFailure("an emptied member is counted in `removed`") }
                        return member
                    })
            }
            return .object(members.compactMap { $0 })
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw ScanError(kind: .tooDeep, offset: i, detail: "\(maxDepth)") }
            let open = i
            i += 1
            var items: [JSONValue] = []
            var first = true
            let limit = ResourceLimits.standard.maxMembersPerContainer
            while try nextElement(&first) {
                guard items.count < limit else { throw tooManyMembers(open) }
                items.append(try parseValue(depth: depth + 1, rejectOverflow: rejectOverflow))
            }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "-"), 48...57:
            let (s, e, v) = try readNumber()
            let literal = String(decoding: UnsafeRawBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
            if rejectOverflow && !v.isFinite {
                throw ScanError(kind: .numberOutOfRange, offset: s, detail: literal)
            }
            return .number(JSONNumber(literal: literal, value: v))
        default:
            return try readLiteral()
        }
    }
}
