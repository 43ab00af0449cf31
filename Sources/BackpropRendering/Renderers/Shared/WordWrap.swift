/// Greedy word wrap: as many words per line as fit, never breaking a word.
enum WordWrap {
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
