import BackpropCore

/// Prints narratives for an 80-column terminal: aligned matrices, Unicode math, wrapped prose.
///
/// Deterministic: the width is a parameter (never read from the terminal) and colour is used
/// only when asked for (the CLI asks only when stdout is a terminal and NO_COLOR is unset).
public struct TextRenderer: Sendable {
    /// Digits after the decimal point for every trace number.
    public var decimals: Int
    /// Whether to use ANSI colour and bold.
    public var usesColor: Bool
    /// The line width prose and equations are fitted to.
    public var width: Int
    /// When set, matrices with more columns print the first ones, ⋯ and the last; the
    /// renderer sets it only for content that does not fit `width` otherwise.
    var maximumMatrixColumns: Int? = nil

    /// A renderer with `decimals` digits, optional colour, for `width` columns.
    public init(decimals: Int = 4, usesColor: Bool = false, width: Int = 80) {
        self.decimals = decimals
        self.usesColor = usesColor
        self.width = width
    }

    var numberFormat: NumberFormat { NumberFormat(decimals: decimals) }

    /// A whole document: title, preface, then every section.
    public func render(_ narrative: Narrative) -> String {
        var parts = [
            style(narrative.title, .bold) + "\n" + String(repeating: "═", count: min(width, narrative.title.count))
        ]
        parts += narrative.preface.map(render)
        parts += narrative.sections.map { render($0).trimmingCharacters(in: ["\n"]) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One step: "Step N · Title", a rule, then its blocks separated by blank lines.
    public func render(_ section: Section) -> String {
        let title = "Step \(section.number) · \(section.title)"
        let header = style(title, .bold) + "\n" + String(repeating: "─", count: min(width, title.count))
        return ([header] + section.blocks.map(render)).joined(separator: "\n\n") + "\n"
    }

    /// One block, without a trailing newline.
    func render(_ block: Block) -> String {
        switch block {
        case .heading(let title):
            return style(title, .bold) + "\n" + String(repeating: "-", count: min(width, title.count))
        case .paragraph(let inlines):
            return fitting { $0.wrap(inlines, firstPrefix: "", restPrefix: "") }
        case .equation(let equation):
            return render(equation)
        case .why(let inlines):
            return wrap(inlines, firstPrefix: style("Why:", .bold) + " ", restPrefix: "     ", prefixWidth: 5)
        case .convention(let inlines):
            return style(wrap(inlines, firstPrefix: "Notation: ", restPrefix: "  "), .dim)
        case .table(let table):
            return fitting { $0.render(table) }
        case .bullets(let items):
            return items.map { wrap($0, firstPrefix: "  • ", restPrefix: "    ") }.joined(separator: "\n")
        case .figure(let figure):
            return render(figure)
        }
    }

    /// Aligned columns; when too wide, the last column's cells wrap onto extra lines.
    func render(_ table: Table) -> String {
        var rows = [table.header.map(line)] + table.rows.map { $0.map(line) }
        let columnCount = rows.first?.count ?? 0
        guard columnCount > 1 else { return TextTable.render(rows, rightAligned: table.rightAligned) }
        let leading = (0..<(columnCount - 1)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let room = width - leading.reduce(0, +) - 2 * (columnCount - 1)
        let widest = rows.map { $0[columnCount - 1].count }.max() ?? 0
        if widest > room, room >= 20 {
            rows = rows.flatMap { row -> [[String]] in
                let wrapped = wrapWords(row[columnCount - 1], width: room)
                return wrapped.enumerated().map { index, text in
                    index == 0 ? Array(row.dropLast()) + [text] : Array(repeating: "", count: columnCount - 1) + [text]
                }
            }
        }
        return TextTable.render(rows, rightAligned: table.rightAligned)
    }

    /// Plain words broken into lines of at most `width` characters.
    func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(current)
        return lines
    }

    // MARK: Equations

    /// `lhs = e₁`, then `    = e₂` … with the relations aligned; over-wide lines break at the
    /// top-level operators of the expression, continuing under its first character.
    func render(_ equation: Equation) -> String {
        fitting { $0.renderUnfitted(equation) }
    }

    /// `draw` with full matrices, or, when a line is still wider than `width`, with matrices
    /// cut to fewer columns (6, then 4, then 3).
    func fitting(_ draw: (TextRenderer) -> String) -> String {
        var text = draw(self)
        for limit in [6, 4, 3] where text.split(separator: "\n").contains(where: { $0.count > width }) {
            var narrower = self
            narrower.maximumMatrixColumns = limit
            text = draw(narrower)
        }
        return text
    }

    private func renderUnfitted(_ equation: Equation) -> String {
        let lhs = box(equation.lhs)
        var lines: [String] = []
        for (index, step) in equation.steps.enumerated() {
            let head =
                index == 0
                ? lhs
                : TextBox(
                    lines: lhs.lines.map { _ in String(repeating: " ", count: lhs.width) }, baseline: lhs.baseline)
            let relation = TextBox(step.relation.unicode)
            let indent = lhs.width + relation.width
            var pieces = fitted(step.expression, available: width - indent)
            if let comment = step.comment {
                pieces[pieces.count - 1] = .horizontal([pieces[pieces.count - 1], TextBox("   (" + comment + ")")])
            }
            for (pieceIndex, piece) in pieces.enumerated() {
                let left =
                    pieceIndex == 0
                    ? TextBox.horizontal([
                        index == 0 ? head : TextBox(String(repeating: " ", count: lhs.width)), relation,
                    ])
                    : TextBox(String(repeating: " ", count: indent))
                lines += TextBox.horizontal([left, piece]).printedLines
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The expression as one box, or split before top-level operators into lines that each
    /// fit: whole segments (an operator with the term after it) are packed greedily.
    private func fitted(_ expression: Math, available: Int) -> [TextBox] {
        let whole = box(expression)
        guard whole.width > available, case .row = expression else { return [whole] }
        // Nested rows are juxtaposition only (grouping is explicit in .parenthesized), so
        // they can be flattened to find more places to break.
        func flattened(_ math: Math) -> [Math] {
            if case .row(let inner) = math { return inner.flatMap(flattened) }
            return [math]
        }
        let items = flattened(expression)
        // Prefer breaking before +, −, ⊙ …; a product (·) stays with its factors unless the
        // product alone is wider than the line.
        func split(_ items: [Math], atProducts: Bool) -> [[Math]] {
            var segments: [[Math]] = [[]]
            for item in items {
                if case .op(let op) = item, !(segments.last ?? []).isEmpty, atProducts || op != .product {
                    segments.append([])
                }
                segments[segments.count - 1].append(item)
            }
            return segments
        }
        let segments = split(items, atProducts: false).flatMap { segment -> [[Math]] in
            segment.reduce(0) { $0 + box($1).width } > available ? split(segment, atProducts: true) : [segment]
        }
        var pieces: [TextBox] = []
        var current: [TextBox] = []
        for segment in segments {
            var boxes = segment.map(box)
            if current.isEmpty, !pieces.isEmpty, case .op = segment[0] {
                // A continuation line starts with its operator, without the leading space.
                boxes[0] = TextBox(String(boxes[0].text.drop { $0 == " " }))
            }
            let segmentWidth = boxes.reduce(0) { $0 + $1.width }
            let currentWidth = current.reduce(0) { $0 + $1.width }
            if !current.isEmpty, currentWidth + segmentWidth > available {
                pieces.append(.horizontal(current))
                boxes = segment.map(box)
                if case .op = segment[0] { boxes[0] = TextBox(String(boxes[0].text.drop { $0 == " " })) }
                current = boxes
            } else {
                current += boxes
            }
        }
        if !current.isEmpty { pieces.append(.horizontal(current)) }
        return pieces
    }

    // MARK: Prose

    /// Inline content on one line (math in its one-line form).
    func line(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let words): return words
            case .math(let math): return box(math).isSingleLine ? box(math).text : render(math)
            case .emphasis(let words): return style(words, .bold)
            case .code(let code): return "`" + code + "`"
            }
        }.joined()
    }

    /// Words wrapped to the width; inline math is never broken, and tall inline math is set on
    /// its own lines.
    func wrap(_ inlines: [Inline], firstPrefix: String, restPrefix: String, prefixWidth: Int? = nil) -> String {
        let glue: Character = "\u{00A0}"
        var output: [String] = []
        var pending = ""
        func flush() {
            let words = pending.split(separator: " ", omittingEmptySubsequences: true)
            pending = ""
            guard !words.isEmpty else { return }
            let firstWidth = prefixWidth ?? firstPrefix.count
            var current = ""
            var isFirst = output.isEmpty
            for word in words {
                let limit = width - (isFirst ? firstWidth : restPrefix.count)
                if !current.isEmpty && current.count + 1 + word.count > limit {
                    output.append((isFirst ? firstPrefix : restPrefix) + current)
                    isFirst = false
                    current = String(word)
                } else {
                    current += current.isEmpty ? String(word) : " " + word
                }
            }
            if !current.isEmpty { output.append((isFirst ? firstPrefix : restPrefix) + current) }
        }
        for inline in inlines {
            if case .math(let math) = inline {
                let mathBox = box(math)
                if mathBox.isSingleLine {
                    pending += String(mathBox.text.map { $0 == " " ? glue : $0 })
                } else {
                    flush()
                    output += mathBox.printedLines.map { restPrefix + "    " + $0 }
                }
                continue
            }
            pending += line([inline])
        }
        flush()
        return output.map { String($0.map { $0 == glue ? " " : $0 }) }.joined(separator: "\n")
    }

    // MARK: Figure

    /// Layers as columns of unit labels (with a and δ where given), then the weights' shapes.
    func render(_ figure: NetworkFigure) -> String {
        var columns: [[String]] = []
        for (index, layer) in figure.layers.enumerated() {
            var column = [figure.layerCaptions[index]]
            for unit in layer.prefix(9) {
                var entry = line([.math(unit.label)])
                if let a = unit.activation { entry += " = " + numberFormat.string(a) }
                if let delta = unit.delta { entry += "  δ " + numberFormat.string(delta) }
                column.append("(" + entry + ")")
            }
            if layer.count > 9 { column.append("… \(layer.count - 9) more") }
            if figure.showsBiasUnits && index < figure.layers.count - 1 { column.append("(+1) bias") }
            columns.append(column)
        }
        let widths = columns.map { $0.map(\.count).max() ?? 0 }
        let sideBySide = widths.reduce(0, +) + 5 * (columns.count - 1) <= width
        var lines: [String] = []
        if sideBySide {
            let height = columns.map(\.count).max() ?? 0
            for row in 0..<height {
                let cells = columns.enumerated().map { index, column -> String in
                    let cell = row < column.count ? column[row] : ""
                    return cell + String(repeating: " ", count: widths[index] - cell.count)
                }
                var text = cells[0]
                for index in 1..<cells.count {
                    let joined = row > 0 && row < columns[index - 1].count && row < columns[index].count
                    text += (joined ? "  →  " : "     ") + cells[index]
                }
                lines.append(text.trimmingTrailingSpaces())
            }
        } else {
            for column in columns {
                lines.append(column[0] + ":")
                lines += column.dropFirst().map { "    " + $0 }
            }
        }
        for (index, weights) in figure.weights.enumerated() {
            lines.append(
                "  " + line([.math(figure.weightSymbols[index])])
                    + ": \(weights.rows) × \(weights.columns) weights from layer \(index + 1) to layer \(index + 2), bias weights included"
            )
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Style

    enum Style { case bold, dim }

    func style(_ text: String, _ style: Style) -> String {
        guard usesColor else { return text }
        let code = style == .bold ? "1" : "2"
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "\u{1B}[\(code)m" + $0 + "\u{1B}[0m" }.joined(separator: "\n")
    }
}
