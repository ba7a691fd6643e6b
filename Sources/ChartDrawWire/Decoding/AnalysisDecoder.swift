public import ChartDrawCore

/// Decodes request bodies (create, update or append: one shape) into `Analysis` values.
///
/// Lossless and lenient: members of the wrong type or form are kept as sent for
/// ``ChartAnalysisValidator`` to report; only malformed JSON throws. Duplicate keys keep the
/// last value (validation reports them).
public enum AnalysisDecoder {
    /// Decodes a body; throws when the JSON is malformed or the top level is not an object.
    public static func decode(_ bytes: [UInt8]) throws(JSONSyntaxError) -> Analysis {
        let r: Result<Analysis, JSONSyntaxError> = bytes.withUnsafeBytes { buf in
            let out = decodeBody(buf)
            if let e = out.fatal { return .failure(e) }
            if let e = out.notes.first(where: { $0.kind == .trailingContent }) { return .failure(e) }
            guard let a = out.analysis else {
                return .failure(
                    JSONSyntaxError(
                        kind: .unexpectedCharacter, offset: 0, line: 1, column: 1, pointer: "",
                        message: "The body is not a JSON object; send an object such as {\"sender\": ...}."))
            }
            return .success(a)
        }
        return try r.get()
    }

    /// Decodes a body given as a string.
    public static func decode(_ text: String) throws(JSONSyntaxError) -> Analysis {
        try decode(Array(text.utf8))
    }

    /// What decoding found: the analysis (nil when not an object or malformed), the fatal
    /// syntax error, and problems that did not stop decoding (duplicate keys).
    struct Outcome {
        var analysis: Analysis?
        var fatal: JSONSyntaxError?
        var notes: [JSONSyntaxError]
        var hasBOM: Bool
        var topLevelNotObject: Bool
        /// Times given with a UTC offset: their pointers and texts.
        var offsetTimes: [(pointer: String, text: String)] = []
    }

    /// Decodes from raw bytes.
    static func decodeBody(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var d = BodyDecoder(bytes)
        let bom = JSONParser.hasByteOrderMark(bytes)
        if bom { d.s.i = 3 }
        do throws(ScanError) {
            if bytes.count > ResourceLimits.standard.maxBodyBytes {
                throw ScanError(kind: .bodyTooLarge, offset: 0, detail: "\(bytes.count) bytes", pointerOffset: 0)
            }
            d.s.skipWS()
            if d.s.i >= d.s.n { throw ScanError(kind: .empty, offset: d.s.i) }
            let a = try d.root()
            d.s.skipWS()
            if d.s.i < d.s.n {
                d.s.notes.append(
                    ScanError(kind: .trailingContent, offset: d.s.i, detail: d.s.describe(d.s.i), pointerOffset: 0))
            }
            var out = Outcome(
                analysis: a, fatal: nil, notes: complete(d.s.notes, bytes), hasBOM: bom, topLevelNotObject: a == nil)
            for st in d.offsetTimes {
                var e = st
                while e < bytes.count, bytes[e] != UInt8(ascii: "\"") { e += 1 }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[st..<e]), as: UTF8.self)
                out.offsetTimes.append((JSONPointerLocator.pointer(bytes, offset: st), text))
            }
            return out
        } catch {
            return Outcome(
                analysis: nil, fatal: error.complete(in: bytes), notes: complete(d.s.notes, bytes), hasBOM: bom,
                topLevelNotObject: false)
        }
    }

    private static func complete(_ notes: [ScanError], _ bytes: UnsafeRawBufferPointer) -> [JSONSyntaxError] {
        guard !notes.isEmpty else { return [] }
        var seen = Set<Int>()
        var out: [JSONSyntaxError] = []
        // In offset order, one pass of the locator serves them all (the pointer offsets of
        // duplicate keys grow with their offsets; trailing content's pointer is the document).
        var locator = JSONPointerLocator(bytes)
        for n in notes.sorted(by: { $0.offset < $1.offset }) where seen.insert(n.offset).inserted {
            out.append(n.complete(with: &locator))
        }
        return out
    }
}
