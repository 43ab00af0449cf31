import BackpropCore

/// Matt Mazur's "A Step by Step Backpropagation Example": units named by layer — inputs i₁, i₂,
/// hidden units h₁, h₂, outputs o₁, o₂ — with net (weighted input) and out (activation) per
/// unit: net_h1, out_h1, net_o1, out_o1; weights w₁, w₂, … numbered across the network and biases
/// b₁, b₂ one per layer; E_total = Σ ½(target − out)²; δ_o1 = ∂E_total/∂net_o1 (Ng's sign);
/// w⁺ = w − η ∂E_total/∂w.
///
/// Numbering rule (Mazur's, extended to any network): weights are numbered layer by layer from
/// the input, and within a layer by the unit they lead into, then by the unit they come from,
/// so Θ⁽ˡ⁾ᵢⱼ (j ≥ 1) is w with number (weights of earlier layers) + (i − 1)·sₗ + j; in the 2-2-2
/// network w₁ = i₁→h₁, w₂ = i₂→h₁, w₃ = i₁→h₂, …, w₅ = h₁→o₁. The bias weights into layer l + 1 are
/// b with number l (b₁ into the hidden layer, b₂ into the outputs). With several hidden layers
/// the later ones are tagged h′, h″, h‴ (then h(4), h(5), …). For the matrix form, W_h collects
/// the weights into layer h, one row per unit it leads into.
public struct MazurNotation: Notation {
    public static let name = NotationName.mazur
    public static let source = "Mazur's A Step by Step Backpropagation Example"

    public let layerSizes: [Int]
    /// Whether the cost is one sample's loss (one sample, λ = 0: Mazur's own example), so that
    /// E_total names both; otherwise the averaged cost is E and E_total stays one sample's.
    public var costIsOneSampleLoss: Bool
    public init(layerSizes: [Int]) {
        self.layerSizes = layerSizes
        self.costIsOneSampleLoss = true
    }

    /// E_total for one sample's error; E for the cost when it averages several samples or adds
    /// regularisation (the round-3 review's F1: one symbol cannot take both values).
    public func fitted(sampleCount: Int, lambda: Double) -> any Notation {
        var fitted = self
        fitted.costIsOneSampleLoss = sampleCount == 1 && lambda == 0
        return fitted
    }

    public var vectorsAreRows: Bool { false }
    public var biasLayout: BiasLayout { .separateVector }
    public var deltaSign: DeltaSign { .lossGradient }
    public var squaredErrorDifference: SquaredErrorDifference { .targetMinusOutput }

    /// The tag of Ng layer l: i (input), h, h′, h″ … (hidden), o (output).
    func tag(_ l: Int) -> String {
        if l == 1 { return "i" }
        if l == layerCount { return "o" }
        let hidden = l - 2
        let primes = ["", "′", "″", "‴"]
        return hidden < primes.count ? "h" + primes[hidden] : "h(\(hidden + 1))"
    }

    /// Mazur names layers by their units' letter: layer i, layer h, layer o.
    public func layerLabel(_ l: Int) -> String { tag(l) }

    /// A layer's tag as math, or the general l for rules stated for every layer.
    private func tag(_ l: LayerIndex) -> Math {
        switch l {
        case .number(let n): return .text(tag(n))
        case .general: return .superscripted(.identifier("h"), .parenthesized(l.math))
        }
    }

    /// name_tag, e.g. net_h, out_o, δ_o.
    private func named(_ base: String, _ l: LayerIndex) -> Math { .subscripted(.identifier(base), tag(l)) }

    public func weights(_ l: LayerIndex) -> Math { named("W", l.shifted(by: 1)) }
    public func bias(_ l: LayerIndex) -> Math {
        switch l {
        case .number(let n): return .subscripted(.identifier("b"), .integer(n))
        case .general: return .subscripted(.identifier("b"), l.math)
        }
    }

    public func activation(_ l: LayerIndex) -> Math { l == .number(1) ? .identifier("i") : named("out", l) }
    public func weightedInput(_ l: LayerIndex) -> Math { named("net", l) }
    public func delta(_ l: LayerIndex) -> Math { named("δ", l) }

    /// Unit i of a layer: i₁ for inputs, out_h1, net_o2, δ_o1, target_o1.
    public func unit(_ quantity: LayerQuantity, layer l: Int, _ i: UnitIndex) -> Math {
        let number: String
        switch i {
        case .number(let n): number = String(n)
        case .symbol(let s): number = s
        }
        let unitName = Math.text(tag(l) + number)
        switch quantity {
        case .activation:
            return l == 1 ? .subscripted(.identifier("i"), .text(number)) : .subscripted(.identifier("out"), unitName)
        case .weightedInput: return .subscripted(.identifier("net"), unitName)
        case .delta: return .subscripted(.identifier("δ"), unitName)
        case .target: return .subscripted(.identifier("target"), unitName)
        }
    }

