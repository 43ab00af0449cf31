import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Every sentence true on lessons no one had tried (issue 20; the round-3 truth review's F, M
/// and C items, the classroom review's narration frictions, the documents review's N8 and N9).
/// Each test runs on the round-3 review lessons or the review's probe lessons
/// (`Tests/ReviewLessons/`: `at-kink`, `near-kink`, `saturate`), in every notation, and each
/// failed before the fix it guards.
@Suite("Round 3: every sentence true on the review lessons")
struct Round3WordsTests {
    /// The round-3 review's four lessons: three hidden tanh layers with λ; ReLU regression with
    /// two outputs; softmax over four classes with frozen biases; one sample, no hidden layer.
    static let round3 = [
        "h3-deep-tanh-sigmoid-ce", "h3-relu-linear-2out", "h3-softmax4-frozen", "h3-single-layer-linear",
    ]
    /// Every notation.
    static let notations = NotationName.allCases

    static func trace(_ name: String) throws -> Trace {
        Tracer.trace(try LessonFixtures.reviewLesson(name))
    }

    /// One step as text, line wrapping undone.
    static func text(_ trace: Trace, _ step: Step, _ notation: NotationName) -> String {
        flat(TextRenderer().render(Narrator(trace: trace, notation: notation).section(step)))
    }

    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func render(_ math: Math) -> String { TextRenderer().render(math) }

    // MARK: F1: Mazur's per-sample loss and averaged cost

    @Test("F1: the per-sample loss and the cost have two names whenever they differ", arguments: round3)
    func sampleLossAndCostNamedApart(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrator = Narrator(trace: trace, notation: notation)
            let cost = Self.render(narrator.notation.cost)
            let sample = Self.render(narrator.notation.sampleCost)
            if trace.m > 1 || trace.lesson.lambda > 0 {
                #expect(cost != sample, "\(name) \(notation): both are \(cost)")
            }
            for step in [Step.chainRule, .backpropagation, .accumulation] {
                let text = Self.text(trace, step, notation)
                #expect(!text.contains("loss \(sample), not of the cost \(sample)"), "\(name) \(notation) step \(step.number)")
            }
        }
    }

    @Test("F1: step 7 averages the per-sample losses over a sample index, never over a word such as 'total'",
          arguments: round3)
    func costAveragesOverSamples(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrator = Narrator(trace: trace, notation: notation)
            let sample = Self.render(narrator.notation.sampleCost)
            let text = Self.text(trace, .cost, notation)
            guard Self.render(narrator.notation.cost) != sample else { continue }
            // The sum's index is printed right after Σ; it must name the samples (i or x).
            let sums = text.components(separatedBy: "Σ").dropFirst().map { String($0.prefix(1)) }
            #expect(sums.contains { $0 == "ᵢ" || $0 == "ₓ" }, "\(name) \(notation): \(text.prefix(300))")
            #expect(!text.contains("Σₜₒₜₐₗ"), "\(name) \(notation)")
        }
    }

    @Test("K1: a one-line fraction before a matrix is parenthesised, (1/2)[…], also where the equation breaks",
          arguments: round3)
    func fractionBeforeMatrix(name: String) throws {
        // ng-lecture too: its step 13 breaks before "+", where 1/2⎡…⎤ used to print.
        for trace in [try Self.trace(name), try LessonFixtures.trace("ng-lecture")] {
        for notation in Self.notations {
            let text = TextRenderer(width: 80).render(Narrator(trace: trace, notation: notation).section(.accumulation))
            #expect(text.firstMatch(of: /\/\d+[⎡⎢⎣\[]/) == nil, "\(name) \(notation): \(text.prefix(1200))")
        }
        }
    }

    @Test("C6: step 1 writes the outer product of two row vectors as uᵀv in the 15 Steps' notation, uvᵀ in the others")
    func outerProductOrientation() throws {
        let trace = try Self.trace("h3-relu-linear-2out")
        for notation in Self.notations {
            let text = Self.text(trace, .network, notation)
            let rows = Narrator(trace: trace, notation: notation).notation.vectorsAreRows
            #expect(text.contains(rows ? "outer product: uᵀv" : "outer product: uvᵀ"), "\(notation)")
        }
    }

    @Test("C3: the four-class tables of steps 2 and 7 show every output, so the loss terms and predictions can be checked")
    func fourClassTables() throws {
        let trace = try Self.trace("h3-softmax4-frozen")
        let outputs = trace.samples[1].a.last!
        for notation in Self.notations {
            for step in [Step.classes, .cost] {
                let text = TextRenderer(width: 80).render(Narrator(trace: trace, notation: notation).section(step))
                #expect(!text.contains("⋯"), "\(notation) step \(step.number)")
                // Sample 2's outputs, all four, e.g. a₂ = 0.1838 whose −log is its loss term.
                for value in outputs { #expect(text.contains(String(format: "%.4f", value)), "\(notation) step \(step.number): \(value)") }
            }
        }
    }

    @Test("C8: ∇ is not used for the gradient with respect to activations where Ng's notation uses it for one sample's gradient")
    func nablaMeansOneThing() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        for step in Step.allCases {
            let text = Self.text(trace, step, .ng)
            #expect(!text.contains("∇ₐC = "), "step \(step.number)")
        }
    }

    @Test("F1: Mazur's own one-sample example keeps his E_total for both")
    func mazurKeepsETotal() throws {
        let narrator = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .mazur)
        #expect(Self.render(narrator.notation.cost) == "Eₜₒₜₐₗ")
        #expect(Self.render(narrator.notation.sampleCost) == "Eₜₒₜₐₗ")
    }

    // MARK: F2, F4: the sensitivity probe away from a ReLU kink

    @Test("F2/F4: step 11 probes a unit whose z is more than ε from a kink, and its slope is the δ it names",
          arguments: ["at-kink", "near-kink"])
    func probeAwayFromKink(name: String) throws {
        let trace = try Self.trace(name)
        let probe = try #require(trace.sensitivityProbe(forSample: 0))
        let z = trace.samples[0].z[probe.layer - 2][probe.unit]
        #expect(abs(z) > probe.epsilon, "probed z = \(z)")
        let delta = trace.samples[0].delta[probe.layer - 2][probe.unit]
        #expect(abs(probe.slope - delta) < 1e-6, "slope \(probe.slope) vs δ \(delta)")
        let slope = Self.render(.number(probe.slope))
        for notation in Self.notations {
            let text = Self.text(trace, .hiddenError, notation)
            #expect(text.contains("= \(slope) from above"), "\(name) \(notation): \(text)")
        }
    }

    // MARK: F3, F4: the gradient check's count and the kink explanation

    @Test("F3: step 14 and trace say how many weights the relative difference covers, and mark the rows left out")
    func kinkCount() throws {
        let trace = try Self.trace("at-kink")
        let kinks = try #require(trace.gradientCheck?.kinkEntries)
        #expect(kinks.count == 3)
        for notation in Self.notations {
            let text = Self.text(trace, .gradientCheck, notation)
            #expect(!text.contains("all 9"), "\(notation)")
            #expect(text.contains("6 of 9"), "\(notation): \(text)")
            #expect(text.contains("3 at a ReLU kink left out"), "\(notation)")
            let narrator = Narrator(trace: trace, notation: notation)
            for entry in kinks {
                let name = Self.render(narrator.notation.weightEntry(layer: entry.layer + 1, i: entry.row + 1, j: entry.column))
                #expect(text.contains(name + " (left out)"), "\(notation): \(name)")
            }
        }
        let traceText = Self.flat(TraceTextRenderer.render(trace))
        #expect(traceText.contains("6 of 9 parameters; 3 at a ReLU kink left out"), "\(traceText)")
    }

    @Test("F4: near a kink (z = 3e-5) step 14 says the central difference mixes the two slopes, not that backprop used 0")
    func nearKinkWords() throws {
        let trace = try Self.trace("near-kink")
        for notation in Self.notations {
            let text = Self.text(trace, .gradientCheck, notation)
            #expect(!text.contains("backprop uses the slope 0 that ReLU has at z = 0"), "\(notation)")
            #expect(!text.contains("averages the slopes"), "\(notation)")
            #expect(text.contains("mixes the slopes"), "\(notation): \(text)")
        }
    }

    // MARK: M1: the roundoff floor

    @Test("M1: saturated units: gradients below what central differences resolve make the check inconclusive, not failed")
    func roundoffFloor() throws {
        let trace = try Self.trace("saturate")
        let check = try #require(trace.gradientCheck)
        #expect(check.relativeDifference > GradientCheck.passingBar)
        #expect(check.isInconclusive)
        for notation in Self.notations {
            let text = Self.text(trace, .gradientCheck, notation)
            #expect(!text.contains("disagree"), "\(notation)")
            #expect(text.contains("inconclusive"), "\(notation): \(text)")
        }
        let ok = try #require(try Self.trace("h3-relu-linear-2out").gradientCheck)
        #expect(!ok.isInconclusive)
    }

    @Test("M1: the roundoff floor does not hide a wrong gradient")
    func roundoffFloorCatchesMistakes() throws {
        let lesson = try LessonFixtures.reviewLesson("saturate")
        let network = lesson.network
        let inputs = lesson.inputs
        let targets = lesson.targets
        let pass = network.backward(network.forward(inputs: inputs, targets: targets), targets: targets)
        var wrong = network.averagedGradients(
            network.accumulatedGradients(of: pass), sampleCount: lesson.samples.count, lambda: lesson.lambda)
        wrong[1][0, 1] *= 1.5
        let check = GradientCheck.run(
            network: network, inputs: inputs, targets: targets, lambda: lesson.lambda, gradients: wrong)
        #expect(!check.isInconclusive)
        #expect(!GradientCheck.passes(relativeDifference: check.relativeDifference))
    }

    // MARK: F5, F6, K10: the 15 Steps' step 12 lead-in and step 13 column

    static let noHiddenCrossEntropy = """
        {"title": "no hidden, cross-entropy", "layers": [3, 2], "activation": "sigmoid", "loss": "cross-entropy",
         "weights": [[[0.1, 0.4, -0.3, 0.2], [-0.2, 0.1, 0.5, -0.4]]],
         "samples": [{"x": [1.0, 0.5, -1.0], "y": [1, 0]}, {"x": [-0.5, 1.0, 0.5], "y": [0, 1]}],
         "learningRate": 0.5, "lambda": 0, "epochs": 5}
        """

    @Test("F5/K10: step 12's lead-in says no activation slope with cross-entropy, and no 'layer by layer' without hidden layer")
    func tullekenStep12LeadIn() throws {
        let trace = Tracer.trace(try Lesson.decode(Self.noHiddenCrossEntropy, file: "ce.json"))
        for notation in Self.notations {
            let text = Self.text(trace, .backpropagation, notation)
            #expect(!text.contains("with the activation's slope"), "\(notation)")
            #expect(!text.contains("layer by layer"), "\(notation)")
        }
        let linear = try Self.trace("h3-single-layer-linear")
        for notation in Self.notations {
            #expect(!Self.text(linear, .backpropagation, notation).contains("layer by layer"), "\(notation)")
        }
    }

    @Test("F6: the 15 Steps' step 13 column holds ΔW and says so", arguments: round3)
    func tullekenColumnHeader(name: String) throws {
        let trace = try Self.trace(name)
        let text = Self.text(trace, .accumulation, .tulleken)
        #expect(!text.contains("sample its own gradient"))
        if trace.m > 1 { #expect(text.contains("(−gradient)"), "\(text)") }
    }

    // MARK: F7: frozen biases in trace --format text

    @Test("F7: trace --format text does not label a frozen-bias update Θ − αD", arguments: ["h3-softmax4-frozen"])
    func frozenTraceLabel(name: String) throws {
        let text = Self.flat(TraceTextRenderer.render(try Self.trace(name)))
        #expect(!text.contains("Θ⁽¹⁾ − αD⁽¹⁾"))
        #expect(text.contains("bias column frozen"))
    }

    // MARK: F8: one sample, no λ

    @Test("F8: with one sample and λ = 0 the per-sample gradients are the cost's gradient")
    func oneSampleIsTheCost() throws {
        let trace = try Self.trace("h3-single-layer-linear")
        for notation in Self.notations {
            for step in [Step.chainRule, .backpropagation] {
                let text = Self.text(trace, step, notation)
                #expect(!text.contains("not of the cost"), "\(notation) step \(step.number)")
            }
            // The 15 Steps' ΔW is minus the gradient, and says so here too.
            let expected = notation == .tulleken ? "already minus the cost's gradient" : "already the cost's gradient"
            #expect(Self.text(trace, .backpropagation, notation).contains(expected), "\(notation)")
        }
        let many = try Self.trace("h3-relu-linear-2out")
        for notation in Self.notations {
            #expect(Self.text(many, .backpropagation, notation).contains("not of the cost"), "\(notation)")
        }
    }

    // MARK: M6, M7

    @Test("M6: Ng's convention calls 'output minus target' a sign convention, not every δ's value")
    func ngHeader() throws {
        let narrator = Narrator(trace: try Self.trace("h3-relu-linear-2out"), notation: .ng)
        let text = Self.flat(TextRenderer().render(narrator.narrative()))
        #expect(!text.contains("∂J⁽ⁱ⁾/∂z⁽ˡ⁾ (output minus target)"))
        #expect(text.contains("sign convention"))
    }

    @Test("M7: step 8 does not say backprop reproduces an approximation exactly", arguments: round3)
    func reproducesExactly(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            #expect(!Self.text(trace, .whyDerivatives, notation).contains("reproduces this slope exactly"))
        }
    }

    // MARK: M8: one symbol per activation function

    @Test("M8: two activation functions in one lesson get two symbols", arguments: ["at-kink", "h3-softmax4-frozen"])
    func activationSymbols(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrator = Narrator(trace: trace, notation: notation)
            let symbols = (2...trace.lesson.layers.count).map { Self.render(narrator.activationSymbol(ofLayer: $0)) }
            #expect(Set(symbols).count == symbols.count, "\(notation): \(symbols)")
            let text = Self.text(trace, .activation, notation)
            for symbol in symbols { #expect(text.contains(symbol + "(z"), "\(notation): \(symbol)") }
        }
    }

    // MARK: M9: the masked matrix is named

    @Test("M9: D's formula names the matrix whose bias column is zeroed", arguments: ["h3-deep-tanh-sigmoid-ce"])
    func maskedTheta(name: String) throws {
        let trace = try Self.trace(name)
        for notation in [NotationName.ng, .tulleken] {
            let text = Self.text(trace, .accumulation, notation)
            #expect(text.contains("λ term: bias \(notation == .ng ? "column" : "row") set to 0"), "\(notation): \(text)")
        }
    }

    @Test("M9: a frozen-bias update names the gradient whose bias entries are zeroed")
    func maskedFrozenGradient() throws {
        let trace = try Self.trace("h3-softmax4-frozen")
        for notation in [NotationName.ng, .tulleken] {
            for step in [Step.backpropagation, .gradientDescent] {
                let text = Self.text(trace, step, notation)
                #expect(text.contains("frozen biases: bias \(notation == .ng ? "column" : "row") set to 0"), "\(notation) \(step.number)")
            }
        }
    }

    // MARK: N8, F25, C4: Mazur's biases named per unit

    @Test("N8: Mazur's step 14 rows have one name each", arguments: round3)
    func mazurBiasNames(name: String) throws {
        let trace = try Self.trace(name)
        let narrator = Narrator(trace: trace, notation: .mazur)
        var names: [String] = []
        for (l, theta) in trace.weights.enumerated() {
            for i in 0..<theta.rows {
                for j in 0..<theta.columns {
                    names.append(Self.render(narrator.notation.weightEntry(layer: l + 1, i: i + 1, j: j)))
                }
            }
        }
        #expect(Set(names).count == names.count, "\(names)")
    }

    // MARK: C5: multi-digit subscripts

    @Test("C5: a two-digit index is set off by a comma")
    func multiDigitSubscripts() {
        let ng = NgNotation(layerSizes: [12, 11, 2])
        #expect(Self.render(ng.weightEntry(layer: 1, i: 11, j: 0)) == "Θ⁽¹⁾₁₁,₀")
        #expect(Self.render(ng.weightEntry(layer: 1, i: 1, j: 10)) == "Θ⁽¹⁾₁,₁₀")
        #expect(Self.render(ng.weightEntry(layer: 1, i: 1, j: 2)) == "Θ⁽¹⁾₁₂")
        let nielsen = NielsenNotation(layerSizes: [12, 11, 2])
        #expect(Self.render(nielsen.weightEntry(layer: 1, i: 11, j: 1)).contains(","))
    }

    // MARK: C2, C6–C10, K3, K7–K9: smaller words

    @Test("C2, C6–C10, K3, K7–K9: headers, symbol table, step 9's sign, counts, letters, one-line costs, bias last")
    func smallerWords() throws {
        let trace = try Self.trace("h3-relu-linear-2out")
        // C2: Nielsen's wˡ is Θ⁽ˡ⁻¹⁾ without column 0, bˡ that column.
        #expect(Self.text(trace, .network, .nielsen).contains("wˡ is Ng's Θ⁽ˡ⁻¹⁾ without its column 0, bˡ is that column"))
        // C6: the 15 Steps' update in their own row form.
        let sheet = Self.text(trace, .network, .ng)
        #expect(sheet.contains("η·[x, 1]ᵀ ⊗ delta") && !sheet.contains("η·delta·xᵀ"))
        // C7: the first factor is minus the 15 Steps' delta, not delta.
        #expect(Self.text(trace, .chainRule, .tulleken).contains("minus the 15 Steps' delta[0]"))
        // C8 and K9: step 1 lists the per-sample loss and gradient; Θ⁽¹⁾[1; a] with the bias unit.
        #expect(sheet.contains("∇⁽¹⁾ one sample's gradient") && sheet.contains("J⁽ⁱ⁾ the loss of one sample"))
        #expect(sheet.contains("Θ⁽¹⁾[1; a]"))
        #expect(Self.text(trace, .network, .tulleken).contains("ΔW⁽¹⁾ one sample's ΔW"))
        // C9: biases counted as biases where they are a vector of their own.
        #expect(Self.text(trace, .gradientCheck, .nielsen).contains("all 17 weights and biases"))
        // C10: one letter for the column, the notation's own for the sample count.
        #expect(Self.text(trace, .cost, .ng).contains("column c = 0"))
        let nielsen = Self.flat(TextRenderer().render(Narrator(trace: trace, notation: .nielsen).narrative()))
        #expect(nielsen.contains("n = 3 training samples"))
        // K3: the costs before and after one step on one line.
        #expect(Self.text(trace, .gradientDescent, .ng).contains(", after = "))
        // K7: the 15 Steps' sum puts the bias term last, as [x, 1] does.
        #expect(Self.text(trace, .feedforward, .tulleken).contains("x[1] + W⁽¹⁾[2,0] · 1"))
        // K8: one sample is "the one sample"; a suggested rate is written as the lesson's.
        let one = try Self.trace("h3-single-layer-linear")
        #expect(Self.text(one, .whyDerivatives, .ng).contains("over the one sample"))
        #expect(Self.text(one, .gradientDescent, .tulleken).contains("η = 0.045"))
    }

    // MARK: Classroom F19: the picture says what it shows

    @Test("classroom F19: step 3's picture of a sample names its target class")
    func pictureCaption() throws {
        let trace = Tracer.trace(try Lesson.decode(ImageLessonFixture.json, file: "image.json"))
        for notation in Self.notations {
            let text = Self.text(trace, .data, notation)
            #expect(text.contains("Its target is plus."), "\(notation)")
        }
        let second = Narrator(trace: trace, notation: .ng, sampleIndex: 1)
        #expect(Self.flat(TextRenderer().render(second.section(.data))).contains("Its target is cross."))
    }

    // MARK: Classroom F2, F6, N9: notes once; tool jargon out of the lesson text

    @Test("classroom F2: the notation's conventions open step 1 only", arguments: round3)
    func conventionOnce(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            let withConvention = narrative.sections.filter { section in
                section.blocks.contains { if case .convention = $0 { return true } else { return false } }
            }
            #expect(withConvention.map(\.number) == [1], "\(notation)")
        }
    }

    @Test("N9: no tool jargon in the lesson text", arguments: round3 + ["at-kink"])
    func noJargon(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let text = Self.flat(TextRenderer().render(Narrator(trace: trace, notation: notation).narrative()))
            for jargon in ["The engine", "the engine", "trace --format", "backprop-tutor ", "(both values are in the trace)"] {
                #expect(!text.contains(jargon), "\(name) \(notation): \(jargon)")
            }
        }
    }

    // MARK: Classroom F3, F5: order

    /// Whether `math` is or contains `part`.
    static func contains(_ math: Math, _ part: Math) -> Bool {
        math == part || math.children.contains { contains($0, part) }
    }

    @Test("classroom F3: step 9 substitutes no number into an equation that uses δ before step 10 derives it", arguments: round3)
    func nothingBeforeDerived(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrator = Narrator(trace: trace, notation: notation)
            let deltaSymbol = narrator.notation.unit(.delta, layer: trace.lesson.layers.count, 1)
            for block in narrator.section(.chainRule).blocks {
                guard case .equation(let equation) = block,
                    equation.steps.contains(where: { Self.contains($0.expression, deltaSymbol) })
                else { continue }
                #expect(!equation.roles.contains(.substituted), "\(name) \(notation)")
                #expect(!equation.roles.contains(.result), "\(name) \(notation)")
            }
        }
    }

    @Test("classroom F5: step 12 recaps steps 10–11 in one line, not their equations", arguments: round3)
    func step12Recap(name: String) throws {
        let trace = try Self.trace(name)
        for notation in Self.notations {
            let narrator = Narrator(trace: trace, notation: notation)
            // The 15 Steps' own step 12 (no hidden layer, their notation) is where the tutorial
            // computes error_vector and delta: it keeps them.
            if trace.lesson.layers.count == 2, narrator.notation.sourceStepName(.backpropagation) != nil { continue }
            let blocks = narrator.section(.backpropagation).blocks
            let deltaEquations = blocks.filter { block in
                guard case .equation(let equation) = block else { return false }
                return (2...trace.lesson.layers.count).contains { narrator.notation.delta($0) == equation.lhs }
            }
            #expect(deltaEquations.isEmpty, "\(name) \(notation)")
        }
    }
}
