import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// How beamer packs a step into frames: joined chains of steps, summarised later layers, and
/// the frame count per step that README's "Slides" promises (checked here without TeX; the
/// LaTeX compile tests check the same decks in pdflatex).
@Suite("Beamer frames")
struct BeamerFramesTests {
    static let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)

    static func equations(_ blocks: [Block]) -> [Equation] {
        blocks.compactMap { block in
            if case .equation(let equation) = block { return equation } else { return nil }
        }
    }

    static func column(_ values: [Double]) -> Math { .matrix(values.map { [.number($0)] }) }

    /// Every slide deck of a built-in lesson: each notation at each aspect, named for messages.
    static func decks(_ lesson: String) throws -> [(name: String, renderer: BeamerRenderer, narrative: Narrative)] {
        let trace = try LessonFixtures.trace(lesson)
        return NotationName.allCases.flatMap { notation in
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            return BeamerAspect.allCases.map { aspect in
                ("\(lesson) \(notation) \(aspect.rawValue)", BeamerRenderer(aspect: aspect), narrative)
            }
        }
    }

    @Test("slides join a short chain of steps onto one line; each step is shown once, in order")
    func joinsSteps() {
        let a = Self.column([0.6270, 0.4962])
        let y = Self.column([1, 0])
        let equation = Equation(
            .identifier("d"),
            equals: [.subtract(.identifier("a"), .identifier("y")), .subtract(a, y), Self.column([-0.3730, 0.4962])])
        let wide = EquationLayout(equation, writer: Self.writer, budget: 40, sizes: [.normal], joiningSteps: true)
        #expect(wide.lines.count == 1)
        #expect(wide.lines.first?.steps == [0, 1, 2])
        #expect(wide.lines.first?.lastStep == 2)
        // The article's layout (no joining) keeps one step a line.
        #expect(EquationLayout(equation, writer: Self.writer, budget: 40, sizes: [.normal]).lines.count == 3)
        // Too narrow for the whole chain: it is cut into lines that each fit, no step lost.
        let narrowBudget = wide.width * 0.8
        let narrow = EquationLayout(
            equation, writer: Self.writer, budget: narrowBudget, sizes: [.normal], joiningSteps: true)
        #expect(narrow.lines.count >= 2)
        #expect(narrow.lines.flatMap(\.steps) == [0, 1, 2])
        #expect(narrow.width <= narrowBudget / EquationLayout.safetyMargin)
    }

    @Test(
        "a summarised step keeps every equation's symbolic lines and result, works each kind out once in full, and leaves out only substituted lines",
        arguments: LessonFixtures.names)
    func summary(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        var reduced = 0
        for notation in NotationName.allCases {
            for section in Narrator(trace: trace, notation: notation).narrative().sections {
                let full = Self.equations(section.blocks)
                let shown = Self.equations(BeamerRenderer.summarised(section.blocks))
                try #require(full.count == shown.count, "\(notation) step \(section.number)")
                var workedOut: Set<String> = []
                for (whole, summary) in zip(full, shown) {
                    #expect(summary.lhs == whole.lhs)
                    #expect(summary.steps.last == whole.steps.last, "the result stays")
                    if summary == whole {
                        if let kind = whole.layerFreeKind { workedOut.insert(kind) }
                        continue
                    }
                    reduced += 1
                    // Only substituted lines are left out, and only after the same kind was worked out in full.
                    let kind = try #require(whole.layerFreeKind)
                    #expect(
                        workedOut.contains(kind), "\(notation) step \(section.number): \(kind) shown only in summary")
                    #expect(!summary.roles.contains(.substituted))
                    #expect(summary.steps == zip(whole.steps, whole.roles).filter { $0.1 != .substituted }.map(\.0))
                }
            }
        }
        // ng-lecture's four layers repeat δ, the gradients and the updates layer after layer.
        if lesson == "ng-lecture" { #expect(reduced > 0) }
    }

    @Test("Θ⁽¹⁾ := … and Θ⁽²⁾ := … are one kind; δ⁽⁴⁾ = a − y and δ⁽³⁾ = (Θᵀδ) ⊙ g′ are two")
    func kinds() {
        func update(_ layer: Int) -> Equation {
            let theta = Math.superscripted(.identifier("Θ"), .integer(layer))
            return Equation(
                theta,
                equals: [
                    .subtract(theta, .multiply(.identifier("α"), .superscripted(.identifier("D"), .integer(layer)))),
                    .subtract(Self.column([0.1]), .multiply(.number(0.5), Self.column([0.2]))), Self.column([0]),
                ])
        }
        #expect(update(1).layerFreeKind != nil)
        #expect(update(1).layerFreeKind == update(2).layerFreeKind)
        let delta4 = Equation(
            .superscripted(.identifier("δ"), .integer(4)),
            equals: [
                .subtract(.identifier("a"), .identifier("y")), .subtract(Self.column([1]), Self.column([0])),
                Self.column([1]),
            ])
        let delta3 = Equation(
            .superscripted(.identifier("δ"), .integer(3)),
            equals: [
                .hadamard(.multiply(.identifier("Θ"), .identifier("δ")), .identifier("g")),
                .hadamard(.multiply(Self.column([1]), Self.column([1])), Self.column([1])), Self.column([1]),
            ])
        #expect(delta4.layerFreeKind != delta3.layerFreeKind)
        // No substituted line, nothing to leave out: no kind.
        #expect(Equation(.identifier("x"), equals: [.identifier("y"), Self.column([1])]).layerFreeKind == nil)
    }

    @Test(
        "every step of every built-in lesson takes 1 to PDFLayoutCheck.mostFramesPerStep frames at either aspect, and summarising never adds frames",
        arguments: LessonFixtures.names)
    func framesPerStep(lesson: String) throws {
        var summarisedSteps = 0
        for (name, renderer, narrative) in try Self.decks(lesson) {
            for section in narrative.sections {
                let plain = renderer.groups(section.blocks).count
                let frames = renderer.frameGroups(section.blocks).count
                let place = "\(name) step \(section.number)"
                #expect((1...PDFLayoutCheck.mostFramesPerStep).contains(frames), "\(place): \(frames) frames")
                #expect(frames <= plain, "\(place)")
                if plain <= BeamerRenderer.framesBeforeSummary {
                    #expect(frames == plain, "\(place): summarised though it fits")
                } else {
                    summarisedSteps += 1
                }
            }
        }
        print("\(lesson): \(summarisedSteps) summarised steps")
    }

    @Test(
        "a frame holds only a Why only when what it explains fills the frame before (issue 23, N10)",
        arguments: LessonFixtures.names)
    func whyStaysWithItsEquation(lesson: String) throws {
        var whyAlone = 0
        for (name, renderer, narrative) in try Self.decks(lesson) {
            for section in narrative.sections {
                let groups = renderer.frameGroups(section.blocks)
                for (index, group) in groups.enumerated().dropFirst()
                where group.count == 1 && group[0].isWhy {
                    whyAlone += 1
                    let before = groups[index - 1]
                    // The piece before could not have moved on with it: it is the frame's only
                    // piece, part of a split equation, or too tall to share a frame with the Why.
                    let last = try #require(before.last)
                    #expect(
                        before.count == 1 || !last.isWhole
                            || last.height + group[0].height > renderer.aspect.frameLines,
                        "\(name) step \(section.number): frame \(index + 1) holds only a Why")
                }
            }
        }
        print("\(lesson): \(whyAlone) frames hold only a Why")
    }
}
