import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Testing

/// Every node of a piece of math, the node itself first, then its parts left to right.
func descendants(of math: Math) -> [Math] {
    [math] + math.children.flatMap(descendants(of:))
}

/// Every number inside a piece of math, in order.
func numbers(in math: Math) -> [Double] {
    descendants(of: math).compactMap { if case .number(let value, _) = $0 { value } else { nil } }
}

/// The cells of every matrix inside a piece of math, outermost first.
func matrices(in math: Math) -> [[[Math]]] {
    descendants(of: math).compactMap { if case .matrix(let rows) = $0 { rows } else { nil } }
}

/// The equations of a section, in order.
func equations(in section: Section) -> [Equation] {
    section.blocks.compactMap { if case .equation(let equation) = $0 { equation } else { nil } }
}

/// Every piece of math a section shows: equations (both sides), inline math in prose, tables
/// and lists.
func mathematics(in section: Section) -> [Math] {
    func inline(_ items: [Inline]) -> [Math] {
        items.compactMap { if case .math(let math) = $0 { math } else { nil } }
    }
    return section.blocks.flatMap { block -> [Math] in
        switch block {
        case .heading, .figure, .image: return []
        case .paragraph(let items), .why(let items), .convention(let items): return inline(items)
        case .equation(let equation): return [equation.lhs] + equation.steps.map(\.expression)
        case .table(let table): return (table.header + table.rows.flatMap { $0 }).flatMap(inline)
        case .bullets(let items): return items.flatMap(inline)
        }
    }
}

@Suite("Narrator")
struct NarratorTests {
    static let lessons = LessonFixtures.names

    @Test(
        "every step of every built-in lesson in every notation has a title, a convention and content",
        arguments: lessons)
    func everyStepEveryNotation(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let section = narrator.section(step)
                #expect(section.number == step.number)
                #expect(section.title == step.title)
                // Step 1 also opens with the notation's convention, the other steps do not.
                #expect(
                    section.blocks.count >= (step == .network ? 3 : 2),
                    "step \(step.number) of \(lesson) in \(notation) is nearly empty")
                // The notation's conventions open step 1 and only step 1 (classroom review F2).
                let opensWithConvention: Bool
                if case .convention = section.blocks.first { opensWithConvention = true } else { opensWithConvention = false }
                guard opensWithConvention == (step == .network) else {
                    Issue.record("step \(step.number): convention at the top is \(opensWithConvention), expected only in step 1")
                    continue
                }
                #expect(
                    section.blocks.contains { if case .why = $0 { return true } else { return false } },
                    "step \(step.number) of \(lesson) in \(notation) has no 'why'")
            }
        }
    }

    @Test("step 10 shows δ⁽ᴸ⁾ from the trace, negated in Tulleken's notation")
    func outputErrorValues() throws {
        let trace = try LessonFixtures.trace("mazur")
        let delta = trace.samples[0].delta[trace.samples[0].delta.count - 1]
        let equations = Narrator(trace: trace, notation: .ng).section(.outputError).blocks.compactMap {
            block -> Equation? in
            if case .equation(let equation) = block { return equation } else { return nil }
        }
        let last = try #require(equations.first?.steps.last)
        #expect(numbers(in: last.expression) == delta)

        let tulleken = Narrator(trace: trace, notation: .tulleken).section(.outputError).blocks.compactMap {
            block -> Equation? in
            if case .equation(let equation) = block { return equation } else { return nil }
        }
        let negated = try #require(tulleken.last?.steps.last)
        #expect(numbers(in: negated.expression) == delta.map { -$0 })
    }

    @Test("a layer of more than 8 units shows its first entries, ⋮ and its last; no matrix exceeds 8 × 8")
    func abbreviation() throws {
        let trace = Tracer.trace(try Lesson.decode(TerminalWidthTests.bigLesson, file: "big.json"))
        let x = trace.samples[0].x
        #expect(x.count == 20)
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let check = {
                    for cells in mathematics(in: narrator.section(step)).flatMap(matrices(in:)) {
                        #expect(cells.count <= 8, "step \(step.number) (\(notation)): \(cells.count) rows")
                        #expect(
                            cells.allSatisfy { $0.count <= 8 }, "step \(step.number) (\(notation)): too many columns")
                    }
                }
                check()
            }
        }
        // Step 6 in Ng's notation multiplies Θ⁽¹⁾ by [1; x]: 1, x₁, x₂, ⋮, x₂₀.
        let feedforward = Narrator(trace: trace, notation: .ng).section(.feedforward)
        let input = try #require(
            mathematics(in: feedforward).flatMap(matrices(in:)).first {
                numbers(in: .matrix($0)) == [1, x[0], x[1], x[19]]
            },
            "no abbreviated [1; x] in step 6")
        #expect(input.count == 5)
        #expect(input[3] == [.ellipsis(.vertical)])
    }

    @Test("step 5 in Tulleken's notation shows W = Θᵀ with the bias row last")
    func tullekenWeights() throws {
        let trace = try LessonFixtures.trace("mazur")
        let section = Narrator(trace: trace, notation: .tulleken).section(.initialWeights)
        let shown = equations(in: section).compactMap { equation -> [[Math]]? in
            if case .matrix(let rows)? = equation.steps.last?.expression { rows } else { nil }
        }
        #expect(shown.count == trace.weights.count)
        for (cells, theta) in zip(shown, trace.weights) {
            // Row j of W holds the weights from input j + 1 (Θ's column j + 1); the last row is
            // the bias column Θ[·, 0]. Mazur's Θ is 2 × 3, so W is 3 × 2.
            let expected =
                (1..<theta.columns).map { j in (0..<theta.rows).map { i in theta[i, j] } }
                + [(0..<theta.rows).map { i in theta[i, 0] }]
            #expect(cells.map { $0.flatMap(numbers(in:)) } == expected)
        }
    }
}
