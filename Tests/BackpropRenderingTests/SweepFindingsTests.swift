import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// What a look at every built-in lesson's rendered slides found wrong in the words and the
/// layout (issue 12's visual sweep, 2026-12-07); each test fails on 5b2cc17.
@Suite("Slide sweep findings")
struct SweepFindingsTests {
    static func text(_ lesson: String, _ step: Step, _ notation: NotationName) throws -> String {
        let trace = try LessonFixtures.trace(lesson)
        let text = TextRenderer().render(Narrator(trace: trace, notation: notation).section(step))
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("step 12 says where each notation's bias goes in the gradient, and that the 15 Steps' ΔW is minus it")
    func gradientLeadIn() throws {
        let ng = try Self.text("ng-lecture", .backpropagation, .ng)
        #expect(ng.contains("with the activations at its tail, the bias unit 1 first:"))
        for notation in [NotationName.nielsen, .mazur] {
            let separate = try Self.text("ng-lecture", .backpropagation, notation)
            #expect(!separate.contains("bias unit"), "\(notation): its gradient has no bias unit")
            #expect(separate.contains("the gradient of each bias is the error itself:"), "\(notation)")
        }
        let tulleken = try Self.text("ng-lecture", .backpropagation, .tulleken)
        #expect(
            tulleken.contains(
                "with a 1 appended for the bias row, and the delta at its head; like delta, it is minus the gradient:"))
    }