    /// The number Mazur's rule gives Θ⁽ˡ⁾ᵢⱼ (i and j 1-based, j ≥ 1).
    public func weightNumber(layer l: Int, i: Int, j: Int) -> Int {
        // One numbering for the notation and for lesson files' "mazurWeights".
        WeightLayout.mazurWeightNumber(layerSizes: layerSizes, layer: l, i: i, j: j)
    }

    public func weightEntry(layer l: Int, i: UnitIndex, j: Int) -> Math {
        if j == 0 {
            // One bias per unit (Mazur shares one per layer; the tool keeps a copy per unit), so
            // each is named by the unit it leads into, as net and out are: b_h1, b_o2.
            guard case .number(let i) = i else { return bias(l) }
            return .subscripted(.identifier("b"), .text(tag(l + 1) + String(i)))
        }
        switch i {
        case .number(let i): return .subscripted(.identifier("w"), .integer(weightNumber(layer: l, i: i, j: j)))
        case .symbol(let s):
            // No single number names a whole row: write W_o[i, j] instead.
            return .row([weights(l), .bracketed(.row([.identifier(s), .op(.comma), .integer(j)]))])
        }
    }

    public func accumulator(_ l: Int) -> Math { .row([.identifier("Σ"), sampleGradient(l)]) }
    public func gradient(_ l: Int) -> Math { .partial(cost, weights(l)) }
    public func sampleGradient(_ l: Int) -> Math { .partial(sampleCost, weights(l)) }
    /// E_total when the cost is one sample's loss (Mazur's example), else E.
    public var cost: Math { costIsOneSampleLoss ? sampleCost : .identifier("E") }
    /// Mazur's E_total is the error of his one training sample, summed over the outputs: the
    /// per-sample loss.
    public var sampleCost: Math { .subscripted(.identifier("E"), .text("total")) }
    public var activationFunction: Math { .identifier("f") }
    public var activationDerivative: Math { .prime(activationFunction) }
    /// f_h, f_o: the layer's tag, as in net_h and out_o.
    public func activationFunction(layer l: Int) -> Math { .subscripted(activationFunction, .text(tag(l))) }
    public var learningRate: Math { .identifier("η") }
    public var input: Math { .identifier("i") }
    public var target: Math { .identifier("target") }
    public var weightLetter: String { "w" }

    public func convention(roundingNote: String) -> [Inline] {
        [
            .text(
                "Mazur — inputs i₁ i₂ …, " + (layerSizes.count > 2 ? "hidden units h₁ h₂ …, " : "")
                    + (layerSizes.count > 3 ? "a second hidden layer h′, a third h″, …, " : "")
                    + "outputs o₁ o₂ …; net is a unit's weighted input, out its activation; "
            ),
            .text(
                "weights w₁, w₂, … are numbered layer by layer, by the unit they lead into, then the unit they come from (w₁: i₁→\(firstFed)₁, w₂: i₂→\(firstFed)₁, w\(Script.subscript(String((layerSizes.first ?? 2) + 1))): i₁→\(firstFed)₂); "
            ),
            .text(
                (layerSizes.count > 2 ? "b₁, b₂ are the bias vectors into each layer" : "b₁ is the bias vector into the outputs")
                    + ", one entry per unit: b" + Script.subscript(firstFed + "1") + " leads into " + firstFed + "₁; "),
            .math(
                .binary(
                    named("δ", .number(layerCount)), .equals, .partial(sampleCost, named("net", .number(layerCount))))),
            .text(" for one sample (Mazur's "), .math(sampleCost),
            .text(
                " is the error of one sample, summed over the outputs"
                    + (costIsOneSampleLoss ? "; with one sample it is also the cost" : "; the cost E averages it over the samples")
                    + "), the same sign as Ng's δ. " + roundingNote),
        ]
    }

    public var weightsMeaning: String {
        (layerSizes.count > 2 ? "the weights into the first hidden layer" : "the weights into the outputs")
            + ", one row per unit they lead into: " + rowOfWeights(1) + " in row 1"
            + (layerSizes.count > 1 && layerSizes[1] > 1 ? ", " + rowOfWeights(2) + " in row 2, …" : "")
    }

    /// The numbered weights of row `r` of the first matrix: "w₁ w₂", or "w₁ … w₄" for longer rows.
    private func rowOfWeights(_ r: Int) -> String {
        let inputs = layerSizes.first ?? 1
        let first = (r - 1) * inputs + 1
        let last = r * inputs
        func w(_ n: Int) -> String { "w" + Script.subscript(String(n)) }
        switch inputs {
        case 1: return w(first)
        case 2: return w(first) + " " + w(last)
        default: return w(first) + " … " + w(last)
        }
    }

