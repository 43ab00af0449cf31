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

    @Test("a value that rounds to zero never prints as -0.0000")
    func negativeZero() {
        #expect(renderer.render(Math.number(-0.00001)) == "0.0000")
        #expect(TextRenderer(decimals: 2).render(Math.number(-0.004)) == "0.00")
        #expect(renderer.render(Math.number(-0.00005)) == "-0.0001")
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

    @Test("every block kind renders something")
    func everyBlock() {
        let figure = NetworkFigure(
            layers: [
                [.init(label: .identifier("x"), activation: 0.5)],
                [.init(label: .identifier("y"), activation: 0.25, delta: -0.1)],
            ],
            layerCaptions: ["layer 1 (input)", "layer 2 (output)"], weights: [.init([[0.1, 0.2]])],
            weightSymbols: [.identifier("Θ")])
        let blocks: [Block] = [
            .heading("h"), .paragraph([.text("p")]), .equation(Equation(.identifier("a"), equals: [.integer(1)])),
            .why([.text("w")]), .convention([.text("c")]),
            .table(Table(header: [[.text("a")]], rows: [[[.math(.number(1))]]], rightAligned: [true])),
            .bullets([[.text("b")]]), .figure(figure),
        ]
        for block in blocks {
            #expect(!renderer.render(block).isEmpty, "\(block) rendered nothing")
        }
        #expect(renderer.render(.figure(figure)).contains("0.2500"))
    }

    @Test("rendering is deterministic")
    func deterministic() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let narrative = Narrator(trace: trace, notation: .ng).narrative()
        #expect(renderer.render(narrative) == renderer.render(narrative))
    }
}