    @Test("Mazur's E_total is set as math, never with a literal underscore, in every export")
    func mazurTotalError() throws {
        let narrative = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .mazur).narrative(steps: [
            .feedforward
        ])
        #expect(!TextRenderer().render(narrative.sections[0]).contains("E_total"))
        #expect(!LaTeXRenderer().fragment(narrative.sections[0]).contains("E\\_total"))
        #expect(!MarkdownRenderer().document(narrative).contains("E\\_total"))
    }

    @Test("a hidden unit feeding one output says 'the one unit', not 'each of the 1 unit'")
    func oneUnit() throws {
        let text = try Self.text("xor", .hiddenError, .mazur)
        #expect(!text.contains("each of the 1 unit"))
        #expect(text.contains("through the one unit of layer o it feeds, one path:"))
    }

    @Test("step 13's table lists the samples its sentence names", arguments: LessonFixtures.names)
    func namedSamplesAreListed(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        guard let example = trace.accumulation, example.changesSign else { return }
        for named in [example.firstNegative, example.firstPositive].compactMap({ $0 }) {
            #expect(
                example.samples.contains(named.sample), "\(lesson): sample \(named.sample + 1) is named but not listed")
            let index = try #require(example.samples.firstIndex(of: named.sample))
            #expect(example.gradients[index] == named.value)
        }
        #expect(example.samples == example.samples.sorted())
        #expect(Set(example.samples).count == example.samples.count)
    }

    @Test("a step's comment ends the first line of a step broken over lines")
    func commentOnFirstLine() {
        let row = Math.matrix([Array(repeating: .number(0.1234), count: 8)])
        let step = Equation.Step(.equals, .hadamard(.hadamard(row, row), row), comment: "bias row dropped")
        let equation = Equation(.identifier("d"), [step])
        let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)
        let layout = EquationLayout(equation, writer: writer, budget: 20, sizes: [.normal])
        #expect(layout.lines.count > 1)
        #expect(layout.lines.first?.comment != nil)
        #expect(layout.lines.dropFirst().allSatisfy { $0.comment == nil })
    }

    @Test("no slide frame ends with a heading whose content is on the next", arguments: LessonFixtures.names)
    func headingsStayWithTheirContent(lesson: String) throws {
        for (name, renderer, narrative) in try BeamerFramesTests.decks(lesson) {
            for section in narrative.sections {
                for group in renderer.frameGroups(section.blocks).dropLast() {
                    #expect(group.last?.keepsWithNext != true, "\(name) step \(section.number)")
                }
            }
        }
    }

    @Test(
        "on slides a fraction in running text or a table header is one line at the text's size (∂E/∂w, λ/(2m)), and names are sans-serif; an article keeps \\frac and \\mathrm (review N11)")
    func slideFractionsOnOneLine() {
        let partial = Math.partial(.identifier("E"), .subscripted(.identifier("w"), .integer(5)))
        let rate = Math.divide(.identifier("λ"), .juxtaposed(.integer(2), .identifier("m")))
        let table = Table(
            header: [[.text("weight")], [.math(partial)]], rows: [[[.text("w1")], [.math(.number(0.5))]]],
            rightAligned: [false, true])
        var slides = LaTeXRenderer()
        slides.setsSlideText = true
        let header = slides.table(table, budget: 30)
        #expect(header.contains("\\partial E/\\partial w_{5}"), "\(header)")
        #expect(!header.contains("\\frac") && !header.contains("\\displaystyle"))
        let text = slides.inline([.text("rate "), .math(rate), .text(" and "), .math(.identifier("net"))])
        #expect(text.contains("\\lambda/(2m)"), "\(text)")
        #expect(text.contains("\\mathsf{net}") && !text.contains("\\mathrm"), "\(text)")
        let article = LaTeXRenderer().inline([.math(rate), .math(.identifier("net"))])
        #expect(article.contains("\\frac{\\lambda}{2m}") && article.contains("\\mathrm{net}"), "\(article)")
        // ΔW names the matrix W: italic W after the Δ, as W alone is written.
        #expect(LaTeXRenderer().math(.identifier("ΔW")) == "\\Delta W")
    }

    @Test(
        "a table spread over frames shares its rows evenly, never leaving one row alone",
        arguments: LessonFixtures.names)
    func tablesSplitEvenly(lesson: String) throws {
        for (name, renderer, narrative) in try BeamerFramesTests.decks(lesson) {
            for blocks in [narrative.preface] + narrative.sections.map(\.blocks) {
                // Every table part in order; a part whose lead-in ends "(cont.)" continues the one before.
                var runs: [[Int]] = []
                for case .table(let leadIn, let part) in renderer.frameGroups(blocks).joined().flatMap(\.items) {
                    if case .text(" (cont.)") = leadIn?.last, !runs.isEmpty {
                        runs[runs.count - 1].append(part.rows.count)
                    } else {
                        runs.append([part.rows.count])
                    }
                }
                for run in runs where run.count > 1 {
                    #expect((run.max() ?? 0) - (run.min() ?? 0) <= 1, "\(name): a table split \(run)")
                }
            }
        }
    }

    @Test("a parenthesised sum of products breaks before +, never between a product's factors")
    func sumOfProductsBreaksAtPlus() {
        // δ²₁'s substituted line: ((−0.0757)·0.5146 + (−0.0959)·(−0.4889) + (−0.0279)·0.4975)·0.2495.
        func product(_ a: Double, _ b: Double) -> Math {
            .multiply(a < 0 ? .parenthesized(.number(a)) : .number(a), b < 0 ? .parenthesized(.number(b)) : .number(b))
        }
        let sum = Math.add([product(-0.0757, 0.5146), product(-0.0959, -0.4889), product(-0.0279, 0.4975)])
        let expression = Math.multiply(.parenthesized(sum), .number(0.2495))
        let equation = Equation(.identifier("d"), equals: [expression])
        let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)
        let width = MathWidth.of(expression, format: writer.format)
        // Every line width from half the expression to almost all of it.
        for percent in stride(from: 50, through: 95, by: 5) {
            let layout = EquationLayout(
                equation, writer: writer, budget: width * Double(percent) / 100 * EquationLayout.safetyMargin,
                sizes: [.normal])
            #expect(layout.lines.count > 1)
            for line in layout.lines.dropFirst() {
                let start = line.body.replacingOccurrences(of: "\\quad {}", with: "")
                    .replacingOccurrences(of: "\\left.", with: "").trimmingCharacters(in: .whitespaces)
                #expect(
                    !start.hasPrefix("\\cdot"),
                    "\(percent) %: a line starts with a product's second factor: \(line.body)")
            }
        }
    }
}
