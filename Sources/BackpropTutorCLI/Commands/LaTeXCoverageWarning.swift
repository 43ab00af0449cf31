import BackpropCore
import BackpropRendering

/// The warning printed when a LaTeX document shows characters pdflatex cannot typeset with
/// its standard fonts (Cyrillic, CJK, emoji, …) as `[U+…]` stand-ins: one line on standard
/// error naming each character once, so nothing turns into a silent "?".
enum LaTeXCoverageWarning {
    /// The warning for `document`, or nil when every character is typeset.
    static func message(for document: String) -> String? {
        let replaced = LaTeXTextCoverage.replacedCharacters(in: document)
        guard !replaced.isEmpty else { return nil }
        let names = replaced.map { character -> String in
            let codePoints = LaTeXTextCoverage.codePoints(character)
            // Control and bidirectional characters are named by code point only.
            if character.unicodeScalars.contains(where: ControlCharacters.isEscaped) { return codePoints }
            return "\(character) (\(codePoints))"
        }
        let count = replaced.count == 1 ? "1 character" : "\(replaced.count) characters"
        return
            "backprop-tutor: warning: pdflatex cannot typeset \(count) of the lesson with its standard fonts, shown as [U+…] in the document: "
            + names.joined(separator: ", ")
            + "; to avoid this, use Latin, Greek or common symbols in the lesson's texts\n"
    }

    /// Writes the warning for `document` to standard error, if there is one.
    static func report(_ document: String, io: CommandIO) throws(CLIError) {
        if let message = message(for: document) { try io.standardError.write(message) }
    }
}
