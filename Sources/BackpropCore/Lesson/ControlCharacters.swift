/// Shows control characters visibly, so text from a lesson file (or a command line) can never
/// drive a terminal: no escape sequences, no bells, no carriage returns, no line breaks.
///
/// A scalar is escaped when it is a control character (Unicode category Cc: C0 including
/// tab and line feed, DEL, C1), a line or paragraph separator (U+2028, U+2029), or a
/// bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that could
/// reorder what is shown. It is written as Swift writes it, `\u{1B}`, so the reader sees what
/// the file holds. Everything else, including all printable Unicode, passes unchanged.
///
/// Each output kind escapes in one place: error messages where the CLI prints them, document
/// text in the text and Markdown renderers; LaTeX and JSON have their own escaping.
public enum ControlCharacters {
    /// Whether `scalar` is shown escaped.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `scalar` as it is shown: `\u{1B}` for an escaped scalar.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// `text` with every escaped scalar replaced by its visible form; one line, always.
    ///
    /// Linear in the length of `text`; returns `text` itself when nothing needs escaping.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                output.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
