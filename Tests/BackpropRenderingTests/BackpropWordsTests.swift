import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Steps 12 to 15 say only what holds for the lesson and notation they are printed for: per-sample
/// gradients are labelled as one sample's, no notation borrows another's "D" or sign, the cost of
/// backprop is stated right, accumulators are named per layer, the gradient check reads a pass
/// as evidence, and steps 13 and 15 show the accumulation and the first-order prediction from the
/// trace. Each test failed on e8a188a.
@Suite("Steps 12–15 say what holds for the lesson")
struct BackpropWordsTests {
    /// One step as text with line wrapping undone (runs of spaces and newlines become one space).
    static func text(_ lesson: String, _ step: Step, _ notation: NotationName) throws -> String {
        let narrator = Narrator(trace: try LessonFixtures.trace(lesson), notation: notation)
        let text = TextRenderer().render(narrator.section(step))
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("D1: the 15 Steps' per-sample ΔW is one sample's, not −∂E/∂W of the mean")
    func perSampleLabel() throws {
        for lesson in ["15-steps", "ng-lecture"] {
            let text = try Self.text(lesson, .backpropagation, .tulleken)
            #expect(!text.contains("(= −∂E/∂W)") && !text.contains("= −∂E/∂W"), "\(lesson)")
            #expect(text.contains("minus the gradients of sample 1's loss Eₓ, not of the cost E averaged"))
        }
        let nielsen = try Self.text("ng-lecture", .backpropagation, .nielsen)
        #expect(nielsen.contains("the gradients of sample 1's loss Cₓ, not of the cost C averaged over all 2 samples"))
    }

    @Test("D9: no 'D' in Nielsen's and Tulleken's steps 12, 14, 15; the Ng 15-steps why subtracts")
    func noBorrowedSymbols() throws {
        for notation in [NotationName.nielsen, .tulleken] {
            for step in [Step.backpropagation, .gradientCheck, .gradientDescent] {
                for lesson in ["ng-lecture", "15-steps"] {
                    let text = try Self.text(lesson, step, notation)
                    for phrase in ["backprop's D", "backprop D", "with D in step", "num − D"] {
                        #expect(!text.contains(phrase), "\(lesson) step \(step.number) \(notation): \(phrase)")
                    }
                }
            }
        }
        let ng = try Self.text("15-steps", .backpropagation, .ng)
        #expect(!ng.contains("η·ΔW") && !ng.contains("ΔW"))
        #expect(ng.contains("The update subtracts α∇⁽¹⁾ because ∇⁽¹⁾ is the gradient of J"))
        let tulleken = try Self.text("15-steps", .backpropagation, .tulleken)
        #expect(tulleken.contains("The update adds η · ΔW because delta is minus the derivative of E"))
    }

    @Test("D12: the backward pass costs about one forward pass, then one multiplication per weight")
    func backpropCost() throws {
        let text = try Self.text("ng-lecture", .backpropagation, .ng)
        #expect(!text.contains("one multiplication more than the forward pass"))
        #expect(text.contains("the whole backward pass costs about as much as one forward pass"))
        #expect(text.contains("each weight's derivative is one multiplication"))
    }

    @Test("D18: Tulleken's accumulators are named per layer; step 14 says its sign")
    func accumulatorNames() throws {
        let text = try Self.text("ng-lecture", .accumulation, .tulleken)
        for l in 1...3 { #expect(text.contains("ΣΔW⁽\(["¹", "²", "³"][l - 1])⁾ = ΔW")) }
        #expect(!text.contains("ΣΔW ="))
        let check = try Self.text("ng-lecture", .gradientCheck, .tulleken)
        #expect(check.contains("both columns show the cost's gradient itself, not negated"))
    }

    @Test("D20 and D21: step 14 points to check in its own notation and order; a pass is evidence; small mistakes can pass 1e-2")
    func gradientCheckWords() throws {
        let tulleken = try Self.text("15-steps", .gradientCheck, .tulleken)
        // No command line in the lesson text (documents review N9): the rows are said to be the first.
        #expect(tulleken.contains("(first 12 rows shown; the check covers all 15 weights)"))
        #expect(!tulleken.contains("backprop-tutor check"))
        // The first rows are W's first row, as `check --notation tulleken` lists them.
        #expect(tulleken.contains("W[0,0] 0.05862 0.05862 W[0,1] 0.04849 0.04849 W[0,2] -0.01680"))
        #expect(!tulleken.contains("1e-2 or more"))
        #expect(!tulleken.contains("backprop is right"))
        let ng = try Self.text("ng-lecture", .gradientCheck, .ng)
        #expect(!ng.contains("backprop is right") && ng.contains("evidence, not proof"))
    }

    @Test("issue 8.5: step 13 shows Δ filling up sample by sample and says it is not an update")
    func runningSums() throws {
        let text = try Self.text("ng-lecture", .accumulation, .ng)
        #expect(text.contains("How Δ⁽³⁾ fills up, followed for one weight, Θ⁽³⁾₁₁"))
        #expect(text.contains("1 -0.2082 -0.2082 2 0.3609 0.1527"))
        #expect(text.contains("sample 1 gives -0.2082 and sample 2 gives 0.3609"))
        #expect(text.contains("the cost's gradient for Θ⁽³⁾₁₁ is 0.0964"))
        #expect(text.contains("is a sum, not an update"))
        // m = 6: every sample is listed.
        let six = try Self.text("15-steps", .accumulation, .ng)
        for k in 1...6 { #expect(six.contains("\n\(k) ") || six.contains(" \(k) -") || six.contains(" \(k) 0")) }
        let trace = try LessonFixtures.trace("15-steps")
        #expect(trace.accumulation?.samples == Array(0..<6))
        let example = try #require(trace.accumulation)
        #expect(abs(example.runningSums[5] - trace.Delta[example.layer][example.row, example.column]) < 1e-12)
    }

    @Test("issue 8.5: step 15 compares the first-order prediction with the actual change")
    func firstOrder() throws {
        let text = try Self.text("ng-lecture", .gradientDescent, .ng)
        #expect(text.contains("predicted change ≈ −(1 · 0.0508) = -0.0508"))
        #expect(text.contains("actual change = 1.4746 − 1.5155 = -0.0409"))
        #expect(text.contains("The cost fell by less than predicted"))
    }
}
