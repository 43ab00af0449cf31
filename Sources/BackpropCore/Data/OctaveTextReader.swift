/// Reads Octave's text format (`save -text file.txt X y`): every numeric variable as a
/// matrix, every other variable skipped and named.
///
/// The format is line-based: a variable starts with `# name: N` and `# type: T`, then lines
/// that depend on the type. Read as matrices: `matrix` (`# rows:`, `# columns:`, one line of
/// numbers per row), `scalar`, `bool matrix`, `bool`, the integer types (`int8 matrix` …
/// `uint64 matrix`: `# ndims: 2`, the dimensions, then one number per line, columns first),
/// their scalars, and `double_range` (`1:5`). Skipped, with their kind reported: strings,
/// cells, structs, function handles, sparse and complex matrices and arrays of more than two
/// dimensions. Containers are skipped by reading their elements, so a struct's fields are never
/// taken for variables. NaN and ±Inf are refused: a lesson needs finite numbers.
///
/// Rows of the result are the file's rows (for ex4's X, one sample per row).
public struct OctaveTextReader {
    /// How the file is named in errors.
    public let file: String
    private let lines: [Substring]
    private var index = 0
    private var skipped: [MatrixFile.Skipped] = []
    /// How deeply the element being read is nested in cells and structs.
    private var depth = 0
    /// The deepest nesting read: a hostile file cannot exhaust the stack.
    static let maximumDepth = 64

    /// Reads `bytes`, the whole file, named `file` in errors.
    public static func read(_ bytes: [UInt8], file: String) throws(DataError) -> MatrixFile {
        var reader = OctaveTextReader(file: file, text: String(decoding: bytes, as: UTF8.self))
        return try reader.variables()
    }

    private init(file: String, text: String) {
        self.file = file
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    private func fail(_ line: Int, _ problem: String, fix: String) -> DataError {
        .malformed(file: file, place: DataError.line(line), problem: problem, fix: fix)
    }

    private static let saveFix = "save the variables from Octave with `save -text file.txt X y`"

    private mutating func variables() throws(DataError) -> MatrixFile {
        var matrices: [NamedMatrix] = []
        while let line = nextContentLine() {
            guard let name = Self.field("name", in: lines[line]) else {
                throw fail(
                    line + 1, "expected \"# name: …\" to start a variable, found \"\(Self.excerpt(lines[line]))\"",
                    fix: Self.saveFix)
            }
            index = line + 1
            if let matrix = try element(named: name, startLine: line + 1) {
                matrices.append(matrix)
            }
        }
        if matrices.isEmpty && skipped.isEmpty {
            throw fail(max(lines.count, 1), "the file has no variables", fix: Self.saveFix)
        }
        return MatrixFile(matrices: matrices, skipped: skipped)
    }

    /// The index of the next line that is neither blank nor a comment other than `# name:`.
    private mutating func nextContentLine() -> Int? {
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\t" })
                || (line.hasPrefix("#") && Self.field("name", in: line) == nil)
            {
                index += 1
                continue
            }
            return index
        }
        return nil
    }

