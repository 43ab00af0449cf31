import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Numbers a student can reproduce and read (issue 23, review N7): probe costs with the digits
/// their difference needs, powers of ten written one way per format, constants as given, no
/// zero regularisation term printed as a matrix, and long one-hot targets that show their 1.
@Suite("Printed numbers (N7)")
struct PrintedNumbersTests {
    static func text(_ trace: Trace, _ step: Step, _ notation: NotationName = .ng, decimals: Int = 4) -> String {
        TextRenderer().render(Narrator(trace: trace, notation: notation, decimals: decimals).section(step))
    }

    /// The two costs of step 8's "(J(θ + ε) − J(θ − ε))/2ε = (c₊ − c₋)/(2 · ε)" line.
    static func probeCosts(_ text: String) throws -> (plus: String, minus: String) {
        let line = try #require(text.split(separator: "\n").first { $0.contains("(2 · 0.0001)") })
        let inner = try #require(line.split(separator: "(").dropFirst().first?.split(separator: ")").first)
        let parts = inner.components(separatedBy: " − ")
        try #require(parts.count == 2)
        return (parts[0], parts[1])
    }

    @Test(
        "step 8's two costs carry the digits their difference needs, not 12, and redo the printed slope",
        arguments: [4, 6])
    func probeDigits(decimals: Int) throws {
        let trace = try LessonFixtures.trace("mazur")
        let text = Self.text(trace, .whyDerivatives, .mazur, decimals: decimals)
        let (plus, minus) = try Self.probeCosts(text)
        let places = try #require(plus.split(separator: ".").last).count
        #expect(places < 12, "\(plus)")
        #expect(try #require(minus.split(separator: ".").last).count == places)
        // Redone by hand from the printed costs, the slope rounds to the printed one.
        let slope = (try #require(Double(plus)) - (try #require(Double(minus)))) / (2 * 0.0001)
        let printed = NumberFormat(decimals: decimals).string(trace.slopeExample.slope)
        #expect(NumberFormat(decimals: decimals).string(slope) == printed, "\(slope) vs \(printed)")
        // Mazur's own cost, 0.298371109, lies between them.
        #expect(try #require(Double(minus)) < 0.298371109 && 0.298371109 < (try #require(Double(plus))))
    }

    @Test("Ng's bar is 1e-9 in the terminal and 10^{-9} in LaTeX, prose included; ε as the lesson gives it")
    func powersOfTen() throws {
        let trace = try LessonFixtures.trace("mazur")
        let section = Narrator(trace: trace, notation: .ng).section(.gradientCheck)
        let text = TextRenderer().render(section)
        #expect(text.contains("< 1e-9"))
        #expect(text.contains("less than 1e-9 with ε = 0.0001"))
        let latex = LaTeXRenderer().fragment(section)
        #expect(latex.contains("< 10^{-9}") || latex.contains("<  10^{-9}") || latex.contains("{}< 10^{-9}"), "\(latex)")
        #expect(!latex.contains("1e-"), "e-notation left in the LaTeX")
        #expect(!latex.contains("1{\\times}10"), "a bare power of ten written as 1 × 10ᵏ")
        // The bound is no result: the relative difference stays the line the checks redo.
        let bounded = section.blocks.compactMap { block -> Equation? in
            if case .equation(let e) = block, e.steps.last?.relation == .less { return e } else { return nil }
        }
        let equation = try #require(bounded.first)
        #expect(equation.roles.last == .symbolic)
    }

    @Test("constants print as given: λ = 3 not 3.0, η = 1 not 1.0, a bar 1e-9 not 1e-09")
    func constantsAsGiven() {
        #expect(NumberFormat.roundTrip(3.0) == "3")
        #expect(NumberFormat.roundTrip(1.0) == "1")
        #expect(NumberFormat.roundTrip(0.5) == "0.5")
        #expect(NumberFormat.roundTrip(1e-9) == "1e-9")
        #expect(NumberFormat.roundTrip(-2.5e-12) == "-2.5e-12")
        for value in [3.0, 1.0, 0.5, 1e-9, -2.5e-12, 0.0001, 123456789.0, 1e300] {
            #expect(Double(NumberFormat.roundTrip(value)) == value, "\(value) does not read back")
        }
    }

    @Test("with λ = 0 the regularisation term is named, not printed as a zero matrix (0/m · Θ)", arguments: ["xor", "15-steps", "mazur"])
    func noZeroTerm(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        try #require(trace.lesson.lambda == 0)
        for notation in NotationName.allCases {
            let text = Self.text(trace, .accumulation, notation)
            #expect(!text.contains("(0/"), "\(lesson) \(notation)")
            #expect(text.contains("λ = 0"), "\(lesson) \(notation)")
        }
        // With λ ≠ 0 the term is there, with λ as given.
        let lambda3 = Self.text(try LessonFixtures.trace("ng-gradcheck-lambda3"), .accumulation)
        #expect(lambda3.contains("(3/5)") && !lambda3.contains("3.0/"))
    }

    @Test("a one-hot target longer than a printed row shows where its 1 is: eₖ, in steps 2, 3 and 7")
    func longOneHotTargets() throws {
        // 10 classes; the targets' 1s sit where an abbreviated row [0 0 0 ⋯ 0] would hide them.
        func oneHot(_ k: Int) -> String { "[" + (1...10).map { $0 == k ? "1" : "0" }.joined(separator: ", ") + "]" }
        let json = """
            {"title": "ten classes", "layers": [2, 10], "activation": "sigmoid",
             "init": {"method": "uniform", "epsilon": 0.12, "seed": 3},
             "samples": [{"x": [0.1, 0.2], "y": \(oneHot(5))}, {"x": [0.3, 0.4], "y": \(oneHot(7))},
                         {"x": [0.5, 0.6], "y": \(oneHot(10))}]}
            """
        let trace = Tracer.trace(try Lesson.decode(json, file: "ten.json"))
        for step in [Step.classes, .data, .cost] {
            let text = Self.text(trace, step)
            for k in [5, 7] {
                #expect(text.contains("e" + Script.`subscript`(String(k))), "step \(step.number) misses e\(k)")
            }
            #expect(!text.contains("[0  0  0  ⋯  0]"), "step \(step.number) hides a target's 1")
        }
        #expect(Self.text(trace, .classes).contains("1 in position k"))
        // Short one-hot targets stay as written.
        let xor = Self.text(try LessonFixtures.trace("ng-lecture"), .cost)
        #expect(!xor.contains("e₁") && !xor.contains("e₂"))
    }
}
