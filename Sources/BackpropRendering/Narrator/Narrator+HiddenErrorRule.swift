import BackpropCore

/// The hidden-layer error rule δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ g′(z⁽ˡ⁾) in the notation, symbolic and with
/// numbers: shared by step 11 and step 12.
extension Narrator {
    /// The hidden-layer rule with a general layer index l, for networks that have no hidden
    /// layer to show it on.
    var genericHiddenDelta: Equation {
        hiddenDeltaRule(.general(offset: 0))
    }

    /// δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ g′(z⁽ˡ⁾) in the notation, as an equation with one symbolic line.
    func hiddenDeltaSymbolic(l: Int) -> Equation {
        hiddenDeltaRule(.number(l))
    }

    /// The hidden-layer rule for layer `l`: the next layer's error sent back through the
    /// transposed weights (bias weights dropped), times the layer's own slope.
    func hiddenDeltaRule(_ l: LayerIndex) -> Equation {
        let next = l.shifted(by: 1)
        let derivative: MathFunction
        switch l {
        case .number(let n): derivative = derivativeFunction(ofLayer: n)
        // A rule for every layer has no one activation: g′ only prints.
        case .general: derivative = MathFunction(notation.activationDerivative, meaning: nil)
        }
        let g = Math.call(derivative, [notation.weightedInput(l)])
        let backwards =
            notation.vectorsAreRows
            ? product(notation.delta(next), .transpose(notation.weights(l)))
            : product(.transpose(notation.weights(l)), notation.delta(next))
        return Equation(
            notation.delta(l),
            [.init(.equals, .hadamard(backwards, g), comment: hiddenRuleComment)])
    }

    /// The comment beside the hidden-layer rule: the notation's name for it, or which bias
    /// weights the rule leaves out.
    var hiddenRuleComment: String? {
        if let label = notation.ruleLabel(.hiddenError) { return label }
        switch notation.biasLayout {
        case .firstColumn: return "bias column dropped"
        case .lastRow: return "bias row dropped"
        case .separateVector: return nil
        }
    }

    /// The numeric lines of the hidden δ: weights and next δ substituted, then the product, then δ.
    func hiddenDeltaNumbers(l: Int) -> [Math] {
        let theta = Self.withoutBiasColumn(trace.weights[l - 1])
        let slopes = vector(sample.activationDerivative[l - 2])
        let next = deltaValue(sample.delta[l - 1])
        let propagated = sample.propagatedError[l - 2]
        let backwards =
            notation.vectorsAreRows ? product(next, matrix(theta)) : product(matrix(theta.transposed), next)
        return [
            // (Θᵀδ) ⊙ g′ with the numbers: the product is grouped as in the symbolic line.
            .hadamard(backwards, slopes),
            .hadamard(vector(propagated.map(signed)), slopes),
            deltaValue(sample.delta[l - 2]),
        ]
    }
}