    /// Reads the element whose `# name:` line was `startLine` (1-based); `index` is just past
    /// it. Returns the matrix, or nil for a skipped element (recorded when `records`).
    private mutating func element(named name: String, startLine: Int, records: Bool = true) throws(DataError)
        -> NamedMatrix?
    {
        let type = try header("type", fix: Self.saveFix)
        func skip(_ kind: String) -> NamedMatrix? {
            if records { skipped.append(.init(name: name, kind: kind)) }
            return nil
        }
        let place = DataPlace.line(startLine)
        switch type {
        case "matrix", "bool matrix":
            if peekField("ndims") != nil {
                try skipNDimensional()
                return skip("array of more than two dimensions")
            }
            let rows = try count("rows")
            let columns = try count("columns", times: rows)
            let (values, rowLines) = try rowLines(rows: rows, columns: columns, of: name)
            return NamedMatrix(name: name, values: values, place: place, rowLines: rowLines)
        case "scalar", "bool":
            let (values, rowLines) = try rowLines(rows: 1, columns: 1, of: name)
            return NamedMatrix(name: name, values: values, place: place, rowLines: rowLines)
        case "double_range", "range":
            return try range(named: name, place: place)
        case _ where Self.integerTypes.contains(where: { type == "\($0) matrix" }):
            let dimensions = try self.dimensions()
            guard dimensions.count == 2 else {
                try skipLines(dimensions.reduce(1, *))
                return skip("\(type.dropLast(" matrix".count)) array of \(dimensions.count) dimensions")
            }
            let values = try columnMajorValues(rows: dimensions[0], columns: dimensions[1], of: name)
            return NamedMatrix(name: name, values: values, place: place)
        case _ where Self.integerTypes.contains(where: { type == "\($0) scalar" }):
            let (values, rowLines) = try rowLines(rows: 1, columns: 1, of: name)
            return NamedMatrix(name: name, values: values, place: place, rowLines: rowLines)
        case "complex matrix", "complex bool matrix":
            if peekField("ndims") != nil {
                try skipNDimensional()
            } else {
                let rows = try count("rows")
                _ = try count("columns", times: rows)
                try skipLines(rows)
            }
            return skip("complex")
        case "complex scalar":
            try skipLines(1)
            return skip("complex")
        case "string", "sq_string":
            let elements = try count("elements")
            for _ in 0..<elements {
                let length = try count("length")
                var consumed = -1
                while consumed < length, index < lines.count {
                    consumed += lines[index].utf8.count + 1
                    index += 1
                }
            }
            return skip("char")
        case "cell":
            let cells: Int
            if peekField("ndims") != nil {
                cells = try dimensions().reduce(1, *)
            } else {
                let rows = try count("rows")
                cells = rows * (try count("columns", times: rows))
            }
            try skipElements(cells)
            return skip("cell")
        case "scalar struct", "struct":
            _ = try dimensions()
            try skipElements(try count("length"))
            return skip("struct")
        case "function handle":
            while index < lines.count, !lines[index].isEmpty {
                if let length = Self.field("length", in: lines[index]) {
                    index += 1
                    try skipElements(try Self.integer(length, line: index, file: file, what: "# length"))
                    break
                }
                index += 1
            }
            return skip("function handle")
        case "sparse matrix", "sparse complex matrix", "sparse bool matrix":
            let nonZeros = try count("nnz")
            _ = try count("rows")
            _ = try count("columns")
            try skipLines(nonZeros)
            return skip("sparse")
        default:
            // An unknown type: skip to the next variable.
            while index < lines.count, Self.field("name", in: lines[index]) == nil { index += 1 }
            return skip(type)
        }
    }

