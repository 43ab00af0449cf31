/// How an `Equation` is laid out on a page of a given width: the font size, and each line
/// split at top-level operators when even the smallest size is too wide.
///
/// Widths are estimates in em (see `MathWidth`); the LaTeX compile tests check the estimate
/// against pdflatex's overfull-box report for every built-in lesson.
struct EquationLayout {
    /// A font size a displayed equation may be set in, largest first.
    enum Size: CaseIterable {
        case normal, small, footnote, script

        /// Its size relative to the document's normal size.
        var scale: Double {
            switch self {
            case .normal: return 1
            case .small: return 0.9
            case .footnote: return 0.8
            case .script: return 0.7
            }
        }

        /// The LaTeX size command (empty for the normal size).
        var command: String {
            switch self {
            case .normal: return ""
            case .small: return "\\small"
            case .footnote: return "\\footnotesize"
            case .script: return "\\scriptsize"
            }
        }
    }

    /// One printed line of an equation.
    struct Line {
        /// The left-hand side (only on the first line; empty after).
        var lhs: String
        /// The relation and expression, or a continuation starting with an operator.
        var body: String
        /// A comment set beside the line.
        var comment: String?
        /// Which of the equation's steps this line belongs to (0-based), for overlays.
        var step: Int
        /// Whether this line continues the previous one.
        var isContinuation: Bool
    }

    /// `MathWidth` underestimates wide matrices (column gaps, minus signs) by up to ~20%, so
    /// an equation must fit the budget with this factor to spare.
    static let safetyMargin = 1.25
    /// Em reserved at the start of a continuation line (its `\quad`).
    static let continuationIndent = 2.0
    /// The width of the `\quad` a continuation line starts with, in em.
    static let quadWidth = 1.0
    /// Em per character of a comment set beside a line, and the gap before it.
    static let commentCharacterWidth = 0.45
    static let commentGap = 2.0

    var size: Size
    var lines: [Line]
    /// The estimated width of the widest line, in em at the normal size.
    var width: Double

    /// Lays out `equation` for a line `budget` em wide.
    init(_ equation: Equation, writer: LaTeXMathWriter, budget: Double, sizes: [Size] = Size.allCases) {
        let format = writer.format
        let budget = budget / Self.safetyMargin
        let lhsWidth = MathWidth.of(equation.lhs, format: format)
        // align* sets every comment in one column after the widest line, so a comment on a
        // narrow line still adds its width to the widest one.
        let commentWidth =
            equation.steps.compactMap {
                $0.comment.map { Self.commentGap + Self.commentCharacterWidth * Double($0.count) }
            }
            .max() ?? 0
        func stepWidth(_ step: Equation.Step) -> Double {
            MathWidth.of(.op(step.relation), format: format) + MathWidth.of(step.expression, format: format)
                + commentWidth
        }
        let widest = lhsWidth + (equation.steps.map(stepWidth).max() ?? 0)
        let lhs = writer.write(equation.lhs)
        let chosen = sizes.first { widest * $0.scale <= budget }
        let size = chosen ?? sizes.last ?? .normal
        var lines: [Line] = []
        var width = 0.0
        for (index, step) in equation.steps.enumerated() {
            let comment = step.comment.map(writer.text)
            let firstLHS = index == 0 ? lhs : ""
            let relation = step.relation.latex.trimmingSpaces
            if chosen == nil, lhsWidth + stepWidth(step) > budget / size.scale,
                let items = OperatorBreaking.items(of: step.expression)
            {
                // Too wide at the smallest size: break before top-level operators, packing whole
                // segments (an operator with the term after it) into lines that fit.
                let available = budget / size.scale - lhsWidth - Self.continuationIndent - commentWidth
                let itemWidth = { (item: Math) in MathWidth.of(item, format: format) }
                var chunks: [[Math]] = [[]]
                var chunkWidth = itemWidth(.op(step.relation))
                for segment in OperatorBreaking.segments(items, available: available, width: itemWidth) {
                    let segmentWidth = segment.reduce(0) { $0 + itemWidth($1) }
                    if !(chunks.last ?? []).isEmpty, chunkWidth + segmentWidth > available {
                        chunks.append([])
                        chunkWidth = Self.quadWidth
                    }
                    chunks[chunks.count - 1] += segment
                    chunkWidth += segmentWidth
                }
                for (chunkIndex, chunk) in chunks.enumerated() {
                    let body = writer.write(.row(chunk))
                    if chunkIndex == 0 {
                        lines.append(
                            Line(
                                lhs: firstLHS, body: "\(relation) " + body, comment: nil, step: index,
                                isContinuation: false))
                    } else {
                        lines.append(
                            Line(lhs: "", body: "\\quad {}" + body, comment: nil, step: index, isContinuation: true))
                    }
                    width = max(
                        width, lhsWidth + commentWidth + chunk.reduce(Self.continuationIndent) { $0 + itemWidth($1) })
                }
                if let comment { lines[lines.count - 1].comment = comment }
            } else {
                lines.append(
                    Line(
                        lhs: firstLHS, body: "\(relation) " + writer.write(step.expression), comment: comment,
                        step: index, isContinuation: false))
                width = max(width, lhsWidth + stepWidth(step))
            }
        }
        self.size = size
        self.lines = lines
        self.width = width
    }
}

extension EquationLayout {
    /// The sizes each equation in `blocks` may take (keyed by block index), so that equations
    /// of one kind, whose left-hand sides differ only in their indices (Θ⁽¹⁾ and Θ⁽²⁾, z⁽²⁾₁ and
    /// z⁽³⁾₁), are set in one size: the smallest any of them needs.
    static func sharedSizes(_ blocks: [Block], writer: LaTeXMathWriter, budget: Double) -> [Int: [Size]] {
        var rank: [Int: Int] = [:]
        var kinds: [Int: String] = [:]
        var smallest: [String: Int] = [:]
        for (index, block) in blocks.enumerated() {
            guard case .equation(let equation) = block else { continue }
            let layout = EquationLayout(equation, writer: writer, budget: budget)
            let position = Size.allCases.firstIndex(of: layout.size) ?? 0
            let kind = String(writer.write(equation.lhs).filter { !$0.isNumber })
            rank[index] = position
            kinds[index] = kind
            smallest[kind] = max(smallest[kind] ?? 0, position)
        }
        var sizes: [Int: [Size]] = [:]
        for (index, kind) in kinds {
            sizes[index] = Array(Size.allCases[(smallest[kind] ?? rank[index] ?? 0)...])
        }
        return sizes
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
