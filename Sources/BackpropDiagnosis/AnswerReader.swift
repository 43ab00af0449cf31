import BackpropCore
import Foundation

/// A value read from an answer file, before its name is understood.
public struct AnswerValue: Sendable {
    /// The name as written.
    public var name: String
    /// The numbers (a scalar is 1 × 1; a list is 1 × n; rows stay rows).
    public var values: Matrix
    /// The 1-based line the value starts on.
    public var line: Int
}

/// Why an answer file cannot be read: the line and what to do.
public struct AnswerError: Error, Equatable, Sendable {
    /// The 1-based line (0 when the whole file is meant).
    public var line: Int
    /// What is wrong, in lower case.
    public var message: String
    /// How to fix it.
    public var fix: String
}

/// What an answer file holds: the values, and the lesson and sample it names, if any.
public struct AnswerFile: Sendable {
    /// The values in file order.
    public var values: [AnswerValue]
    /// The lesson named in the file (`"lesson"` in JSON).
    public var lesson: String?
    /// The 1-based sample the per-sample vectors belong to (`"sample"` in JSON, a
    /// `% sample K` or `# sample K` comment in text).
    public var sample: Int?

    /// Reads the learner's values from JSON (`{"lesson", "sample", "values": {name: number |
    /// [..] | [[..]]}}`), Octave or MATLAB text (`name = [1 2; 3 4];`, or Octave's display
    /// `name =` followed by rows, `Columns 1 through 3:` blocks and a common `1.0e-03 *` factor
    /// included), or numpy's printed arrays (`name = array([[…]])`, `[[0.1 0.2] [0.3 0.4]]`).
    public init(text: String) throws(AnswerError) {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "{" {
            self = try Self.json(text)
        } else {
            self = try Self.assignments(text)
        }
    }

    /// The numeric variables of a file Octave wrote with `save -text` or `save -v6/-v7` (the
    /// data layer's readers, as `import` uses them); other variables are skipped.
    public init(matrices: MatrixFile) {
        values = matrices.matrices.map { matrix in
            let line: Int
            if case .line(let number) = matrix.place { line = number } else { line = 0 }
            return AnswerValue(name: matrix.name, values: matrix.values, line: line)
        }
        lesson = nil
        sample = nil
    }

    private init(values: [AnswerValue], lesson: String?, sample: Int?) {
        self.values = values
        self.lesson = lesson
        self.sample = sample
    }

    // MARK: JSON

