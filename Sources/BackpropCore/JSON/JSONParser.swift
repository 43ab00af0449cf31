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

    /// The document's UTF-8 bytes (valid UTF-8: the text came from a `String`). Borrowed for
    /// the duration of `parse`, so reading a byte costs no reference counting or copying.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// The characters of the number being read (reused, so numbers allocate nothing).
    private var numberText: [UInt8] = []
    /// The bytes of the string being read (reused).
    private var stringBytes: [UInt8] = []

    /// Nesting deeper than this is refused (no stack overflow on hostile input).
    static let maximumDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses a whole document: one value, surrounded only by white space.
    ///
    /// With `expectsObject`, a document that is a list is not read past its `[`: the result is
    /// an empty list at that position, for the caller to refuse as "not an object". A list's
    /// tree takes about 40 times its text (1.3 GB for 32 MiB of nested lists), all for a
    /// document that cannot be a lesson.
    static func parse(_ text: String, expectsObject: Bool = false) throws(SyntaxError) -> JSONValue {
        var utf8 = Array(text.utf8)
        // One failure type out of the closure: the error, if any, is carried out as a value.
        let outcome: Result<JSONValue, SyntaxError> = utf8.withUnsafeMutableBufferPointer { buffer in
            var parser = JSONParser(UnsafeBufferPointer(buffer))
            return Result { () throws(SyntaxError) -> JSONValue in try parser.parseDocument(expectsObject: expectsObject) }
        }
        return try outcome.get()
    }

    private mutating func parseDocument(expectsObject: Bool) throws(SyntaxError) -> JSONValue {
        // A byte order mark (EF BB BF) is skipped, as editors hide it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        if expectsObject, current == UInt8(ascii: "[") {
            return JSONValue(kind: .array([]), line: line, column: column)
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected text after the end of the JSON document")
        }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column, message: message)
    }

    /// The current byte, or nil at the end.
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The Unicode scalar starting at the current byte (for messages).
    private var currentScalar: Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first
    }

    /// Moves past the current byte. A line ends at `\n`, at `\r\n` (counted once, at its
    /// `\n`) and at a lone `\r` (old Mac line ends), so positions match what editors show.
    /// Columns count Unicode scalars: UTF-8 continuation bytes (10xxxxxx) do not add one.
    @inline(__always)
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A || (byte == 0x0D && current != 0x0A) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Moves past an ASCII byte that is not a line end (digits, signs, punctuation).
    @inline(__always)
    private mutating func advanceASCII() {
        index += 1
        column += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        let startLine = line
        let startColumn = column
        guard let c = current else { throw error("the file ends where a value was expected") }
        let kind: JSONValue.Kind
        switch c {
        case UInt8(ascii: "{"): kind = try parseObject()
        case UInt8(ascii: "["): kind = try parseArray()
        case UInt8(ascii: "\""): kind = .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            kind = .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            kind = .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try parseNumber())
        case UInt8(ascii: "N") where startsWord("NaN"), UInt8(ascii: "I") where startsWord("Infinity"):
            throw error("NaN and Infinity are not numbers in JSON; write a finite number such as 0.5")
        default:
            let shown = currentScalar.map(Self.describe) ?? "?"
            throw error("unexpected character \(shown) where a value was expected; is this a JSON file?")
        }
        return JSONValue(kind: kind, line: startLine, column: startColumn)
    }

    /// Whether the text at the current position starts with `word` (ASCII).
    private func startsWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
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

    private mutating func expectWord(_ word: StaticString) throws(SyntaxError) {
        let start = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount {
            guard current == start[offset] else {
                throw error("unknown word; expected \(word) (strings need double quotes)")
            }
            advanceASCII()
        }
    }

    private mutating func enterNesting() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue.Kind {
        try enterNesting()
        advanceASCII()
        var members: [(key: String, value: JSONValue)] = []
        // Keys seen so far: a set, so the duplicate check is linear in the number of keys.
        var keys: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advanceASCII()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a field name in double quotes") }
            let key = try parseString()
            guard keys.insert(key).inserted else {
                throw error("the field \"\(key)\" appears twice in one object; keep one")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the field name \"\(key)\"") }
            advanceASCII()
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advanceASCII()
                continue
            }
            if current == UInt8(ascii: "}") {
                advanceASCII()
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' after a field (is a comma missing?)")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue.Kind {
        try enterNesting()
        advanceASCII()
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advanceASCII()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advanceASCII()
                continue
            }
            if current == UInt8(ascii: "]") {
                advanceASCII()
                depth -= 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in a list (is a comma missing?)")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        advanceASCII()  // opening quote
        stringBytes.removeAll(keepingCapacity: true)
        func append(_ scalar: Unicode.Scalar) {
            stringBytes.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
        }
        while true {
            guard let c = current else { throw error("a string is not closed: add the closing '\"'") }
            switch c {
            case UInt8(ascii: "\""):
                advanceASCII()
                return String(decoding: stringBytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advanceASCII()
                guard let escaped = current else { throw error("a string is not closed: add the closing '\"'") }
                switch escaped {
                case UInt8(ascii: "\""): stringBytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): stringBytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): stringBytes.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): stringBytes.append(0x08)
                case UInt8(ascii: "f"): stringBytes.append(0x0C)
                case UInt8(ascii: "n"): stringBytes.append(0x0A)
                case UInt8(ascii: "r"): stringBytes.append(0x0D)
                case UInt8(ascii: "t"): stringBytes.append(0x09)
                case UInt8(ascii: "u"):
                    advanceASCII()
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code), current == UInt8(ascii: "\\") {
                        advanceASCII()
                        guard current == UInt8(ascii: "u") else { throw error("a lone UTF-16 surrogate in \\u escape") }
                        advanceASCII()
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("a lone UTF-16 surrogate in \\u escape")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("a lone UTF-16 surrogate in \\u escape")
                    }
                    append(scalar)
                    continue
                default:
                    let shown = currentScalar.map { String($0) } ?? ""
                    throw error("unknown escape '\\\(shown)' in a string")
                }
                advanceASCII()
            default:
                if c < 0x20 { throw error("a control character inside a string; escape it (\\n, \\t)") }
                stringBytes.append(c)
                advance()
            }
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32
            switch current {
            case let c? where c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case let c? where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case let c? where c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            code = code * 16 + digit
            advanceASCII()
        }
        return code
    }

    /// 10⁰…10²², every one exactly representable as a Double (Clinger's fast path).
    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = (line: line, column: column, index: index)
        // Scanned once by the JSON grammar. A number of at most 15 significant digits with a
        // decimal exponent within ±22 is m · 10ᵉ or m / 10⁻ᵉ with both factors exact, so one
        // correctly rounded IEEE operation gives the correctly rounded value (Clinger 1990);
        // any other number goes through strtod. Either way the result is what Double(String)
        // gives.
        var mantissa: UInt64 = 0
        var digitCount = 0
        var decimalExponent = 0
        @inline(__always) func isDigit(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
        /// Digits of the significand: counted, and accumulated while they fit the fast path.
        @inline(__always) func takeSignificandDigits(fraction: Bool) {
            while let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if mantissa != 0 || byte != UInt8(ascii: "0") { digitCount += 1 }
                if digitCount <= 15 {
                    mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                    if fraction { decimalExponent -= 1 }
                } else if !fraction {
                    decimalExponent += 1
                }
                advanceASCII()
            }
        }
        let negative = current == UInt8(ascii: "-")
        if negative { advanceASCII() }
        guard isDigit(current) else {
            if current == UInt8(ascii: "I") {
                throw error("NaN and Infinity are not numbers in JSON; write a finite number")
            }
            throw error("a number needs a digit after '-'")
        }
        if current == UInt8(ascii: "0") {
            advanceASCII()
            if isDigit(current) { throw error("numbers may not have leading zeros") }
        } else {
            takeSignificandDigits(fraction: false)
        }
        if current == UInt8(ascii: ".") {
            advanceASCII()
            guard isDigit(current) else { throw error("a number needs digits after '.'") }
            takeSignificandDigits(fraction: true)
        }
        var exponentTooLong = false
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advanceASCII()
            var exponentNegative = false
            if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                advanceASCII()
            }
            guard isDigit(current) else { throw error("a number needs digits in its exponent") }
            var exponent = 0
            while let byte = current, isDigit(byte) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) } else { exponentTooLong = true }
                advanceASCII()
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if digitCount <= 15, !exponentTooLong, abs(decimalExponent) <= 22 {
            let magnitude =
                decimalExponent < 0
                ? Double(mantissa) / Self.exactPowersOfTen[-decimalExponent]
                : Double(mantissa) * Self.exactPowersOfTen[decimalExponent]
            return negative ? -magnitude : magnitude
        }
        numberText.removeAll(keepingCapacity: true)
        numberText.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start.index..<index]))
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
