import BackpropCore

/// Step 12: the whole backward pass for one sample, and the per-sample gradients that step 13
/// sums.
extension Narrator {
    /// What the per-sample gradient equations compute, in the notation's terms: where its bias
    /// goes and, for the 15 Steps' negated delta, that ΔW is minus the gradient.
    var sampleGradientLeadIn: String {
        switch notation.biasLayout {
        case .firstColumn:
            return
                "The gradient of each weight matrix is the outer product of the error at its head with the activations at its tail, the bias unit 1 first:"
        case .separateVector:
            return
                "The gradient of each weight matrix is the outer product of the error at its head with the activations at its tail; the gradient of each bias is the error itself:"
        case .lastRow:
            let sign = notation.deltaSign == .negatedLossGradient ? "; like delta, it is minus the gradient" : ""
            return
                "Each weight matrix's ΔW is the outer product of the activations at its tail, with a 1 appended for the bias row, and the delta at its head\(sign):"
        }
    }

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
                            sampleGradientRule(l), .juxtaposed(vector(delta), rowVector([1] + a, style: activationStyle(layer: l))),
                            matrix(gradient),
                        ]))
            ]
        case .separateVector:
            return [
                .equation(
                    Equation(
                        symbol,
                        [
                            .init(.equals, sampleGradientRule(l), comment: notation.ruleLabel(.weightGradient)),
                            .init(.equals, .juxtaposed(vector(delta), rowVector(a, style: activationStyle(layer: l)))),
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
                                    // The appended bias entry as step 6 prints it (review K2).
                                    Self.abbreviated(
                                        (a.map { Math.number($0, activationStyle(layer: l)) } + [Math.number(1, activationStyle(layer: l))])
                                            .map { [$0] }),
                                    deltaValue(delta))),
                            .init(.equals, gradientValue(gradient)),
                        ]))
            ]
        }
    }

    func stepBackpropagation() -> [Block] {
        let L = layerCount
        var blocks: [Block] = []
        if L == 2, let name = notation.sourceStepName(.backpropagation) {
            // With cross-entropy the difference is already the delta: no slope (review F5).
            let slopeCancels = trace.lesson.loss == .crossEntropy
            blocks.append(
                .paragraph([
                    .t(
                        "This is \(name) for sample \(sampleNumber): compare the output with the target, "
                            + (slopeCancels
                                ? "which with cross-entropy is already the delta (the activation's slope cancels, step 10)"
                                : "turn the error into a delta with the activation's slope")
                            + ", and update the weights at once."
                    )
                ]))
        } else if L == 2 {
            blocks.append(
                .paragraph([
                    .t(
                        "The whole backward pass for sample \(sampleNumber): the network has no hidden layer, so the output error is the only one, and it turns at once into the gradients of the weights that feed the output layer."
                    )
                ]))
        } else {
            blocks.append(
                .paragraph([
                    .t(
                        "The whole backward pass for sample \(sampleNumber): start with the output error, pass it back layer by layer, then turn every error into the gradients of the weights that feed its layer."
                    )
                ]))
        }
        if L == 2, notation.sourceStepName(.backpropagation) != nil {
            // The tutorial's own step 12 computes error_vector and delta: its equations stay.
            blocks += stepOutputError().filter { if case .equation = $0 { return true } else { return false } }
        } else {
            // Steps 10 and 11 derived the errors; here they are recalled in a line each, not
            // re-derived (the classroom review's F5: six reveals of equations already shown).
            blocks.append(.paragraph([.t(L == 2 ? "The error from step 10:" : "The errors from steps 10 and 11:")]))
            blocks.append(
                .bullets(
                    stride(from: L, through: 2, by: -1).map { l in
                        let values = sample.delta[l - 2].map(signed)
                        // A recall fits one line: beyond 5 entries, the first 3, ⋯ and the last.
                        var cells = values.map { Math.number($0) }
                        if cells.count > 5 { cells = Array(cells.prefix(3)) + [.ellipsis(.horizontal), cells[cells.count - 1]] }
                        let row = Math.matrix([cells])
                        return [.m(.binary(notation.delta(l), .equals, notation.vectorsAreRows ? row : .transpose(row)))]
                    }))
        }
        blocks.append(.paragraph([.t(sampleGradientLeadIn)]))
        for l in stride(from: L - 1, through: 1, by: -1) {
            blocks += sampleGradientEquations(l: l, sample: sample)
        }
        blocks.append(.paragraph(sampleGradientMeaning))
        blocks.append(
            .paragraph([
                .t(
                    trace.lesson.updateBiases
                        ? "The one-sample update (stochastic gradient descent; regularisation enters with the averaged gradient in step 13):"
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
        blocks.append(.why(backpropagationWhy))
        return blocks
    }

    /// What step 12's gradients are: one sample's, in the notation's sign, with the per-sample
    /// cost's name, and not the gradient of the averaged cost (which step 13 builds).
    var sampleGradientMeaning: [Inline] {
        // A notation without a per-sample name says "alone" instead of repeating the cost's.
        let loss: [Inline] =
            notation.sampleCost == notation.cost ? [.t("alone")] : [.m(notation.sampleCost)]
        let head: [Inline] =
            [
                .t(
                    (negatesDelta ? "These matrices are minus the gradients" : "These matrices are the gradients")
                        + " of sample \(sampleNumber)'s loss ")
            ]
            + loss
        if trace.m == 1 && trace.lesson.lambda == 0 {
            // One sample, no regularisation: the cost is that sample's loss.
            return head + [
                .t(
                    ". With one sample and no regularisation these are already "
                        + (negatesDelta ? "minus the cost's gradient" : "the cost's gradient") + ": the cost "
                ), .m(notation.cost),
                .t(" is this one loss, and step 13 only divides by m = 1."),
            ]
        }
        return head + [
            .t(", not of the cost "), .m(notation.cost),
            .t(
                trace.m > 1
                    ? " averaged over all \(trace.m) samples; step 13 averages them into that gradient."
                    : " of step 7, which adds the regularisation term; step 13 turns them into its gradient."),
        ]
    }

    /// Step 12's "why": what the backward pass costs (about one forward pass, then one
    /// multiplication per weight), and for a network without hidden layer why no weights appear
    /// and why the update has its sign, in the notation's own symbols and sign.
    var backpropagationWhy: [Inline] {
        let L = layerCount
        let cost: [Inline] = [
            .t(
                "Backpropagation is the chain rule applied from the output back: each layer's error reuses the one after it, so the whole backward pass costs about as much as one forward pass; after it, each weight's derivative is one multiplication, the error at its head times the activation at its tail."
            )
        ]
        guard L == 2 else { return cost }
        var why: [Inline] = [
            .t("No weights appear in "), .m(notation.delta(L)),
            .t(
                " because the network has no hidden layer: only the output layer's error is needed. A hidden layer's error carries the weights because it is passed back through them (step 11). "
            ),
        ]
        let update = notation.learningRate
        switch notation.deltaSign {
        case .negatedLossGradient:
            why += [
                .t("The update adds "), .m(.times(update, sampleGradientSymbol(1))), .t(" because "),
                .m(notation.delta(L)), .t(" is minus the derivative of "), .m(notation.sampleCost),
                .t(", so "), .m(sampleGradientSymbol(1)), .t(" already points downhill."),
            ]
        case .lossGradient:
            why += [
                .t("The update subtracts "), .m(.juxtaposed(update, sampleGradientSymbol(1))), .t(" because "),
                .m(sampleGradientSymbol(1)), .t(" is the gradient of "), .m(notation.sampleCost),
                .t(", which points uphill."),
            ]
        }
        return why + [.t(" ")] + cost
    }
}
