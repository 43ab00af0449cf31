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

/// The chain rule for any one weight, shown when a weight on the page's figure is clicked.
@Suite("Weight derivations")
struct WeightDerivationTests {
    @Test("Mazur's ∂E/∂w5 is his published 0.082167041, and every derivation's numbers multiply to its result")
    func mazur() throws {
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: try LessonFixtures.trace("mazur"), notation: notation, decimals: 9)
            let derivations = narrator.weightDerivations()
            // 2-2-2 with biases: 2 × 3 weights per layer.
            #expect(derivations.count == 12)
            let w5 = try #require(derivations.first { $0.layer == 2 && $0.row == 1 && $0.column == 1 })
            guard case .number(let gradient, _) = try #require(w5.equation.steps.last).expression else {
                Issue.record("the last line is not a number")
                continue
            }
            #expect(abs(gradient - 0.082167041) < 5e-10, "\(notation): \(gradient)")
            for derivation in derivations {
                let lines = derivation.equation.steps
                #expect(lines.count == 4)
                let factors = EquationUsesTests.numbers(lines[2].expression)
                guard case .number(let result, _) = lines[3].expression else { continue }
                // A bias weight multiplies the bias unit's 1 (an integer, not a number).
                let product = factors.reduce(1, *) * (EquationUsesTests.hasNegation(lines[2].expression) ? -1 : 1)
                #expect(abs(product - result) <= 1e-12 * max(1, abs(result)), "\(notation) \(derivation.layer) \(derivation.row) \(derivation.column)")
            }
        }
    }
}

extension EquationUsesTests {
    /// Whether `math` holds an odd number of negations (the 15 Steps' −delta).
    static func hasNegation(_ math: Math) -> Bool {
        var count = 0
        func walk(_ m: Math) {
            if case .negate = m { count += 1 }
            m.children.forEach(walk)
        }
        walk(math)
        return count % 2 == 1
    }
}
