/// Text with escape sequences in it, measured and cut by what shows: one column per
/// character (as the text renderer counts), escape sequences taking none.
enum VisibleText {
    /// The index just past the escape sequence starting at `start` (an `ESC`): `ESC [`
    /// parameters and a final byte, or `ESC` and one character.
    static func escapeSequenceEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start + 1
        guard end < characters.count else { return end }
        if characters[end] == "[" {
            end += 1
            while end < characters.count,
                let value = characters[end].unicodeScalars.first?.value, (0x20...0x3F).contains(value)
            {
                end += 1
            }
            return min(end + 1, characters.count)
        }
        return end + 1
    }

    /// How many columns `line` takes.
    static func width(_ line: String) -> Int {
        let characters = Array(line)
        var index = 0
        var count = 0
        while index < characters.count {
            if characters[index] == "\u{1B}" {
                index = escapeSequenceEnd(characters, from: index)
            } else {
                count += 1
                index += 1
            }
        }
        return count
    }

    /// `line` cut to `width` columns; a cut line ends in `›` so the cut shows, and styles
    /// are reset after it.
    static func clipped(_ line: String, to width: Int) -> String {
        window(line, from: 0, width: width)
    }

    /// The `width` columns of `line` from column `offset` on (escape sequences before it
    /// kept, so styles carry over). Text cut off on the left is marked `‹`, on the right `›`.
    static func window(_ line: String, from offset: Int, width: Int) -> String {
        let total = self.width(line)
        guard offset > 0 || total > width else { return line }
        let characters = Array(line)
        let cutsLeft = offset > 0 && total > 0
        let cutsRight = total - offset > width
        var result = ""
        var index = 0
        var column = 0
        var shown = 0
        let room = width - (cutsLeft ? 1 : 0) - (cutsRight ? 1 : 0)
        while index < characters.count {
            if characters[index] == "\u{1B}" {
                let end = escapeSequenceEnd(characters, from: index)
                result += String(characters[index..<end])
                index = end
                continue
            }
            if column >= offset {
                if shown == room { break }
                result.append(characters[index])
                shown += 1
            }
            column += 1
            index += 1
        }
        return (cutsLeft ? "‹" : "") + result + "\u{1B}[0m" + (cutsRight ? "›" : "")
    }
}
