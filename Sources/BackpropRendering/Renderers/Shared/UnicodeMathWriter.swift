/// Math as 2-D Unicode text: matrices in ⎡ ⎤ brackets, scripts as Unicode super/subscripts.
///
/// The one Unicode walker: the text renderer sets whole equations with it and the Markdown
/// renderer its Mermaid labels, so `(ab)ᵀ` and `(1/m)Δ` read the same everywhere. Numbers go
/// through `NumberFormat`; a negative number keeps its ASCII `-`, as in every format.
struct UnicodeMathWriter: MathVisitor {
    /// The formatter for numbers in the document's style.
    var format: NumberFormat
    /// When set, matrices with more columns print the first ones, ⋯ and the last.
    var maximumMatrixColumns: Int?

    /// Spaces between matrix columns.
    static let columnGap = 2

    /// `math` on one line: tall parts (matrices, stacked fractions) joined line by line with
    /// spaces, for labels that cannot hold several lines.
    func line(_ math: Math) -> String {
        let box = walk(math)
        return box.isSingleLine ? box.text : box.printedLines.joined(separator: " ")
    }

    func visitIdentifier(_ name: String) -> TextBox { TextBox(name) }
    func visitText(_ words: String) -> TextBox { TextBox(words) }
    func visitNumber(_ value: Double, style: NumberStyle) -> TextBox {
        let text = format.string(value, style: style)
        // A worksheet's blank: a line as wide as the answer with a sign.
        return TextBox(style == .blank ? String(repeating: "_", count: text.count + (text.hasPrefix("-") ? 0 : 1)) : text)
    }
    func visitInteger(_ value: Int) -> TextBox { TextBox(String(value)) }
    func visitOperator(_ op: MathOperator) -> TextBox { TextBox(op.unicode) }

    func visitRow(_ items: [Math]) -> TextBox {
        .horizontal(
            items.enumerated().map { index, item in
                Self.factor(walk(item), of: item, before: index + 1 < items.count ? items[index + 1] : nil)
            })
    }

    /// A one-line fraction followed by a factor reads as (1/m)Δ, not 1/mΔ (review K1): `box`,
    /// the printing of `item`, parenthesised when `next` is a factor, not an operator. Rows
    /// and equations broken before operators both print their items through here.
    static func factor(_ box: TextBox, of item: Math, before next: Math?) -> TextBox {
        guard case .fraction = item.layout, box.isSingleLine, let next else { return box }
        if case .op = next.layout { return box }
        return TextBox("(" + box.text + ")")
    }

    func visitSubscripted(_ base: Math, _ sub: Math) -> TextBox {
        .horizontal([walk(base), TextBox(lowered(sub))])
    }

    func visitSuperscripted(_ base: Math, _ sup: Math) -> TextBox {
        .horizontal([walk(base), TextBox(raised(sup))])
    }

    func visitScripted(_ base: Math, sub: Math, sup: Math) -> TextBox {
        .horizontal([walk(base), TextBox(raised(sup)), TextBox(lowered(sub))])
    }

    func visitFraction(_ numerator: Math, _ denominator: Math) -> TextBox {
        let top = walk(numerator)
        let bottom = walk(denominator)
        if top.isSingleLine && bottom.isSingleLine {
            return TextBox(grouped(numerator, top.text) + "/" + grouped(denominator, bottom.text))
        }
        let width = max(top.width, bottom.width)
        return .vertical(
            [top.centered(in: width), TextBox(String(repeating: "─", count: width)), bottom.centered(in: width)],
            baselineOf: 1
        )
        .withBaseline(top.lines.count)
    }

    func visitParenthesized(_ inner: Math) -> TextBox {
        walk(inner).delimited(open: "(", close: ")", tall: ("⎛", "⎜", "⎝", "⎞", "⎟", "⎠"))
    }

    func visitBracketed(_ inner: Math) -> TextBox {
        walk(inner).delimited(open: "[", close: "]", tall: ("⎡", "⎢", "⎣", "⎤", "⎥", "⎦"))
    }

    func visitNorm(_ inner: Math) -> TextBox {
        walk(inner).delimited(open: "‖", close: "‖", tall: ("‖", "‖", "‖", "‖", "‖", "‖"))
    }

    func visitMatrix(_ rows: [[Math]]) -> TextBox {
        matrixBox(rows)
    }

    func visitTranspose(_ operand: Math) -> TextBox {
        // (a b)ᵀ, not a bᵀ: a juxtaposed base is grouped before it is transposed.
        if case .row = operand.layout { return .horizontal([visitParenthesized(operand), TextBox("ᵀ")]) }
        return .horizontal([walk(operand), TextBox("ᵀ")])
    }

    func visitPrime(_ base: Math) -> TextBox { .horizontal([walk(base), TextBox("′")]) }

    func visitPartial(_ numerator: Math, _ denominator: Math) -> TextBox {
        .horizontal([TextBox("∂"), walk(numerator), TextBox("/∂"), walk(denominator)])
    }

    func visitSum(_ index: Math, _ body: Math) -> TextBox {
        .horizontal([TextBox("Σ" + lowered(index)), walk(body)])
    }

    func visitEllipsis(_ direction: Math.Ellipsis) -> TextBox {
        switch direction {
        case .horizontal: return TextBox("⋯")
        case .vertical: return TextBox("⋮")
        case .diagonal: return TextBox("⋱")
        }
    }

    /// A superscript as Unicode when every character has a raised form, else `^(…)`.
    func raised(_ math: Math) -> String {
        let text = walk(math).text
        return Script.superscriptIfPossible(text) ?? "^(" + text + ")"
    }

    /// A subscript as Unicode when every character has a lowered form, else `_(…)`.
    func lowered(_ math: Math) -> String {
        let text = walk(math).text
        return Script.subscriptIfPossible(text) ?? "_(" + text + ")"
    }

    /// Parenthesises a one-line fraction part that contains an operator.
    private func grouped(_ math: Math, _ text: String) -> String {
        if case .row = math.layout, text.contains(" ") { return "(" + text + ")" }
        return text
    }

    /// Cells right-aligned in columns `columnGap` spaces apart, in square brackets; the
    /// baseline is the middle row.
    private func matrixBox(_ rows: [[Math]]) -> TextBox {
        var rows = rows
        if let limit = maximumMatrixColumns, let count = rows.first?.count, count > limit {
            // Too wide for the line: keep the first columns, a ⋯ column and the last one.
            rows = rows.map { row in
                let filler: Math =
                    row.allSatisfy { if case .ellipsis = $0 { return true } else { return false } }
                    ? .ellipsis(.diagonal) : .ellipsis(.horizontal)
                return Array(row.prefix(limit - 2)) + [filler, row[row.count - 1]]
            }
        }
        let cells = rows.map { $0.map { walk($0).text } }
        let columnCount = cells.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in
            cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        let gap = String(repeating: " ", count: Self.columnGap)
        let body = cells.map { row in
            row.enumerated().map { column, cell in
                String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: gap)
        }
        if body.count == 1 { return TextBox("[" + body[0] + "]") }
        let count = body.count
        let lines = body.enumerated().map { index, line -> String in
            let (left, right) = index == 0 ? ("⎡", "⎤") : (index == count - 1 ? ("⎣", "⎦") : ("⎢", "⎥"))
            return left + line + right
        }
        return TextBox(lines: lines, baseline: (count - 1) / 2)
    }
}
