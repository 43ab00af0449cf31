import BackpropCore

/// Escaping for markup a lesson's strings end up in: SVG and HTML text and attribute values.
///
/// Control characters are first shown as `\u{…}` (``ControlCharacters``), so nothing from a
/// lesson can move a terminal's cursor or hide text; then the five XML specials become entities.
/// The result is safe in element content and in a quoted attribute value of SVG, XHTML and HTML.
public enum XMLEscaping {
    /// `text` safe inside an element or a single- or double-quoted attribute value.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.escaped(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
