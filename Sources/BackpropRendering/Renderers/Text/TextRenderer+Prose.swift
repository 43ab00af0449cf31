/// Prose and tables: inline content on one line, greedy word wrap (`WordWrap`) with inline
/// math kept whole, and column-aligned tables whose last column wraps when too wide.
extension TextRenderer {
    /// The narrowest last column worth wrapping a table into; below it the table overflows.
    static let narrowestWrappedColumn = 20
    /// How far tall inline math (a matrix in a paragraph) is indented past the prefix.
    static let tallMathIndent = "    "

    /// Aligned columns; when too wide, the last column's cells wrap onto extra lines.
    func render(_ table: Table) -> String {
        var rows = [table.header.map(line)] + table.rows.map { $0.map(line) }
        let columnCount = rows.first?.count ?? 0
        guard columnCount > 1 else { return TextTable.render(rows, rightAligned: table.rightAligned) }
        let leading = (0..<(columnCount - 1)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let room = width - leading.reduce(0, +) - 2 * (columnCount - 1)
        let widest = rows.map { $0[columnCount - 1].count }.max() ?? 0
        if widest > room, room >= Self.narrowestWrappedColumn {
            rows = rows.flatMap { row -> [[String]] in
                let wrapped = WordWrap.lines(row[columnCount - 1], firstWidth: room, restWidth: room)
                return (wrapped.isEmpty ? [""] : wrapped).enumerated().map { index, text in
                    index == 0 ? Array(row.dropLast()) + [text] : Array(repeating: "", count: columnCount - 1) + [text]
                }
            }
        }
        return TextTable.render(rows, rightAligned: table.rightAligned)
    }

    /// Inline content on one line (math in its one-line form).
    func line(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let words): return Self.plain(words)
            case .math(let math): return render(math)
            case .emphasis(let words): return style(Self.plain(words), .bold)
            case .code(let code): return "`" + Self.plain(code) + "`"
            }
        }.joined()
    }

    /// Words wrapped to the width; inline math is never broken, and tall inline math is set on
    /// its own lines.
    func wrap(_ inlines: [Inline], firstPrefix: String, restPrefix: String, prefixWidth: Int? = nil) -> String {
        // Spaces inside inline math are glued so the wrapper never breaks there.
        let glue: Character = "\u{00A0}"
        var output: [String] = []
        var pending = ""
        func flush() {
            let isFirst = output.isEmpty
            let measure = min(width, proseWidth ?? width)
            let restWidth = measure - restPrefix.count
            let firstWidth = isFirst ? measure - (prefixWidth ?? firstPrefix.count) : restWidth
            for (index, text) in WordWrap.lines(pending, firstWidth: firstWidth, restWidth: restWidth).enumerated() {
                output.append((isFirst && index == 0 ? firstPrefix : restPrefix) + text)
            }
            pending = ""
        }
        for inline in inlines {
            if case .math(let math) = inline {
                let mathBox = box(math)
                if mathBox.isSingleLine {
                    pending += String(mathBox.text.map { $0 == " " ? glue : $0 })
                } else {
                    flush()
                    output += mathBox.printedLines.map { restPrefix + Self.tallMathIndent + $0 }
                }
                continue
            }
            pending += line([inline])
        }
        flush()
        return output.map { String($0.map { $0 == glue ? " " : $0 }) }.joined(separator: "\n")
    }
}
