import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// `--notation mazur` on Mazur's lesson: every number under the name his post gives it, at
/// his precision (the post's numbers, LEARNERS.md; the post prints 9 significant decimals).
@Suite("Mazur's notation")
struct MazurNotationTests {
    /// Step `step` of the mazur lesson in Mazur's notation, as text at `decimals` decimals.
    func text(_ step: Step, decimals: Int = 9) throws -> String {
        let trace = try LessonFixtures.trace("mazur")
        let narrator = Narrator(trace: trace, notation: .mazur, decimals: decimals)
        return TextRenderer(decimals: decimals).render(narrator.section(step))
    }

    @Test("Mazur's weight numbering: w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, …, w8 = h2→o2")
    func weightNumbers() {
        let mazur = MazurNotation(layerSizes: [2, 2, 2])
        let expected = [
            (1, 1, 1, 1), (1, 1, 2, 2), (1, 2, 1, 3), (1, 2, 2, 4), (2, 1, 1, 5), (2, 1, 2, 6), (2, 2, 1, 7),
            (2, 2, 2, 8),
        ]
        for (l, i, j, number) in expected {
            #expect(mazur.weightNumber(layer: l, i: i, j: j) == number, "Θ⁽\(l)⁾\(i)\(j)")
        }
        // Deeper networks continue layer by layer: 3-4-2-1 has 12 + 8 weights before the last layer's.
        let deep = MazurNotation(layerSizes: [3, 4, 2, 1])
        #expect(deep.weightNumber(layer: 2, i: 1, j: 1) == 13)
        #expect(deep.weightNumber(layer: 3, i: 1, j: 2) == 22)
    }

    @Test("step 9: ∂E_total/∂w5 = δ_o1 · out_h1 = 0.082167041, and Mazur's three factors")
    func chainRule() throws {
        let text = try text(.chainRule)
        #expect(text.contains("∂Eₜₒₜₐₗ/∂w₅ = ∂Eₜₒₜₐₗ/∂netₒ₁ · ∂netₒ₁/∂w₅"))
        #expect(text.contains("= δₒ₁ · outₕ₁"))
        // δ's value follows its three factors, not before them (classroom review F3).
        #expect(text.contains("δₒ₁ = 0.138498562"))
        #expect(!text.contains("= 0.138498562 · 0.593269992"))
        #expect(text.contains("∂Eₜₒₜₐₗ/∂w₅ = ∂Eₜₒₜₐₗ/∂outₒ₁ · ∂outₒ₁/∂netₒ₁ · ∂netₒ₁/∂w₅"))
        #expect(text.contains("= −(targetₒ₁ − outₒ₁) · f′(netₒ₁) · outₕ₁"))
        #expect(text.contains("= 0.741365070 · 0.186815602 · 0.593269992"))
        #expect(text.contains("= 0.082167041"))
    }

    @Test(
        "step 12: w5⁺ worked in full, then every updated weight under its own name in a table, w5⁺ = 0.35891648 … w4⁺ = 0.29950229"
    )
    func updates() throws {
        let text = try text(.backpropagation)
        // The starting weight as Mazur gives it ("0.4 - 0.5 * 0.082167041"), not 0.400000000.
        #expect(text.contains("w₅⁺ = w₅ − η · ∂Eₜₒₜₐₗ/∂w₅\n    = 0.4 − 0.5 · 0.082167041\n    = 0.358916480"))
        let published: [(String, String, String, String)] = [
            ("w₁", "0.15", "0.000438568", "0.149780716"), ("w₂", "0.20", "0.000877135", "0.199561432"),
            ("w₃", "0.25", "0.000497713", "0.249751144"), ("w₄", "0.30", "0.000995425", "0.299502287"),
            ("w₅", "0.40", "0.082167041", "0.358916480"), ("w₆", "0.45", "0.082667628", "0.408666186"),
            ("w₇", "0.50", "-0.022602540", "0.511301270"), ("w₈", "0.55", "-0.022740242", "0.561370121"),
        ]
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        for (name, before, gradient, after) in published {
            #expect(rows.contains([name, before, gradient, after]), "\(name)'s row: \(before) \(gradient) \(after)")
        }
        // Output weights first, as Mazur's article goes.
        let outputs = try #require(text.range(of: "each weight of Wₒ"))
        let hidden = try #require(text.range(of: "each weight of Wₕ"))
        #expect(outputs.lowerBound < hidden.lowerBound)
        // Steps 10 and 11's errors recalled, not re-derived (classroom review F5).
        #expect(text.contains("δₒ = [0.138498562  -0.038098237]ᵀ"))
        #expect(text.contains("δₕ = [0.008771355  0.009954255]ᵀ"))
        #expect(!text.contains("δₒ = −(target − outₒ) ⊙ f′(netₒ)"))
    }

