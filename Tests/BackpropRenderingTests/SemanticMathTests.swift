import BackpropCore
import Testing

@testable import BackpropRendering

/// Each semantic `Math` case prints, in every format, exactly as the hand-built layout row the
/// narrator writes today, so the narrator can switch to meaning without a golden changing.
@Suite("Semantic math prints as its layout")
struct SemanticMathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var semantic: Math
        var layout: Math
        var testDescription: String { name }
    }

    static let alpha = Math.identifier("α")
    static let m = Math.identifier("m")
    static let g = Math.identifier("g")
    static let x = Math.identifier("x")
    static let delta = Math.identifier("delta")
    static let d1 = Math.superscripted(.identifier("D"), .parenthesized(.integer(1)))
    static let bigDelta1 = Math.superscripted(.identifier("Δ"), .parenthesized(.integer(1)))
    static let z2 = Math.superscripted(.identifier("z"), .parenthesized(.integer(2)))
    static let a3 = Math.superscripted(.identifier("a"), .parenthesized(.integer(3)))
    static let y = Math.identifier("y")
    static let matrix = Math.values([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]])
    static let gPrime = MathFunction.derivative(of: .sigmoid, written: .prime(.identifier("g")))

    static let cases: [Case] = [
        Case(name: "αD⁽¹⁾", semantic: .juxtaposed(alpha, d1), layout: .row([alpha, d1])),
        Case(
            name: "0.5 · [M]", semantic: .times(.number(0.5), matrix),
            layout: .row([.number(0.5), .op(.product), matrix])),
        Case(
            name: "δ⁽³⁾[1; a⁽²⁾]ᵀ",
            semantic: .juxtaposed(Fixtures.delta3, .transpose(.stackBias(.first, Fixtures.a2))),
            layout: .row([
                Fixtures.delta3, .transpose(.bracketed(.row([.integer(1), .op(.semicolon), Fixtures.a2]))),
            ])),
        Case(
            name: "[x, 1]ᵀ ⊗ delta", semantic: .outer(.transpose(.stackBias(.last, x)), delta),
            layout: .binary(.transpose(.bracketed(.row([x, .op(.comma), .integer(1)]))), .outer, delta)),
        Case(
            name: "[column; 1] ⊗ [row]",
            semantic: .outer(.matrix([[.number(0.5)], [.integer(1)]]), .rowVector([0.25, -0.5])),
            layout: .binary(.matrix([[.number(0.5)], [.integer(1)]]), .outer, .rowVector([0.25, -0.5]))),
        Case(
            name: "(1/m)Δ⁽¹⁾", semantic: .juxtaposed(.divide(.integer(1), m), bigDelta1),
            layout: .row([.fraction(.integer(1), m), bigDelta1])),
        Case(
            name: "(1/m)Δ⁽¹⁾ + (λ/m)Θ⁽²⁾",
            semantic: .add([
                .juxtaposed(.divide(.integer(1), m), bigDelta1),
                .juxtaposed(.divide(.identifier("λ"), m), Fixtures.theta2),
            ]),
            layout: .binary(
                .row([.fraction(.integer(1), m), bigDelta1]), .plus,
                .row([.fraction(.identifier("λ"), m), Fixtures.theta2]))),
        Case(
            name: "g(z⁽²⁾)", semantic: .call(.activation(.sigmoid, written: g), [z2]), layout: .apply(g, z2)),
        Case(
            name: "g(column)", semantic: .call(.activation(.sigmoid, written: g), [.column([0.5, -1])]),
            layout: .apply(g, .column([0.5, -1]))),
        Case(
            name: "max(0, z)", semantic: .call(.named("max"), [.integer(0), z2]),
            layout: .apply(.identifier("max"), .row([.integer(0), .op(.comma), z2]))),
        Case(
            name: "log(a)", semantic: .call(.log, [a3]), layout: .apply(.identifier("log"), a3)),
        Case(
            name: "(a − y) ⊙ g′(z)", semantic: .hadamard(.subtract(a3, y), .call(gPrime, [z2])),
            layout: .binary(.parenthesized(.binary(a3, .minus, y)), .hadamard, .apply(.prime(g), z2))),
        Case(
            name: "(Θᵀδ) ⊙ g′(z)",
            semantic: .hadamard(.juxtaposed(.transpose(Fixtures.theta2), Fixtures.delta3), .call(gPrime, [z2])),
            layout: .binary(
                .parenthesized(.row([.transpose(Fixtures.theta2), Fixtures.delta3])), .hadamard, .apply(.prime(g), z2))
        ),
        Case(
            name: "a ⊙ (1 − a)", semantic: .hadamard(a3, .subtract(.integer(1), a3)),
            layout: .binary(a3, .hadamard, .parenthesized(.binary(.integer(1), .minus, a3)))),
        Case(
            name: "1 − a ⊙ a", semantic: .subtract(.integer(1), .hadamard(a3, a3)),
            layout: .binary(.integer(1), .minus, .binary(a3, .hadamard, a3))),
        Case(
            name: "0.4000 · (−0.3730)", semantic: .times(.number(0.4), .number(-0.373)),
            layout: .binary(.number(0.4), .product, .parenthesized(.number(-0.373)))),
        Case(
            name: "a unit's weighted sum with negative factors",
            semantic: .add([
                .times(.number(-0.1), .integer(1)), .times(.number(-0.3), .number(0.5)),
                .times(.number(0.2), .number(-0.25)),
            ]),
            layout: .chain(
                [
                    .row([.number(-0.1), .op(.product), .integer(1)]),
                    .row([.parenthesized(.number(-0.3)), .op(.product), .number(0.5)]),
                    .row([.number(0.2), .op(.product), .parenthesized(.number(-0.25))]),
                ], .plus)),
        Case(
            name: "(sum) · g′", semantic: .times(.add([x, y]), .call(gPrime, [z2])),
            layout: .row([.parenthesized(.chain([x, y], .plus)), .op(.product), .apply(.prime(g), z2)])),
        Case(
            name: "−δ · a", semantic: .times(.negate(Fixtures.delta3), a3),
            layout: .binary(.row([.text("−"), Fixtures.delta3]), .product, a3)),
        Case(
            name: "W + η · (−∇)", semantic: .add([Fixtures.theta2, .times(.identifier("η"), .negate(d1))]),
            layout: .binary(
                Fixtures.theta2, .plus,
                .row([.identifier("η"), .op(.product), .parenthesized(.row([.text("−"), d1]))]))
        ),
        Case(
            name: "Θ := Θ − αD", semantic: .subtract(Fixtures.theta2, .juxtaposed(alpha, d1)),
            layout: .binary(Fixtures.theta2, .minus, .row([alpha, d1]))),
        Case(
            name: "[M] − 0.5 · [M]", semantic: .subtract(matrix, .times(.number(0.5), matrix)),
            layout: .binary(matrix, .minus, .row([.number(0.5), .op(.product), matrix]))),
        Case(
            name: "(J(θ + ε) − J(θ − ε)) / 2ε",
            semantic: .divide(
                .subtract(.apply(.identifier("J"), x), .apply(.identifier("J"), y)),
                .juxtaposed(.integer(2), .identifier("ε"))),
            layout: .fraction(
                .binary(.apply(.identifier("J"), x), .minus, .apply(.identifier("J"), y)),
                .row([.integer(2), .identifier("ε")]))),
        Case(
            name: "z = Θ[1; a] (a matrix times a stacked column)",
            semantic: .juxtaposed(matrix, .matrix([[.integer(1)], [.number(0.5)], [.number(-0.5)]])),
            layout: .row([matrix, .matrix([[.integer(1)], [.number(0.5)], [.number(-0.5)]])])),
        Case(
            name: "numbers in their styles",
            semantic: .row([.number(1.5e-11, .scientific(5)), .op(.comma), .number(0.1, .roundTrip)]),
            layout: .row([.text("1.5000e-11"), .op(.comma), .text("0.1")])),
    ]

    /// Every printed form of `m`: text (wide and broken to a narrow line), LaTeX, KaTeX, the
    /// Mermaid label, and the LaTeX width, height and line breaks.
    static func printed(_ m: Math, includesLaTeX: Bool = true) -> [String] {
        let equation = Equation(.identifier("E"), equals: [m, .number(1)])
        let narrow = TextRenderer(width: 24)
        var forms = [
            TextRenderer().render(m), TextRenderer(decimals: 2).render(m),
            narrow.render(Block.equation(equation)),
            MarkdownRenderer().plain(m),
        ]
        guard includesLaTeX else { return forms }
        let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)
        let layout = EquationLayout(equation, writer: writer, budget: 8)
        forms += [
            LaTeXRenderer().math(m), MarkdownRenderer().math(m),
            String(MathWidth.of(m, format: NumberFormat(decimals: 4))), String(MathWidth.lines(m)),
            layout.lines.map { $0.lhs + "&" + $0.body }.joined(separator: "\n"), String(layout.width),
            BeamerRenderer().fragment(Section(number: 1, title: "t", blocks: [.equation(equation)])),
        ]
        return forms
    }

    @Test("prints exactly as the layout construction in every format", arguments: cases)
    func sameOutput(_ test: Case) {
        // Styled numbers were pre-formatted text; only the text forms coincide (LaTeX now sets
        // them as math, 1.5 \times 10^{-11}, where the text was \text{1.5000e-11}).
        let isStyleCase = test.name == "numbers in their styles"
        let semantic = Self.printed(test.semantic, includesLaTeX: !isStyleCase)
        let layout = Self.printed(test.layout, includesLaTeX: !isStyleCase)
        for (index, pair) in zip(semantic, layout).enumerated() {
            #expect(pair.0 == pair.1, "form \(index) differs:\n\(pair.0)\n---\n\(pair.1)")
        }
    }

    @Test("the examples print as the lesson writes them")
    func examples() {
        let text = TextRenderer()
        #expect(text.render(Self.cases[0].semantic) == "αD⁽¹⁾")
        #expect(text.render(Self.cases[2].semantic) == "δ⁽³⁾[1; a⁽²⁾]ᵀ")
        #expect(text.render(Self.cases[3].semantic) == "[x, 1]ᵀ ⊗ delta")
        #expect(text.render(Self.cases[5].semantic) == "(1/m)Δ⁽¹⁾")
        #expect(text.render(Self.cases[7].semantic) == "g(z⁽²⁾)")
        #expect(text.render(Self.cases[11].semantic) == "(a⁽³⁾ − y) ⊙ g′(z⁽²⁾)")
        #expect(text.render(Self.cases[15].semantic) == "0.4000 · (-0.3730)")
        #expect(text.render(Self.cases[16].semantic) == "-0.1000 · 1 + (-0.3000) · 0.5000 + 0.2000 · (-0.2500)")
        #expect(LaTeXRenderer().math(Self.cases[2].semantic) == #"\delta^{(3)}[1;\ a^{(2)}]^{\mathsf{T}}"#)
        #expect(LaTeXRenderer().math(Self.cases[5].semantic) == #"\frac{1}{m}\Delta^{(1)}"#)
    }

    @Test("a number's style: document decimals, fixed, scientific, round trip")
    func numberStyles() {
        let text = TextRenderer(decimals: 2)
        #expect(text.render(.number(0.123456789)) == "0.12")
        #expect(text.render(.number(0.123456789, .fixed(12))) == "0.123456789000")
        #expect(text.render(.number(-2.46694e-11, .scientific(5))) == "-2.4669e-11")
        #expect(text.render(.number(1e-4, .roundTrip)) == "0.0001")
        #expect(LaTeXRenderer().math(.number(-2.46694e-11, .scientific(5))) == #"-2.4669{\times}10^{-11}"#)
        #expect(LaTeXRenderer().math(.number(.infinity)) == #"\infty"#)
        #expect(LaTeXRenderer().math(.number(-0.00001)) == #"-1.00{\times}10^{-5}"#)
    }

    @Test("a long sum breaks before its + in text and in LaTeX, never inside a product")
    func lineBreaking() {
        let terms = (1...6).map { Math.times(.number(Double($0) / 10), .number(-Double($0))) }
        let text = TextRenderer(width: 40).render(Block.equation(Equation(.identifier("z"), equals: [.add(terms)])))
        let lines = text.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    + ") })
        #expect(lines.allSatisfy { !$0.hasSuffix("·") && !$0.contains("· \n") })
    }

    @Test("children list every operand in printing order")
    func children() {
        let m = Math.call(.activation(.sigmoid, written: Self.g), [.times(.number(2), .number(3))])
        #expect(m.children == [Self.g, .times(.number(2), .number(3))])
        #expect(numbers(in: m) == [2, 3])
    }
}
