import BackpropCore

/// Steps 6 and 7: the forward pass and the cost.
extension Narrator {
    func stepFeedforward() -> [Block] {
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "Sample \(sampleNumber) goes through the network layer by layer; each layer's activations are the next layer's input."
                )
            ]),
            .equation(
                Equation(
                    notation.activation(1),
                    equals: notation.activation(1) == notation.input
                        ? [vector(sample.x, style: .given)] : [notation.input, vector(sample.x, style: .given)])),
        ]
        for l in 1..<layerCount {
            let theta = trace.weights[l - 1]
            let a = sample.a[l - 1]
            let z = sample.z[l - 1]
            let zSymbol = notation.weightedInput(l + 1)
            let symbolic = forwardRule(l)
            let substituted: Math
            let given = startingWeightStyle
            let inputs = activationStyle(layer: l)
            switch notation.biasLayout {
            case .firstColumn: substituted = product(weightsValue(theta, style: given), vectorWithBias(a, style: inputs))
            case .lastRow: substituted = product(vectorWithBias(a, style: inputs), weightsValue(theta, style: given))
            case .separateVector:
                substituted = .add([
                    product(weightsValue(theta, style: given), vector(a, style: inputs)), biasValue(theta, style: given),
                ])
            }
            blocks.append(.equation(Equation(zSymbol, equals: [symbolic, substituted, vector(z)])))
            if a.count <= Self.largestShown {
                blocks.append(.paragraph([.t("Unit 1 of \(notation.layerName(l + 1)) by hand:")]))
                blocks.append(.equation(unitSum(layer: l, theta: theta, a: a, z: z[0])))
            }
            blocks.append(
                .equation(
                    Equation(
                        notation.activation(l + 1),
                        equals: [
                            .call(activationFunction(ofLayer: l + 1), [zSymbol]),
                            .call(activationFunction(ofLayer: l + 1), [vector(z)]),
                            vector(sample.a[l]),
                        ])))
        }
        if targetsAreClasses { blocks.append(prediction()) }
        // "Squashes" only where every activation is bounded (relu and linear units are not).
        let squashes = uniqueActivations.allSatisfy(\.isBounded)
        blocks.append(
            .why([
                .t(
                    "Each unit adds up its weighted inputs (the bias weight times 1 included) and "
                        + (squashes
                            ? "squashes the sum with the activation function"
                            : "passes the sum through its layer's activation function")
                        + "; stacking layers composes these functions, and the last layer's activations are the network's output."
                )
            ]))
        return blocks
    }

    /// What the network predicts for the sample and whether it is right (the classroom review's
    /// F18: a long output vector is abbreviated, so the winner is named): the class of the
    /// largest output (one output unit: class 1 from 0.5), as `train` classifies.
    func prediction() -> Block {
        let output = sample.a[layerCount - 1]
        let predicted = sample.predictedClass
        let format = NumberFormat(decimals: decimals)
        func name(_ index: Int) -> String {
            if output.count == 1 {
                return trace.lesson.classes?.first.map { index == 1 ? $0 : "not " + $0 } ?? "class \(index)"
            }
            let given = trace.lesson.classes.flatMap { index < $0.count ? $0[index] : nil }
            // Digits' classes are named "0" … "9": "class 5", not "in 5".
            return given.map { Double($0) == nil ? $0 : "class " + $0 } ?? "class \(index + 1)"
        }
        let rule =
            output.count == 1
            ? "Its output is \(format.string(output[0])), \(output[0] >= 0.5 ? "at least" : "below") 0.5"
            : "Its largest output is unit \(predicted + 1)'s, \(format.string(output[predicted]))"
        let verdict = predicted == sample.targetClass ? "right" : "wrong"
        return .paragraph([
            .t(
                "\(rule), so the network puts sample \(sampleNumber) in \(name(predicted)); its target is \(name(sample.targetClass)), so the prediction is \(verdict)."
            )
        ])
    }

    /// The weighted input of layer l + 1 in symbols, as the notation arranges it: Θ⁽ˡ⁾[1; a⁽ˡ⁾],
    /// [x, 1]·W, or wˡ⁺¹aˡ + bˡ⁺¹ (l is Ng's layer the weights leave).
    func forwardRule(_ l: Int) -> Math {
        switch notation.biasLayout {
        case .firstColumn: return product(notation.weights(l), activationWithBias(l))
        case .lastRow: return product(activationWithBias(l), notation.weights(l))
        case .separateVector: return .add([product(notation.weights(l), notation.activation(l)), notation.bias(l)])
        }
    }

    /// z of unit 1 of layer l + 1 as an explicit sum: bias weight · 1 + Σⱼ weight · aⱼ
    /// (j = 0 is the bias weight, times the bias unit 1).
    func unitSum(layer l: Int, theta: Matrix, a: [Double], z: Double) -> Equation {
        var symbolic: [Math] = []
        var numeric: [Math] = []
        for j in 1...a.count {
            symbolic.append(.times(weightEntry(layer: l, i: 1, j: j), unit(.activation, l, j)))
            numeric.append(.times(.number(theta[0, j], startingWeightStyle), .number(a[j - 1], activationStyle(layer: l))))
        }
        // The bias term where the notation's vector keeps the 1: first in [1; a], last in the
        // 15 Steps' [x, 1] (review K7).
        let biasSymbol = Math.times(weightEntry(layer: l, i: 1, j: 0), .integer(1))
        let biasNumber = Math.times(.number(theta[0, 0], startingWeightStyle), .integer(1))
        if notation.biasLayout == .lastRow {
            symbolic.append(biasSymbol)
            numeric.append(biasNumber)
        } else {
            symbolic.insert(biasSymbol, at: 0)
            numeric.insert(biasNumber, at: 0)
        }
        return Equation(unit(.weightedInput, l + 1, 1), equals: [.add(symbolic), .add(numeric), .number(z)])
    }

    func stepCost() -> [Block] {
        let info = trace.lesson
        let m = notation.sampleCount
        let h = notation.activation(layerCount)
        let y = notation.target
        let outputActivation = info.activations[info.activations.count - 1]
        // Unit k of the output and the target as the notation writes a unit (a⁽ᴸ⁾ₖ with its
        // scripts side by side, output[k], target_ok).
        let yk = notation.unit(.target, layer: layerCount, .symbol("k"))
        let hk = notation.unit(.activation, layer: layerCount, .symbol("k"))
        let term: Math
        switch (info.loss, outputActivation) {
        case (.crossEntropy, .softmax):
            term = .negate(.sum(.identifier("k"), .times(yk, .call(.log, [hk]))))
        case (.crossEntropy, _):
            term = .sum(
                .identifier("k"),
                .bracketed(
                    .subtract(
                        .times(.negate(yk), .call(.log, [hk])),
                        .times(.subtract(.integer(1), yk), .call(.log, [.subtract(.integer(1), hk)])))))
        case (.squaredError, _):
            let difference: Math
            switch notation.squaredErrorDifference {
            case .outputMinusTarget: difference = .subtract(hk, yk)
            case .targetMinusOutput: difference = .subtract(yk, hk)
            }
            term = .juxtaposed(
                .divide(.integer(1), .integer(2)),
                .sum(.identifier("k"), .superscripted(.parenthesized(difference), .integer(2))))
        }
        // 1/m and λ/2m as plain fractions: typeset as \frac (no heavy \left( \right), review
        // N11); on one line the writers parenthesise a fraction before a factor, (1/m)Σ.
        let regularizer = Math.juxtaposed(.divide(notation.lambda, .juxtaposed(.integer(2), m)), regularizedSum)
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "The cost averages one loss term per sample and adds the regularisation term (\(unregularizedWeightsWords) are not regularised):"
                )
            ])
        ]
        // The average of the per-sample losses J⁽ⁱ⁾ (Cₓ, Eₓ), each then defined from its own
        // outputs and targets, so the sample index i is never left off a or y nor reused by the
        // regulariser (review D12). Mazur writes one symbol for both (his example has one
        // sample): there the loss is written in place.
        let separateLoss = notation.cost != notation.sampleCost
        let lossSum = separateLoss ? summedSampleLoss : .sum(.identifier("i"), term)
        blocks.append(
            .equation(
                Equation(
                    notation.cost,
                    equals: [.add([.juxtaposed(.divide(.integer(1), m), lossSum), regularizer])])))
        if separateLoss {
            blocks.append(.paragraph([.t("where the loss of one sample, from its own outputs and targets, is")]))
            blocks.append(.equation(Equation(notation.sampleCost, equals: [term])))
        }
        var rows: [[[Inline]]] = []
        for sample in trace.samples.prefix(Self.tableSampleCount) {
            rows.append([
                [.t("\(sample.index + 1)")], [.m(rowVector(sample.a[layerCount - 1]))], [.m(targetRow(sample.y))],
                [.m(.number(sample.loss))],
            ])
        }
        blocks.append(
            .table(
                Table(
                    header: [[.t("sample")], named("output", h), named("target", y), [.t("loss term")]],
                    rows: rows, rightAligned: [true, false, false, true])))

        var total: [Math] = []
        if trace.samples.count == trace.m && trace.m <= Self.summedLossSampleCount {
            total.append(
                .add([
                    .juxtaposed(
                        .divide(.integer(1), .integer(trace.m)), summed(trace.samples.map { .number($0.loss) })),
                    .number(trace.regularization),
                ]))
        }
        total.append(.add([.number(trace.unregularizedCost), .number(trace.regularization)]))
        total.append(.number(trace.cost))
        blocks.append(.equation(Equation(notation.cost, equals: total)))
        blocks.append(
            .paragraph([
                .t("The regularisation term here is "),
                .m(.binary(regularizer, .equals, .number(trace.regularization))),
                .t(" with "), .m(.binary(notation.lambda, .equals, .number(info.lambda, .roundTrip))), .t("."),
            ]))
        if let regressionError = trace.regressionError, info.loss == .squaredError {
            blocks.append(.paragraph(regressionErrorWords(regressionError)))
        }
        if targetsAreClasses {
            let wrong = Int((trace.classificationError * Double(trace.m)).rounded())
            blocks.append(
                .paragraph([
                    .t(
                        "Classification error: \(wrong) of \(Self.counted(trace.m, "training sample")) "
                            + (wrong == 1 ? "is" : "are") + " predicted in the wrong class (a fraction of "
                    ),
                    .m(.number(trace.classificationError)), .t(")."),
                ]))
        }
        blocks.append(.why(costWhy))
        return blocks
    }

    /// Σ of the per-sample losses over the samples: over the index the notation's loss names
    /// (i of Ng's J⁽ⁱ⁾, x of Nielsen's Cₓ); a loss that names none (Mazur's E_total, whose
    /// subscript is a word, not an index) gets the sample index i as a superscript, Σᵢ E_total⁽ⁱ⁾,
    /// so the sum never runs over "total".
    var summedSampleLoss: Math {
        switch notation.sampleCost {
        case .superscripted(_, .parenthesized(let index)), .subscripted(_, let index) where index.isSampleIndex:
            return .sum(index, notation.sampleCost)
        default:
            let i = Math.identifier("i")
            return .sum(i, .superscripted(notation.sampleCost, .parenthesized(i)))
        }
    }

    /// Which weights the regulariser leaves out, in the notation's own terms.
    var unregularizedWeightsWords: String {
        switch notation.biasLayout {
        // c, as in the sum's Σ_(l,r,c≥1) (review C10).
        case .firstColumn: return "the bias weights, column c = 0,"
        case .lastRow: return "the bias weights, the last row of each weight matrix,"
        case .separateVector: return "the biases"
        }
    }

    /// The sum of the squared non-bias weights, in the notation's own terms: Ng's
    /// Σ_(l,r,c≥1)(Θ⁽ˡ⁾_rc)² (column 0 is the bias), Nielsen's Σ_w w² (biases are separate), the
    /// 15 Steps' sum over every W[r,c] above the bias row.
    var regularizedSum: Math {
        let layer = notation.weights(.general(offset: 0))
        switch notation.biasLayout {
        // Row and column indices r, c: i is the sample index of the average beside it.
        case .firstColumn:
            let entry: Math
            if case .superscripted(let base, let sup) = layer {
                entry = .scripted(base, sub: .text("rc"), sup: sup)
            } else {
                entry = .subscripted(layer, .text("rc"))
            }
            return .sum(.text("l,r,c≥1"), .superscripted(.parenthesized(entry), .integer(2)))
        case .lastRow:
            let entry = Math.row([
                layerCount == 2 ? notation.weights(1) : layer, .bracketed(.text("r,c")),
            ])
            return .sum(
                .text(layerCount == 2 ? "r,c; r ≠ bias row" : "l,r,c; r ≠ bias row"),
                .superscripted(entry, .integer(2)))
        case .separateVector:
            let w = Math.identifier(notation.weightLetter)
            // (w)², not w²: in Nielsen's notation a bare superscript is a layer (review C1).
            return .sum(w, .superscripted(.parenthesized(w), .integer(2)))
        }
    }

    /// The 15 Steps' regression error beside the cost of a squared-error lesson, and how they
    /// relate: with K outputs, Σ(t − o)²/(m·K) = (2/K) · (the cost without regularisation).
    func regressionErrorWords(_ value: Double) -> [Inline] {
        let outputs = trace.lesson.layers[layerCount - 1]
        let target = Math.identifier("t")
        let output = Math.identifier("o")
        let definition = Math.divide(
            .sum(.identifier("i,k"), .superscripted(.parenthesized(.subtract(target, output)), .integer(2))),
            .times(notation.sampleCount, .identifier("K")))
        return [
            .t("The 15 Steps monitor a different number, the regression error "), .m(definition),
            .t(
                " (t the target, o the output, K = \(outputs) output" + (outputs == 1 ? "" : "s")
                    + "): the mean of every squared difference over all its entries, without the factor 1/2. Here it is "
            ),
            .m(.number(value)),
            .t(", which is 2/K times "), .m(.number(trace.unregularizedCost)),
            .t(", the cost without regularisation."),
        ]
    }

    /// Step 7's "why", true for this lesson's loss and output activation.
    var costWhy: [Inline] {
        let output = notation.activation(layerCount)
        let target = notation.target
        let outputError = Math.binary(
            notation.delta(layerCount), .equals, negatesDelta ? .subtract(target, output) : .subtract(output, target))
        switch trace.lesson.loss {
        case .crossEntropy:
            switch activation(ofLayer: layerCount).narration(written: notation.activationFunction).crossEntropyOutput {
            case .throughJacobian:
                return [
                    .t(
                        "Cross-entropy with a softmax output is, per sample, minus the log of the probability given to the right class: it grows without bound as that probability approaches 0, and through the softmax Jacobian the output error becomes simply "
                    ),
                    .m(outputError), .t(" (step 10)."),
                ]
            case .slopeCancels:
                return [
                    .t(
                        "Cross-entropy is Ng's logistic cost: it grows without bound as an output approaches the wrong 0 or 1, and with sigmoid outputs the output error becomes simply "
                    ),
                    .m(outputError), .t(" (step 10)."),
                ]
            case .none:
                return [
                    .t(
                        "Cross-entropy grows without bound as an output approaches the wrong 0 or 1; step 10 derives the output error from it."
                    )
                ]
            }
        case .squaredError:
            return [
                .t(
                    "Squared error measures the distance between output and target; the factor 1/2 cancels the 2 from differentiating the square."
                )
            ]
        }
    }
}

extension Math {
    /// Whether this script names a sample (an identifier such as i or x), rather than a word
    /// such as Mazur's "total".
    fileprivate var isSampleIndex: Bool {
        if case .identifier = self { return true }
        return false
    }
}