    @Test("step 11: ∂E_total/∂out_h1 = 0.036350306 and ∂E_total/∂w1 = 0.000438568, factor by factor")
    func hiddenWeight() throws {
        let text = try text(.hiddenError)
        #expect(text.contains("∂Eₜₒₜₐₗ/∂outₕ₁ = δₒ₁ · w₅ + δₒ₂ · w₇"))
        #expect(text.contains("= 0.036350306\n"))
        #expect(text.contains("∂Eₜₒₜₐₗ/∂w₁ = ∂Eₜₒₜₐₗ/∂outₕ₁ · ∂outₕ₁/∂netₕ₁ · ∂netₕ₁/∂w₁"))
        #expect(text.contains("= 0.036350306 · 0.241300709 · 0.050000000\n            = 0.000438568"))
    }

    @Test("step 6: net_h1 = b_h1 · 1 + w1 · i1 + w2 · i2 and out_h1 = 0.593269992")
    func forward() throws {
        let text = try text(.feedforward)
        // One bias per unit, named by the unit it leads into (review N8, C4).
        #expect(text.contains("netₕ₁ = bₕ₁ · 1 + w₁ · i₁ + w₂ · i₂"))
        #expect(text.contains("0.593269992"))
        #expect(text.contains("0.596884378"))
        #expect(text.contains("0.751365070"))
        #expect(text.contains("0.772928465"))
    }

    @Test("no other notation's symbols in Mazur's equations")
    func noForeignSymbols() throws {
        let trace = try LessonFixtures.trace("mazur")
        let narrator = Narrator(trace: trace, notation: .mazur)
        for step in [Step.feedforward, .chainRule, .outputError, .hiddenError, .backpropagation, .gradientDescent] {
            for block in narrator.section(step).blocks {
                guard case .equation(let equation) = block else { continue }
                let text = TextRenderer().render(.equation(equation))
                for foreign in ["Θ", "a⁽", "z⁽", "J", "Δ", "α"] {
                    #expect(!text.contains(foreign), "step \(step.number) shows \(foreign): \(text)")
                }
            }
        }
    }

    @Test("without a hidden layer (iris), Mazur's names say the first weights lead into the outputs")
    func noHiddenLayer() throws {
        let trace = try LessonFixtures.trace("iris")  // 4-3, no hidden layer
        let narrator = Narrator(trace: trace, notation: .mazur)
        let text = TextRenderer().render(narrator.section(.network))
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(!text.contains("hidden units") && !text.contains("first hidden layer"), "\(text)")
        #expect(text.contains("(w₁: i₁→o₁, w₂: i₂→o₁, w₅: i₁→o₂)"))
        #expect(text.contains("b₁ is the bias vector into the outputs, one entry per unit: bₒ₁ leads into o₁"))
        #expect(
            text.contains(
                "the weights into the outputs, one row per unit they lead into: w₁ … w₄ in row 1, w₅ … w₈ in row 2"))
    }
}
