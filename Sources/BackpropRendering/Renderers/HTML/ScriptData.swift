/// Lesson strings as data for the page's script: a JSON document that may sit inside a
/// `<script type="application/json">` element.
///
/// Besides JSON's own escapes (`"`, `\`, control characters as `\u00XX`), `<`, `>` and `&` are
/// written `\u003c`, `\u003e`, `\u0026`, so no lesson string can close the element
/// (`</script>`) or open a comment (`<!--`); U+2028 and U+2029 are escaped too.
enum ScriptData {
    /// A JSON value: a string, a number, an array or an object with keys in the given order.
    indirect enum Value {
        case string(String)
        case int(Int)
        case array([Value])
        case object([(String, Value)])
    }

    /// `value` as compact JSON safe inside a script element.
    static func json(_ value: Value) -> String {
        switch value {
        case .string(let text): return string(text)
        case .int(let number): return String(number)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { string($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal safe inside a script element.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
