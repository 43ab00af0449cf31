import BackpropCore

/// Turns a trace into the 15-step lesson, in one notation, as a format-neutral `Narrative`.
///
/// Every number comes from the trace; the narrator only chooses, labels, transposes (Tulleken's
/// W = Θᵀ) or negates (Tulleken's delta = −δ) values, and says so in each step's convention
/// note. Layer numbers inside the narrator are Ng's: l = 1…L.
public struct Narrator: Sendable {
    /// The trace being told.
    public let trace: Trace
    /// The notation it is told in.
    public let notation: any Notation
    /// The sample (0-based) whose forward and backward pass the per-sample steps show.
    public let sampleIndex: Int
    /// Decimals the renderer will print, mentioned once per step.
    public let decimals: Int
    /// The weight steps 9 and 11 derive (`--weight`): one into the output layer (step 9) or
    /// into the last hidden layer (step 11); nil, or a weight of another layer, keeps each
    /// step's default, the weight from unit 1 to unit 1.
    public var chosenWeight: WeightIndex?
    /// The name of the set (`test`, `validation`) when the per-sample steps follow the trace's
    /// held-out sample (`Trace.heldOutSample`, number `sampleIndex + 1` of that set) instead of
    /// a training sample; nil for a training sample.
    public var heldOutSet: String?

    /// A narrator in `notation`; the trace must record sample `sampleIndex` (see
    /// `traceOptions(for:sampleIndex:)`).
    public init(trace: Trace, notation: any Notation, sampleIndex: Int = 0, decimals: Int = 4) {
        self.trace = trace
        self.notation = notation.fitted(sampleCount: trace.m, lambda: trace.lesson.lambda)
        self.sampleIndex = sampleIndex
        self.decimals = decimals
    }

    /// A narrator in the registered notation called `name` (Ng's if no notation has that name;
    /// the command line validates names against `NotationRegistry` before it gets here).
    public init(trace: Trace, notation name: NotationName, sampleIndex: Int = 0, decimals: Int = 4) {
        let notation =
            NotationRegistry.notation(named: name, layerSizes: trace.lesson.layers)
            ?? NgNotation(layerSizes: trace.lesson.layers)
        self.init(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: decimals)
    }

    /// One step of the lesson.
    public func section(_ step: Step) -> Section {
        let blocks: [Block]
        switch step {
        case .network: blocks = stepNetwork()
        case .classes: blocks = stepClasses()
        case .data: blocks = stepData()
        case .activation: blocks = stepActivation()
        case .initialWeights: blocks = stepInitialWeights()
        case .feedforward: blocks = stepFeedforward()
        case .cost: blocks = stepCost()
        case .whyDerivatives: blocks = stepWhyDerivatives()
        case .chainRule: blocks = stepChainRule()
        case .outputError: blocks = stepOutputError()
        case .hiddenError: blocks = stepHiddenError()
        case .backpropagation: blocks = stepBackpropagation()
        case .accumulation: blocks = stepAccumulation()
        case .gradientCheck: blocks = stepGradientCheck()
        case .gradientDescent: blocks = stepGradientDescent()
        }
        return Section(
            number: step.number, title: step.title,
            blocks: annotatingUses(
                (step == .network ? [conventionBlock] : [])
                    + Self.inserting(notationRemarks(for: step), beforeWhyOf: blocks), step: step))
    }

    /// The notation's own blocks for `step`, given the shown sample when the trace records it
    /// (steps that show no sample trace only the samples they need).
    func notationRemarks(for step: Step) -> [Block] {
        guard let sample = chosenSample else { return [] }
        return notation.remarks(
            for: step,
            context: {
                var context = RemarkContext(
                    sample: sample, weights: trace.weights, learningRate: trace.lesson.learningRate,
                    weightStyle: startingWeightStyle)
                context.chosenWeight = chosenWeight
                return context
            }())
    }

    /// The whole lesson (or the chosen steps) as one document, with a preface and the figure;
    /// `includingAlgorithm` ends the preface with the algorithm at a glance (exported documents).
    public func narrative(steps: [Step] = Step.allCases, includingAlgorithm: Bool = false) -> Narrative {
        var preface: [Block] = []
        if let summary = trace.lesson.summary { preface.append(.paragraph([.text(summary)])) }
        preface.append(.paragraph(setupSentence))
        preface.append(.figure(figure(showingValues: true)))
        if includingAlgorithm { preface += algorithmAtAGlance }
        return Narrative(
            title: trace.lesson.title, preface: preface, sections: steps.map(section), notation: notation.name)
    }

