import BackpropCore

/// Steps 4 and 5: the activation function with its derivative, and the initial weights.
extension Narrator {
    func stepActivation() -> [Block] {
        var blocks: [Block] = []
        let z = Math.identifier("z")
        let i = Math.identifier("i")
        for activation in uniqueActivations {
            // Written with the symbol of the first layer that uses it; when the lesson mixes
            // functions, each layer's symbol is its own (review M8).
            let layers = layers(using: activation)
            let g = activationSymbol(ofLayer: layers[0])
            let gPrime = derivativeSymbol(ofLayer: layers[0])
            let gOfZ = Math.call(.activation(activation, written: g), [z])
            let gPrimeOfZ = Math.call(.derivative(of: activation, written: gPrime), [z])
            blocks.append(.heading(activation.rawValue))
            if mixesActivations {
                var items: [Inline] = [.t(layers.count == 1 ? "Used by \(notation.layerName(layers[0])), written " : "Used by layers " + layers.map(notation.layerLabel).joined(separator: ", ") + ", written ")]
                for (index, l) in layers.enumerated() {
                    if index > 0 { items.append(.t(index == layers.count - 1 ? " and " : ", ")) }
                    items.append(.m(activationSymbol(ofLayer: l)))
                }
                items.append(.t(layers.count == 1 ? "." : ": one function, one symbol per layer."))
                blocks.append(.paragraph(items))
            }
            // Softmax is not element-wise: output i is g(z)ᵢ, and its derivative is a matrix.
            let valueLabel = activation == .softmax ? Math.subscripted(gOfZ, i) : gOfZ
            let slopeLabel =
                activation == .softmax ? Math.partial(.subscripted(gOfZ, i), .subscripted(z, i)) : gPrimeOfZ
            blocks.append(.equation(Equation(valueLabel, equals: [definition(of: activation, written: g)])))
            if activation == .softmax {
                let k = Math.identifier("k")
                blocks.append(
                    .equation(
                        Equation(
                            .partial(.subscripted(gOfZ, i), .subscripted(z, k)),
                            equals: [
                                .juxtaposed(
                                    .subscripted(gOfZ, i),
                                    .parenthesized(.subtract(.text("[i = k]"), .subscripted(gOfZ, k))))
                            ])))
                blocks.append(
                    .paragraph(
                        [
                            .t(
                                "Every output depends on every weighted input, so the derivative is a matrix (the Jacobian), not one slope per unit. Its diagonal, "
                            ),
                            .m(
                                .juxtaposed(
                                    .subscripted(gOfZ, i), .parenthesized(.subtract(.integer(1), .subscripted(gOfZ, i)))
                                )),
                            .t(", is listed below for reference only: the output error does not multiply by it. "),
                        ] + softmaxDeltaWords))
            } else {
                blocks.append(.equation(Equation(gPrimeOfZ, equals: derivativeForms(of: activation, written: g))))
            }
            if let probe = trace.activationTable.first(where: { $0.activation == activation }) {
                let rows: [[[Inline]]] = probe.z.indices.map { k in
                    [[.m(.number(probe.z[k]))], [.m(.number(probe.value[k]))], [.m(.number(probe.derivative[k]))]]
                }
                let heading = activation.narration(written: g).probeHeading
                blocks.append(.paragraph([.t(heading)]))
                blocks.append(
                    .table(
                        Table(
                            header: [[.m(z)], [.m(valueLabel)], [.m(slopeLabel)]], rows: rows,
                            rightAligned: [true, true, true])))
            }
        }
        blocks.append(.paragraph([.t("At this lesson's weighted inputs, sample \(sampleNumber):")]))
        for l in 2...layerCount {
            let activation = activation(ofLayer: l)
            let a = sample.a[l - 1]
            var steps: [Math] = []
            var lhs = Math.call(derivativeFunction(ofLayer: l), [notation.weightedInput(l)])
            switch activation.narration(written: activationSymbol(ofLayer: l)).layerSlope {
            case .fromActivation:
                let one = Math.integer(1)
                steps.append(.hadamard(notation.activation(l), .subtract(one, notation.activation(l))))
                steps.append(.hadamard(vector(a), .subtract(one, vector(a))))
                if !activation.isElementwise {
                    // Only the Jacobian's diagonal ∂aᵢ/∂zᵢ, not a derivative δ multiplies by.
                    let i = Math.identifier("i")
                    lhs = .partial(
                        .subscripted(notation.activation(l), i), .subscripted(notation.weightedInput(l), i))
                }
            case .oneMinusSquare:
                steps.append(.subtract(.integer(1), .hadamard(notation.activation(l), notation.activation(l))))
            case .ofWeightedInput:
                steps.append(.call(derivativeFunction(ofLayer: l), [vector(sample.z[l - 2])]))
            }
            steps.append(vector(sample.activationDerivative[l - 2]))
            blocks.append(.equation(Equation(lhs, equals: steps)))
        }
        blocks.append(
            .why(
                [
                    .t(
                        "Backprop multiplies by the slope of every unit the error passes through (the chain rule), so each activation is defined together with its derivative"
                    )
                ] + uniqueActivations.map { .t("; " + Self.slopeFact(of: $0)) } + [.t(".")]))
        return blocks
    }

