import Foundation

/// A strict RFC 8259 JSON parser that reports the line and column of every problem.
///
/// Foundation's JSONSerialization loses positions and, on Linux, the difference between
/// numbers and Booleans; lessons need both for clear errors. NaN and Infinity are rejected,
/// and so is any number too large for a Double.
///
/// Internal to Core: `Lesson.decode` wraps its `SyntaxError` into `LessonError.malformedJSON`.
struct JSONParser {
    /// A syntax error at a 1-based line and column.
    struct SyntaxError: Error, Equatable, Sendable {
        /// 1-based line of the problem.
        var line: Int
        /// 1-based column (in Unicode scalars) of the problem.
        var column: Int
        /// What is wrong, in lower case.
        var message: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// The characters of the number being read (reused, so numbers allocate nothing).
    private var numberText: [UInt8] = []

    /// Nesting deeper than this is refused (no stack overflow on hostile input).
    static let maximumDepth = 64

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses a whole document: one value, surrounded only by white space.
    static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(text)
        if parser.scalars.first == "\u{FEFF}" { parser.index = 1 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.scalars.count {
            throw parser.error("unexpected text after the end of the JSON document")
        }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// Moves past the current scalar. A line ends at `\n`, at `\r\n` (counted once, at its
    /// `\n`) and at a lone `\r` (old Mac line ends), so positions match what editors show.
    private mutating func advance() {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        let startLine = line
        let startColumn = column
        guard let c = current else { throw error("the file ends where a value was expected") }
        let kind: JSONValue.Kind
        switch c {
        case "{": kind = try parseObject()
        case "[": kind = try parseArray()
        case "\"": kind = .string(try parseString())
        case "t":
            try expectWord("true")
            kind = .bool(true)
        case "f":
            try expectWord("false")
            kind = .bool(false)
        case "n":
            try expectWord("null")
            kind = .null
        case "-", "0"..."9": kind = .number(try parseNumber())
        case "N" where startsWord("NaN"), "I" where startsWord("Infinity"):
            throw error("NaN and Infinity are not numbers in JSON; write a finite number such as 0.5")
        default:
            throw error("unexpected character \(Self.describe(c)) where a value was expected; is this a JSON file?")
        }
        return JSONValue(kind: kind, line: startLine, column: startColumn)
    }

    /// Whether the text at the current position starts with `word`.
    private func startsWord(_ word: String) -> Bool {
        var position = index
        for expected in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == expected else { return false }
            position += 1
        }
        return true
    }

    /// A scalar for a message: printable ones quoted, others as `U+001B` (never raw).
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(scalar)'"
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        for expected in word.unicodeScalars {
            guard current == expected else {
                throw error("unknown word; expected \(word) (strings need double quotes)")
            }
            advance()
        }
    }

    private mutating func enterNesting() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue.Kind {
        try enterNesting()
        advance()
        var members: [(key: String, value: JSONValue)] = []
        // Keys seen so far: a set, so the duplicate check is linear in the number of keys.
        var keys: Set<String> = []
        skipWhitespace()
        if current == "}" {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else { throw error("expected a field name in double quotes") }
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw error("the field \"\(key)\" appears twice in one object; keep one")
            }
            skipWhitespace()
            guard current == ":" else { throw error("expected ':' after the field name \"\(key)\"") }
            advance()
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            if current == "}" {
                advance()
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' after a field (is a comma missing?)")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue.Kind {
        try enterNesting()
        advance()
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == "]" {
            advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            if current == "]" {
                advance()
                depth -= 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in a list (is a comma missing?)")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        advance()  // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("a string is not closed: add the closing '\"'") }
            switch c {
            case "\"":
                advance()
                return String(result)
            case "\\":
                advance()
                guard let escaped = current else { throw error("a string is not closed: add the closing '\"'") }
                switch escaped {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    advance()
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code), current == "\\" {
                        advance()
                        guard current == "u" else { throw error("a lone UTF-16 surrogate in \\u escape") }
                        advance()
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("a lone UTF-16 surrogate in \\u escape")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("a lone UTF-16 surrogate in \\u escape")
                    }
                    result.append(scalar)
                    continue
                default:
                    throw error("unknown escape '\\\(escaped)' in a string")
                }
                advance()
            default:
                if c.value < 0x20 { throw error("a control character inside a string; escape it (\\n, \\t)") }
                result.append(c)
                advance()
            }
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = UInt32(String(c), radix: 16) else {
                throw error("a \\u escape needs four hex digits")
            }
            code = code * 16 + digit
            advance()
        }
        return code
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = (line: line, column: column)
        // The number's characters as ASCII bytes in a reused buffer, converted once by strtod
        // (correctly rounded, like Double(String), without building a String per number).
        numberText.removeAll(keepingCapacity: true)
        let isDigit: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        if current == "-" {
            numberText.append(UInt8(ascii: "-"))
            advance()
        }
        guard let first = current, isDigit(first) else {
            if current == "I" { throw error("NaN and Infinity are not numbers in JSON; write a finite number") }
            throw error("a number needs a digit after '-'")
        }
        if first == "0" {
            numberText.append(UInt8(first.value))
            advance()
            if let c = current, isDigit(c) { throw error("numbers may not have leading zeros") }
        } else {
            while let c = current, isDigit(c) {
                numberText.append(UInt8(c.value))
                advance()
            }
        }
        if current == "." {
            numberText.append(UInt8(ascii: "."))
            advance()
            guard let c = current, isDigit(c) else { throw error("a number needs digits after '.'") }
            while let c = current, isDigit(c) {
                numberText.append(UInt8(c.value))
                advance()
            }
        }
        if current == "e" || current == "E" {
            numberText.append(UInt8(ascii: "e"))
            advance()
            if let sign = current, sign == "+" || sign == "-" {
                numberText.append(UInt8(sign.value))
                advance()
            }
            guard let c = current, isDigit(c) else { throw error("a number needs digits in its exponent") }
            while let c = current, isDigit(c) {
                numberText.append(UInt8(c.value))
                advance()
            }
        }
        numberText.append(0)
        let value = numberText.withUnsafeBufferPointer { bytes in
            bytes.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: bytes.count) { strtod($0, nil) } }
                ?? .nan
        }
        guard value.isFinite else {
            let text = String(decoding: numberText.dropLast(), as: UTF8.self)
            let shown = text.count > 40 ? text.prefix(20) + "…" + text.suffix(10) : Substring(text)
            throw SyntaxError(
                line: start.line, column: start.column,
                message: "the number \(shown) is too large for a double; use a value below 1e308")
        }
        return value
    }
}