    /// A title page that gives nothing away (classroom review F1): the title, summary and
    /// setup, the network with its inputs but no activation or error, and the starting weights
    /// the class needs to begin (step 5's equations).
    public func titlePage() -> Narrative {
        var preface: [Block] = []
        if let summary = trace.lesson.summary { preface.append(.paragraph([.text(summary)])) }
        preface.append(.paragraph(setupSentence))
        preface.append(.figure(figure(showingValues: true).withoutComputedValues))
        preface.append(.paragraph([.text("The starting weights:")]))
        preface += section(.initialWeights).blocks.filter { if case .equation = $0 { true } else { false } }
        return Narrative(title: trace.lesson.title, preface: preface, sections: [], notation: notation.name)
    }

    // MARK: Shared pieces

    /// The record of the sample the per-sample steps follow, when the trace has it: the
    /// held-out sample's with `heldOutSet`, else training sample `sampleIndex`'s.
    var chosenSample: Trace.SampleTrace? {
        heldOutSet == nil ? trace.sample(at: sampleIndex) : trace.heldOutSample
    }

    /// The sample shown by per-sample steps.
    var sample: Trace.SampleTrace {
        guard let sample = chosenSample else {
            preconditionFailure(
                "the trace lacks sample \(sampleNumber); trace with Narrator.traceOptions(for:sampleIndex:)")
        }
        return sample
    }
    /// L.
    var layerCount: Int { trace.lesson.layers.count }
    /// The sample's name after the word "sample": its number from 1, and for a held-out
    /// sample its set (`7 of the test set`).
    var sampleNumber: String {
        heldOutSet.map { "\(sampleIndex + 1) of the \($0) set" } ?? "\(sampleIndex + 1)"
    }

    /// The notation's conventions, which open step 1 only: a learner reads them once, where
    /// the notation is introduced, not above every step (the classroom review's F2).
    var conventionBlock: Block {
        .convention(
            notation.convention(
                roundingNote:
                    NumberFormat(decimals: decimals).ruleSentence + "; every computation keeps full precision."
            ))
    }

    /// `extra` placed before the last "why" block of `blocks` (at the end if there is none).
    static func inserting(_ extra: [Block], beforeWhyOf blocks: [Block]) -> [Block] {
        guard !extra.isEmpty else { return blocks }
        let index = blocks.lastIndex { if case .why = $0 { return true } else { return false } } ?? blocks.endIndex
        var result = blocks
        result.insert(contentsOf: extra, at: index)
        return result
    }

    var setupSentence: [Inline] {
        let info = trace.lesson
        let activations = uniqueActivations.map(\.rawValue).joined(separator: " and ")
        return [
            .text(
                "Layers " + info.layers.map(String.init).joined(separator: "-")
                    + " (input first), \(activations) units, "
                    + "\(info.loss.rawValue) loss, "),
            // The notation's letter for the sample count (Nielsen's n; review C10).
            .math(.binary(notation.sampleCount, .equals, .integer(trace.m))),
            .text(
                " training sample" + (trace.m == 1 ? "" : "s")
                    + ", learning rate "),
            .math(.number(info.learningRate, .roundTrip)), .text(", "),
            .math(.binary(.identifier("λ"), .equals, .number(info.lambda, .roundTrip))),
            .text(info.updateBiases ? "." : ", bias weights frozen (not updated)."),
        ]
    }

    var uniqueActivations: [Activation] {
        var seen: [Activation] = []
        for activation in trace.lesson.activations where !seen.contains(activation) { seen.append(activation) }
        return seen
    }

    /// `text` with its first letter in upper case, for a heading made of a notation's words.
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Whether the lesson's layers use more than one activation function: then each layer's
    /// function gets its own symbol (review M8: σ must not be both ReLU and the sigmoid).
    var mixesActivations: Bool { uniqueActivations.count > 1 }

    /// How the activation function of Ng layer l ≥ 2 is written: the notation's g, σ, f or
    /// activation, tagged with the layer when the lesson mixes functions.
    func activationSymbol(ofLayer l: Int) -> Math {
        mixesActivations ? notation.activationFunction(layer: l) : notation.activationFunction
    }

    /// How the derivative of the activation function of Ng layer l ≥ 2 is written.
    func derivativeSymbol(ofLayer l: Int) -> Math {
        mixesActivations ? notation.activationDerivative(layer: l) : notation.activationDerivative
    }

    /// The Ng layers (2…L) whose activation is `activation`.
    func layers(using activation: Activation) -> [Int] {
        (2...layerCount).filter { self.activation(ofLayer: $0) == activation }
    }

    /// The activation of Ng layer l ≥ 2.
    func activation(ofLayer l: Int) -> Activation { trace.lesson.activations[l - 2] }
}
