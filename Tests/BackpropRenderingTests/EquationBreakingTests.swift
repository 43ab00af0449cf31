import BackpropCore
import Testing

@testable import BackpropRendering

/// Where a displayed equation too wide for its line breaks (`EquationLayout`), and how wide
/// `MathWidth` thinks numbers are.
@Suite("Equation breaking")
struct EquationBreakingTests {
    static let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)

    static func row(_ count: Int, _ value: Double) -> Math {
        .matrix([Array(repeating: .number(value), count: count)])
    }

    @Test("a parenthesised product wider than the line breaks inside its parentheses, each line balanced")
    func opensParentheses() {
        // (delta · Wᵀ) ⊙ g′ with numbers: the product alone is wider than the line.
        let product = Math.multiply(
            Self.row(4, -0.5146), .matrix(Array(repeating: Array(repeating: .number(0.1234), count: 6), count: 4)))
        let expression = Math.hadamard(product, Self.row(6, 0.2495))
        let equation = Equation(.identifier("d"), equals: [expression])
        let budget =
            MathWidth.of(product, format: Self.writer.format) * 0.8 * EquationLayout.safetyMargin
            * EquationLayout.Setting.article.widthScale(.script)
        let layout = EquationLayout(equation, writer: Self.writer, budget: budget)
        let bodies = layout.lines.map(\.body)
        #expect(bodies.count == 3, "\(bodies)")
        #expect(bodies.first?.hasSuffix("\\right.") == true, "\(bodies)")
        #expect(bodies.dropFirst().first?.contains("\\left. \\cdot") == true, "\(bodies)")
        #expect(bodies.last?.contains("\\odot") == true, "\(bodies)")
        for body in bodies {
            #expect(
                body.components(separatedBy: "\\left").count == body.components(separatedBy: "\\right").count, "\(body)"
            )
        }
    }

    @Test("a short group that fits a line is not opened")
    func keepsShortGroups() {
        // ⊙ (1 − a): wide as a whole, but the group alone fits, so it stays one piece.
        let a = Self.row(5, 0.5219)
        let expression = Math.hadamard(a, .subtract(.integer(1), a))
        let budget =
            MathWidth.of(expression, format: Self.writer.format) * 0.7 * EquationLayout.safetyMargin
            * EquationLayout.Setting.article.widthScale(.script)
        let layout = EquationLayout(
            Equation(.identifier("g"), equals: [expression]), writer: Self.writer, budget: budget)
        #expect(layout.lines.count == 2)
        #expect(!layout.lines.contains { $0.body.contains("\\right.") || $0.body.contains("\\left.") })
    }

    @Test("a number in scientific form is as wide as its mantissa, × 10 and exponent")
    func scientificWidth() {
        let format = NumberFormat(decimals: 4)
        #expect(format.string(-0.0000143).contains("e"))
        let scientific = MathWidth.of(.number(-0.0000143), format: format)
        // −1.43×10⁻⁵ in pdflatex (beamer, 11 pt, lmodern): `$-1.43{\times}10^{-5}$` is 58.81 pt,
        // 5.37 em (read from \wd).
        #expect(abs(scientific - 5.37) < 0.03 * 5.37)
        #expect(scientific > 8 * MathWidth.characterWidth)
    }
}
