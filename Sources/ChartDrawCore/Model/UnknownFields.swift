/// Members of a JSON object that the engine does not model, kept so that decoding and
/// encoding again loses nothing.
///
/// Each field remembers the key that stood before it in the input, so that the encoder can
/// write it back in place: right after that key (or first, when nothing stood before it).
public struct UnknownFields: Hashable, Sendable {
    /// One unknown member.
    public struct Field: Hashable, Sendable {
        /// The member's key.
        public var key: String
        /// The member's value, as sent.
        public var value: JSONValue
        /// The key that preceded this member in the input object (known or unknown);
        /// `nil` when it was the first member.
        public var after: String?

        /// Creates a field.
        public init(key: String, value: JSONValue, after: String?) {
            self.key = key
            self.value = value
            self.after = after
        }
    }

    /// The fields in input order.
    public var fields: [Field]

    /// Creates a set of unknown fields (empty by default).
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Whether there are none.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value of an unknown member by key.
    public subscript(key: String) -> JSONValue? {
        fields.first(where: { $0.key == key })?.value
    }
}
