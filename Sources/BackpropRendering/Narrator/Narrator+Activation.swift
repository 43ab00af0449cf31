import BackpropCore

/// Steps 4 and 5: the activation function with its derivative, and the initial weights.
extension Narrator {
    func stepActivation() -> [Block] {
        var blocks: [Block] = []
        let g = notation.activationFunction
        let gPrime = notation.activationDerivative
        let z = Math.identifier("z")
        for activation in uniqueActivations {
            let gOfZ = Math.call(.activation(activation, written: g), [z])
            let gPrimeOfZ = Math.call(.derivative(of: activation, written: gPrime), [z])
            blocks.append(.heading(activation.rawValue))
            blocks.append(.equation(Equation(gOfZ, equals: [definition(of: activation)])))
            blocks.append(.equation(Equation(gPrimeOfZ, equals: derivativeForms(of: activation))))
            if let probe = trace.activationTable.first(where: { $0.activation == activation }) {
                let rows: [[[Inline]]] = probe.z.indices.map { k in
                    [[.m(.number(probe.z[k]))], [.m(.number(probe.value[k]))], [.m(.number(probe.derivative[k]))]]
                }
                let note =
                    activation == .softmax
                    ? " (softmax of the whole vector of points; g′ is its Jacobian's diagonal)" : ""
                blocks.append(
                    .paragraph([
                        .t("At Ng's check points (ex4 evaluates sigmoidGradient at −1, −0.5, 0, 0.5, 1)\(note):")
                    ]))
                blocks.append(
                    .table(
                        Table(
                            header: [[.m(z)], [.m(gOfZ)], [.m(gPrimeOfZ)]], rows: rows,
                            rightAligned: [true, true, true])))
            }
        }
        blocks.append(.paragraph([.t("At this lesson's weighted inputs, sample \(sampleNumber):")]))
        for l in 2...layerCount {
            let activation = activation(ofLayer: l)
            let a = sample.a[l - 1]
            var steps: [Math] = []
            switch activation {
            case .sigmoid:
                let one = Math.integer(1)
                steps.append(.hadamard(notation.activation(l), .subtract(one, notation.activation(l))))
                steps.append(.hadamard(vector(a), .subtract(one, vector(a))))
            case .tanh:
                steps.append(.subtract(.integer(1), .hadamard(notation.activation(l), notation.activation(l))))
            case .relu, .linear, .scaledTanh, .softmax:
                steps.append(.call(derivativeFunction(ofLayer: l), [vector(sample.z[l - 2])]))
            }
            steps.append(vector(sample.activationDerivative[l - 2]))
            blocks.append(
                .equation(
                    Equation(.call(derivativeFunction(ofLayer: l), [notation.weightedInput(l)]), equals: steps)))
        }
        blocks.append(
            .why([
                .t(
                    "Backprop multiplies by the slope of every unit the error passes through (the chain rule), so each activation is defined together with its derivative; the sigmoid's slope is largest, 0.25, at z = 0 and tiny for large |z|."
                )
            ]))
        return blocks
    }

    /// tanh as a function of z, meaning the tanh activation.
    static let tanh = MathFunction.activation(.tanh, written: .identifier("tanh"))

    /// The activation's definition, g(z) = ….
    func definition(of activation: Activation) -> Math {
        let z = Math.identifier("z")
        let one = Math.integer(1)
        switch activation {
        case .sigmoid:
            return .divide(one, .add([one, .superscripted(.identifier("e"), .negate(z))]))
        case .tanh: return .call(Self.tanh, [z])
        case .relu: return .call(.named("max"), [.integer(0), z])
        case .linear: return z
        case .scaledTanh: return .divide(.add([.call(Self.tanh, [z]), one]), .integer(2))
        case .softmax:
            return .divide(
                .superscripted(.identifier("e"), .subscripted(z, .identifier("i"))),
                .sum(.identifier("k"), .superscripted(.identifier("e"), .subscripted(z, .identifier("k")))))
        }
    }

    func derivativeForms(of activation: Activation) -> [Math] {
        let z = Math.identifier("z")
        let one = Math.integer(1)
        let g = notation.activationFunction
        switch activation {
        case .sigmoid:
            let gOfZ = Math.call(.activation(.sigmoid, written: g), [z])
            return [
                .juxtaposed(gOfZ, .subtract(one, gOfZ)),
                .juxtaposed(.identifier("a"), .subtract(one, .identifier("a"))),
            ]
        case .tanh:
            return [
                .subtract(one, .superscripted(.call(Self.tanh, [z]), .integer(2))),
                .subtract(one, .superscripted(.identifier("a"), .integer(2))),
            ]
        case .relu: return [.text("1 if z > 0, else 0 (0 at z = 0 by convention)")]
        case .linear: return [one]
        case .scaledTanh:
            let tanhSquared = MathFunction(.superscripted(.identifier("tanh"), .integer(2)), meaning: nil)
            return [.divide(.subtract(one, .call(tanhSquared, [z])), .integer(2))]
        case .softmax:
            return [
                .juxtaposed(
                    .subscripted(.identifier("a"), .identifier("i")),
                    .subtract(one, .subscripted(.identifier("a"), .identifier("i")))),
                .text("(the Jacobian's diagonal; δ = a − y needs none)"),
            ]
        }
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
            blocks.append(.equation(Equation(notation.weights(l), equals: [weightsValue(theta)])))
            if notation.biasLayout == .separateVector {
                blocks.append(.equation(Equation(notation.bias(l), equals: [biasValue(theta)])))
            }
        }
        if notation.biasLayout == .lastRow {
            blocks.append(
                .paragraph([
                    .t("W is Θᵀ: one column per unit it feeds, one row per input, the bias weights in the last row.")
                ]))
        }
        blocks.append(
            .why([
                .t(
                    "If every weight started equal, every hidden unit would compute the same value and receive the same gradient, so they would stay identical forever; different small starting values break that symmetry, and small ones keep sigmoid units away from their flat ends."
                )
            ]))
        return blocks
    }
}