    private static func json(_ text: String) throws(AnswerError) -> AnswerFile {
        let root: JSONValue
        do {
            root = try JSONValue.parse(text)
        } catch {
            throw AnswerError(line: error.line, message: error.message, fix: "write valid JSON")
        }
        guard case .object = root.kind else {
            throw AnswerError(line: root.line, message: "the top level is not an object", fix: #"write {"values": {"J": 0.28}}"#)
        }
        var lesson: String?
        if let value = root["lesson"] {
            guard case .string(let name) = value.kind else {
                throw AnswerError(line: value.line, message: "\"lesson\" is not a string", fix: "name a built-in lesson or a lesson file")
            }
            lesson = name
        }
        var sample: Int?
        if let value = root["sample"] {
            guard case .number(let k) = value.kind, k >= 1, k == k.rounded(), k < 1e9 else {
                throw AnswerError(line: value.line, message: "\"sample\" is not a whole number of at least 1", fix: "give the sample number, e.g. \"sample\": 1")
            }
            sample = Int(k)
        }
        guard let values = root["values"], case .object(let members) = values.kind else {
            throw AnswerError(line: root.line, message: "there is no \"values\" object", fix: #"put your numbers in "values": {"delta3": [0.1, 0.2]}"#)
        }
        var result: [AnswerValue] = []
        for (key, value) in members {
            result.append(AnswerValue(name: key, values: try matrix(value, name: key), line: value.line))
        }
        return AnswerFile(values: result, lesson: lesson, sample: sample)
    }

    private static func matrix(_ value: JSONValue, name: String) throws(AnswerError) -> Matrix {
        func number(_ v: JSONValue) throws(AnswerError) -> Double {
            guard case .number(let x) = v.kind else {
                throw AnswerError(line: v.line, message: "\(name) holds \(v.typeDescription), not a number", fix: "write numbers only")
            }
            return x
        }
        switch value.kind {
        case .number(let x): return Matrix([[x]])
        case .array(let items):
            guard !items.isEmpty else {
                throw AnswerError(line: value.line, message: "\(name) is empty", fix: "give its numbers")
            }
            if case .array = items[0].kind {
                var rows: [[Double]] = []
                for item in items {
                    guard case .array(let cells) = item.kind else {
                        throw AnswerError(line: item.line, message: "\(name) mixes rows and numbers", fix: "write [[1, 2], [3, 4]]")
                    }
                    var row: [Double] = []
                    for cell in cells { row.append(try number(cell)) }
                    if let first = rows.first, first.count != row.count {
                        throw AnswerError(line: item.line, message: "\(name) has a row of \(row.count) numbers after rows of \(first.count)", fix: "give every row the same length")
                    }
                    rows.append(row)
                }
                return Matrix(rows)
            }
            var row: [Double] = []
            for item in items { row.append(try number(item)) }
            return Matrix([row])
        default:
            throw AnswerError(line: value.line, message: "\(name) holds \(value.typeDescription)", fix: "write a number, a list or a list of rows")
        }
    }

    // MARK: Octave, MATLAB and numpy text

    /// `name = value` entries; a value runs until the next `name =` line.
    private static func assignments(_ text: String) throws(AnswerError) -> AnswerFile {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [(name: String, line: Int, text: [String])] = []
        var sample: Int?
        for (index, raw) in lines.enumerated() {
            let line = String(raw)
            let stripped = line.trimmingCharacters(in: .whitespaces)
            if let match = stripped.wholeMatch(of: /[%#]+\s*sample:?\s*(\d{1,9})\s*/) {
                sample = Int(match.1)
                continue
            }
            if stripped.hasPrefix("%") || stripped.hasPrefix("#") || stripped.hasPrefix(">>") { continue }
            if let match = stripped.wholeMatch(of: /([^\s=\[\]()0-9.+\-][^\s=]*)\s*=\s*(.*)/) {
                entries.append((String(match.1), index + 1, [String(match.2)]))
            } else if !entries.isEmpty {
                entries[entries.count - 1].text.append(line)
            } else if !stripped.isEmpty {
                throw AnswerError(line: index + 1, message: "'\(stripped.prefix(40))' comes before any name", fix: "start each value with its name, e.g. delta3 = [0.1; 0.2]")
            }
        }
        guard !entries.isEmpty else {
            throw AnswerError(line: 0, message: "no values found", fix: "write one value per name, e.g. J = 0.2876 or delta3 = [0.1; 0.2]")
        }
        var values: [AnswerValue] = []
        for entry in entries {
            values.append(AnswerValue(name: entry.name, values: try parseValue(entry.text, name: entry.name, firstLine: entry.line), line: entry.line))
        }
        return AnswerFile(values: values, lesson: nil, sample: sample)
    }

    /// The numbers of one value's text: bracketed (Octave `[1 2; 3 4]`, numpy nested lists)
    /// or Octave's display (rows on lines, `Columns …:` blocks side by side, a `k *` factor).
    static func parseValue(_ lines: [String], name: String, firstLine: Int) throws(AnswerError) -> Matrix {
        let joined = lines.joined(separator: "\n")
        if joined.contains("[") { return try bracketed(joined, name: name, line: firstLine) }
        // Octave's display form.
        var blocks: [[[Double]]] = [[]]
        var factor = 1.0
        for (offset, line) in lines.enumerated() {
            let stripped = line.trimmingCharacters(in: .whitespaces)
            if stripped.isEmpty { continue }
            if stripped.hasPrefix("Columns") || stripped.hasPrefix("Column ") {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
                continue
            }
            if let match = stripped.wholeMatch(of: /([-+]?[0-9.]+[eE][-+]?[0-9]+)\s*\*/), let value = Double(match.1) {
                factor = value
                continue
            }
            let row = try numbers(stripped.replacingOccurrences(of: ";", with: " "), name: name, line: firstLine + offset)
            blocks[blocks.count - 1].append(row)
        }
        let filled = blocks.filter { !$0.isEmpty }
        guard let first = filled.first else {
            throw AnswerError(line: firstLine, message: "\(name) has no numbers", fix: "give its numbers after '='")
        }
        var rows = Array(repeating: [Double](), count: first.count)
        for block in filled {
            guard block.count == rows.count else {
                throw AnswerError(line: firstLine, message: "\(name)'s column blocks have different numbers of rows", fix: "paste the whole display, every Columns block")
            }
            for (r, row) in block.enumerated() { rows[r] += row }
        }
        return try rectangular(rows.map { $0.map { $0 * factor } }, name: name, line: firstLine)
    }

    /// `[1 2; 3 4]`, `[[0.1, 0.2], [0.3, 0.4]]`, `array([[…]])`, `[[0.1 0.2]\n [0.3 0.4]]`.
    private static func bracketed(_ text: String, name: String, line: Int) throws(AnswerError) -> Matrix {
        var body = text.replacingOccurrences(of: "array(", with: "(")
        if let dtype = body.range(of: ", dtype") { body = String(body[..<dtype.lowerBound]) }
        body = body.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
        var depth = 0
        var deepest = 0
        for c in body {
            if c == "[" { depth += 1; deepest = max(deepest, depth) }
            if c == "]" { depth -= 1 }
            if depth < 0 { break }
        }
        guard depth == 0 else {
            throw AnswerError(line: line, message: "\(name)'s brackets do not match", fix: "close every '[' with ']'")
        }
        var rows: [[Double]] = []
        if deepest >= 2 {
            // numpy: each innermost [...] is a row.
            var current = ""
            var level = 0
            for c in body {
                if c == "[" { level += 1; if level == deepest { current = "" }; continue }
                if c == "]" {
                    if level == deepest { rows.append(try numbers(current, name: name, line: line)) }
                    level -= 1
                    continue
                }
                if level == deepest { current.append(c) }
            }
        } else {
            let inside = body.replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: " ")
            let isNumpyList = text.contains("array(") || (text.contains(",") && !text.contains(";"))
            let separators: Set<Character> = isNumpyList ? [] : [";", "\n"]
            var current = ""
            for c in inside {
                if separators.contains(c) {
                    if !current.trimmingCharacters(in: .whitespaces).isEmpty { rows.append(try numbers(current, name: name, line: line)) }
                    current = ""
                } else {
                    current.append(c)
                }
            }
            if !current.trimmingCharacters(in: .whitespaces.union(.newlines)).isEmpty { rows.append(try numbers(current, name: name, line: line)) }
        }
        return try rectangular(rows, name: name, line: line)
    }

    /// The numbers of one row: separated by spaces or commas, Octave's Inf/NaN included.
    private static func numbers(_ text: String, name: String, line: Int) throws(AnswerError) -> [Double] {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == ";" }
        var row: [Double] = []
        for token in tokens {
            let word = String(token)
            if word.wholeMatch(of: /[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\.?/) != nil, let value = Double(word.hasSuffix(".") && word.count > 1 ? String(word.dropLast()) : word) {
                row.append(value)
            } else if ["Inf", "inf", "-Inf", "-inf"].contains(word) {
                row.append(word.hasPrefix("-") ? -.infinity : .infinity)
            } else if ["NaN", "nan"].contains(word) {
                row.append(.nan)
            } else {
                throw AnswerError(line: line, message: "\(name) holds '\(word.prefix(20))', which is not a number", fix: "write numbers only, such as 0.25 or 1.5e-3")
            }
        }
        return row
    }

    private static func rectangular(_ rows: [[Double]], name: String, line: Int) throws(AnswerError) -> Matrix {
        let rows = rows.filter { !$0.isEmpty }
        guard let first = rows.first else {
            throw AnswerError(line: line, message: "\(name) has no numbers", fix: "give its numbers after '='")
        }
        for row in rows where row.count != first.count {
            throw AnswerError(line: line, message: "\(name) has rows of \(first.count) and \(row.count) numbers", fix: "give every row the same number of entries")
        }
        return Matrix(rows)
    }
}
