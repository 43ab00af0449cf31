import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Steps 1–7 say only what holds for the lesson they are printed for (issue 8, item 3; the
/// learner review's D3, D6, D7, D8, D9, D11 and D16). Every test here fails on e8a188a.
@Suite("Steps 1–7: words conditional on the lesson")
struct LessonConditionedWordsTests {
    // MARK: Lessons (the review's stress lessons, in memory)

    /// 3-4-3, tanh hidden layer, softmax output with cross-entropy, classes named.
    static let tanhSoftmax = """
        {"title": "tanh-softmax", "classes": ["red", "green", "blue"], "layers": [3, 4, 3],
         "activation": ["tanh", "softmax"], "loss": "cross-entropy",
         "weights": [[[0.1, 0.4, -0.3, 0.2], [-0.2, 0.1, 0.5, -0.4], [0.3, -0.6, 0.2, 0.1], [0.0, 0.3, 0.3, -0.3]],
                     [[0.1, 0.5, -0.2, 0.3, 0.1], [-0.1, -0.4, 0.6, 0.2, -0.3], [0.05, 0.2, 0.1, -0.5, 0.4]]],
         "samples": [{"x": [1.0, 0.5, -1.0], "y": [1, 0, 0]}, {"x": [-0.5, 1.0, 0.5], "y": [0, 1, 0]},
                     {"x": [0.2, -0.8, 1.0], "y": [0, 0, 1]}],
         "learningRate": 0.5, "lambda": 0, "epochs": 20}
        """
    /// 1-3-1, linear output, squared error, targets −1, 0, 1, 2: a regression.
    static let linearRegression = """
        {"title": "regression", "layers": [1, 3, 1], "activation": ["sigmoid", "linear"], "loss": "squared-error",
         "weights": [[[0.1, 0.8], [-0.2, -0.5], [0.3, 0.4]], [[0.0, 0.6, -0.4, 0.9]]],
         "samples": [{"x": [0.0], "y": [-1.0]}, {"x": [0.5], "y": [0.0]}, {"x": [1.0], "y": [1.0]},
                     {"x": [1.5], "y": [2.0]}],
         "learningRate": 0.1, "lambda": 0, "epochs": 50}
        """
    /// 2-2-2, tanh everywhere, squared error, one sample with targets −1 and 1.
    static let singleSampleTanh = """
        {"title": "tanh", "layers": [2, 2, 2], "activation": "tanh", "loss": "squared-error",
         "weights": [[[0.1, 0.3, -0.2], [-0.1, 0.2, 0.4]], [[0.0, 0.5, -0.5], [0.2, 0.3, 0.6]]],
         "samples": [{"x": [1.0, -1.0], "y": [-1, 1]}], "learningRate": 0.1, "lambda": 0, "epochs": 10}
        """
    /// 2-3-1, relu hidden layer, sigmoid output.
    static let relu = """
        {"title": "relu", "layers": [2, 3, 1], "activation": ["relu", "sigmoid"], "loss": "cross-entropy",
         "weights": [[[0.1, 0.5, 0.25], [-0.5, 0.1, 0.1], [-0.5, 0.5, 0.0]], [[0.2, 0.7, -0.6, 0.4]]],
         "samples": [{"x": [1.0, 0.0], "y": [1]}], "learningRate": 0.5, "lambda": 0, "epochs": 10}
        """

    static func trace(_ json: String) throws -> Trace {
        Tracer.trace(try Lesson.decode(json, file: "words.json"))
    }

    /// One step as text with line wrapping undone (runs of spaces and newlines become one space).
    static func text(_ trace: Trace, _ step: Step, _ notation: NotationName = .ng) -> String {
        let text = TextRenderer().render(Narrator(trace: trace, notation: notation).section(step))
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The step's "Why:" paragraph and everything after it.
    static func why(_ text: String) -> Substring {
        guard let range = text.range(of: "Why:") else { return "" }
        return text[range.lowerBound...]
    }

    // MARK: D3: softmax

    @Test("softmax: g(z)ᵢ, its Jacobian, and its diagonal said to be unused by δ (D3)")
    func softmaxActivation() throws {
        let text = Self.text(try Self.trace(Self.tanhSoftmax), .activation)
        // tanh and softmax: each layer's function has its own symbol (review M8).
        #expect(text.contains("g⁽³⁾(z)ᵢ = e^(zᵢ)/Σₖe^(zₖ)"))
        #expect(text.contains("∂g⁽³⁾(z)ᵢ/∂zₖ = g⁽³⁾(z)ᵢ([i = k] − g⁽³⁾(z)ₖ)"))
        #expect(text.contains("is listed below for reference only: the output error does not multiply by it"))
        #expect(!text.contains("g′(z⁽³⁾)"), "softmax's diagonal is not labelled as its derivative")
        #expect(!text.contains("g′(z) = aᵢ(1 − aᵢ)"))
    }

    @Test("softmax: step 2 talks of probabilities, not yes/no questions; step 7 not of Ng's logistic cost (D3)")
    func softmaxClassesAndCost() throws {
        let trace = try Self.trace(Self.tanhSoftmax)
        let classes = Self.text(trace, .classes)
        #expect(classes.contains("probability distribution over the classes"))
        #expect(!classes.contains("yes/no"))
        #expect(!classes.contains("its 0 or 1"))
        let cost = Self.text(trace, .cost)
        #expect(!cost.contains("logistic"))
        #expect(cost.contains("through the softmax Jacobian the output error becomes simply δ⁽³⁾ = a⁽³⁾ − y"))
    }

    // MARK: D6: activation-specific and hidden-layer prose

    @Test("no 'sigmoid' in step 4 of a tanh-only lesson; the slope at 0 is tanh's 1 (D6)")
    func tanhOnly() throws {
        let text = Self.text(try Self.trace(Self.singleSampleTanh), .activation)
        #expect(!text.lowercased().contains("sigmoid"))
        #expect(!text.contains("Ng's check points"))
        #expect(text.contains("tanh's slope is largest, 1, at z = 0"))
    }

    @Test("scaled-tanh's largest slope is 0.5, and 15-steps has no symmetry to break (D6)")
    func fifteenSteps() throws {
        let trace = try LessonFixtures.trace("15-steps")
        let activation = Self.text(trace, .activation, .tulleken)
        #expect(!activation.lowercased().contains("sigmoid"))
        #expect(activation.contains("is largest, 0.5, at z = 0"))
        let weights = Self.why(Self.text(trace, .initialWeights, .tulleken))
        #expect(!weights.contains("every hidden unit"))
        #expect(!weights.contains("sigmoid"))
        #expect(weights.contains("no hidden layer, so equal starting weights would do no harm"))
        #expect(weights.contains("scaled-tanh units away from their flat ends"))
    }

    @Test("sigmoid lessons keep Ng's check points and the 0.25; relu and linear get their own facts (D6)")
    func activationFacts() throws {
        let ng = Self.text(try LessonFixtures.trace("ng-lecture"), .activation)
        #expect(ng.contains("At Ng's check points (ex4 evaluates sigmoidGradient"))
        #expect(ng.contains("the sigmoid's slope is largest, 0.25, at z = 0"))
        let relu = try Self.trace(Self.relu)
        let reluText = Self.why(Self.text(relu, .activation))
        #expect(reluText.contains("relu's slope is 1 for z > 0 and 0 for z < 0"))
        let reluWeights = Self.why(Self.text(relu, .initialWeights))
        #expect(reluWeights.contains("sigmoid units away from their flat ends"))
        #expect(!reluWeights.contains("relu units away"))
        #expect(!Self.why(Self.text(relu, .feedforward)).contains("squashes"), "relu does not squash")
        let regression = Self.why(Self.text(try Self.trace(Self.linearRegression), .activation))
        #expect(regression.contains("a linear unit's slope is 1 everywhere"))
    }

    // MARK: D7: classification words only for classification targets

    @Test("step 2 of a regression lesson says nothing about classes (D7)")
    func regressionClasses() throws {
        let trace = try Self.trace(Self.linearRegression)
        let text = Self.text(trace, .classes)
        #expect(!text.contains("positive (1)") && !text.contains("negative (0)"))
        #expect(!text.contains("the target is 0 or 1"))
        #expect(!text.contains("target class output predicted"), "no class columns")
        #expect(text.contains("this lesson is a regression"))
        let cost = Self.text(trace, .cost)
        #expect(!cost.contains("Classification error"))
    }

    @Test("Mazur's 0.01/0.99 and tanh's −1/1 targets are not one-hot classes (D7)")
    func notOneHot() throws {
        for json in [Self.singleSampleTanh] {
            let text = Self.text(try Self.trace(json), .classes)
            #expect(!text.contains("one-hot vector with 1"))
            #expect(!text.contains("class 2"))
        }
        let mazur = Self.text(try LessonFixtures.trace("mazur"), .classes)
        #expect(!mazur.contains("one-hot vector with 1"))
        #expect(!mazur.contains("its 0 or 1"))
    }

    @Test("XOR's single unit encodes two classes, not one unit per class (D7, D16)")
    func xor() throws {
        let text = Self.text(try LessonFixtures.trace("xor"), .classes)
        #expect(text.contains("One output unit encodes two classes"))
        #expect(!text.contains("One output unit per class"))
        #expect(!text.contains("1 yes/no questions"))
    }

    // MARK: D8: the 15 Steps' regression error

    @Test("step 7 of 15-steps states the regression error 0.2831 beside E = 0.4247 and their relation (D8)")
    func regressionError() throws {
        let trace = try LessonFixtures.trace("15-steps")
        let error = try #require(trace.regressionError)
        #expect(abs(error - 2 * trace.unregularizedCost / 3) < 1e-12)
        let text = Self.text(trace, .cost, .tulleken)
        #expect(text.contains("the regression error Σ_(i,k)(t − o)²/(m · K)"))
        #expect(text.contains("Here it is 0.2831, which is 2/K times 0.4247"))
        #expect(!text.contains("the 15 Steps' regression error)"), "E is no longer called the regression error")
    }

    @Test("the trace's regressionError is Σ(t − o)²/(m · outputs), computed independently")
    func regressionErrorValue() throws {
        let trace = try Self.trace(Self.linearRegression)
        // Recomputed from the recorded outputs (all four samples are recorded).
        var sum = 0.0
        for sample in trace.samples {
            for (o, t) in zip(sample.a[sample.a.count - 1], sample.y) { sum += (t - o) * (t - o) }
        }
        let expected = sum / Double(trace.m * 1)
        #expect(abs((trace.regressionError ?? .nan) - expected) <= 1e-12 * max(1, abs(expected)))
    }

    // MARK: D9: notation-specific sums and shapes

    @Test("step 1 in row-vector notation: each column of W is a unit (D9)")
    func rowVectorColumns() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        #expect(Self.text(trace, .network, .tulleken).contains("each column of weights (one unit of the next layer)"))
        #expect(Self.text(trace, .network, .ng).contains("each row of weights (one unit of the next layer)"))
        #expect(!Self.text(trace, .network, .tulleken).contains("each row of weights"))
    }

    @Test("the regulariser sums non-bias weights in each notation's own terms (D9)")
    func regulariser() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let ng = Self.text(trace, .cost, .ng)
        #expect(ng.contains("(λ/2m)Σ_(l,r,c≥1)(Θ⁽ˡ⁾_(rc))²"))
        let nielsen = Self.text(trace, .cost, .nielsen)
        // (w)²: a bare superscript is a layer in Nielsen's notation (review C1).
        #expect(nielsen.contains("(λ/2n)Σ_(w)(w)²"))
        #expect(!nielsen.contains("j≥1"))
        let tulleken = Self.text(try LessonFixtures.trace("15-steps"), .cost, .tulleken)
        #expect(tulleken.contains("Σ_(r,c; r ≠ bias row)W[r,c]²"))
        #expect(!tulleken.contains("j≥1"))
    }

    @Test("step 5 in the 15 Steps' notation does not print Ng's Θ (D9)")
    func noThetaInTulleken() throws {
        let text = Self.text(try LessonFixtures.trace("15-steps"), .initialWeights, .tulleken)
        // Step 5 has no convention paragraph any more (only step 1 does), so no Θ anywhere.
        #expect(!text.contains("Θ"))
    }

    // MARK: D11: held-out samples

    @Test("step 3 says the lesson uses the training samples only (D11)")
    func heldOut() throws {
        let text = Self.text(try LessonFixtures.trace("15-steps"), .data, .tulleken)
        #expect(text.contains("these 15 steps use the training samples only"))
        #expect(!text.contains("the others measure how well the network generalises"))
    }

    // MARK: D16: formatting

    @Test("λ prints as in the preface; (1/m) is parenthesised; counts agree; no 'target is target' (D16)")
    func formatting() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let cost = Self.text(trace, .cost, .ng)
        #expect(cost.contains("with λ = 0.1."))
        #expect(!cost.contains("0.1000"))
        // The average of the per-sample losses, each defined apart (review D12).
        #expect(cost.contains("J = (1/m)ΣᵢJ⁽ⁱ⁾ + (λ/2m)Σ"))
        #expect(cost.contains("J⁽ⁱ⁾ = Σₖ"))
        #expect(cost.contains("+ (λ/2m)Σ"))
        #expect(cost.contains("1 of 2 training samples is predicted"))
        let classes = Self.text(try LessonFixtures.trace("15-steps"), .classes, .tulleken)
        #expect(!classes.contains("the target is target"))
        #expect(!classes.contains("the output output"))
    }
}
