import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Steps 8–11 say what is true for the lesson and notation they are printed for: per-sample
/// quantities carry per-sample names, signs follow the notation, softmax is not explained as
/// sigmoid, and a hidden δ is shown to be the loss's slope by a probe the engine recorded.
/// Every test here fails on e8a188a.
@Suite("Steps 8–11 words follow the lesson and the notation")
struct DerivativeWordsTests {
    /// A 3-4-3 tanh/softmax lesson (the review's tanh-softmax stress lesson, cut to two samples).
    static let softmaxLesson = """
        {"title": "softmax", "layers": [3, 4, 3], "activation": ["tanh", "softmax"], "loss": "cross-entropy",
         "weights": [
           [[0.1, 0.4, -0.3, 0.2], [-0.2, 0.1, 0.5, -0.4], [0.3, -0.6, 0.2, 0.1], [0.0, 0.3, 0.3, -0.3]],
           [[0.1, 0.5, -0.2, 0.3, 0.1], [-0.1, -0.4, 0.6, 0.2, -0.3], [0.05, 0.2, 0.1, -0.5, 0.4]]],
         "samples": [{"x": [1.0, 0.5, -1.0], "y": [1, 0, 0]}, {"x": [-0.5, 1.0, 0.5], "y": [0, 1, 0]}],
         "learningRate": 0.5, "epochs": 3}
        """

    /// A step as text with line wrapping undone (runs of spaces and newlines become one space).
    static func text(
        _ trace: Trace, _ step: Step, _ notation: NotationName = .ng, decimals: Int = 4
    ) -> String {
        let narrator = Narrator(trace: trace, notation: notation, decimals: decimals)
        let text = TextRenderer(decimals: decimals).render(narrator.section(step))
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static let notations: [NotationName] = [.ng, .nielsen, .tulleken, .mazur]

    @Test("D1: step 9's chain rule is the sample's loss, not J, and headers say δ = ∂(one sample's loss)/∂z")
    func perSampleNames() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let ng = Self.text(trace, .chainRule)
        #expect(ng.contains("∂J⁽ⁱ⁾/∂Θ⁽³⁾₁₁ = ∂J⁽ⁱ⁾/∂z⁽⁴⁾₁"))
        #expect(!ng.contains("∂J/∂Θ⁽³⁾₁₁"), "step 8's ∂J/∂Θ⁽³⁾₁₁ is 0.0964, the sample's is −0.2082")
        // The header is step 1's only (classroom review F2).
        let header = Self.text(trace, .network)
        #expect(header.contains("δ⁽ˡ⁾ = ∂J⁽ⁱ⁾/∂z⁽ˡ⁾"))
        #expect(!header.contains("δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾"))
        let nielsen = Self.text(trace, .chainRule, .nielsen)
        #expect(nielsen.contains("∂Cₓ/∂w⁴₁₁ = ∂Cₓ/∂z⁴₁"))
        #expect(!nielsen.contains("δˡ = ∂C/∂zˡ"))
        let tulleken = Self.text(trace, .chainRule, .tulleken)
        #expect(tulleken.contains("∂Eₓ/∂W⁽³⁾[0,0]"))
        #expect(!tulleken.contains("∂E/∂W⁽³⁾[0,0] = "))
        // Step 8 keeps the whole cost.
        #expect(Self.text(trace, .whyDerivatives).contains("∂J/∂Θ⁽³⁾₁₁ ≈"))
    }

    @Test("D2: the 15 Steps' step 11 gives delta the sign its numbers have, −∂Eₓ/∂net")
    func tullekenSign() throws {
        let text = Self.text(try LessonFixtures.trace("ng-lecture"), .hiddenError, .tulleken)
        #expect(text.contains("Meaning: delta⁽²⁾ = −∂Eₓ/∂net⁽²⁾"))
        #expect(!text.contains("delta⁽²⁾ = ∂E/∂net⁽²⁾"))
    }

