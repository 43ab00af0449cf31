import BackpropCore

/// Step 13: the per-sample gradients summed into accumulators, averaged and regularised.
extension Narrator {
    func stepAccumulation() -> [Block] {
        let onePerSample = sampleGradientRule(1)
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "Each sample gives its own gradient. Start every accumulator at zero and add the samples' gradients one by one:"
                )
            ]),
            .equation(
                Equation(
                    notation.accumulator(1), [.init(.assign, .add([notation.accumulator(1), onePerSample]))])),
        ]
        let separatesBiases = notation.biasLayout == .separateVector
        if separatesBiases {
            blocks.append(
                .paragraph([
                    .t("and likewise the bias gradients, "), .m(.sum(.identifier("x"), notation.delta(2))), .t("."),
                ]))
        }
        let writtenOut = Self.writtenOutSampleCount
        let recordedAll = trace.m > writtenOut || trace.samples.count == trace.m
        for l in stride(from: layerCount - 1, through: 1, by: -1) {
            // Nielsen's notation keeps weights and biases apart: two sums, else one.
            let parts: [(symbol: Math, perSample: (Trace.SampleTrace) -> Math, total: Math)]
            if separatesBiases {
                parts = [
                    (
                        notation.accumulator(l), { self.matrix(Self.withoutBiasColumn($0.gradient[l - 1])) },
                        matrix(Self.withoutBiasColumn(trace.Delta[l - 1]))
                    ),
                    (
                        .sum(.identifier("x"), .partial(notation.sampleCost, notation.bias(l))),
                        { self.vector($0.gradient[l - 1].column(0)) }, vector(trace.Delta[l - 1].column(0))
                    ),
                ]
            } else {
                parts = [
                    (
                        notation.accumulator(l), { self.gradientValue($0.gradient[l - 1]) },
                        gradientValue(trace.Delta[l - 1])
                    )
                ]
            }
            for part in parts {
                var steps: [Math] = []
                if recordedAll && trace.m > 1 {
                    let terms = (0..<trace.m).map { sampleGradientSymbolFor(l, k: $0) }
                    if !separatesBiases || part.symbol == notation.accumulator(l) {
                        // Beyond the written-out count: the first three, ⋯, and the last.
                        steps.append(
                            .add(
                                terms.count > writtenOut
                                    ? Array(terms.prefix(3)) + [.ellipsis(.horizontal), terms[terms.count - 1]] : terms)
                        )
                    }
                    if trace.m <= writtenOut { steps.append(.add(trace.samples.map(part.perSample))) }
                }
                steps.append(part.total)
                blocks.append(.equation(Equation(part.symbol, equals: steps)))
            }
        }
        if trace.m == 1 {
            blocks.append(
                .paragraph([.t("With one sample the sum has a single term: the accumulator is that sample's gradient.")]
                ))
        }
        blocks.append(
            .paragraph([.t("Then average and add the regularisation term, leaving the bias weights unregularised:")]))
        let m = Math.integer(trace.m)
        let n = notation.sampleCount
        let lambda = Math.number(trace.lesson.lambda)
        for l in stride(from: layerCount - 1, through: 1, by: -1) {
            let theta = trace.weights[l - 1]
            var withoutBiasWeights = theta
            for i in 0..<withoutBiasWeights.rows { withoutBiasWeights[i, 0] = 0 }
            // With a negated delta the accumulator holds −∂E/∂W, so the regularisation term
            // is subtracted and the left side carries the minus sign.
            func regularized(_ average: Math, _ penalty: Math) -> Math {
                negatesDelta ? .subtract(average, penalty) : .add([average, penalty])
            }
            let lhs = negatesDelta ? Math.negate(notation.gradient(l)) : notation.gradient(l)
            blocks.append(
                .equation(
                    Equation(
                        lhs,
                        equals: [
                            regularized(
                                .juxtaposed(.divide(.integer(1), n), notation.accumulator(l)),
                                .juxtaposed(.divide(notation.lambda, n), notation.weights(l))),
                            regularized(
                                .juxtaposed(.divide(.integer(1), m), gradientValue(trace.Delta[l - 1])),
                                .juxtaposed(.divide(lambda, m), weightsValue(withoutBiasWeights))),
                            gradientValue(trace.D[l - 1]),
                        ])))
            if separatesBiases {
                blocks.append(
                    .equation(
                        Equation(
                            .partial(notation.cost, notation.bias(l)),
                            equals: [
                                .juxtaposed(
                                    .divide(.integer(1), n),
                                    .sum(.identifier("x"), .partial(notation.sampleCost, notation.bias(l)))),
                                .juxtaposed(.divide(.integer(1), m), vector(trace.Delta[l - 1].column(0))),
                                vector(trace.D[l - 1].column(0)),
                            ])))
            }
        }
        if negatesDelta {
            blocks.append(
                .paragraph([.t("(Shown in the 15 Steps' sign: these are minus ∂E/∂W, the direction the update adds.)")])
            )
        }
        blocks.append(
            .why([
                .t(
                    "The cost is an average over the samples, and the derivative of a sum is the sum of the derivatives; so adding up the per-sample gradients and dividing by the number of samples gives exactly the gradient of the cost: the direction that improves the weights for all samples together rather than for the last one seen."
                )
            ]))
        return blocks
    }

    /// ∇⁽ˡ⁾ of sample k, e.g. ∇⁽¹⁾₍₁₎.
    func sampleGradientSymbolFor(_ l: Int, k: Int) -> Math {
        let index = k + 1
        return .subscripted(sampleGradientSymbol(l), .parenthesized(.integer(index)))
    }
}
