/// The decimal numbers printed in a line of text (`0.5933`, `-1.2500`, `3.05e-06`), found
/// past the renderer's own escape sequences; the demo highlights those that were not on the
/// previous screen.
///
/// A number here has a decimal point (so step numbers, layer sizes and indices are not
/// numbers) and stands alone: not glued to a letter, digit or point before it.
enum PrintedNumbers {
    /// The numbers in `line`, in order, as printed.
    static func numbers(in line: String) -> [String] {
        var found: [String] = []
        scan(line) { piece, isNumber in if isNumber { found.append(piece) } }
        return found
    }

    /// Every number in `lines`.
    static func numbers<Lines: Sequence<String>>(in lines: Lines) -> Set<String> {
        var found = Set<String>()
        for line in lines { found.formUnion(numbers(in: line)) }
        return found
    }

    /// `line` with each number that `isHighlighted` picks wrapped in `on` … `off`.
    static func highlight(_ line: String, on: String, off: String, where isHighlighted: (String) -> Bool) -> String {
        var result = ""
        scan(line) { piece, isNumber in
            result += isNumber && isHighlighted(piece) ? on + piece + off : piece
        }
        return result
    }

    /// Calls `emit` with consecutive pieces of `line` that together make it, saying of each
    /// whether it is a number.
    private static func scan(_ line: String, _ emit: (String, Bool) -> Void) {
        let characters = Array(line)
        var index = 0
        var text = ""
        /// The last visible character, nil at the start and right after an escape sequence.
        var previous: Character? = nil
        while index < characters.count {
            let character = characters[index]
            if character == "\u{1B}" {
                let end = VisibleText.escapeSequenceEnd(characters, from: index)
                text += String(characters[index..<end])
                index = end
                previous = nil
                continue
            }
            let glued = previous.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") } ?? false
            if !glued, let end = numberEnd(characters, from: index) {
                emit(text, false)
                text = ""
                emit(String(characters[index..<end]), true)
                previous = characters[end - 1]
                index = end
                continue
            }
            text.append(character)
            previous = character
            index += 1
        }
        emit(text, false)
    }

    /// The end of the number starting at `start` (`-`? digits `.` digits, then an optional
    /// `e±digits`), or nil when none starts there or it runs on into a letter, digit or point.
    private static func numberEnd(_ characters: [Character], from start: Int) -> Int? {
        func digits(from position: Int) -> Int {
            var end = position
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            return end
        }
        var index = start
        if characters[index] == "-" { index += 1 }
        let integerEnd = digits(from: index)
        guard integerEnd > index, integerEnd < characters.count, characters[integerEnd] == "." else { return nil }
        let fractionEnd = digits(from: integerEnd + 1)
        guard fractionEnd > integerEnd + 1 else { return nil }
        var end = fractionEnd
        if end + 2 < characters.count, characters[end] == "e", characters[end + 1] == "-" || characters[end + 1] == "+"
        {
            let exponentEnd = digits(from: end + 2)
            if exponentEnd > end + 2 { end = exponentEnd }
        }
        if end < characters.count, characters[end].isASCII,
            characters[end].isLetter || characters[end].isNumber || characters[end] == "."
        {
            return nil
        }
        return end
    }
}
