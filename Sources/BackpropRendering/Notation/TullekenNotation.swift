/// Herman Tulleken's "15 Steps to Implement a Neural Net": row vectors, net = [x, 1]·W with
/// W = Θᵀ and the bias weights in its last row, error_vector = target − output and
/// delta = error_vector ⊙ activation_diff(net) = −δ, so updates add: W := W + η[x, 1]ᵀ ⊗ delta.
/// Unit and weight indices are 0-based, as in the tutorial's code.
public struct TullekenNotation: Notation {
    public static let name = NotationName.tulleken
    public static let source = "Tulleken's 15 Steps to Implement a Neural Net"

    public let layerSizes: [Int]
    public init(layerSizes: [Int]) { self.layerSizes = layerSizes }

    public var vectorsAreRows: Bool { true }
    public var biasLayout: BiasLayout { .lastRow }
    public var deltaSign: DeltaSign { .negatedLossGradient }
    public var squaredErrorDifference: SquaredErrorDifference { .targetMinusOutput }
    public var maximumExplicitTerms: Int { 2 }

    /// The 15 Steps have one layer of weights and write no layer index; deeper networks get Ng's.
    private func indexed(_ base: String, _ l: LayerIndex) -> Math {
        if isSingleLayer, case .number = l { return .identifier(base) }
        return .superscripted(.identifier(base), .parenthesized(l.math))
    }

    public func weights(_ l: LayerIndex) -> Math { indexed("W", l) }
    public func bias(_ l: LayerIndex) -> Math { Math.text("bias row of ").appending(weights(l)) }

    public func activation(_ l: LayerIndex) -> Math {
        if l == .number(1) { return .identifier("x") }
        if l == .number(layerCount) { return .identifier("output") }
        return indexed("output", l)
    }

    public func weightedInput(_ l: LayerIndex) -> Math {
        l == .number(layerCount) ? .identifier("net") : indexed("net", l)
    }

    public func delta(_ l: LayerIndex) -> Math {
        l == .number(layerCount) ? .identifier("delta") : indexed("delta", l)
    }

    /// Unit i as the tutorial's code indexes it: symbol[i − 1].
    public func unit(_ quantity: LayerQuantity, layer l: Int, _ i: UnitIndex) -> Math {
        let symbol = self.symbol(quantity, layer: l)
        switch i {
        case .number(let n): return .row([symbol, .bracketed(.integer(n - 1))])
        case .symbol(let s): return .row([symbol, .bracketed(.identifier(s))])
        }
    }

    /// W[row, column]: row j − 1 for unit j of layer l, the last row (sₗ) for the bias;
    /// column i − 1 for unit i of layer l + 1.
    public func weightEntry(layer l: Int, i: UnitIndex, j: Int) -> Math {
        let row = j == 0 ? layerSizes[l - 1] : j - 1
        switch i {
        case .number(let i): return .row([weights(l), .bracketed(.text("\(row),\(i - 1)"))])
        case .symbol(let s):
            return .row([weights(l), .bracketed(.row([.integer(row), .op(.comma), .identifier(s)]))])
        }
    }

    public func accumulator(_ l: Int) -> Math { .row([.identifier("Σ"), .identifier("ΔW")]) }
    public func gradient(_ l: Int) -> Math { .partial(cost, weights(l)) }

    public func sampleGradient(_ l: Int) -> Math {
        isSingleLayer ? .identifier("ΔW") : .superscripted(.identifier("ΔW"), .parenthesized(.integer(l)))
    }

    public var cost: Math { .identifier("E") }
    /// The error of one sample x, Eₓ: E averages it over the samples.
    public var sampleCost: Math { .subscripted(.identifier("E"), .identifier("x")) }
    public var activationFunction: Math { .identifier("activation") }
    public var activationDerivative: Math { .identifier("activation_diff") }
    public var learningRate: Math { .identifier("η") }
    public var target: Math { .identifier("target") }
    public var weightLetter: String { "W" }

    public func convention(roundingNote: String) -> [Inline] {
        [
            .text("15 Steps — vectors are rows, "),
            .math(.binary(.identifier("W"), .equals, .transpose(.identifier("Θ")))),
            .text(" with the bias weights as its last row, "),
            .math(
                .binary(
                    .identifier("net"), .equals,
                    .row([
                        .bracketed(.row([.identifier("x"), .op(.comma), .integer(1)])), .op(.product), .identifier("W"),
                    ])
                )),
            .text("; its "),
            .math(
                .binary(
                    .identifier("delta"), .equals, .negate(.partial(sampleCost, .identifier("net"))))),
            .text(
                " for one sample x is minus Ng's δ, so the deltas and gradients shown are negated and updates add "),
            .math(.row([.identifier("η"), .op(.product), .identifier("ΔW")])),
            .text(
                ". Indices count from 0, as in the tutorial's code: x[0] is the first input, W[0,0] the weight from it to the first unit. "
                    + roundingNote),
        ]
    }

    public var weightsMeaning: String { "the weights, one column per output unit, the bias weights in the last row" }

    public func remarks(for step: Step, context: RemarkContext) -> [Block] {
        guard step == .gradientDescent else { return [] }
        return [
            .paragraph([
                .text(
                    "(The 15 Steps update after each single random sample instead, W := W + η[x, 1]ᵀ ⊗ delta, step 12; averaged over many steps it follows the same downhill direction.)"
                )
            ])
        ]
    }

    public func sourceStepName(_ step: Step) -> String? {
        step == .backpropagation && isSingleLayer ? "the 15 Steps' step 12" : nil
    }
}

extension NotationName {
    /// The 15 Steps' notation.
    public static let tulleken = NotationName(rawValue: "tulleken")
}
