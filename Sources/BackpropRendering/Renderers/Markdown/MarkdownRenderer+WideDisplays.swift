import BackpropCore

/// Displays that `EquationLayout` cannot fit in GitHub's column (`displayWidth`): a single
/// matrix wider than the column (Θ⁽²⁾ of a 5 × 7 layer at 6 decimals), or one that fits only
/// without the comment column beside it.
///
/// Such a step is laid out here: broken before its operators as `EquationLayout` breaks it,
/// a parenthesised group opened when it is too wide, and a matrix too wide for a line split
/// into blocks of whole columns, one block a line, its left bracket on the first block and its
/// right bracket on the last (`\left[ … \right.`, `\left. … \right]`), as a textbook breaks a
/// wide matrix; every row stays one row across the lines. Comments are set on their step's
/// first line (never in an `&&` column, which would sit after the widest line) or, when that
/// line has no room, on a line of their own below it.
extension MarkdownRenderer {
    /// One thing set on a line: math of a known width, or a growing delimiter that the line
    /// writer pairs with an invisible one (`\right.`, `\left.`) when the group is broken.
    enum WidePiece {
        case math(String, width: Double)
        case open(String)
        case close(String)

        var width: Double {
            switch self {
            case .math(_, let width): return width
            case .open, .close: return MarkdownRenderer.delimiterWidth
            }
        }
    }

    /// A growing parenthesis or bracket around a matrix, in em.
    static let delimiterWidth = TeXMetrics.growingParentheses / 2

    /// The lines of `equation` (after `\begin{aligned}` or `\\`), each within `displayWidth`
    /// wherever whole columns of a matrix fit a line.
    func wideLines(_ equation: Equation) -> [String] {
        let format = writer.format
        let width = { (m: Math) in MathWidth.of(m, format: format) }
        let budget = Self.displayWidth / EquationLayout.safetyMargin
        let lhsWidth = width(equation.lhs) + TeXMetrics.alignedOverhead
        let available = budget - lhsWidth - EquationLayout.continuationIndent
        var lines: [String] = []
        for (index, step) in equation.steps.enumerated() {
            let relation = step.relation.latex.trimmingSpaces
            let items = OperatorBreaking.items(of: step.expression) ?? [step.expression]
            // Each segment starts at an operator; a segment too wide for a line is cut into its
            // items, a wide group opened, a wide matrix split into column blocks.
            let segments = OperatorBreaking.segments(items, available: available, width: width)
            var stepLines: [[WidePiece]] = [[]]
            var lineWidth = width(.op(step.relation))
            func place(_ pieces: [WidePiece]) {
                let piecesWidth = pieces.reduce(0) { $0 + $1.width }
                if !(stepLines.last ?? []).isEmpty, lineWidth + piecesWidth > available {
                    stepLines.append([])
                    lineWidth = EquationLayout.quadWidth
                }
                stepLines[stepLines.count - 1] += pieces
                lineWidth += piecesWidth
            }
            for segment in segments {
                let segmentWidth = segment.reduce(0) { $0 + width($1) }
                if segmentWidth <= available {
                    place([.math(writer.write(.row(segment)), width: segmentWidth)])
                    continue
                }
                // The items before a split item (an operator, a coefficient such as 1/m) stay on
                // the line of its first part.
                var leading: [WidePiece] = []
                for item in segment {
                    let leadingWidth = leading.reduce(0) { $0 + $1.width }
                    var groups = pieces(item, available: available - leadingWidth)
                    if groups.count == 1 {
                        leading += groups[0]
                        continue
                    }
                    groups[0] = leading + groups[0]
                    leading = []
                    for group in groups { place(group) }
                }
                if !leading.isEmpty { place(leading) }
            }
            for (lineIndex, pieces) in stepLines.enumerated() {
                let body = Self.write(pieces)
                let lhs = index == 0 && lineIndex == 0 ? writer.write(equation.lhs) + " " : ""
                lines.append(lineIndex == 0 ? lhs + "&" + relation + " " + body : "&\\quad {}" + body)
            }
            if let comment = step.comment {
                let text = writer.text(comment)
                let first = lines.count - stepLines.count
                let firstWidth = stepLines[0].reduce(width(.op(step.relation))) { $0 + $1.width }
                let commentWidth = EquationLayout.commentGap + EquationLayout.commentCharacterWidth * Double(comment.count)
                if firstWidth + commentWidth <= available + EquationLayout.continuationIndent {
                    lines[first] += " \\qquad " + text
                } else {
                    lines.insert("&\\qquad " + text, at: first + 1)
                }
            }
        }
        return lines
    }

    /// `item` as groups of pieces, each group set whole on a line: the item itself when it fits
    /// `available`; else a parenthesised group opened into its items, or a matrix cut into blocks
    /// of whole columns that each fit.
    func pieces(_ item: Math, available: Double) -> [[WidePiece]] {
        let format = writer.format
        let width = { (m: Math) in MathWidth.of(m, format: format) }
        let itemWidth = width(item)
        if itemWidth <= available { return [[.math(writer.write(item), width: itemWidth)]] }
        switch item.layout {
        case .parenthesized(let inner):
            let items = OperatorBreaking.items(of: inner) ?? [inner]
            var groups = items.flatMap { pieces($0, available: available - 2 * Self.delimiterWidth) }
            guard !groups.isEmpty else { break }
            groups[0].insert(.open("("), at: 0)
            groups[groups.count - 1].append(.close(")"))
            return groups
        case .matrix(let rows):
            let columnCount = rows.map(\.count).max() ?? 0
            // The fewest blocks that fit, their columns shared out evenly (4 + 3, not 6 + 1).
            func blocks(_ count: Int) -> [Range<Int>] {
                (0..<count).map { columnCount * $0 / count..<columnCount * ($0 + 1) / count }
            }
            func fits(_ columns: Range<Int>) -> Bool {
                width(.matrix(rows.map { Array($0[min(columns.lowerBound, $0.count)..<min(columns.upperBound, $0.count)]) }))
                    <= available
            }
            guard columnCount > 1,
                let count = (2...columnCount).first(where: { blocks($0).allSatisfy(fits) }) ?? Optional(columnCount)
            else { break }
            let blocks = blocks(count)
            return blocks.enumerated().map { index, columns in
                let block = rows.map { Array($0[min(columns.lowerBound, $0.count)..<min(columns.upperBound, $0.count)]) }
                let body = block.map { $0.map(writer.write).joined(separator: " & ") }.joined(separator: " \\\\ ")
                var group: [WidePiece] = [
                    .math("\\begin{matrix} " + body + " \\end{matrix}", width: width(.matrix(block)) - TeXMetrics.matrixBrackets3)
                ]
                if index == 0 { group.insert(.open("["), at: 0) }
                if index == blocks.count - 1 { group.append(.close("]")) }
                return group
            }
        default:
            break
        }
        return [[.math(writer.write(item), width: itemWidth)]]
    }

    /// One line's LaTeX: each delimiter it opens and does not close is closed by `\right.`, each
    /// it closes without opening is opened by `\left.`.
    static func write(_ pieces: [WidePiece]) -> String {
        var text = ""
        var depth = 0
        var unopened = 0
        for piece in pieces {
            switch piece {
            case .math(let latex, _): text = LaTeXEscaping.joined(text, latex)
            case .open(let delimiter):
                text += "\\left" + delimiter
                depth += 1
            case .close(let delimiter):
                text += "\\right" + delimiter
                if depth > 0 { depth -= 1 } else { unopened += 1 }
            }
        }
        return String(repeating: "\\left.", count: unopened) + text + String(repeating: "\\right.", count: depth)
    }
}
