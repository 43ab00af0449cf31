import BackpropCore

/// Writes `Math` as MathML Core, which Chromium (109+), Firefox and Safari render natively.
///
/// Only MathML Core elements are used (`mi mn mo mtext mrow msub msup msubsup mfrac munder
/// mtable mtr mtd`); no `menclose`, no `columnalign` (Chromium ignores both). Matrices are
/// `<mtable class="mx">` between stretchy brackets; the page's CSS right-aligns their cells.
/// Non-stretching parentheses carry `stretchy="false"` and zero spacing so Chromium neither
/// grows them nor pads them inside scripts. Numbers go through `NumberFormat` with an ASCII
/// `-`, as in every format; a scientific number is `mantissa × 10^exponent`. Every string from
/// the lesson (identifiers, words) is escaped with `XMLEscaping`, so nothing becomes markup.
struct MathMLWriter: MathVisitor, Sendable {
    /// The formatter for numbers.
    var format: NumberFormat

    /// A writer printing numbers with `decimals` digits after the point.
    init(decimals: Int) { format = NumberFormat(decimals: decimals) }

    /// The MathML of `m`, without the `<math>` element around it.
    func write(_ m: Math) -> String { walk(m) }

    /// `m` as an inline `<math>` element.
    func inline(_ m: Math) -> String { "<math>" + walk(m) + "</math>" }

    func visitIdentifier(_ name: String) -> String { "<mi>" + XMLEscaping.escaped(name) + "</mi>" }
    func visitText(_ words: String) -> String { "<mtext>" + XMLEscaping.escaped(words) + "</mtext>" }
    func visitNumber(_ value: Double, style: NumberStyle) -> String { number(value, style: style) }
    func visitInteger(_ value: Int) -> String { "<mn>" + String(value) + "</mn>" }

    func visitOperator(_ op: MathOperator) -> String {
        switch op {
        case .equals: return "<mo>=</mo>"
        case .approximately: return "<mo>≈</mo>"
        case .assign: return "<mo>:=</mo>"
        case .plus: return "<mo>+</mo>"
        case .minus: return "<mo>−</mo>"
        case .times: return "<mo>×</mo>"
        case .product: return "<mo>·</mo>"
        case .hadamard: return "<mo>⊙</mo>"
        case .outer: return "<mo>⊗</mo>"
        case .less: return "<mo>&lt;</mo>"
        case .lessOrEqual: return "<mo>≤</mo>"
        case .comma: return "<mo separator=\"true\">,</mo>"
        case .semicolon: return "<mo separator=\"true\">;</mo>"
        case .arrow: return "<mo>→</mo>"
        }
    }

    func visitRow(_ items: [Math]) -> String { "<mrow>" + items.map(walk).joined() + "</mrow>" }

    func visitSubscripted(_ base: Math, _ sub: Math) -> String {
        "<msub>" + grouped(base) + grouped(sub) + "</msub>"
    }

    func visitSuperscripted(_ base: Math, _ sup: Math) -> String {
        "<msup>" + grouped(base) + grouped(sup) + "</msup>"
    }

    func visitScripted(_ base: Math, sub: Math, sup: Math) -> String {
        "<msubsup>" + grouped(base) + grouped(sub) + grouped(sup) + "</msubsup>"
    }

    func visitFraction(_ numerator: Math, _ denominator: Math) -> String {
        "<mfrac>" + grouped(numerator) + grouped(denominator) + "</mfrac>"
    }

    func visitParenthesized(_ inner: Math) -> String { fenced("(", inner, ")") }
    func visitBracketed(_ inner: Math) -> String { fenced("[", inner, "]") }
    func visitNorm(_ inner: Math) -> String { fenced("‖", inner, "‖") }

    func visitMatrix(_ rows: [[Math]]) -> String {
        let body = rows.map { row in "<mtr>" + row.map { "<mtd>" + walk($0) + "</mtd>" }.joined() + "</mtr>" }
        return "<mrow><mo>[</mo><mtable class=\"mx\">" + body.joined() + "</mtable><mo>]</mo></mrow>"
    }

    func visitTranspose(_ operand: Math) -> String {
        // (a b)ᵀ, not a bᵀ: a juxtaposed base is grouped before it is transposed.
        let base: String
        if case .row = operand.layout { base = visitParenthesized(operand) } else { base = grouped(operand) }
        return "<msup>" + base + "<mi mathvariant=\"normal\">T</mi></msup>"
    }

    func visitPrime(_ base: Math) -> String { "<msup>" + grouped(base) + "<mo>′</mo></msup>" }

    func visitPartial(_ numerator: Math, _ denominator: Math) -> String {
        "<mfrac><mrow><mi>∂</mi>" + walk(numerator) + "</mrow><mrow><mi>∂</mi>" + walk(denominator)
            + "</mrow></mfrac>"
    }

    func visitSum(_ index: Math, _ body: Math) -> String {
        "<mrow><munder><mo>∑</mo>" + grouped(index) + "</munder>" + walk(body) + "</mrow>"
    }

    func visitEllipsis(_ direction: Math.Ellipsis) -> String {
        switch direction {
        case .horizontal: return "<mo>⋯</mo>"
        case .vertical: return "<mo>⋮</mo>"
        case .diagonal: return "<mo>⋱</mo>"
        }
    }

    /// One child element for a script or fraction slot: a row is already one `<mrow>`;
    /// anything else is wrapped so the slot always holds exactly one element.
    private func grouped(_ m: Math) -> String {
        if case .row = m { return walk(m) }
        return "<mrow>" + walk(m) + "</mrow>"
    }

    /// Delimiters around `inner`: stretchy around tall content (a matrix), else fixed and
    /// without spacing (Chromium otherwise pads `(` inside a superscript such as z⁽²⁾).
    private func fenced(_ open: String, _ inner: Math, _ close: String) -> String {
        let tall = MathHeight().walk(inner) > LaTeXMathWriter.tallestPlainDelimited
        let attributes = tall ? "" : " stretchy=\"false\" lspace=\"0\" rspace=\"0\""
        return "<mrow><mo\(attributes)>\(open)</mo>" + walk(inner) + "<mo\(attributes)>\(close)</mo></mrow>"
    }

    /// A number in its style: `∞`, `NaN`, or `mantissa × 10^exponent` for scientific form.
    func number(_ value: Double, style: NumberStyle = .document) -> String {
        guard value.isFinite else {
            return value.isNaN ? "<mi mathvariant=\"normal\">NaN</mi>" : (value > 0 ? "<mi>∞</mi>" : "<mrow><mo>-</mo><mi>∞</mi></mrow>")
        }
        let text = format.string(value, style: style)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else {
            return "<mn>" + text + "</mn>"
        }
        let power = "<msup><mn>10</mn><mn>" + String(exponent) + "</mn></msup>"
        // A bar such as 1e-9 is a power of ten: 10⁻⁹, not 1 × 10⁻⁹.
        switch text[..<e] {
        case "1": return power
        case "-1": return "<mrow><mo>-</mo>" + power + "</mrow>"
        case let mantissa:
            return "<mrow><mn>" + mantissa + "</mn><mo lspace=\"0.1em\" rspace=\"0.1em\">×</mo>" + power + "</mrow>"
        }
    }
}
