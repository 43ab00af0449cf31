import BackpropCore

/// Steps 10 and 11: the output error, and the hidden errors passed back through the weights.
extension Narrator {
    /// ∂loss/∂out for squared error, as the notation writes the difference: (a − y), or
    /// −(target − out) where the notation squares target − output.
    /// A sum or difference is parenthesised by the product or Hadamard product it stands in.
    func outputErrorFactor(output: Math, target: Math) -> Math {
        switch notation.squaredErrorDifference {
        case .outputMinusTarget: return .subtract(output, target)
        case .targetMinusOutput: return .negate(.subtract(target, output))
        }
    }

    func stepOutputError() -> [Block] {
        let L = layerCount
        let loss = trace.lesson.loss
        let a = sample.a[L - 1]
        let delta = sample.delta[L - 2]
        let slopes = sample.activationDerivative[L - 2]
        var blocks: [Block] = []
        switch (notation.deltaSign, loss) {
        case (.negatedLossGradient, _):
            blocks.append(
                .equation(
                    Equation(
                        .identifier("error_vector"),
                        equals: [
                            .subtract(notation.target, notation.activation(L)),
                            .subtract(vector(sample.y), vector(a)),
                            vector(sample.outputError.map { -$0 }),
                        ])))
            if loss == .squaredError {
                blocks.append(
                    .equation(
                        Equation(
                            notation.delta(L),
                            equals: [
                                .hadamard(
                                    .identifier("error_vector"),
                                    .call(derivativeFunction(ofLayer: L), [notation.weightedInput(L)])),
                                .hadamard(vector(sample.outputError.map { -$0 }), vector(slopes)),
                                deltaValue(delta),
                            ])))
            } else {
                blocks.append(
                    .equation(Equation(notation.delta(L), equals: [.identifier("error_vector"), deltaValue(delta)])))
            }
            blocks.append(
                .paragraph([
                    .t(
                        "This delta is minus Ng's and Nielsen's δ⁽ᴸ⁾ = ∂cost/∂z: the same numbers with every sign flipped."
                    )
                ]))
        case (.lossGradient, .crossEntropy):
            blocks.append(
                .equation(
                    Equation(
                        notation.delta(L),
                        equals: [
                            .subtract(notation.activation(L), notation.target),
                            .subtract(vector(a), vector(sample.y)),
                            vector(delta),
                        ])))
            blocks.append(
                .paragraph([
                    .t("There is no g′ factor: for cross-entropy with sigmoid outputs, "),
                    .m(
                        .binary(
                            .partial(notation.cost, .identifier("a")), .equals,
                            .divide(
                                .subtract(.identifier("a"), .identifier("y")),
                                .juxtaposed(.identifier("a"), .subtract(.integer(1), .identifier("a")))))),
                    .t(
                        ", and multiplying by g′(z) = a(1 − a) cancels the denominator (softmax with cross-entropy gives a − y the same way)."
                    ),
                ]))
        case (.lossGradient, .squaredError):
            blocks.append(
                .equation(
                    Equation(
                        notation.delta(L),
                        [
                            .init(
                                .equals,
                                .hadamard(
                                    outputErrorFactor(output: notation.activation(L), target: notation.target),
                                    .call(derivativeFunction(ofLayer: L), [notation.weightedInput(L)])),
                                comment: notation.ruleLabel(.outputError)),
                            .init(
                                .equals,
                                .hadamard(
                                    outputErrorFactor(output: vector(a), target: vector(sample.y)), vector(slopes))),
                            .init(.equals, .hadamard(vector(sample.outputError), vector(slopes))),
                            .init(.equals, vector(delta)),
                        ])))
        }
        blocks.append(
            .paragraph([
                .t(
                    "Comparing notations: the 15 Steps compute error_vector = target − output and delta = error_vector ⊙ activation_diff(net). With squared error, ∇ₐC = −(target − output), so that delta is minus the Wikipedia/Nielsen δᴸ = ∇ₐC ⊙ σ′(zᴸ); that is why the 15 Steps' update adds η·delta·xᵀ where Ng and Nielsen subtract. Ng's δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y has no g′ because his cost is cross-entropy, where it cancels."
                )
            ]))
        blocks.append(
            .why([
                .t(
                    "The output layer is the one place where the error can be read off directly, by comparing the output with the target; δ⁽ᴸ⁾ is the derivative of this sample's loss with respect to the output units' weighted inputs, and every other δ is derived from it."
                )
            ]))
        return blocks
    }