    /// `int8` … `uint64`.
    static let integerTypes = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]

    // MARK: Headers

    /// The value of `# key: value` in `line`, if it is that header.
    static func field(_ key: String, in line: Substring) -> String? {
        let prefix = "# \(key):"
        guard line.hasPrefix(prefix) else { return nil }
        return line.dropFirst(prefix.count).trimmingSpaces
    }

    private func peekField(_ key: String) -> String? {
        index < lines.count ? Self.field(key, in: lines[index]) : nil
    }

    /// The value of the `# key:` header on the current line, which must be there.
    private mutating func header(_ key: String, fix: String) throws(DataError) -> String {
        guard index < lines.count else {
            throw fail(
                lines.count, "the file ends where \"# \(key): …\" was expected", fix: "the file is cut short; \(fix)")
        }
        guard let value = Self.field(key, in: lines[index]) else {
            throw fail(
                index + 1, "expected \"# \(key): …\", found \"\(Self.excerpt(lines[index]))\"", fix: fix)
        }
        index += 1
        return value
    }

    /// A whole-number header such as `# rows: 3`; with `times`, the product with it must stay
    /// within `LessonLimits.maximumDataValues` (checked before anything is allocated).
    private mutating func count(_ key: String, times other: Int = 1) throws(DataError) -> Int {
        let text = try header(key, fix: Self.saveFix)
        let value = try Self.integer(text, line: index, file: file, what: "# \(key)")
        let (product, overflow) = value.multipliedReportingOverflow(by: max(other, 1))
        guard !overflow, product <= LessonLimits.maximumDataValues else {
            throw fail(
                index, "\"# \(key): \(text)\" announces more than \(LessonLimits.maximumDataValues) numbers",
                fix: "save a smaller matrix (at most \(LessonLimits.maximumSamples) samples)")
        }
        return value
    }

    static func integer(_ text: String, line: Int, file: String, what: String) throws(DataError) -> Int {
        guard let value = Int(text), value >= 0 else {
            throw .malformed(
                file: file, place: DataError.line(line),
                problem: "\(what) must be a whole number ≥ 0, found \"\(text)\"",
                fix: saveFix)
        }
        return value
    }

    /// `# ndims: k` and the line of k dimensions; their product is bounded.
    private mutating func dimensions() throws(DataError) -> [Int] {
        let count = try self.count("ndims")
        guard count <= 32, index < lines.count else {
            throw fail(index, "expected the dimensions after \"# ndims\"", fix: Self.saveFix)
        }
        let words = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == count else {
            throw fail(index + 1, "expected \(count) dimensions, found \(words.count)", fix: Self.saveFix)
        }
        var product = 1
        var result: [Int] = []
        for word in words {
            let value = try Self.integer(String(word), line: index + 1, file: file, what: "a dimension")
            let (next, overflow) = product.multipliedReportingOverflow(by: value)
            guard !overflow, next <= LessonLimits.maximumDataValues else {
                throw fail(
                    index + 1, "the dimensions announce more than \(LessonLimits.maximumDataValues) numbers",
                    fix: "save a smaller array")
            }
            product = next
            result.append(value)
        }
        index += 1
        return result
    }

    // MARK: Values

    /// `rows` lines of `columns` numbers each.
    private mutating func rowLines(rows: Int, columns: Int, of name: String) throws(DataError) -> (Matrix, [Int]) {
        var values: [Double] = []
        values.reserveCapacity(rows * columns)
        var numbers: [Int] = []
        for _ in 0..<rows {
            guard index < lines.count else {
                throw fail(
                    lines.count, "\(name) ends after \(numbers.count) of its \(rows) rows",
                    fix: "the file is cut short; save it again")
            }
            let words = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == columns else {
                throw fail(
                    index + 1, "row \(numbers.count + 1) of \(name) has \(words.count) numbers, expected \(columns)",
                    fix:
                        "every row of a \(rows) × \(columns) matrix needs \(columns) numbers; save it again with `save -text`"
                )
            }
            for word in words { values.append(try number(word, of: name)) }
            numbers.append(index + 1)
            index += 1
        }
        return (Matrix(rows: rows, columns: columns, values: values), numbers)
    }

    /// rows · columns lines of one number each, columns first (Octave's integer arrays).
    private mutating func columnMajorValues(rows: Int, columns: Int, of name: String) throws(DataError) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows {
                guard index < lines.count else {
                    throw fail(lines.count, "\(name) ends early", fix: "the file is cut short; save it again")
                }
                let words = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard words.count == 1 else {
                    throw fail(index + 1, "expected one number of \(name), found \(words.count)", fix: Self.saveFix)
                }
                matrix[i, j] = try number(words[0], of: name)
                index += 1
            }
        }
        return matrix
    }

    /// `# base, limit, increment` and its line: the row vector base, base + increment, … ≤ limit.
    private mutating func range(named name: String, place: DataPlace) throws(DataError) -> NamedMatrix {
        if index < lines.count, lines[index].hasPrefix("#") { index += 1 }
        guard index < lines.count else { throw fail(lines.count, "\(name) ends early", fix: Self.saveFix) }
        let words = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 3 else {
            throw fail(
                index + 1, "a range needs base, limit and increment, found \(words.count) numbers", fix: Self.saveFix)
        }
        var parts: [Double] = []
        for word in words { parts.append(try number(word, of: name)) }
        index += 1
        let (base, limit, increment) = (parts[0], parts[1], parts[2])
        let steps = increment == 0 ? -1 : ((limit - base) / increment).rounded(.down)
        guard steps < Double(LessonLimits.maximumDataValues) else {
            throw fail(
                index, "the range \(name) has more than \(LessonLimits.maximumDataValues) numbers",
                fix: "use a shorter range")
        }
        let count = steps >= 0 ? Int(steps) + 1 : 0
        let values = (0..<count).map { base + Double($0) * increment }
        return NamedMatrix(name: name, values: Matrix(rows: 1, columns: count, values: values), place: place)
    }

    private func number(_ word: Substring, of name: String) throws(DataError) -> Double {
        guard let value = Double(word) else {
            throw fail(index + 1, "\"\(Self.excerpt(word))\" in \(name) is not a number", fix: Self.saveFix)
        }
        guard value.isFinite else {
            throw fail(
                index + 1, "\(name) holds \(word), which a lesson cannot use",
                fix: "replace NaN and Inf with numbers before saving (e.g. X(isnan(X)) = 0)")
        }
        return value
    }

    // MARK: Skipping

    private mutating func skipLines(_ count: Int, times: Int = 1) throws(DataError) {
        let total = count * times
        guard index + total <= lines.count else {
            throw fail(lines.count, "the file ends inside a variable", fix: "the file is cut short; save it again")
        }
        index += total
    }

    private mutating func skipNDimensional() throws(DataError) {
        try skipLines(try dimensions().reduce(1, *))
    }

    /// Skips `count` nested elements, each starting with `# name:`.
    private mutating func skipElements(_ count: Int) throws(DataError) {
        guard depth < Self.maximumDepth else {
            throw fail(
                index, "cells or structs are nested more than \(Self.maximumDepth) deep",
                fix: "save only the matrices the lesson needs")
        }
        depth += 1
        defer { depth -= 1 }
        for _ in 0..<count {
            guard let line = nextContentLine(), let name = Self.field("name", in: lines[line]) else {
                throw fail(
                    min(index + 1, lines.count), "expected an element of a cell, struct or function handle",
                    fix: "the file is cut short or edited by hand; save it again")
            }
            index = line + 1
            _ = try element(named: name, startLine: line + 1, records: false)
        }
    }

    /// At most 40 characters of `text`, for messages.
    static func excerpt(_ text: Substring) -> String {
        text.count <= 40 ? String(text) : String(text.prefix(40)) + "…"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
