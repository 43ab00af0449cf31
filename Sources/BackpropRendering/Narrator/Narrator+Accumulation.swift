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
                    accumulatorSymbol(1), [.init(.assign, .add([accumulatorSymbol(1), onePerSample]))])),
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
                        accumulatorSymbol(l), { self.matrix(Self.withoutBiasColumn($0.gradient[l - 1])) },
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
                        accumulatorSymbol(l), { self.gradientValue($0.gradient[l - 1]) },
                        gradientValue(trace.Delta[l - 1])
                    )
                ]
            }
            for part in parts {
                var steps: [Math] = []
                if recordedAll && trace.m > 1 {
                    let terms = (0..<trace.m).map { sampleGradientSymbolFor(l, k: $0) }
                    if !separatesBiases || part.symbol == accumulatorSymbol(l) {
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
        blocks += runningSumBlocks
        // With λ = 0 the regularisation term is a zero matrix: named, not printed (issue 23, N7).
        let regularises = trace.lesson.lambda != 0
        blocks.append(
            .paragraph([
                .t(
                    regularises
                        ? "Then average and add the regularisation term, leaving the bias weights unregularised:"
                        : "Then average (λ = 0, so the regularisation term adds nothing):")
            ]))
        let m = Math.integer(trace.m)
        let n = notation.sampleCount
        let lambda = Math.number(trace.lesson.lambda, .roundTrip)
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
            // The λ term's matrix is the weights with the bias weights set to 0; where they sit
            // inside the matrix, the line says so (review M9).
            let masked: String?
            switch notation.biasLayout {
            case _ where !regularises: masked = "λ term: 0, as λ = 0"
            case .firstColumn: masked = "λ term: bias column set to 0"
            case .lastRow: masked = "λ term: bias row set to 0"
            case .separateVector: masked = nil
            }
            let average = Math.juxtaposed(.divide(.integer(1), m), gradientValue(trace.Delta[l - 1]))
            blocks.append(
                .equation(
                    Equation(
                        lhs,
                        [
                            .init(
                                .equals,
                                regularized(
                                    .juxtaposed(.divide(.integer(1), n), accumulatorSymbol(l)),
                                    .juxtaposed(.divide(notation.lambda, n), notation.weights(l))),
                                comment: masked),
                            .init(
                                .equals,
                                regularises
                                    ? regularized(
                                        average,
                                        .juxtaposed(
                                            .divide(lambda, m),
                                            weightsValue(withoutBiasWeights, style: startingWeightStyle)))
                                    : average),
                            .init(.equals, gradientValue(trace.D[l - 1])),
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
                .paragraph([
                    .t("(Shown in this notation's sign: these are minus "), .m(notation.gradient(layerCount - 1)),
                    .t(" and the others, the direction the update adds.)"),
                ])
            )
        }
        blocks.append(
            .why([
                .t(
                    "The cost is an average over the samples, and the derivative of a sum is the sum of the derivatives; so adding up the per-sample gradients and dividing by the number of samples gives exactly the gradient of the cost"
                        + (trace.lesson.lambda > 0 ? " (with the regularisation term's own gradient added)" : "")
                        + ": the direction that improves the weights for all samples together rather than for the last one seen."
                )
            ]))
        return blocks
    }

    /// The accumulator of the weights leaving layer l. A notation whose accumulator carries no
    /// layer (the 15 Steps' ΣΔW) gets the per-sample gradient's layer: ΣΔW⁽³⁾, so different
    /// matrices never share one name.
    func accumulatorSymbol(_ l: Int) -> Math {
        let named = notation.accumulator(l)
        let sharesName = (1..<layerCount).contains { $0 != l && notation.accumulator($0) == named }
        return sharesName ? .row([.identifier("Σ"), sampleGradientSymbol(l)]) : named
    }

    /// Step 13's table of one weight's accumulator filling up sample by sample, the remark when
    /// samples pull that weight in opposite directions, and why the accumulator is not an update.
    var runningSumBlocks: [Block] {
        guard let example = trace.accumulation, trace.m > 1 else { return [] }
        let l = example.layer + 1
        let sign: Double = negatesDelta ? -1 : 1
        let weight = weightEntry(layer: l, i: example.row + 1, j: example.column)
        let accumulator = accumulatorSymbol(l)
        var rows: [[[Inline]]] = []
        for (index, k) in example.samples.enumerated() {
            if index > 0, example.samples[index - 1] != k - 1 { rows.append([[.t("⋯")], [.t("⋯")], [.t("⋯")]]) }
            rows.append([
                [.t("\(k + 1)")], [.m(.number(sign * example.gradients[index]))],
                [.m(.number(sign * example.runningSums[index]))],
            ])
        }
        var blocks: [Block] = [
            .paragraph([
                .t("How "), .m(accumulator), .t(" fills up, followed for one weight, "), .m(weight), .t(":"),
            ]),
            .table(
                Table(
                    header: [
                        [.t("sample")],
                        // The 15 Steps' column holds ΔW, minus the gradient (review F6).
                        negatesDelta ? [.t("its "), .m(sampleGradientSymbol(l)), .t(" (−gradient)")] : [.t("its gradient")],
                        [.m(accumulator), .t(" so far")],
                    ], rows: rows, rightAligned: [true, true, true])),
        ]
        let total = sign * trace.D[example.layer][example.row, example.column]
        if example.changesSign, let negative = example.firstNegative, let positive = example.firstPositive {
            let first = negative.sample < positive.sample ? negative : positive
            let second = negative.sample < positive.sample ? positive : negative
            blocks.append(
                .paragraph([
                    .t("The samples disagree about this weight: sample \(first.sample + 1) gives "),
                    .m(.number(sign * first.value)), .t(" and sample \(second.sample + 1) gives "),
                    .m(.number(sign * second.value)),
                    .t(
                        trace.lesson.lambda > 0
                            ? ". Only their average, with the regularisation term, decides the step: "
                            : ". Only their average decides the step: "),
                    .t(negatesDelta ? "minus the cost's gradient for " : "the cost's gradient for "), .m(weight),
                    .t(" is "), .m(.number(total)), .t(" (below)."),
                ]))
        }
        blocks.append(
            .paragraph([
                .m(accumulator),
                .t(
                    " is a sum, not an update: no weight changes while it fills up, every sample is run with the same weights, and the weights change once, in step 15. Step 12's one-sample update is a different scheme (stochastic gradient descent) and is not applied here."
                ),
            ]))
        return blocks
    }

    /// The per-sample gradient of sample k (0-based) with the sample number where the
    /// notation puts a sample (review D12): Nielsen's ∂C_x(1)/∂w³ (on the loss, not on w), Ng's
    /// ∇⁽¹⁾₍₁₎ with its scripts side by side, the 15 Steps' ΔW₍₁₎.
    func sampleGradientSymbolFor(_ l: Int, k: Int) -> Math {
        let number = Math.integer(k + 1)
        let symbol = sampleGradientSymbol(l)
        switch symbol {
        case .partial(.subscripted(let loss, .identifier(let sample)), let weights):
            // C_x(1), not C_x₁: a second-level script would be set at 5 pt on slides.
            return .partial(.subscripted(loss, .row([.identifier(sample), .parenthesized(number)])), weights)
        case .superscripted(let base, let sup):
            return .scripted(base, sub: .parenthesized(number), sup: sup)
        default:
            return .subscripted(symbol, .parenthesized(number))
        }
    }
}