    /// The units the first weights lead into: hidden units h, or the outputs o when the
    /// network has no hidden layer.
    private var firstFed: String { layerSizes.count > 2 ? "h" : "o" }

    /// Mazur's picture of the update, weight by weight under his names (step 12): one update
    /// worked in full, then a table per layer (weight, old value, ∂E_total/∂w, new value), so a
    /// slide deck gives it a frame or two, not one line per weight.
    public func remarks(for step: Step, context: RemarkContext) -> [Block] {
        switch step {
        case .backpropagation: return weightUpdates(context)
        default: return []
        }
    }

    /// The most weights listed one by one in step 12 (whole layers, from the output back).
    static let largestWeightList = 10

    /// w⁺ = w − η ∂E_total/∂w = numbers = w⁺ for the first weight into the outputs, then every
    /// listed weight's old value, gradient and new value in a table per layer, outputs first.
    func weightUpdates(_ context: RemarkContext) -> [Block] {
        let sample = context.sample
        let thetas = context.weights
        // Whole layers from the output back, up to `largestWeightList` weights (a part of the
        // output layer when it alone has more).
        var entries: [(l: Int, i: Int, j: Int)] = []
        var shown: [(l: Int, i: Int, j: Int)] = []
        for l in stride(from: thetas.count, through: 1, by: -1) {
            let theta = thetas[l - 1]
            var layer: [(l: Int, i: Int, j: Int)] = []
            for i in 1...theta.rows {
                for j in 1..<theta.columns { layer.append((l, i, j)) }
            }
            if shown.count == entries.count, shown.count + layer.count <= Self.largestWeightList || shown.isEmpty {
                shown += layer.prefix(Self.largestWeightList)
            }
            entries += layer
        }
        // Worked in full: the weight `--weight` chose, else the first weight into the outputs,
        // w₅ in Mazur's 2-2-2 network, the one his article updates first.
        guard var first = shown.first else { return [] }
        if let chosen = context.chosenWeight, chosen.column >= 1, (1...thetas.count).contains(chosen.layer),
            chosen.row <= thetas[chosen.layer - 1].rows, chosen.column < thetas[chosen.layer - 1].columns
        {
            first = (chosen.layer, chosen.row, chosen.column)
        }
        func values(_ entry: (l: Int, i: Int, j: Int)) -> (before: Double, gradient: Double, after: Double) {
            (
                thetas[entry.l - 1][entry.i - 1, entry.j], sample.gradient[entry.l - 1][entry.i - 1, entry.j],
                sample.stepWeights[entry.l - 1][entry.i - 1, entry.j]
            )
        }
        let rate = Math.number(context.learningRate, .roundTrip)
        let w = weightEntry(layer: first.l, i: .number(first.i), j: first.j)
        let worked = values(first)
        var blocks: [Block] = [
            .paragraph([
                .text("Weight by weight, as Mazur writes the update (w⁺ is the new value of w), for "), .math(w),
                .text(":"),
            ]),
            .equation(
                Equation(
                    .superscripted(w, .text("+")),
                    equals: [
                        .subtract(w, .times(learningRate, .partial(sampleCost, w))),
                        .subtract(.number(worked.before, context.weightStyle), .times(rate, .number(worked.gradient))),
                        .number(worked.after),
                    ])),
        ]
        // Output layer first, as the backward pass and Mazur's article go.
        for l in stride(from: thetas.count, through: 1, by: -1) {
            let layer = shown.filter { $0.l == l }
            guard !layer.isEmpty else { continue }
            blocks.append(
                .paragraph([
                    .text(
                        layer.count < thetas[l - 1].rows * (thetas[l - 1].columns - 1)
                            ? "The same for the first \(layer.count) weights of " : "The same for each weight of "),
                    .math(weights(.number(l))), .text(", with "),
                    .math(.binary(learningRate, .equals, rate)), .text(":"),
                ]))
            let rows: [[[Inline]]] = layer.map { entry in
                let value = values(entry)
                return [
                    [.math(weightEntry(layer: l, i: .number(entry.i), j: entry.j))], [.math(.number(value.before, context.weightStyle))],
                    [.math(.number(value.gradient))], [.math(.number(value.after))],
                ]
            }
            blocks.append(
                .table(
                    Table(
                        header: [
                            [.text("weight")], [.text("old w")],
                            [.math(.partial(sampleCost, .identifier("w")))],
                            [.text("new "), .math(.superscripted(.identifier("w"), .text("+")))],
                        ], rows: rows, rightAligned: [false, true, true, true])))
        }
        if entries.count > shown.count {
            blocks.append(
                .paragraph([
                    .text(
                        "(\(shown.count) of the \(entries.count) weights, from the output back; the matrices above hold them all)"
                    )
                ]))
        }
        return blocks
    }
}

extension NotationName {
    /// Mazur's notation.
    public static let mazur = NotationName(rawValue: "mazur")
}
