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
                            .subtract(vector(sample.y, style: .given), vector(a)),
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
                blocks.append(
                    .paragraph([
                        .t(
                            "This delta is minus Ng's and Nielsen's δ⁽ᴸ⁾, the derivative of this sample's loss with respect to z: the same numbers with every sign flipped."
                        )
                    ]))
            } else {
                // The cancellation paragraph ends by saying this delta is minus a − y.
                blocks.append(
                    .equation(Equation(notation.delta(L), equals: [.identifier("error_vector"), deltaValue(delta)])))
                blocks.append(.paragraph(crossEntropyCancellation()))
            }
        case (.lossGradient, .crossEntropy):
            blocks.append(
                .equation(
                    Equation(
                        notation.delta(L),
                        equals: [
                            .subtract(notation.activation(L), notation.target),
                            .subtract(vector(a), vector(sample.y, style: .given)),
                            vector(delta),
                        ])))
            blocks.append(.paragraph(crossEntropyCancellation()))
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
                                    outputErrorFactor(output: vector(a), target: vector(sample.y, style: .given)), vector(slopes))),
                            .init(.equals, .hadamard(vector(sample.outputError), vector(slopes))),
                            .init(.equals, vector(delta)),
                        ])))
        }
        blocks.append(
            .why([
                .t(
                    "The output layer is the one place where the error can be read off directly, by comparing the output with the target; "
                ),
                .m(
                    .binary(
                        notation.delta(L), .equals,
                        negatesDelta
                            ? .negate(.partial(notation.sampleCost, notation.weightedInput(L)))
                            : .partial(notation.sampleCost, notation.weightedInput(L)))),
                .t(
                    negatesDelta
                        ? " is minus the derivative of this sample's loss with respect to the output units' weighted inputs, and every other delta is derived from it."
                        : " is the derivative of this sample's loss with respect to the output units' weighted inputs, and every other error is derived from it."
                ),
            ]))
        return blocks
    }

    /// Why cross-entropy's output error has no slope factor, for the lesson's output activation
    /// and in the notation's symbols: sigmoid's a(1 − a) cancels the loss's denominator;
    /// softmax's a − y comes through the full Jacobian and needs targets that sum to 1.
    func crossEntropyCancellation() -> [Inline] {
        let L = layerCount
        let slope = derivativeSymbol(ofLayer: L)
        let sign: [Inline] =
            negatesDelta
            ? [.t(" This delta is minus that, "), .m(.subtract(notation.target, notation.activation(L))), .t(".")]
            : []
        switch activation(ofLayer: L).narration(written: slope).crossEntropyOutput {
        case .throughJacobian:
            let k = UnitIndex.symbol("k")
            let j = UnitIndex.symbol("j")
            let ak = notation.unit(.activation, layer: L, k)
            let aj = notation.unit(.activation, layer: L, j)
            let yk = notation.unit(.target, layer: L, k)
            let yj = notation.unit(.target, layer: L, j)
            let zk = notation.unit(.weightedInput, layer: L, k)
            let jacobian = Math.row([
                aj,
                .parenthesized(
                    .row([.bracketed(.row([.identifier("j"), .op(.equals), .identifier("k")])), .op(.minus), ak])),
            ])
            return [
                .t("There is no "), .m(slope),
                .t(
                    " factor, and multiplying element-wise by one would be wrong here: each softmax output depends on every weighted input, so the chain rule runs through the whole Jacobian "
                ),
                .m(.binary(.partial(aj, zk), .equals, jacobian)),
                .t(", not its diagonal: "),
                .m(
                    .binary(
                        .partial(notation.sampleCost, zk), .equals,
                        .sum(.identifier("j"), .times(.parenthesized(.negate(.divide(yj, aj))), jacobian)))),
                .t(" = "), .m(.subtract(.row([ak, .sum(.identifier("j"), yj)]), yk)),
                .t(" = "), .m(.subtract(ak, yk)),
                .t(", the last step because the targets of a softmax lesson sum to 1."),
            ] + sign
        case .slopeCancels, .none:
            let a = notation.activation(L)
            let y = notation.target
            return [
                .t("There is no "), .m(slope), .t(" factor: for cross-entropy with sigmoid outputs, "),
                .m(
                    .binary(
                        .partial(notation.sampleCost, a), .equals,
                        .divide(.subtract(a, y), .juxtaposed(a, .subtract(.integer(1), a))))),
                .t(", and the sigmoid's slope "),
                .m(.juxtaposed(a, .subtract(.integer(1), a))),
                .t(" multiplies it, which cancels the denominator and leaves "), .m(.subtract(a, y)), .t("."),
            ] + sign
        }
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
        var roundingNoted = false
        for l in stride(from: L - 1, through: 2, by: -1) {
            let theta = trace.weights[l - 1]
            let next = sample.delta[l - 1]
            let slopes = sample.activationDerivative[l - 2]
            blocks.append(.heading(Self.capitalized(notation.layerName(l))))
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
                if next.count <= Self.largestWrittenOutSum {
                    // The sum's terms with their numbers, so that it can be checked by hand; a
                    // line of its own, where a long sum can wrap.
                    let numeric = (1...next.count).map { i -> Math in
                        .times(.number(theta[i - 1, j]), .number(signed(next[i - 1])))
                    }
                    blocks.append(
                        .equation(
                            Equation(.sum(i, term), equals: [.add(numeric), .number(signed(propagated))])))
                }
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
            if !roundingNoted {
                // Said once, after the first line whose hand product would differ.
                let note = handRoundingNote(
                    [signed(sample.propagatedError[l - 2][0]), slopes[0]], product: signed(sample.delta[l - 2][0]))
                blocks += note
                roundingNoted = !note.isEmpty
            }
            blocks.append(.paragraph([.t("All units at once, in matrix form" + biasDroppedClause + ":")]))
            var equation = hiddenDeltaSymbolic(l: l)
            equation.steps += hiddenDeltaNumbers(l: l).map { Equation.Step(.equals, $0) }
            blocks.append(.equation(equation))
        }
        blocks += hiddenErrorMeaning()
        blocks += sensitivityProbeBlocks()
        blocks += hiddenWeightChain()
        blocks.append(.why(hiddenErrorWhy()))
        return blocks
    }
}
