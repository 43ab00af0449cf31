import BackpropCore

/// Steps 8–11: why derivatives, the chain rule for one weight, the output error, and the
/// hidden errors.
extension Narrator {
    func stepWhyDerivatives() -> [Block] {
        let slope = trace.slopeExample
        let l = slope.layer + 1
        let weight = weightEntry(layer: l, i: slope.row + 1, j: slope.column)
        let cost = notation.cost
        let epsilon = Math.identifier("ε")
        let backprop = trace.D[slope.layer][slope.row, slope.column]
        return [
            .paragraph([
                .t(
                    "Training means changing the weights so that the cost goes down. Gradient descent moves every weight a small step against the slope of the cost along it:"
                )
            ]),
            .equation(
                Equation(
                    notation.weights(1),
                    [
                        .init(
                            .assign,
                            .binary(
                                notation.weights(1), .minus,
                                .row([notation.learningRate, .partial(cost, notation.weights(1))])))
                    ])),
            .paragraph([
                .t("A slope can be measured with two cost evaluations. Take the weight "), .m(weight),
                .t(", move it by "),
                .m(.binary(epsilon, .equals, .number(slope.epsilon))),
                .t(" up and down, and recompute the cost over all samples:"),
            ]),
            .equation(
                Equation(
                    .partial(cost, weight),
                    [
                        .init(
                            .approximately,
                            .fraction(
                                .binary(
                                    .apply(cost, .binary(weight, .plus, epsilon)), .minus,
                                    .apply(cost, .binary(weight, .minus, epsilon))), .row([.integer(2), epsilon]))),
                        // The two costs differ in the 5th decimal or later, so they are shown to 12.
                        .init(
                            .equals,
                            .fraction(
                                .binary(
                                    .text(NumberFormat(decimals: 12).string(slope.costPlus)), .minus,
                                    .text(NumberFormat(decimals: 12).string(slope.costMinus))),
                                .row([.integer(2), .op(.product), .text(NumberFormat.roundTrip(slope.epsilon))]))),
                        .init(.equals, .number(slope.slope)),
                    ])),
            .paragraph([
                .t(
                    "Backpropagation (steps 9–13) reproduces this slope exactly, and for every weight at once: its value for "
                ), .m(weight),
                .t(" is "), .m(.number(backprop)), .t(". Step 14 compares the two for every weight."),
            ]),
            .why([
                .t(
                    "Backprop computes the gradient of the cost, the direction in which it rises fastest; stepping against it lowers the cost. Two cost evaluations per weight would also give it, but cost a forward pass per weight; backprop gets all of them from one backward pass."
                )
            ]),
        ]
    }

    func stepChainRule() -> [Block] {
        let L = layerCount
        let l = L - 1
        let weight = weightEntry(layer: l, i: 1, j: 1)
        let cost = notation.cost
        let z = unit(.weightedInput, L, 1)
        let a = unit(.activation, l, 1)
        let deltaSymbol = unit(.delta, L, 1)
        let gradient = sample.gradient[l - 1][0, 1]
        let deltaValue = sample.delta[L - 2][0]
        var blocks: [Block] = [
            .paragraph([
                .t("Take one weight into the output layer, "), .m(weight),
                .t(
                    " (unit 1 of layer \(l) to unit 1 of layer \(L)), and sample \(sampleNumber). The weight affects the cost only through "
                ),
                .m(z), .t(", so the chain rule splits the derivative in two:"),
            ]),
            .equation(
                Equation(
                    .partial(cost, weight),
                    equals: [
                        .binary(.partial(cost, z), .product, .partial(z, weight)),
                        .binary(negatesDelta ? .row([.text("−"), deltaSymbol]) : deltaSymbol, .product, a),
                        // −delta is Ng's δ, so the value shown is δ in every notation.
                        .binary(.number(deltaValue), .product, factor(sample.a[l - 1][0])),
                        .number(gradient),
                    ])),
            .paragraph([
                .t("The second factor is the activation the weight multiplies, because "), .m(z),
                .t(" is a sum in which "), .m(weight), .t(" appears once, times "), .m(a), .t(". The first factor, "),
                .m(
                    .binary(
                        deltaSymbol, .equals,
                        negatesDelta ? .row([.text("−"), .partial(cost, z)]) : .partial(cost, z))),
                .t(negatesDelta ? " with the 15 Steps' sign flipped," : ","),
                .t(" is the unit's error: how strongly the cost reacts to its weighted input."),
            ]),
        ]
        if trace.lesson.loss == .squaredError {
            let output = unit(.activation, L, 1)
            blocks.append(.paragraph([.t("With squared error the first factor splits again, as in Mazur's example:")]))
            blocks.append(
                .equation(
                    Equation(
                        .partial(cost, weight),
                        equals: [
                            .chain([.partial(cost, output), .partial(output, z), .partial(z, weight)], .product),
                            .chain(
                                [
                                    outputErrorFactor(output: output, target: unit(.target, L, 1)),
                                    .apply(notation.activationDerivative, z), a,
                                ], .product),
                            .chain(
                                [
                                    .number(sample.outputError[0]), factor(sample.activationDerivative[L - 2][0]),
                                    factor(sample.a[l - 1][0]),
                                ], .product),
                            .number(gradient),
                        ])))
        }
        if trace.m > 1 {
            blocks.append(
                .paragraph([
                    .t(
                        "This is sample \(sampleNumber)'s part of the derivative; the cost averages it over all \(trace.m) samples (step 13)."
                    )
                ]))
        }
        blocks.append(
            .why([
                .t(
                    "Ng's trick 1: ∂J/∂Θᵢⱼ⁽ˡ⁾ = δᵢ⁽ˡ⁺¹⁾ aⱼ⁽ˡ⁾. Once every unit's δ is known, every weight's derivative is one product, the error at its head times the activation at its tail."
                )
            ]))
        return blocks
    }

