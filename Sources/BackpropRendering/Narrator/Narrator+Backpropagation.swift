import BackpropCore

/// Step 12: the whole backward pass for one sample, and the per-sample gradients that step 13
/// sums.
extension Narrator {
    /// The per-sample gradient of the weights leaving layer l (Ng's ∇⁽ˡ⁾ = δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ).
    func sampleGradientSymbol(_ l: Int) -> Math { notation.sampleGradient(l) }

    /// One sample's gradient of the weights leaving layer l as a product of symbols:
    /// δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ, δˡ⁺¹(aˡ)ᵀ, or [x, 1]ᵀ ⊗ delta in the 15 Steps' rows.
    func sampleGradientRule(_ l: Int) -> Math {
        switch notation.biasLayout {
        case .firstColumn, .separateVector:
            return .juxtaposed(notation.delta(l + 1), .transpose(activationWithBias(l)))
        case .lastRow:
            return .outer(.transpose(activationWithBias(l)), notation.delta(l + 1))
        }
    }

    /// ∇⁽ˡ⁾ = δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ for one sample, symbolic, substituted and result (and the bias
    /// gradient apart, for notations with separate bias vectors).
    func sampleGradientEquations(l: Int, sample: Trace.SampleTrace) -> [Block] {
        let a = sample.a[l - 1]
        let delta = sample.delta[l - 1]
        let gradient = sample.gradient[l - 1]
        let symbol = sampleGradientSymbol(l)
        switch notation.biasLayout {
        case .firstColumn:
            return [
                .equation(
                    Equation(
                        symbol,
                        equals: [
                            sampleGradientRule(l), .juxtaposed(vector(delta), rowVector([1] + a)), matrix(gradient),
                        ]))
            ]
        case .separateVector:
            return [
                .equation(
                    Equation(
                        symbol,
                        [
                            .init(.equals, sampleGradientRule(l), comment: notation.ruleLabel(.weightGradient)),
                            .init(.equals, .juxtaposed(vector(delta), rowVector(a))),
                            .init(.equals, matrix(shaped(gradient))),
                        ])),
                .equation(
                    Equation(
                        .partial(notation.sampleCost, notation.bias(l)),
                        [
                            .init(.equals, notation.delta(l + 1), comment: notation.ruleLabel(.biasGradient)),
                            .init(.equals, vector(gradient.column(0))),
                        ])),
            ]
        case .lastRow:
            return [
                .equation(
                    Equation(
                        symbol,
                        [
                            .init(.equals, sampleGradientRule(l)),
                            .init(
                                .equals,
                                .outer(
                                    Self.abbreviated((a.map { Math.number($0) } + [Math.integer(1)]).map { [$0] }),
                                    deltaValue(delta))),
                            .init(
                                .equals, gradientValue(gradient),
                                comment: "= −∂" + plainName(notation.cost) + "/∂" + plainName(notation.weights(l))),
                        ]))
            ]
        }
    }

    func stepBackpropagation() -> [Block] {
        let L = layerCount
        var blocks: [Block] = []
        if L == 2, let name = notation.sourceStepName(.backpropagation) {
            blocks.append(
                .paragraph([
                    .t(
                        "This is \(name) for sample \(sampleNumber): compare the output with the target, turn the error into a delta with the activation's slope, and update the weights at once."
                    )
                ]))
            blocks += stepOutputErrorEquations()
        } else {
            blocks.append(
                .paragraph([
                    .t(
                        "The whole backward pass for sample \(sampleNumber): start with the output error, pass it back layer by layer, then turn every δ into the gradients of the weights that feed its layer."
                    )
                ]))
            blocks += stepOutputErrorEquations()
            for l in stride(from: L - 1, through: 2, by: -1) {
                var equation = hiddenDeltaSymbolic(l: l)
                equation.steps += hiddenDeltaNumbers(l: l).map { Equation.Step(.equals, $0) }
                blocks.append(.equation(equation))
            }
        }
        blocks.append(
            .paragraph([
                .t(
                    "The gradient of each weight matrix is the outer product of the error at its head with the activations (and bias unit 1) at its tail:"
                )
            ]))
        for l in stride(from: L - 1, through: 1, by: -1) {
            blocks += sampleGradientEquations(l: l, sample: sample)
        }
        blocks.append(
            .paragraph([
                .t(
                    trace.lesson.updateBiases
                        ? "The one-sample update (stochastic gradient descent; regularisation enters with D in step 13):"
                        : "The one-sample update (stochastic gradient descent; " + frozenBiasNote + "):"
                )
            ]))
        for l in stride(from: L - 1, through: 1, by: -1) {
            blocks.append(
                updateEquation(
                    l: l, gradient: sample.gradient[l - 1], after: sample.stepWeights[l - 1],
                    gradientSymbol: sampleGradientSymbol(l)))
            if let bias = biasUpdate(
                l: l, before: trace.weights[l - 1], gradient: sample.gradient[l - 1], after: sample.stepWeights[l - 1],
                perSample: true)
            {
                blocks.append(bias)
            }
        }
        if L == 2 {
            blocks.append(
                .why([
                    .t(
                        "No weights appear in this delta because the network has no hidden layer: only the output layer's start condition, δᴸ = f′(zᴸ) ⊙ ∇ₐC, is used. Wikipedia's and Nielsen's δ for hidden layers carry the weights because they pass the error back through them (step 11). And the update adds η·ΔW because delta = (target − output) ⊙ f′ is minus ∂E/∂net."
                    )
                ]))
        } else {
            blocks.append(
                .why([
                    .t(
                        "Backpropagation is the chain rule applied from the output back: each δ reuses the one after it, so every weight's derivative costs one multiplication more than the forward pass. For sample \(sampleNumber) these matrices are exactly ∂loss/∂weights."
                    )
                ]))
        }
        return blocks
    }

    /// The output-layer lines of step 12 (δ⁽ᴸ⁾ or the 15 Steps' error_vector and delta).
    func stepOutputErrorEquations() -> [Block] {
        stepOutputError().filter { if case .equation = $0 { return true } else { return false } }
    }
}
