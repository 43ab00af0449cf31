import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

@Suite("TextRenderer")
struct TextRendererTests {
    let renderer = TextRenderer(decimals: 4)

    @Test("matrices print as aligned bracketed columns, numbers right-aligned")
    func matrixAlignment() {
        let text = renderer.render(Math.values([[0.5, -12.25], [1, 0.125]]))
        #expect(text == "⎡0.5000  -12.2500⎤\n⎣1.0000    0.1250⎦")
        #expect(renderer.render(Math.rowVector([1, 2])) == "[1.0000  2.0000]")
    }

    @Test("boxes side by side align on the matrices' middle row")
    func baselineAlignment() {
        let equation = Equation(
            .identifier("δ"), equals: [.binary(.column([0.75, 0.77, 0.1]), .minus, .column([0.01, 0.99, 0]))])
        let lines = renderer.render(equation).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("δ = ⎢"))
        #expect(lines[1].contains("⎥ − ⎢"))
        #expect(lines[0].hasPrefix("    ⎡0.7500⎤   ⎡0.0100⎤"))
    }

    @Test(
        "zero prints as 0.0000, never -0.0000; a non-zero value keeps 3 significant digits, in fixed point up to 2 more decimals"
    )
    func tinyValues() {
        #expect(renderer.render(Math.number(-0.0)) == "0.0000")
        #expect(renderer.render(Math.number(0)) == "0.0000")
        #expect(renderer.render(Math.number(-0.00001)) == "-1.00e-05")
        #expect(renderer.render(Math.number(-3.05e-6)) == "-3.05e-06")
        // At 2 decimals a learner asked for 2 significant digits; 0.004 needs 4 decimals for them.
        #expect(TextRenderer(decimals: 2).render(Math.number(-0.004)) == "-0.0040")
        #expect(renderer.render(Math.number(-0.00005)) == "-5.00e-05")
        #expect(renderer.render(Math.number(-0.0005)) == "-0.000500")
        #expect(TextRenderer(decimals: 0).render(Math.number(0.4)) == "0.4")
        #expect(TextRenderer(decimals: 0).render(Math.number(2)) == "2")
        #expect(renderer.render(Math.number(999_999.5)) == "999999.5000")
        #expect(renderer.render(Math.number(-4.79e8)) == "-4.79e+08")
    }

    @Test("scripts use Unicode where every character has a form, else a readable fallback")
    func scripts() {
        #expect(renderer.render(.superscripted(.identifier("a"), .parenthesized(.integer(2)))) == "a⁽²⁾")
        #expect(
            renderer.render(.scripted(.identifier("Θ"), sub: .text("10"), sup: .parenthesized(.integer(1)))) == "Θ⁽¹⁾₁₀"
        )
        #expect(renderer.render(.subscripted(.identifier("w"), .text("ab,c"))) == "w_(ab,c)")
        #expect(renderer.render(.transpose(.identifier("Θ"))) == "Θᵀ")
        #expect(renderer.render(.transpose(.row([.identifier("a"), .identifier("b")]))) == "(ab)ᵀ")
        #expect(renderer.render(.superscripted(.identifier("e"), .text("w,q"))) == "e^(w,q)")
    }

    @Test("later steps of an equation align under the first relation")
    func equationAlignment() {
        let equation = Equation(.identifier("J"), equals: [.identifier("x"), .number(1.5)])
        #expect(renderer.render(equation) == "J = x\n  = 1.5000")
    }

    @Test("nothing is wider than 80 columns: long prose and an equation of many matrices")
    func widthLimit() {
        let prose = Block.paragraph([
            .text(String(repeating: "backpropagation computes the gradient ", count: 12)),
            .math(.binary(.identifier("δ"), .equals, .identifier("a"))),
        ])
        let wide = Block.equation(
            Equation(
                .identifier("Δ"),
                equals: [
                    .chain((0..<8).map { _ in Math.column([0.1234, -0.5678, 0.9]) }, .plus)
                ]))
        for block in [prose, wide] {
            let text = renderer.render(Section(number: 1, title: "t", blocks: [block]))
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "too wide (\(line.count)): \(line)")
            }
        }
    }

    @Test("colour only when asked: no ESC without colour, ESC with it")
    func colour() {
        let section = Section(
            number: 12, title: "Backpropagation",
            blocks: [
                .convention([.text("Ng's notation")]), .why([.text("because")]), .heading("Layer 3"),
            ])
        #expect(!TextRenderer(usesColor: false).render(section).contains("\u{1B}"))
        #expect(TextRenderer(usesColor: true).render(section).contains("\u{1B}[1m"))
    }

    @Test("every block kind renders its content")
    func everyBlock() {
        let figure = NetworkFigure(
            layers: [
                [.init(label: .identifier("x"), activation: 0.5)],
                [.init(label: .identifier("y"), activation: 0.25, delta: -0.1)],
            ],
            layerCaptions: ["layer 1 (input)", "layer 2 (output)"], weights: [.init([[0.1, 0.2]])],
            weightSymbols: [.identifier("Θ")])
        let expected: [(Block, String)] = [
            (.heading("Layer 2"), "Layer 2\n-------"),
            (.paragraph([.text("p is "), .math(.identifier("δ"))]), "p is δ"),
            (.equation(Equation(.identifier("a"), equals: [.integer(1), .number(2)])), "a = 1\n  = 2.0000"),
            (.why([.text("w")]), "Why: w"),
            (.convention([.text("c")]), "Notation: c"),
            (
                .table(
                    Table(
                        header: [[.text("a")], [.text("b")]], rows: [[[.text("x")], [.math(.number(1))]]],
                        rightAligned: [false, true])),
                "a       b\n-  ------\nx  1.0000"
            ),
            (.bullets([[.text("b")], [.text("c")]]), "  • b\n  • c"),
            (
                .figure(figure),
                """
                layer 1 (input)   layer 2 (output)
                (x = 0.5000) ─┬─→ (y = 0.2500  δ -0.1000)
                (+1) bias ────┘
                  Θ: 1 × 2 weights from layer 1 to layer 2, bias weights included
                """
            ),
        ]
        for (block, text) in expected {
            #expect(renderer.render(block) == text)
        }
    }

    @Test("the text figure connects every unit to every unit of the next layer through a bus (learner review D19)")
    func figureShowsFullConnection() throws {
        let trace = try LessonFixtures.trace("ng-lecture")  // 2-3-3-2 with bias units
        let step1 = try #require(Narrator(trace: trace, notation: .ng).narrative(steps: [.network]).sections.first)
        let text = renderer.render(step1)
        let rows = text.split(separator: "\n").map(String.init)
        guard let top = rows.firstIndex(where: { $0.hasPrefix("layer 1 (input)") }) else {
            Issue.record("no figure in step 1")
            return
        }
        let figure = Array(rows[(top + 1)...].prefix { $0.hasPrefix("(") || $0.hasPrefix(" ") && !$0.hasPrefix("  Θ") })
        // One arrow into every unit that is fed (3 + 3 + 2), none into a bias unit.
        #expect(figure.joined().components(separatedBy: "─→ (a").count - 1 == 8)
        #expect(!figure.joined().contains("→ (+1)"))
        // Every unit on the left, its bias unit included, joins the bus (no lone row-to-row arrow).
        #expect(figure.allSatisfy { !$0.contains("  →  ") })
        #expect(figure[0].hasPrefix("(a⁽¹⁾₁) ─") && figure[2].hasPrefix("(+1) bias ─"))
        #expect(figure[1].filter { $0 == "┼" }.count == 3)
        #expect(figure[3].contains("(+1) bias ─") && figure[3].hasSuffix("┘"))
    }

    @Test("the figure prints the labels it is given: Tulleken's delta, the notation's shapes")
    func figureLabels() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let tulleken = Narrator(trace: trace, notation: .tulleken).narrative(steps: [])
        let text = renderer.document(tulleken)
        #expect(text.contains("(output⁽²⁾[0] = 0.5125  delta 0.0210)"))
        #expect(!text.contains(" δ "))
        #expect(text.contains("W⁽¹⁾: 3 × 3 weights from layer 1 to layer 2, bias weights in the last row"))
        #expect(text.contains("W⁽²⁾: 4 × 3 weights from layer 2 to layer 3"))
        let latex = LaTeXRenderer().document(tulleken)
        #expect(latex.contains(#"${\mathrm{delta}}$ minus the derivative"#) && latex.contains("{$0.0210$}"))
        #expect(MarkdownRenderer().document(tulleken).contains("delta = 0.0210"))
        let ng = renderer.document(Narrator(trace: trace, notation: .ng).narrative(steps: []))
        #expect(ng.contains("  δ 0.0210") || ng.contains("  δ -0.0210"))
        #expect(ng.contains("Θ⁽²⁾: 3 × 4 weights from layer 2 to layer 3, bias weights included"))
    }

    @Test("a large layer shows its first 3 units, the count left out and its last, as in the other formats")
    func largeLayer() {
        let units = (1...20).map { NetworkFigure.Unit(label: .subscripted(.identifier("x"), .integer($0))) }
        let figure = NetworkFigure(
            layers: [units, [.init(label: .identifier("y"))]], layerCaptions: ["in", "out"],
            weights: [Matrix([Array(repeating: 0.5, count: 21)])], weightSymbols: [.identifier("Θ")])
        let text = renderer.render(figure)
        #expect(text.contains("(x₃)"))
        #expect(text.contains("… 16 more"))
        #expect(text.contains("(x₂₀)"))
        #expect(!text.contains("(x₄)"))
    }

    @Test("rendering depends only on the trace: two separate runs print the same document, every step in order")
    func deterministic() throws {
        let first = renderer.document(
            Narrator(trace: try LessonFixtures.trace("ng-lecture"), notation: .ng).narrative())
        let second = renderer.document(
            Narrator(trace: try LessonFixtures.trace("ng-lecture"), notation: .ng).narrative())
        #expect(first == second)
        var position = first.startIndex
        for step in Step.allCases {
            let heading = "Step \(step.number) · \(step.title)\n"
            guard let range = first.range(of: heading, range: position..<first.endIndex) else {
                Issue.record("missing or out of order: \(heading)")
                return
            }
            position = range.upperBound
        }
        #expect(first.hasPrefix("A four-layer network in Ng's notation\n═"))
    }

    @Test("each output format makes its renderer")
    func outputFormats() throws {
        let narrative = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .ng).narrative(steps: [
            .feedforward
        ])
        let section = narrative.sections[0]
        #expect(OutputFormat.allCases.count == FormatRegistry.all.count)
        for type in FormatRegistry.all {
            let format = type.format
            #expect(format.rendererType.map(ObjectIdentifier.init) == ObjectIdentifier(type))
            let made = format.renderer(decimals: 3)
            let expected = type.init(options: RenderOptions(decimals: 3))
            #expect(made.document(narrative) == expected.document(narrative))
            #expect(made.fragment(section) == expected.fragment(section))
            #expect(made.fragment(section).contains("0.593"))
        }
    }
}
