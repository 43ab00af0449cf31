/// Greedy word wrap: as many words per line as fit, never breaking a word.
public enum WordWrap {
    /// The words of `text` (split at spaces) in lines of at most `firstWidth` characters for
    /// the first line and `restWidth` for the others; a word longer than the width gets a line
    /// of its own. No lines for text without words.
    static func lines(_ text: String, firstWidth: Int, restWidth: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let limit = lines.isEmpty ? firstWidth : restWidth
            if !current.isEmpty && current.count + 1 + word.count > limit {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension WordWrap {
    /// `text` with every line longer than `width` wrapped at spaces, continuation lines
    /// indented by `indent` spaces; shorter lines and the line breaks are kept as they are.
    /// For the reports (`check`, `trace --format text`), which are built line by line.
    public static func wrappingLongLines(_ text: String, width: Int = 80, indent: Int = 4) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let leading = String(line.prefix { $0 == " " })
            let wrapped = lines(String(line), firstWidth: width - leading.count, restWidth: width - leading.count - indent)
            return leading + wrapped.joined(separator: "\n" + leading + pad)
        }.joined(separator: "\n")
    }
}