    func stepHiddenError() -> [Block] {
        let L = layerCount
        guard L > 2 else {
            return [
                .paragraph([
                    .t(
                        "This network has no hidden layer, so there is no error to pass back: the output error of step 10 is the only δ, and the weights' gradients follow from it directly. With hidden layers, each hidden layer's error would be"
                    )
                ]),
                .equation(genericHiddenDelta),
                .why([
                    .t(
                        "A hidden unit has no target to compare with; its error is inferred from the errors of the units it feeds, weighted by the connecting weights. With no hidden layer, that inference is never needed, which is why the 15 Steps' delta contains no weights."
                    )
                ]),
            ]
        }
        var blocks: [Block] = []
        for l in stride(from: L - 1, through: 2, by: -1) {
            let theta = trace.weights[l - 1]
            let next = sample.delta[l - 1]
            let slopes = sample.activationDerivative[l - 2]
            blocks.append(.heading("Layer \(l)"))
            let explicitTerms = notation.maximumExplicitTerms
            if next.count <= explicitTerms {
                let j = 1
                var symbolic: [Math] = []
                var numeric: [Math] = []
                for i in 1...next.count {
                    symbolic.append(.times(weightEntry(layer: l, i: i, j: j), unit(.delta, l + 1, i)))
                    // A negative weight opening the group keeps its parentheses, "((−0.0757) · …",
                    // as this line has always printed (the semantic rule would drop them).
                    let weight = i == 1 ? factor(theta[i - 1, j]) : .number(theta[i - 1, j])
                    numeric.append(.times(weight, .number(signed(next[i - 1]))))
                }
                let g = Math.call(derivativeFunction(ofLayer: l), [unit(.weightedInput, l, j)])
                let propagated = sample.propagatedError[l - 2][j - 1]
                blocks.append(
                    .paragraph([
                        .t(
                            "For one unit, add up the errors of the units it feeds, each times the weight that connects them, then multiply by the unit's own slope:"
                        )
                    ]))
                blocks.append(
                    .equation(
                        Equation(
                            unit(.delta, l, j),
                            equals: [
                                .times(summed(symbolic), g),
                                .times(summed(numeric), .number(slopes[j - 1])),
                                .times(.number(signed(propagated)), .number(slopes[j - 1])),
                                .number(signed(sample.delta[l - 2][j - 1])),
                            ])))
            }
            if next.count > explicitTerms {
                let j = 1
                let i = Math.identifier("i")
                let term = product(
                    notation.weightEntry(layer: l, i: .symbol("i"), j: j),
                    notation.unit(.delta, layer: l + 1, .symbol("i")))
                let propagated = sample.propagatedError[l - 2][j - 1]
                let g = Math.call(derivativeFunction(ofLayer: l), [unit(.weightedInput, l, j)])
                blocks.append(
                    .paragraph([
                        .t(
                            "For one unit, add up the errors of the \(next.count) units it feeds, each times the connecting weight, then multiply by the unit's own slope:"
                        )
                    ]))
                blocks.append(
                    .equation(
                        Equation(
                            unit(.delta, l, j),
                            equals: [
                                // Σ binds as an atom; the parentheses show where the sum ends.
                                .times(.parenthesized(.sum(i, term)), g),
                                .times(.number(signed(propagated)), .number(slopes[j - 1])),
                                .number(signed(sample.delta[l - 2][j - 1])),
                            ])))
            }
            blocks.append(
                .paragraph([
                    .t(
                        "All units at once, in matrix form (the bias column of the weights is dropped: the bias unit has no input, so no error flows to it):"
                    )
                ]))
            var equation = hiddenDeltaSymbolic(l: l)
            equation.steps += hiddenDeltaNumbers(l: l).map { Equation.Step(.equals, $0) }
            blocks.append(.equation(equation))
        }
        blocks.append(
            .paragraph([
                .t("Meaning: "),
                .m(.binary(notation.delta(2), .equals, .partial(notation.cost, notation.weightedInput(2)))),
                .t(
                    ", the sensitivity of the cost to each unit's weighted input. Note the index shift: in Ng's notation z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾a⁽ˡ⁾, so δ⁽ˡ⁾ uses Θ⁽ˡ⁾; in Nielsen's, zˡ⁺¹ = wˡ⁺¹aˡ, so δˡ uses wˡ⁺¹. Same numbers, different labels."
                ),
            ]))
        blocks.append(
            .why([
                .t(
                    "Ng's trick 2, the chain rule through the next layer: z⁽ˡ⁾ changes the cost only through every z⁽ˡ⁺¹⁾ it feeds, by Θᵢⱼ⁽ˡ⁾ g′(zⱼ⁽ˡ⁾) each, so ∂J/∂zⱼ⁽ˡ⁾ = Σᵢ δᵢ⁽ˡ⁺¹⁾ Θᵢⱼ⁽ˡ⁾ g′(zⱼ⁽ˡ⁾)."
                )
            ]))
        return blocks
    }
}
