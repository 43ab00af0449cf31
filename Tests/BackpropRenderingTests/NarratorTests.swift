import BackpropCore
import BackpropTutorCLI
import Testing

@testable import BackpropRendering

/// Loads a built-in lesson and traces it.
func builtInTrace(_ name: String) throws -> Trace {
    Tracer.trace(try LessonLibrary.load(name))
}

/// Every number inside a piece of math, in order.
func numbers(in math: Math) -> [Double] {
    if case .number(let value, _) = math { return [value] }
    return math.children.flatMap(numbers(in:))
}

@Suite("Narrator")
struct NarratorTests {
    static let lessons = LessonLibrary.builtInNames

    @Test(
        "every step of every built-in lesson in every notation has a title, a convention and content",
        arguments: lessons)
    func everyStepEveryNotation(lesson: String) throws {
        let trace = try builtInTrace(lesson)
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let section = narrator.section(step)
                #expect(section.number == step.number)
                #expect(section.title == step.title)
                #expect(section.blocks.count >= 3, "step \(step.number) of \(lesson) in \(notation) is nearly empty")
                guard case .convention = section.blocks.first else {
                    Issue.record("step \(step.number) does not open with its notation's convention")
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
        let trace = try builtInTrace("mazur")
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

    @Test("large layers are abbreviated with ellipses instead of printed in full")
    func abbreviation() {
        let cells = (0..<20).map { [Math.number(Double($0))] }
        let math = Narrator.abbreviated(cells)
        guard case .matrix(let rows) = math else {
            Issue.record("not a matrix")
            return
        }
        #expect(rows.count == 5)
        #expect(rows[3] == [.ellipsis(.vertical)])
        #expect(numbers(in: math) == [0, 1, 2, 19])
    }

    @Test("Tulleken's W is Θ transposed with the bias row last")
    func tullekenShape() {
        let theta = Matrix([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
        let w = Narrator.transposedWithBiasLast(theta)
        #expect(w.rowList == [[0.2, 0.5], [0.3, 0.6], [0.1, 0.4]])
    }
}
