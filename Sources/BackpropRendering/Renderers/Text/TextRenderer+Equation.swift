/// Equations: `lhs = e₁`, then `    = e₂` … with the relations aligned; over-wide lines break
/// at the top-level operators of the expression (`OperatorBreaking`), continuing under its
/// first character.
extension TextRenderer {
    /// The equation fitted to `width`.
    func render(_ equation: Equation) -> String {
        lines(of: equation).joined().joined(separator: "\n")
    }

    /// The printed lines of the equation fitted to `width`, grouped by the equation's steps
    /// (a step may take several lines: tall matrices, continuations); joined, they are
    /// `render(equation)`.
    func lines(of equation: Equation) -> [[String]] {
        var groups = renderUnfitted(equation)
        for limit in Self.matrixColumnLimits where groups.joined().contains(where: { $0.count > width }) {
            var narrower = self
            narrower.maximumMatrixColumns = limit
            groups = narrower.renderUnfitted(equation)
        }
        return groups
    }

    private func renderUnfitted(_ equation: Equation) -> [[String]] {
        let lhs = box(equation.lhs)
        var groups: [[String]] = []
        for (index, step) in equation.steps.enumerated() {
            var lines: [String] = []
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
            groups.append(lines)
        }
        return groups
    }

    /// The expression as one box, or split before top-level operators into lines that each
    /// fit: whole segments (an operator with the term after it) are packed greedily.
    private func fitted(_ expression: Math, available: Int) -> [TextBox] {
        let whole = box(expression)
        guard whole.width > available, let items = OperatorBreaking.items(of: expression) else { return [whole] }
        let segments = OperatorBreaking.segments(items, available: Double(available)) { Double(box($0).width) }
        /// A segment's boxes; a continuation line starts with its operator, without the
        /// leading space.
        func boxes(_ segment: [Math], startsLine: Bool) -> [TextBox] {
            var boxes = segment.indices.map { index in
                UnicodeMathWriter.factor(
                    box(segment[index]), of: segment[index], before: index + 1 < segment.count ? segment[index + 1] : nil)
            }
            if startsLine, case .op = segment[0] { boxes[0] = TextBox(String(boxes[0].text.drop { $0 == " " })) }
            return boxes
        }
        var pieces: [TextBox] = []
        var current: [TextBox] = []
        for segment in segments {
            var segmentBoxes = boxes(segment, startsLine: current.isEmpty && !pieces.isEmpty)
            let segmentWidth = segmentBoxes.reduce(0) { $0 + $1.width }
            let currentWidth = current.reduce(0) { $0 + $1.width }
            if !current.isEmpty, currentWidth + segmentWidth > available {
                pieces.append(.horizontal(current))
                segmentBoxes = boxes(segment, startsLine: true)
                current = segmentBoxes
            } else {
                current += segmentBoxes
            }
        }
        if !current.isEmpty { pieces.append(.horizontal(current)) }
        return pieces
    }
}