    /// ∂loss/∂out for squared error, as the notation writes the difference: (a − y), or
    /// −(target − out) where the notation squares target − output.
    func outputErrorFactor(output: Math, target: Math) -> Math {
        switch notation.squaredErrorDifference {
        case .outputMinusTarget: return .parenthesized(.binary(output, .minus, target))
        case .targetMinusOutput: return .row([.text("−"), .parenthesized(.binary(target, .minus, output))])
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
                            .binary(notation.target, .minus, notation.activation(L)),
                            .binary(vector(sample.y), .minus, vector(a)),
                            vector(sample.outputError.map { -$0 }),
                        ])))
            if loss == .squaredError {
                blocks.append(
                    .equation(
                        Equation(
                            notation.delta(L),
                            equals: [
                                .binary(
                                    .identifier("error_vector"), .hadamard,
                                    .apply(notation.activationDerivative, notation.weightedInput(L))),
                                .binary(vector(sample.outputError.map { -$0 }), .hadamard, vector(slopes)),
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
                            .binary(notation.activation(L), .minus, notation.target),
                            .binary(vector(a), .minus, vector(sample.y)),
                            vector(delta),
                        ])))
            blocks.append(
                .paragraph([
                    .t("There is no g′ factor: for cross-entropy with sigmoid outputs, "),
                    .m(
                        .binary(
                            .partial(notation.cost, .identifier("a")), .equals,
                            .fraction(
                                .binary(.identifier("a"), .minus, .identifier("y")),
                                .row([.identifier("a"), .parenthesized(.binary(.integer(1), .minus, .identifier("a")))])
                            ))),
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
                                .binary(
                                    outputErrorFactor(output: notation.activation(L), target: notation.target),
                                    .hadamard, .apply(notation.activationDerivative, notation.weightedInput(L))),
                                comment: notation.ruleLabel(.outputError)),
                            .init(
                                .equals,
                                .binary(
                                    outputErrorFactor(output: vector(a), target: vector(sample.y)), .hadamard,
                                    vector(slopes))),
                            .init(.equals, .binary(vector(sample.outputError), .hadamard, vector(slopes))),
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
                    symbolic.append(.row([weightEntry(layer: l, i: i, j: j), .op(.product), unit(.delta, l + 1, i)]))
                    numeric.append(.row([factor(theta[i - 1, j]), .op(.product), factor(signed(next[i - 1]))]))
                }
                let g = Math.apply(notation.activationDerivative, unit(.weightedInput, l, j))
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
                                .row([.parenthesized(.chain(symbolic, .plus)), .op(.product), g]),
                                .row([.parenthesized(.chain(numeric, .plus)), .op(.product), .number(slopes[j - 1])]),
                                .binary(.number(signed(propagated)), .product, factor(slopes[j - 1])),
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
                let g = Math.apply(notation.activationDerivative, unit(.weightedInput, l, j))
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
                                .row([.parenthesized(.sum(i, term)), .op(.product), g]),
                                .binary(.number(signed(propagated)), .product, factor(slopes[j - 1])),
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
        let g = Math.apply(notation.activationDerivative, notation.weightedInput(l))
        let backwards =
            notation.vectorsAreRows
            ? product(notation.delta(next), .transpose(notation.weights(l)))
            : product(.transpose(notation.weights(l)), notation.delta(next))
        return Equation(
            notation.delta(l),
            [.init(.equals, .binary(.parenthesized(backwards), .hadamard, g), comment: hiddenRuleComment)])
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
            .binary(backwards, .hadamard, slopes),
            .binary(vector(propagated.map(signed)), .hadamard, slopes),
            deltaValue(sample.delta[l - 2]),
        ]
    }
}