    /// What δ uses instead of softmax's diagonal, for this lesson's loss.
    var softmaxDeltaWords: [Inline] {
        switch trace.lesson.loss {
        case .crossEntropy:
            let output = notation.activation(layerCount)
            let target = notation.target
            return [
                .t("With cross-entropy, the whole Jacobian gives the output error "),
                .m(
                    .binary(
                        notation.delta(layerCount), .equals,
                        negatesDelta ? .subtract(target, output) : .subtract(output, target))),
                .t(" directly (step 10), which needs the targets to sum to 1."),
            ]
        case .squaredError:
            return [.t("The output error multiplies the whole Jacobian by the loss's derivative (step 10).")]
        }
    }

    /// One true sentence about the slope of `activation`, for step 4's "why".
    static func slopeFact(of activation: Activation) -> String {
        activation.narration(written: .identifier("g")).slopeFact
    }

    /// tanh as a function of z, meaning the tanh activation.
    static let tanh = MathFunction.activation(.tanh, written: .identifier("tanh"))

    /// The activation's definition, g(z) = ….
    func definition(of activation: Activation, written g: Math) -> Math {
        activation.narration(written: g).definition
    }

    /// g′(z) = … in its written-out forms.
    func derivativeForms(of activation: Activation, written g: Math) -> [Math] {
        activation.narration(written: g).derivativeForms
    }

    func stepInitialWeights() -> [Block] {
        var blocks: [Block] = []
        let info = trace.lesson
        switch info.initialization {
        case .ngDebug:
            blocks.append(
                .paragraph([
                    .t(
                        "The weights come from Ng's debugInitializeWeights: each matrix is filled column by column with sin(1), sin(2), sin(3), … and divided by 10, so they are the same on every machine, small, and all different."
                    )
                ]))
            if let first = trace.weights.first {
                blocks.append(
                    .equation(
                        Equation(
                            weightEntry(layer: 1, i: 1, j: 0),
                            equals: [
                                .divide(.call(.named("sin"), [.integer(1)]), .integer(10)), .number(first[0, 0]),
                            ])))
            }
        case .uniform:
            let epsilon = Math.number(info.initEpsilon ?? WeightInitialization.defaultEpsilon, .roundTrip)
            let seed = info.initSeed.map(String.init) ?? "0"
            blocks.append(
                .paragraph([
                    .t("The weights are drawn uniformly from "),
                    .m(.bracketed(.row([.negate(epsilon), .op(.comma), epsilon]))),
                    .t(
                        " by the SplitMix64 generator with seed \(seed): the same seed gives the same weights on every machine and every run (Ng's randInitializeWeights uses ε_init = 0.12)."
                    ),
                ]))
        case .given:
            blocks.append(.paragraph([.t("The weights are given in the lesson file.")]))
        }
        for (index, theta) in trace.weights.enumerated() {
            let l = index + 1
            blocks.append(.equation(Equation(notation.weights(l), equals: [weightsValue(theta, style: startingWeightStyle)])))
            if notation.biasLayout == .separateVector {
                blocks.append(.equation(Equation(notation.bias(l), equals: [biasValue(theta, style: startingWeightStyle)])))
            }
        }
        if notation.biasLayout == .lastRow {
            blocks.append(
                .paragraph([
                    .m(notation.weights(1)),
                    .t(" has one column per unit it feeds and one row per input, the bias weights in the last row."),
                ]))
        }
        blocks.append(.why([.t(initialWeightsWhy)]))
        return blocks
    }

    /// Step 5's "why": symmetry breaking only with a hidden layer, flat ends only for units
    /// that have them.
    var initialWeightsWhy: String {
        var why: String
        if hasHiddenLayer {
            why =
                "If every weight started equal, every hidden unit would compute the same value and receive the same gradient, so they would stay identical forever; different starting values break that symmetry"
        } else {
            why =
                "This network has no hidden layer, so equal starting weights would do no harm: each output unit is compared with its own target, so its weights get their own gradient and move apart as soon as the targets differ; different starting values are simply the usual habit"
        }
        let saturating = uniqueActivations.filter(\.saturates)
        if !saturating.isEmpty {
            why +=
                ", and small ones keep "
                + saturating.map(\.rawValue).joined(separator: " and ")
                + " units away from their flat ends, where the slope and so the gradient is tiny"
        }
        return why + "."
    }
}
