import ChartDrawCore

/// Why a JSON text is malformed, where (offset, line, column) and the nearest JSON pointer.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    /// The kinds of malformed JSON the parser tells apart.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The text ends inside a value.
        case truncated = "json_truncated"
        /// A character that cannot stand here.
        case unexpectedCharacter = "json_unexpected_character"
        /// A comma before `]` or `}`.
        case trailingComma = "json_trailing_comma"
        /// A backslash escape that JSON does not define, or a malformed `\u`.
        case invalidEscape = "json_invalid_escape"
        /// A raw control character (U+0000 to U+001F) inside a string.
        case controlCharacter = "json_control_character"
        /// Bytes that are not UTF-8.
        case invalidUTF8 = "json_invalid_utf8"
        /// A `\uD800`-style escape without its partner.
        case loneSurrogate = "json_lone_surrogate"
        /// `NaN`, `Infinity` or `-Infinity`: not JSON.
        case nonStandardNumber = "json_nonstandard_number"
        /// A number too large for a double (`1e400`).
        case numberOutOfRange = "json_number_out_of_range"
        /// A malformed number (`01`, `1.`, `-`, `1e`).
        case invalidNumber = "json_invalid_number"
        /// More after the top-level value.
        case trailingContent = "json_trailing_content"
        /// The same key twice in one object.
        case duplicateKey = "json_duplicate_key"
        /// Arrays and objects nested deeper than the limit.
        case tooDeep = "json_too_deep"
        /// An empty input.
        case empty = "json_empty"
        /// An object or array with more members than `ChartDrawCore/ResourceLimits/maxMembersPerContainer`.
        case tooManyMembers = "json_too_many_members"
        /// A string longer than `ChartDrawCore/ResourceLimits/maxStringBytes`.
        case stringTooLong = "json_string_too_long"
        /// A body larger than `ChartDrawCore/ResourceLimits/maxBodyBytes`.
        case bodyTooLarge = "body_too_large"
    }

    /// What is wrong.
    public var kind: Kind
    /// UTF-8 byte offset of the problem, from 0.
    public var offset: Int
    /// Line of the problem, from 1.
    public var line: Int
    /// Column of the problem in characters, from 1.
    public var column: Int
    /// RFC 6901 pointer of the nearest value that encloses the problem (`""` = the document).
    public var pointer: String
    /// One sentence: the problem, the offending text and the fix.
    public var message: String

    /// The stable issue code, e.g. `json_truncated`.
    public var code: String { kind.rawValue }
}

/// A syntax error before line, column and pointer are known (they cost a re-scan).
struct ScanError: Error {
    var kind: JSONSyntaxError.Kind
    var offset: Int
    /// A few words about the offending text, e.g. `'x'` or the key.
    var detail: String = ""
    /// Where to locate the pointer when not at `offset` (a duplicate key: its value).
    var pointerOffset: Int? = nil

    /// Completes the error with its line, column, pointer and message.
    func complete(in bytes: UnsafeRawBufferPointer) -> JSONSyntaxError {
        var locator = JSONPointerLocator(bytes)
        return complete(with: &locator)
    }

    /// Completes the error with a locator that has answered only smaller offsets (errors in
    /// offset order share one pass over the text).
    func complete(with locator: inout JSONPointerLocator) -> JSONSyntaxError {
        let (line, column) = locator.lineColumn(offset)
        let pointer = locator.pointer(pointerOffset ?? offset)
        let at = "at line \(line), column \(column)"
        let message: String
        switch kind {
        case .truncated:
            message = "The JSON text ends too early \(at); send the complete body."
        case .unexpectedCharacter:
            message = "Unexpected \(detail) \(at); check the JSON syntax near it."
        case .trailingComma:
            message = "Trailing comma before \(detail) \(at); remove the comma."
        case .invalidEscape:
            message =
                "Invalid escape \(detail) in a string \(at); use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX."
        case .controlCharacter:
            message = "Raw control character \(detail) in a string \(at); escape it (e.g. \\n)."
        case .invalidUTF8:
            message = "Invalid UTF-8 byte \(detail) \(at); send the body as UTF-8."
        case .loneSurrogate:
            message =
                "Lone surrogate escape \(detail) \(at); a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one."
        case .nonStandardNumber:
            message = "\(detail) \(at) is not a JSON number; send a finite number."
        case .numberOutOfRange:
            message = "The number \(detail) \(at) is beyond the range of a double; send a smaller number."
        case .invalidNumber:
            message = "Malformed number \(detail) \(at); write numbers like 12, 0.5 or 1e-3 (no leading zeros)."
        case .trailingContent:
            message = "Unexpected \(detail) after the JSON value \(at); send exactly one JSON value."
        case .duplicateKey:
            message = "Duplicate key \(detail) \(at); send each key once (the last one is used)."
        case .tooDeep:
            message = "Arrays and objects nested deeper than \(detail) levels \(at); flatten the value."
        case .empty:
            message = "The input is empty; send a JSON object."
        case .tooManyMembers:
            message = "An object or array with more than \(detail) members \(at); send fewer members."
        case .stringTooLong:
            message = "A string longer than \(detail) bytes \(at); send a shorter string."
        case .bodyTooLarge:
            message = "The body is \(detail); send at most \(ResourceLimits.standard.maxBodyBytes) bytes."
        }
        return JSONSyntaxError(
            kind: kind, offset: offset, line: line, column: column, pointer: pointer, message: message)
    }
}
