/// A small checker of CommonMark's block-start rules (spec 0.31, plus GFM's table delimiter
/// row), for the lines of displayed math in the Markdown exports.
///
/// GitHub and most CommonMark parsers see `$$ … $$` as paragraph text first: a line inside it
/// that starts a block (a list item, a heading, a quote, a fence, …) splits the equation and
/// shows raw TeX (review D2: Tulleken's `- \frac…`). The checker is stricter than the spec
/// where the spec depends on context (a list item that may or may not interrupt a paragraph,
/// an ordered list not starting at 1): any such line is reported.
enum CommonMarkBlockStarts {
    /// Why `line` would start a block (or end the paragraph), or nil when it continues the
    /// paragraph it is in.
    static func blockStart(_ line: String) -> String? {
        let characters = Array(line)
        var indent = 0
        for character in characters {
            if character == " " {
                indent += 1
            } else if character == "\t" {
                indent += 4 - indent % 4
            } else {
                break
            }
        }
        let rest = String(line.drop { $0 == " " || $0 == "\t" })
        if rest.isEmpty { return "a blank line ends the paragraph" }
        if indent >= 4 { return "4 or more spaces of indent start indented code" }
        let first = rest.first ?? " "
        let afterFirst = rest.dropFirst()
        let spaceOrEnd = { (text: Substring) in text.isEmpty || text.first == " " || text.first == "\t" }
        if first == "#" {
            let hashes = rest.prefix { $0 == "#" }.count
            if hashes <= 6, spaceOrEnd(rest.dropFirst(hashes)) { return "an ATX heading (#)" }
        }
        if first == ">" { return "a block quote (>)" }
        if rest.hasPrefix("```") || rest.hasPrefix("~~~") { return "a code fence" }
        if first == "<" { return "an HTML block (<)" }
        for marker: Character in ["-", "*", "_"] {
            let compact = rest.filter { $0 != " " && $0 != "\t" }
            if compact.count >= 3, compact.allSatisfy({ $0 == marker }) {
                return "a thematic break (\(marker)\(marker)\(marker))"
            }
        }
        let trimmed = rest.trimmingTrailingWhitespace
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" }) {
            return "a setext heading underline"
        }
        if "-+*".contains(first), spaceOrEnd(afterFirst) { return "a bullet list item (\(first))" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count) {
            let after = rest.dropFirst(digits.count)
            if let delimiter = after.first, delimiter == "." || delimiter == ")", spaceOrEnd(after.dropFirst()) {
                return "an ordered list item (\(digits)\(delimiter))"
            }
        }
        if trimmed.contains("|"), trimmed.contains("-"),
            trimmed.allSatisfy({ "|-: \t".contains($0) })
        {
            return "a GFM table delimiter row"
        }
        return nil
    }

    /// A line of displayed math that a CommonMark parser would read as a block start.
    struct Problem: CustomStringConvertible {
        /// 1-based line number in the document.
        var line: Int
        var text: String
        var reason: String
        var description: String { "line \(line): \(reason): \(text)" }
    }

    /// Every line strictly inside a `$$ … $$` display (outside code fences) that starts a block.
    /// A display is opened and closed by a line that is exactly `$$`.
    static func problems(in document: String) -> [Problem] {
        var problems: [Problem] = []
        var inFence = false
        var inDisplay = false
        for (index, line) in document.components(separatedBy: "\n").enumerated() {
            if !inDisplay, line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if line == "$$" {
                inDisplay.toggle()
                continue
            }
            if inDisplay, let reason = blockStart(line) {
                problems.append(Problem(line: index + 1, text: line, reason: reason))
            }
        }
        if inDisplay { problems.append(Problem(line: 0, text: "$$", reason: "a display is never closed")) }
        return problems
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
