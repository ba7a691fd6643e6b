/// A JSON value as it was sent, kept for fields the engine does not model.
///
/// Objects keep their key order; numbers keep their literal text, so writing a value back
/// reproduces what the caller sent.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
}

/// One member of a JSON object: a key and its value, in the order they were sent.
public struct JSONMember: Hashable, Sendable {
    /// The member's key.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON number: its literal text as sent and the nearest `Double`.
public struct JSONNumber: Hashable, Sendable {
    /// The literal text, valid JSON number grammar (`-0`, `12`, `1.5e-3`).
    public let literal: String
    /// The nearest double (may be infinite when the literal is out of range).
    public let value: Double

    /// Creates a number from a literal already checked against the JSON grammar.
    public init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }
}

extension JSONValue {
    /// The value of member `key` when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }
}
