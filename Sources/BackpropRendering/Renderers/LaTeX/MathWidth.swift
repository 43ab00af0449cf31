/// Rough widths of typeset math in em, used to pick a font size or break a line before
/// LaTeX reports an overfull box. The LaTeX compile tests check the estimate against
/// pdflatex's overfull-box report for every built-in lesson.
struct MathWidth: MathVisitor {
    /// The formatter numbers are printed with (their width is their text's).
    var format: NumberFormat

    /// Em per character of upright text, digits and multi-letter names.
    static let characterWidth = 0.5
    /// A single-letter identifier (italic, with its side bearing).
    static let letterWidth = 0.6
    /// Extra width around a number (the minus sign is wider than a digit).
    static let numberPadding = 0.3
    /// How much a script shrinks: 0.7 of its base size.
    static let scriptScale = 0.7
    /// A pair of delimiters, or the gap between two matrix columns.
    static let delimiterWidth = 1.0
    /// The brackets of a matrix.
    static let matrixBracketWidth = 1.2
    /// An ellipsis cell.
    static let ellipsisWidth = 1.2
    /// A relation (=, ≈, :=, <, ≤, →) with its spaces.
    static let relationWidth = 1.8
    /// A binary operator (+, −, ×, ·, ⊙, ⊗) with its spaces.
    static let binaryOperatorWidth = 1.6
    /// A comma or semicolon with its space.
    static let punctuationWidth = 0.8

    /// The estimated width of `m` in em at the normal size.
    static func of(_ m: Math, format: NumberFormat) -> Double {
        MathWidth(format: format).walk(m)
    }

    /// The number of text lines `m` is tall (a matrix of n rows is about n lines).
    static func lines(_ m: Math) -> Double {
        MathHeight().walk(m)
    }

    func visitIdentifier(_ name: String) -> Double {
        name.count == 1 ? Self.letterWidth : Self.characterWidth * Double(name.count)
    }
    func visitText(_ words: String) -> Double { Self.characterWidth * Double(words.count) }
    /// A number's width; scientific form (`3.05e-06`) is set as 3.05×10⁻⁶, so it counts the
    /// mantissa, the × (set tight), the 10 and the exponent as a script without its zeros.
    func visitNumber(_ value: Double, style: NumberStyle) -> Double {
        let text = format.string(value, style: style)
        let parts = text.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else {
            return Self.characterWidth * Double(text.count) + Self.numberPadding
        }
        return Self.characterWidth * Double(parts[0].count) + 3 * Self.characterWidth
            + Self.scriptScale * Self.characterWidth * Double(String(exponent).count) + Self.numberPadding
    }
    func visitInteger(_ value: Int) -> Double { Self.characterWidth * Double(String(value).count) }
    func visitOperator(_ op: MathOperator) -> Double {
        switch op {
        case .comma, .semicolon: return Self.punctuationWidth
        case .equals, .approximately, .assign, .less, .lessOrEqual, .arrow: return Self.relationWidth
        case .plus, .minus, .times, .product, .hadamard, .outer: return Self.binaryOperatorWidth
        }
    }
    func visitRow(_ items: [Math]) -> Double { items.reduce(0) { $0 + walk($1) } }
    func visitSubscripted(_ base: Math, _ sub: Math) -> Double { walk(base) + Self.scriptScale * walk(sub) }
    func visitSuperscripted(_ base: Math, _ sup: Math) -> Double { walk(base) + Self.scriptScale * walk(sup) }
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> Double {
        walk(base) + Self.scriptScale * max(walk(sub), walk(sup))
    }
    func visitFraction(_ numerator: Math, _ denominator: Math) -> Double {
        max(walk(numerator), walk(denominator)) + 0.3
    }
    func visitParenthesized(_ inner: Math) -> Double { walk(inner) + Self.delimiterWidth }
    func visitBracketed(_ inner: Math) -> Double { walk(inner) + Self.delimiterWidth }
    func visitNorm(_ inner: Math) -> Double { walk(inner) + Self.delimiterWidth }
    func visitMatrix(_ rows: [[Math]]) -> Double {
        let columnCount = rows.map(\.count).max() ?? 0
        var total = Self.matrixBracketWidth
        for column in 0..<columnCount {
            total += rows.map { column < $0.count ? walk($0[column]) : 0 }.max() ?? 0
        }
        return total + Double(max(0, columnCount - 1)) * Self.delimiterWidth
    }
    func visitTranspose(_ operand: Math) -> Double { walk(operand) + 0.6 }
    func visitPrime(_ base: Math) -> Double { walk(base) + 0.3 }
    func visitPartial(_ numerator: Math, _ denominator: Math) -> Double {
        max(walk(numerator), walk(denominator)) + 0.9
    }
    func visitSum(_ index: Math, _ body: Math) -> Double { max(1.3, Self.scriptScale * walk(index)) + walk(body) }
    func visitEllipsis(_ direction: Math.Ellipsis) -> Double { Self.ellipsisWidth }
}

/// The height of typeset math in lines of text: 1 for a symbol, about n for a matrix of n
/// rows; decides growing delimiters and a slide's height.
struct MathHeight: MathVisitor {
    /// A matrix row is a little taller than a text line.
    static let matrixRowHeight = 1.2
    /// A row of ⋮ (rows left out) is taller than a row of numbers: TeX's `\vdots` is 15 pt.
    static let gapRowHeight = 1.6
    /// What a script adds to its base.
    static let scriptHeight = 0.2

    func visitIdentifier(_ name: String) -> Double { 1 }
    func visitText(_ words: String) -> Double { 1 }
    func visitNumber(_ value: Double, style: NumberStyle) -> Double { 1 }
    func visitInteger(_ value: Int) -> Double { 1 }
    func visitOperator(_ op: MathOperator) -> Double { 1 }
    func visitEllipsis(_ direction: Math.Ellipsis) -> Double { 1 }
    func visitRow(_ items: [Math]) -> Double { items.map(walk).max() ?? 1 }
    func visitSubscripted(_ base: Math, _ sub: Math) -> Double { walk(base) + Self.scriptHeight }
    func visitSuperscripted(_ base: Math, _ sup: Math) -> Double { walk(base) + Self.scriptHeight }
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> Double { walk(base) + Self.scriptHeight }
    func visitTranspose(_ operand: Math) -> Double { walk(operand) + Self.scriptHeight }
    func visitPrime(_ base: Math) -> Double { walk(base) + Self.scriptHeight }
    func visitFraction(_ numerator: Math, _ denominator: Math) -> Double { walk(numerator) + walk(denominator) }
    func visitParenthesized(_ inner: Math) -> Double { walk(inner) }
    func visitBracketed(_ inner: Math) -> Double { walk(inner) }
    func visitNorm(_ inner: Math) -> Double { walk(inner) }
    func visitMatrix(_ rows: [[Math]]) -> Double {
        rows.reduce(0) { total, row in
            let isGap = row.contains { if case .ellipsis(.vertical) = $0 { return true } else { return false } }
            return total + (isGap ? Self.gapRowHeight : Self.matrixRowHeight)
        }
    }
    func visitPartial(_ numerator: Math, _ denominator: Math) -> Double { 2 }
    func visitSum(_ index: Math, _ body: Math) -> Double { max(1.8, walk(body)) }
}
