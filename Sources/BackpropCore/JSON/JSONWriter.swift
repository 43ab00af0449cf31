/// Writes a `JSONValue` as stable, readable JSON text.
///
/// Objects keep their key order; lists of scalars stay on one line (so a matrix prints one row
/// per line); numbers use Swift's shortest round-trip form, so reading them back gives the
/// same `Double` bit for bit. Non-finite numbers, which JSON cannot hold, are written as null.
public enum JSONWriter {
    /// The document, ending in a newline.
    public static func text(_ value: JSONValue.Kind) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        output += "\n"
        return output
    }

    /// The shortest text that reads back as `number` (`-0.0` is written as `0`).
    public static func number(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == 0 { return "0" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return number.description
    }

    /// A JSON string literal with the escapes RFC 8259 requires, and `\u` escapes for every
    /// other scalar `ControlCharacters.isEscaped` names (DEL, the C1 controls such as CSI
    /// U+009B, U+2028/2029, the bidi controls), so no JSON output can move a terminal's cursor
    /// or reorder the text around it. JSON readers read them back as the same scalars.
    public static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if ControlCharacters.isEscaped(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// One member of an object written at `indent` (its key, value and the comma unless it
    /// `isLast`), exactly as `text` writes it inside the object: for writers that stream a
    /// large object member by member.
    public static func member(_ key: String, _ value: JSONValue.Kind, indent: String, isLast: Bool) -> String {
        var output = indent + string(key) + ": "
        write(value, indent: indent, into: &output)
        return output + (isLast ? "\n" : ",\n")
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .array, .object: return false
        case .null, .bool, .number, .string: return true
        }
    }

    private static func write(_ value: JSONValue.Kind, indent: String, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let n): output += number(n)
        case .string(let s): output += string(s)
        case .array(let items):
            if items.isEmpty {
                output += "[]"
            } else if items.allSatisfy(isScalar) {
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += ", " }
                    write(item.kind, indent: indent, into: &output)
                }
                output += "]"
            } else {
                let inner = indent + "  "
                output += "[\n"
                for (index, item) in items.enumerated() {
                    output += inner
                    write(item.kind, indent: inner, into: &output)
                    output += index < items.count - 1 ? ",\n" : "\n"
                }
                output += indent + "]"
            }
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            let inner = indent + "  "
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += inner + string(member.key) + ": "
                write(member.value.kind, indent: inner, into: &output)
                output += index < members.count - 1 ? ",\n" : "\n"
            }
            output += indent + "}"
        }
    }
}

extension JSONValue {
    /// A value with no source position (for values built in code).
    public init(_ kind: Kind) {
        self.init(kind: kind, line: 0, column: 0)
    }
}
