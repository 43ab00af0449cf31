/// Math as 2-D Unicode text: matrices in ⎡ ⎤ brackets, scripts as Unicode super/subscripts.
extension TextRenderer {
    /// `math` on one line where it fits on one, else its baseline row (prefer `box`).
    public func render(_ math: Math) -> String {
        let box = self.box(math)
        return box.isSingleLine ? box.text : box.printedLines.joined(separator: "\n")
    }

    func box(_ math: Math) -> TextBox {
        switch math {
        case .identifier(let name): return TextBox(name)
        case .text(let words): return TextBox(words)
        case .number(let value): return TextBox(numberFormat.string(value))
        case .integer(let value): return TextBox(String(value))
        case .op(let op): return TextBox(op.unicode)
        case .row(let items):
            // A one-line fraction followed by a factor reads as (1/m)Δ, not 1/mΔ.
            return .horizontal(
                items.enumerated().map { index, item in
                    let itemBox = box(item)
                    if case .fraction = item, itemBox.isSingleLine, index < items.count - 1 {
                        if case .op = items[index + 1] { return itemBox }
                        return TextBox("(" + itemBox.text + ")")
                    }
                    return itemBox
                })
        case .subscripted(let base, let sub):
            return .horizontal([box(base), TextBox(lowered(sub))])
        case .superscripted(let base, let sup):
            return .horizontal([box(base), TextBox(raised(sup))])
        case .scripted(let base, let sub, let sup):
            return .horizontal([box(base), TextBox(raised(sup)), TextBox(lowered(sub))])
        case .fraction(let numerator, let denominator):
            let top = box(numerator)
            let bottom = box(denominator)
            if top.isSingleLine && bottom.isSingleLine {
                return TextBox(grouped(numerator, top.text) + "/" + grouped(denominator, bottom.text))
            }
            let width = max(top.width, bottom.width)
            return .vertical(
                [centered(top, width), TextBox(String(repeating: "─", count: width)), centered(bottom, width)],
                baselineOf: 1
            )
            .withBaseline(top.lines.count)
        case .parenthesized(let inner):
            return delimited(box(inner), open: "(", close: ")", tall: ("⎛", "⎜", "⎝", "⎞", "⎟", "⎠"))
        case .bracketed(let inner):
            return delimited(box(inner), open: "[", close: "]", tall: ("⎡", "⎢", "⎣", "⎤", "⎥", "⎦"))
        case .norm(let inner): return delimited(box(inner), open: "‖", close: "‖", tall: ("‖", "‖", "‖", "‖", "‖", "‖"))
        case .matrix(let rows): return matrixBox(rows)
        case .transpose(let base):
            // (a b)ᵀ, not a bᵀ: a juxtaposed base is grouped before it is transposed.
            if case .row = base { return .horizontal([box(.parenthesized(base)), TextBox("ᵀ")]) }
            return .horizontal([box(base), TextBox("ᵀ")])
        case .prime(let base): return .horizontal([box(base), TextBox("′")])
        case .partial(let numerator, let denominator):
            return .horizontal([TextBox("∂"), box(numerator), TextBox("/∂"), box(denominator)])
        case .sum(let index, let body):
            return .horizontal([TextBox("Σ" + lowered(index)), box(body)])
        case .ellipsis(let direction):
            switch direction {
            case .horizontal: return TextBox("⋯")
            case .vertical: return TextBox("⋮")
            case .diagonal: return TextBox("⋱")
            }
        }
    }

    /// A superscript as Unicode when every character has a raised form, else `^(…)`.
    func raised(_ math: Math) -> String {
        let text = box(math).text
        return Script.superscriptIfPossible(text) ?? "^(" + text + ")"
    }

    /// A subscript as Unicode when every character has a lowered form, else `_(…)`.
    func lowered(_ math: Math) -> String {
        let text = box(math).text
        return Script.subscriptIfPossible(text) ?? "_(" + text + ")"
    }

    /// Parenthesises a one-line fraction part that contains an operator.
    private func grouped(_ math: Math, _ text: String) -> String {
        if case .row = math, text.contains(" ") { return "(" + text + ")" }
        return text
    }

    private func centered(_ box: TextBox, _ width: Int) -> TextBox {
        let left = (width - box.width) / 2
        let pad = String(repeating: " ", count: left)
        return TextBox(lines: box.lines.map { pad + $0 }, baseline: box.baseline)
    }

    private func delimited(
        _ inner: TextBox, open: String, close: String, tall: (String, String, String, String, String, String)
    ) -> TextBox {
        if inner.isSingleLine { return TextBox(open + inner.text + close) }
        let count = inner.lines.count
        let left = (0..<count).map { $0 == 0 ? tall.0 : ($0 == count - 1 ? tall.2 : tall.1) }
        let right = (0..<count).map { $0 == 0 ? tall.3 : ($0 == count - 1 ? tall.5 : tall.4) }
        return .horizontal([
            TextBox(lines: left, baseline: inner.baseline), inner, TextBox(lines: right, baseline: inner.baseline),
        ])
    }

    /// Cells right-aligned in columns two spaces apart, in square brackets; the baseline is
    /// the middle row.
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
        let cells = rows.map { $0.map { box($0).text } }
        let columnCount = cells.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        let body = cells.map { row in
            row.enumerated().map { column, cell in
                String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
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

extension TextBox {
    /// The same lines with another baseline.
    func withBaseline(_ row: Int) -> TextBox {
        TextBox(lines: lines, baseline: row)
    }
}
