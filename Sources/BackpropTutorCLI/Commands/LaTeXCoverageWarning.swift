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
            // A cluster of many scalars (a letter under 40,000 combining marks) is named by its
            // first few, so the warning stays a line.
            let scalars = character.unicodeScalars
            guard scalars.count <= 8 else {
                let first = scalars.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true) }
                return first.joined(separator: " ") + " … (\(scalars.count) code points)"
            }
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

    /// Writes the warning for `document` to standard error, if there is one. A warning that
    /// cannot be shown (standard error closed or full) does not cancel the document: the
    /// write's failure is ignored.
    static func report(_ document: String, io: CommandIO) {
        if let message = message(for: document) { _ = try? io.standardError.write(message) }
    }
}
