import BackpropCore

/// Steps 12–15: the whole backward pass for one sample, accumulation, the gradient check and
/// gradient descent.
extension Narrator {
    /// The per-sample gradient of the weights leaving layer l (Ng's ∇⁽ˡ⁾ = δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ).
    func sampleGradientSymbol(_ l: Int) -> Math { notation.sampleGradient(l) }

    /// One sample's gradient of the weights leaving layer l as a product of symbols:
    /// δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ, δˡ⁺¹(aˡ)ᵀ, or [x, 1]ᵀ ⊗ delta in the 15 Steps' rows.
    func sampleGradientRule(_ l: Int) -> Math {
        switch notation.biasLayout {
        case .firstColumn, .separateVector:
            return .row([notation.delta(l + 1), .transpose(activationWithBias(l))])
        case .lastRow:
            return .binary(.transpose(activationWithBias(l)), .outer, notation.delta(l + 1))
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
                            sampleGradientRule(l), .row([vector(delta), rowVector([1] + a)]), matrix(gradient),
                        ]))
            ]
        case .separateVector:
            return [
                .equation(
                    Equation(
                        symbol,
                        [
                            .init(.equals, sampleGradientRule(l), comment: notation.ruleLabel(.weightGradient)),
                            .init(.equals, .row([vector(delta), rowVector(a)])),
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
                                .binary(
                                    Self.abbreviated((a.map { Math.number($0) } + [Math.integer(1)]).map { [$0] }), .outer,
                                    deltaValue(delta))),
                            .init(
                                .equals, gradientValue(gradient),
                                comment: "= −∂" + plainName(notation.cost) + "/∂" + plainName(notation.weights(l))),
                        ]))
            ]
        }
    }

    /// Θ := Θ − α·gradient (or, with the 15 Steps' negated delta, W := W + η·ΔW) for the
    /// weights leaving layer l: the symbolic rule, the numbers substituted, and the result
    /// `after` from the trace. `gradientSymbol` is one sample's gradient (step 12) or the
    /// batch gradient (step 15).
    func updateEquation(l: Int, gradient: Matrix, after: Matrix, gradientSymbol: Math) -> Block {
        let rate = Math.number(trace.lesson.learningRate)
        let before = weightsValue(trace.weights[l - 1])
        switch notation.deltaSign {
        case .negatedLossGradient:
            // Updates add η times the notation's gradient, which is minus ∂E/∂W; the batch
            // gradient symbol ∂E/∂W is written with its minus sign.
            let added =
                gradientSymbol == sampleGradientSymbol(l)
                ? gradientSymbol : .parenthesized(.row([.text("−"), gradientSymbol]))
            return .equation(
                Equation(
                    notation.weights(l),
                    [
                        .init(
                            .assign,
                            .binary(notation.weights(l), .plus, .row([notation.learningRate, .op(.product), added]))),
                        .init(.equals, .binary(before, .plus, .row([rate, .op(.product), gradientValue(gradient)]))),
                        .init(.equals, weightsValue(after)),
                    ]))
        case .lossGradient:
            return .equation(
                Equation(
                    notation.weights(l),
                    [
                        .init(
                            .assign,
                            .binary(notation.weights(l), .minus, .row([notation.learningRate, gradientSymbol]))),
                        .init(.equals, .binary(before, .minus, .row([rate, .op(.product), matrix(shaped(gradient))]))),
                        .init(.equals, weightsValue(after)),
                    ]))
        }
    }

    /// The separate bias update bˡ := bˡ − η∂C/∂bˡ for notations with bias vectors (nil for
    /// the others, whose weight matrices already hold the bias weights); a note when biases
    /// are frozen.
    func biasUpdate(l: Int, before: Matrix, gradient: Matrix, after: Matrix, perSample: Bool) -> Block? {
        guard notation.biasLayout == .separateVector else { return nil }
        guard trace.lesson.updateBiases else {
            return .paragraph([
                .t("The biases "), .m(notation.bias(l)), .t(" stay as they are: this lesson freezes them."),
            ])
        }
        let cost = perSample ? notation.sampleCost : notation.cost
        return .equation(
            Equation(
                notation.bias(l),
                [
                    .init(
                        .assign,
                        .binary(
                            notation.bias(l), .minus, .row([notation.learningRate, .partial(cost, notation.bias(l))]))),
                    .init(
                        .equals,
                        .binary(
                            vector(before.column(0)), .minus,
                            .row([.number(trace.lesson.learningRate), .op(.product), vector(gradient.column(0))]))),
                    .init(.equals, vector(after.column(0))),
                ]))
    }

    /// A symbol's plain spelling for a comment (E, W): identifiers only.
    func plainName(_ symbol: Math) -> String {
        switch symbol {
        case .identifier(let name): return name
        case .superscripted(let base, _), .subscripted(let base, _), .scripted(let base, _, _): return plainName(base)
        default: return "?"
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
                        : "The one-sample update (stochastic gradient descent; bias weights stay fixed, as this lesson freezes them):"
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
                    notation.accumulator(1), [.init(.assign, .binary(notation.accumulator(1), .plus, onePerSample))])),
        ]
        let separatesBiases = notation.biasLayout == .separateVector
        if separatesBiases {
            blocks.append(
                .paragraph([
                    .t("and likewise the bias gradients, "), .m(.sum(.identifier("x"), notation.delta(2))), .t("."),
                ]))
        }
        let recordedAll = trace.m > 4 || trace.samples.count == trace.m
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
                        steps.append(
                            .chain(
                                terms.count > 4
                                    ? Array(terms.prefix(3)) + [.ellipsis(.horizontal), terms[terms.count - 1]] : terms,
                                .plus))
                    }
                    if trace.m <= 4 { steps.append(.chain(trace.samples.map(part.perSample), .plus)) }
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
            var regularized = theta
            for i in 0..<regularized.rows { regularized[i, 0] = 0 }
            // With a negated delta the accumulator holds −∂E/∂W, so the regularisation term
            // is subtracted and the left side carries the minus sign.
            let regularizationSign: MathOperator = negatesDelta ? .minus : .plus
            let lhs = negatesDelta ? Math.row([.text("−"), notation.gradient(l)]) : notation.gradient(l)
            blocks.append(
                .equation(
                    Equation(
                        lhs,
                        equals: [
                            .binary(
                                .row([.fraction(.integer(1), n), notation.accumulator(l)]), regularizationSign,
                                .row([.fraction(notation.lambda, n), notation.weights(l)])),
                            .binary(
                                .row([.fraction(.integer(1), m), gradientValue(trace.Delta[l - 1])]),
                                regularizationSign, .row([.fraction(lambda, m), weightsValue(regularized)])),
                            gradientValue(trace.D[l - 1]),
                        ])))
            if separatesBiases {
                blocks.append(
                    .equation(
                        Equation(
                            .partial(notation.cost, notation.bias(l)),
                            equals: [
                                .row([
                                    .fraction(.integer(1), n),
                                    .sum(.identifier("x"), .partial(notation.sampleCost, notation.bias(l))),
                                ]),
                                .row([.fraction(.integer(1), m), vector(trace.Delta[l - 1].column(0))]),
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

    func stepGradientCheck() -> [Block] {
        guard let check = trace.gradientCheck, let numericalGradient = trace.numericalGradient else {
            return [.paragraph([.t("(This trace was made without the gradient check.)")])]
        }
        var rows: [[[Inline]]] = []
        var count = 0
        outer: for (layer, d) in trace.D.enumerated() {
            for i in 0..<d.rows {
                for j in 0..<d.columns {
                    if count == 12 { break outer }
                    if let entries = check.checkedEntries, !entries.contains(.init(layer: layer, row: i, column: j)) {
                        continue
                    }
                    rows.append([
                        [.m(weightEntry(layer: layer + 1, i: i + 1, j: j))], [.m(.number(d[i, j]))],
                        [.m(.number(numericalGradient[layer][i, j]))],
                    ])
                    count += 1
                }
            }
        }
        let cost = notation.cost
        let theta = Math.identifier("θ")
        let epsilon = Math.identifier("ε")
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "Each weight is moved by ±ε in turn and the cost recomputed; the central difference must match backprop's D:"
                )
            ]),
            .equation(
                Equation(
                    .partial(cost, theta),
                    [
                        .init(
                            .approximately,
                            .fraction(
                                .binary(
                                    .apply(cost, .binary(theta, .plus, epsilon)), .minus,
                                    .apply(cost, .binary(theta, .minus, epsilon))), .row([.integer(2), epsilon])))
                    ])),
            .table(
                Table(
                    header: [[.t("weight")], [.t("backprop D")], [.t("central difference")]], rows: rows,
                    rightAligned: [false, true, true])),
        ]
        let checked = check.checkedParameters
        let note =
            checked == check.totalParameters
            ? "all \(checked) weights" : "\(checked) of \(check.totalParameters) weights, evenly spaced"
        if rows.count < checked {
            blocks.append(
                .paragraph([
                    .t(
                        "(first \(rows.count) rows shown; the check covers \(note); `backprop-tutor check` prints them all)"
                    )
                ]))
        }
        let numerical = Math.identifier("num")
        let d = Math.identifier("D")
        let difference = check.relativeDifference
        let verdict: Equation.Step
        switch difference {
        case ..<1e-9: verdict = .init(.less, .text("1e-9"), comment: "Ng's bar: backprop is right")
        case ..<1e-7: verdict = .init(.less, .text("1e-7"), comment: "backprop-tutor's bar: backprop is right")
        default: verdict = .init(.equals, .text("too large: backprop and the cost disagree"))
        }
        blocks.append(
            .equation(
                Equation(
                    .fraction(.norm(.binary(numerical, .minus, d)), .norm(.binary(numerical, .plus, d))),
                    [.init(.equals, .text(NumberFormat.scientific(difference)), comment: note), verdict])))
        if difference >= 1e-9 && difference < 1e-7 {
            blocks.append(
                .paragraph([
                    .t(
                        "Central differences are themselves only accurate to about ε² times the cost's third derivative, so on this lesson the two agree to \(NumberFormat.scientific(difference, significant: 2)) rather than below Ng's 1e-9; a real mistake in backprop shows up as 1e-2 or more."
                    )
                ]))
        }
        blocks.append(
            .why([
                .t(
                    "Central differences need nothing but the cost, so they check backprop independently; an error in any δ or index would show up as a large relative difference. Ng's ex4 asks for less than 1e-9 with ε = 1e-4. The check is slow (two cost evaluations per weight), so it is run once and then switched off for training."
                )
            ]))
        return blocks
    }

    func stepGradientDescent() -> [Block] {
        var blocks: [Block] = [
            .paragraph([
                .t("One step of gradient descent with "),
                .m(.binary(notation.learningRate, .equals, .number(trace.lesson.learningRate))),
                .t(trace.lesson.updateBiases ? ":" : " (bias weights frozen, so column 0 stays as it was):"),
            ])
        ]
        for l in stride(from: layerCount - 1, through: 1, by: -1) {
            blocks.append(
                updateEquation(
                    l: l, gradient: trace.D[l - 1], after: trace.updatedWeights[l - 1],
                    gradientSymbol: notation.gradient(l)))
            if let bias = biasUpdate(
                l: l, before: trace.weights[l - 1], gradient: trace.D[l - 1], after: trace.updatedWeights[l - 1],
                perSample: false)
            {
                blocks.append(bias)
            }
        }
        blocks.append(.paragraph([.t("The cost before and after this one step:")]))
        blocks.append(.equation(Equation(.text("before"), [.init(.equals, .number(trace.cost))])))
        blocks.append(.equation(Equation(.text("after"), [.init(.equals, .number(trace.costAfterUpdate))])))
        guard let training = trace.training else { return blocks }
        let costs = training.costs
        var epochs: [Int] = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].filter {
            $0 < costs.count - 1
        }
        epochs.append(costs.count - 1)
        let rows: [[[Inline]]] = epochs.map { [[.t("\($0)")], [.m(.number(costs[$0]))]] }
        blocks.append(
            .paragraph([
                .t("Repeating the step: the cost over \(training.epochs) epochs of full-batch gradient descent:")
            ]))
        blocks.append(
            .table(
                Table(
                    header: [[.t("epoch")], [.t("cost "), .m(notation.cost)]], rows: rows, rightAligned: [true, true])))
        blocks.append(
            .why([
                .t(
                    "D points uphill, so a small step against it lowers the cost, as the numbers show; the learning rate sets the step's size: too small and training crawls, too large and the cost overshoots and may rise."
                )
            ]))
        return blocks
    }
}
