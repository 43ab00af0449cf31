/// A parsed JSON value that remembers where it stood in its file, for error messages.
///
/// Objects keep their keys in file order (an array of pairs, never a dictionary), so anything
/// derived from them is deterministic.
public struct JSONValue: Equatable, Sendable {
    /// The value itself.
    public enum Kind: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([(key: String, value: JSONValue)])

        /// Structural equality; object members compare in order.
        public static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.number(let a), .number(let b)): return a == b
            case (.string(let a), .string(let b)): return a == b
            case (.array(let a), .array(let b)): return a == b
            case (.object(let a), .object(let b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    /// The value.
    public var kind: Kind
    /// 1-based line of the value's first character.
    public var line: Int
    /// 1-based column (in Unicode scalars, as `JSONParser` counts them) of the value's first character.
    public var column: Int

    /// A word for the value's type, as used in messages ("a number", "a list", …).
    public var typeDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// The member named `key` of an object, if present.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }
}