    @Test("D3: a softmax lesson explains a − y by the full Jacobian and Σy = 1, not by g′ cancelling")
    func softmaxOutputError() throws {
        let trace = Tracer.trace(try Lesson.decode(Self.softmaxLesson, file: "softmax.json"))
        for notation in Self.notations {
            let text = Self.text(trace, .outputError, notation)
            #expect(!text.contains("the same way"), "\(notation)")
            #expect(!text.contains("cancels the denominator"), "\(notation)")
            #expect(text.contains("whole Jacobian") && text.contains("sum to 1"), "\(notation)")
        }
        // A sigmoid lesson keeps the cancellation and says nothing of a Jacobian.
        let sigmoid = Self.text(try LessonFixtures.trace("ng-lecture"), .outputError)
        #expect(sigmoid.contains("cancels the denominator") && !sigmoid.contains("Jacobian"))
    }

    @Test("D9: no notation prints Ng's fixed Why texts; Nielsen writes σ′; the 15 Steps drop a bias row")
    func notationSymbols() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        for notation in [NotationName.nielsen, .tulleken, .mazur] {
            for step in [Step.chainRule, .outputError, .hiddenError] {
                let text = Self.text(trace, step, notation)
                let why = text.components(separatedBy: "Why:").last ?? ""
                #expect(!why.contains("Θ") && !why.contains("∂J") && !why.contains("g′"), "\(notation) \(step)")
            }
        }
        let nielsen10 = Self.text(trace, .outputError, .nielsen)
        #expect(nielsen10.contains("There is no σ′ factor") && !nielsen10.contains("g′"))
        let tulleken11 = Self.text(trace, .hiddenError, .tulleken)
        #expect(tulleken11.contains("the bias row of the weights is dropped"))
        #expect(!tulleken11.contains("bias column"))
    }

    @Test("D10: the 15 Steps with cross-entropy say why delta has no activation_diff")
    func tullekenCrossEntropy() throws {
        let text = Self.text(try LessonFixtures.trace("ng-lecture"), .outputError, .tulleken)
        #expect(text.contains("There is no activation_diff factor"))
        #expect(text.contains("This delta is minus that, target − output"))
    }

    @Test("D13: a product's factors are printed with the digits that give the product by hand (issue 20)")
    func handProducts() throws {
        let narrator = Narrator(trace: try LessonFixtures.trace("15-steps"), notation: .ng)
        // −0.2268 · 0.2361 is −0.0535 by hand, not −0.0536 (the review's example): the line now
        // prints −0.22684 · 0.23614, so no note about rounding is needed.
        #expect(!narrator.handProductDiffers([-0.22684, 0.23614], product: -0.22684 * 0.23614))
        #expect(!narrator.handProductDiffers([0.5, 0.25], product: 0.125))
        for lesson in ["15-steps", "ng-lecture"] {
            let text = Self.text(try LessonFixtures.trace(lesson), .chainRule)
            #expect(!text.contains("multiplies them at full precision"), "\(lesson)")
        }
        // Step 9 works the first factor out from the forward pass (nothing before it is derived):
        // the three factors carry the digits that give their product.
        #expect(Self.text(try LessonFixtures.trace("15-steps"), .chainRule).contains("-0.45700 · 0.49630 · 0.23611"))
    }

    @Test("D14: ε prints in full whatever the precision")
    func epsilonInFull() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        for decimals in [0, 2] {
            let text = Self.text(trace, .whyDerivatives, decimals: decimals)
            #expect(text.contains("ε = 0.0001"), "precision \(decimals)")
            #expect(!text.contains("ε = 0.00 ") && !text.contains("ε = 0 "))
        }
    }

    @Test("D15 and D17: the 15 Steps say indices count from 0, and a Σ over the next layer has a numbers line")
    func tullekenIndices() throws {
        let text = Self.text(try LessonFixtures.trace("ng-lecture"), .hiddenError, .tulleken)
        // The convention is step 1's only (classroom review F2).
        #expect(Self.text(try LessonFixtures.trace("ng-lecture"), .network, .tulleken).contains("Indices count from 0"))
        #expect(
            text.contains(
                "ΣᵢW⁽²⁾[0, i] · delta⁽³⁾[i] = 0.5000 · 0.0980 + (-0.2000) · (-0.1105) + 0.3000 · 0.0432 = 0.0841"))
    }

    @Test("D21: no 'Ng's trick'; step 8 counts two full-batch cost evaluations per weight")
    func whyTexts() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        for notation in Self.notations {
            #expect(!Self.text(trace, .chainRule, notation).contains("Ng's trick"))
            #expect(!Self.text(trace, .hiddenError, notation).contains("Ng's trick"))
        }
        let step8 = Self.text(trace, .whyDerivatives)
        #expect(step8.contains("a forward pass over all 2 samples, two per weight"))
        #expect(!step8.contains("cost a forward pass per weight"))
    }

    @Test("issue 8, question 1: the engine's probe shows δ⁽³⁾₁ as the sample loss's slope, recorded in the trace")
    func sensitivityProbe() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let probe = try #require(trace.sensitivityProbe(forSample: 0))
        #expect(probe.layer == 3 && probe.unit == 0)
        let delta = trace.samples[0].delta[1][0]
        #expect(abs(probe.slope - delta) < 1e-7, "the central difference is δ⁽³⁾₁ to O(ε²)")
        #expect(abs(probe.slope - -0.097981) < 1e-6, "the review's own measurement")
        #expect(trace.jsonText.contains("\"sensitivityProbes\""))
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(trace.jsonText.utf8))
        #expect(decoded.sensitivityProbes == trace.sensitivityProbes)
        let ng = Self.text(trace, .hiddenError)
        #expect(ng.contains("A hidden unit has no target"))
        #expect(ng.contains("∂J⁽ⁱ⁾/∂z⁽³⁾₁ ≈"))
        #expect(ng.contains("= -0.0980 That is δ⁽³⁾₁ = -0.0980"))
        // A network without a hidden layer has nothing to probe.
        #expect(try LessonFixtures.trace("15-steps").sensitivityProbes == nil)
    }

    @Test("issue 8, question 1: every notation derives one hidden weight's gradient factor by factor")
    func hiddenWeightChain() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let expected: [NotationName: String] = [
            .ng: "∂J⁽ⁱ⁾/∂Θ⁽²⁾₁₁ = ∂J⁽ⁱ⁾/∂a⁽³⁾₁ · ∂a⁽³⁾₁/∂z⁽³⁾₁ · ∂z⁽³⁾₁/∂Θ⁽²⁾₁₁ = -0.3973 · 0.2466 · 0.5125 = -0.0502",
            .nielsen: "∂Cₓ/∂w³₁₁ = ∂Cₓ/∂a³₁ · ∂a³₁/∂z³₁ · ∂z³₁/∂w³₁₁ = -0.3973 · 0.2466 · 0.5125 = -0.0502",
            .tulleken: "∂Eₓ/∂output⁽³⁾[0] = (−delta[0]) · W⁽³⁾[0,0] + (−delta[1]) · W⁽³⁾[0,1]",
        ]
        for (notation, line) in expected {
            #expect(Self.text(trace, .hiddenError, notation).contains(line), "\(notation)")
        }
    }

    @Test("the 15 Steps' delta is called minus Ng's δ once in step 10, for either loss")
    func deltaSignSaidOnce() throws {
        for lesson in ["ng-lecture", "15-steps"] {
            let text = Self.text(try LessonFixtures.trace(lesson), .outputError, .tulleken)
            let count = text.components(separatedBy: "This delta is minus").count - 1
            #expect(count == 1, "\(lesson): said \(count) times")
        }
    }
}
