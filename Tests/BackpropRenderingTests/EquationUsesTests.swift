import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// The units and weights the narrator says an equation uses (`Equation.uses`), checked against
/// what the equation prints: a single weight or activation it names must be a number in its
/// lines, read from the trace here, not from the narrator.
@Suite("Equation uses")
struct EquationUsesTests {
    /// Every number leaf of `math`.
    static func numbers(_ math: Math) -> [Double] {
        if case .number(let value, _) = math { return [value] }
        return math.children.flatMap(numbers)
    }

    static let lessons = LessonFixtures.names

    @Test("named weights and activations are numbers of their equations; the key steps name some", arguments: lessons)
    func namedValuesAppear(_ name: String) throws {
        let trace = try LessonFixtures.trace(name)
        let sample = try #require(trace.sample(at: 0))
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                var annotated = 0
                var before: [Double] = []
                for block in narrator.section(step).blocks {
                    guard case .equation(let equation) = block else { continue }
                    // A unit's error over a wide layer prints its weighted sum Σ as the
                    // equation before it: the weights may be printed there.
                    let printed = equation.steps.flatMap { Self.numbers($0.expression) } + before
                    before = equation.steps.flatMap { Self.numbers($0.expression) }
                    guard !equation.uses.isEmpty else { continue }
                    annotated += 1
                    let isDerivative: Bool
                    if case .partial = equation.lhs { isDerivative = true } else { isDerivative = false }
                    for use in equation.uses {
                        #expect(use.layer >= 1 && use.layer <= trace.lesson.layers.count)
                        if use.kind == .weight, let i = use.unit, let j = use.column, !isDerivative {
                            let value = trace.weights[use.layer - 1][i - 1, j]
                            #expect(printed.contains(value), "\(name) \(notation) step \(step.number): weight \(use) = \(value) not printed")
                        }
                        // A derivative ∂cost/∂w uses a conceptually; its lines may be symbols only.
                        if use.kind == .activation, let i = use.unit, use.layer >= 2, !isDerivative {
                            let value = sample.a[use.layer - 1][i - 1]
                            #expect(printed.contains(value), "\(name) \(notation) step \(step.number): activation \(use) = \(value) not printed")
                        }
                    }
                }
                if [Step.feedforward, .outputError, .hiddenError, .backpropagation, .gradientDescent].contains(step),
                    !(step == .hiddenError && trace.lesson.layers.count < 3)
                {
                    #expect(annotated > 0, "\(name) \(notation) step \(step.number) names no quantity")
                }
            }
        }
    }

    @Test("Mazur's δ_h1 uses w5 and w7, the errors of o1 and o2, and net_h1")
    func mazurHiddenError() throws {
        let narrator = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .mazur)
        let equation = try #require(
            narrator.section(.hiddenError).blocks.compactMap { block -> Equation? in
                guard case .equation(let e) = block, e.lhs == narrator.notation.unit(.delta, layer: 2, 1) else { return nil }
                return e
            }.first)
        // w5: h1 → o1 is Θ⁽²⁾ row 1, column 1; w7: h1 → o2 is row 2, column 1 (Mazur's numbering).
        #expect(equation.uses.contains(QuantityReference(.weight, layer: 2, unit: 1, column: 1)))
        #expect(equation.uses.contains(QuantityReference(.weight, layer: 2, unit: 2, column: 1)))
        #expect(equation.uses.contains(QuantityReference(.delta, layer: 3)))
        #expect(equation.uses.contains(QuantityReference(.weightedInput, layer: 2, unit: 1)))
        #expect(!equation.uses.contains { $0.kind == .weight && $0.column == 2 })
    }
}
