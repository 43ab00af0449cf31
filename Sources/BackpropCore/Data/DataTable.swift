/// A table of text cells read from a CSV or TSV file: a header naming the columns and one
/// row per record, each with the line it starts on.
///
/// Rows are records in file order (for `import`, one sample per row); `cells[r][c]` is row r,
/// column c, both 0-based; every row has `header.count` cells (the reader refuses ragged rows).
public struct DataTable: Equatable, Sendable {
    /// How the file is named in errors.
    public var file: String
    /// The column names, from the first record.
    public var header: [String]
    /// The 1-based line the header starts on (after any blank lines).
    public var headerLine: Int
    /// The records after the header.
    public var cells: [[String]]
    /// The 1-based line each record starts on (a quoted field may span lines).
    public var rowLines: [Int]

    /// A table; the reader guarantees equally long rows.
    public init(file: String, header: [String], headerLine: Int, cells: [[String]], rowLines: [Int]) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.cells = cells
        self.rowLines = rowLines
    }

    /// The index of the column called `name`.
    public func columnIndex(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The finite number a cell holds, if it holds one (`1.5`, ` -2e3 `; not `NaN`, `inf`, ``).
    public static func number(_ cell: String) -> Double? {
        var text = Substring(cell)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether every cell of column `column` holds a finite number.
    public func isNumeric(column: Int) -> Bool {
        !cells.isEmpty && cells.allSatisfy { Self.number($0[column]) != nil }
    }

    /// Column `column` as numbers, or the first cell that is not one, with its line.
    public func numbers(column: Int) throws(DataError) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(cells.count)
        for (row, record) in cells.enumerated() {
            guard let value = Self.number(record[column]) else {
                let cell = record[column]
                let shown = cell.count <= 40 ? cell : String(cell.prefix(40)) + "…"
                throw .malformed(
                    file: file, place: DataError.line(rowLines[row]),
                    problem: cell.allSatisfy { $0 == " " }
                        ? "column \"\(header[column])\" is empty"
                        : "column \"\(header[column])\" holds \"\(shown)\", which is not a number",
                    fix:
                        "feature columns must hold numbers in every row: fill in or remove that row, or choose the columns with --features"
                )
            }
            result.append(value)
        }
        return result
    }
}
