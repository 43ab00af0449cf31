/// Widths of typeset math in em, used to pick a font size or break a line before LaTeX
/// reports an overfull box. Every width is TeX's own: `TeXMetrics`, measured once from
/// pdflatex's boxes by `Tests/Tools/tex_metrics.py` and committed, so export needs no TeX. The
/// LaTeX compile tests check the result against pdflatex's overfull-box report.
struct MathWidth: MathVisitor {
    /// The formatter numbers are printed with (their width is their text's).
    var format: NumberFormat
    /// Whether fractions are written on one line (`LaTeXMathWriter.slashesFractions`).
    var slashesFractions = false

    /// Em per character of upright text in a table or paragraph (a digit's width).
    static let characterWidth = TeXMetrics.digit
    /// A single letter not in `TeXMetrics.letters` (the widest common one, W).
    static let letterWidth = 1.1
    /// How much a script shrinks.
    static let scriptScale = TeXMetrics.scriptScale
    /// The brackets of a matrix of several rows (one row: `TeXMetrics.matrixBrackets1`).
    static let matrixBracketWidth = TeXMetrics.matrixBrackets3
    /// An ellipsis cell.
    static let ellipsisWidth = TeXMetrics.cdots

    /// The estimated width of `m` in em at the normal size.
    static func of(_ m: Math, format: NumberFormat, slashingFractions: Bool = false) -> Double {
        MathWidth(format: format, slashesFractions: slashingFractions).walk(m)
    }

    /// The width a one-line fraction's "/" adds, and a part's parentheses when it has them.
    static let slash = 0.5
    private func slashedPart(_ part: Math) -> Double {
        walk(part) + (LaTeXMathWriter.standsBareInSlashedFraction(part) ? 0 : TeXMetrics.parentheses)
    }

    /// The number of text lines `m` is tall (a matrix of n rows is about n lines).
    static func lines(_ m: Math) -> Double {
        MathHeight().walk(m)
    }

    /// A run of digits, decimal points and minus signs as TeX sets it.
    static func numeral(_ text: Substring) -> Double {
        text.reduce(0) { total, character in
            switch character {
            case ".": return total + TeXMetrics.point
            case "-", "−": return total + TeXMetrics.unaryMinus
            default: return total + TeXMetrics.digit
            }
        }
    }

    func visitIdentifier(_ name: String) -> Double {
        if name.count == 1, let letter = name.first {
            return TeXMetrics.letters[letter] ?? Self.letterWidth
        }
        // Named operators and \mathrm names (ΔW, net): upright letters; Greek as symbols; a
        // ∑ is followed by TeX's thin space before what it sums.
        let thinSpace = name.contains("∑") ? 0.1667 : 0
        return thinSpace + name.reduce(0) {
            $0 + (TeXMetrics.uprightLetters[$1] ?? TeXMetrics.letters[$1] ?? TeXMetrics.uprightLetter)
        }
    }
    func visitText(_ words: String) -> Double { TeXMetrics.textCharacter * Double(words.count) }
    /// A number's width; scientific form (`3.05e-06`) is set as 3.05×10⁻⁶: the mantissa, the
    /// tight ×, the 10 and the exponent as a script.
    func visitNumber(_ value: Double, style: NumberStyle) -> Double {
        let text = format.string(value, style: style)
        let parts = text.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else { return Self.numeral(Substring(text)) }
        return Self.numeral(parts[0]) + TeXMetrics.timesTight + 2 * TeXMetrics.digit
            + Self.scriptScale * Self.numeral(Substring(String(exponent)))
    }
    func visitInteger(_ value: Int) -> Double { Self.numeral(Substring(String(value))) }
    func visitOperator(_ op: MathOperator) -> Double {
        switch op {
        case .comma, .semicolon: return TeXMetrics.punctuation
        case .equals, .less, .lessOrEqual, .arrow: return TeXMetrics.relation
        case .approximately: return TeXMetrics.approximately
        case .assign: return TeXMetrics.assign
        case .plus, .minus, .times, .hadamard, .outer: return TeXMetrics.binaryOperator
        case .product: return TeXMetrics.dot
        }
    }
    func visitRow(_ items: [Math]) -> Double { items.reduce(0) { $0 + walk($1) } }
    func visitSubscripted(_ base: Math, _ sub: Math) -> Double { walk(base) + Self.scriptScale * walk(sub) }
    func visitSuperscripted(_ base: Math, _ sup: Math) -> Double { walk(base) + Self.scriptScale * walk(sup) }
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> Double {
        walk(base) + Self.scriptScale * max(walk(sub), walk(sup))
    }
    func visitFraction(_ numerator: Math, _ denominator: Math) -> Double {
        if slashesFractions { return slashedPart(numerator) + Self.slash + slashedPart(denominator) }
        return max(walk(numerator), walk(denominator)) + TeXMetrics.fractionPadding
    }
    /// Parentheses: plain around flat content, growing (`\left( \right)`) around a matrix.
    func visitParenthesized(_ inner: Math) -> Double { walk(inner) + delimiters(inner) }
    func visitBracketed(_ inner: Math) -> Double { walk(inner) + delimiters(inner) }
    func visitNorm(_ inner: Math) -> Double { walk(inner) + TeXMetrics.growingParentheses }
    private func delimiters(_ inner: Math) -> Double {
        MathHeight().walk(inner) > LaTeXMathWriter.tallestPlainDelimited
            ? TeXMetrics.growingParentheses : TeXMetrics.parentheses
    }
    func visitMatrix(_ rows: [[Math]]) -> Double {
        let columnCount = rows.map(\.count).max() ?? 0
        var total = rows.count > 1 ? TeXMetrics.matrixBrackets3 : TeXMetrics.matrixBrackets1
        for column in 0..<columnCount {
            total += rows.map { column < $0.count ? walk($0[column]) : 0 }.max() ?? 0
        }
        return total + Double(max(0, columnCount - 1)) * TeXMetrics.matrixColumnGap
    }
    func visitTranspose(_ operand: Math) -> Double { walk(operand) + TeXMetrics.transpose }
    func visitPrime(_ base: Math) -> Double { walk(base) + TeXMetrics.prime }
    func visitPartial(_ numerator: Math, _ denominator: Math) -> Double {
        // ∂ (about a letter's width) on top and below, or before each part on one line.
        if slashesFractions { return walk(numerator) + walk(denominator) + 2 * 0.6 + Self.slash }
        return max(walk(numerator), walk(denominator)) + 0.6 + TeXMetrics.fractionPadding
    }
    func visitSum(_ index: Math, _ body: Math) -> Double {
        max(TeXMetrics.sum, Self.scriptScale * walk(index)) + walk(body)
    }
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
