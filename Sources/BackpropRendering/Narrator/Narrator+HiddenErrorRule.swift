import BackpropCore

/// The hidden-layer error rule δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ ⊙ g′(z⁽ˡ⁾) in the notation, symbolic and with
/// numbers: shared by step 11 and step 12.
extension Narrator {
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
        let derivative: MathFunction
        switch l {
        case .number(let n): derivative = derivativeFunction(ofLayer: n)
        // A rule for every layer has no one activation: g′ only prints.
        case .general: derivative = MathFunction(notation.activationDerivative, meaning: nil)
        }
        let g = Math.call(derivative, [notation.weightedInput(l)])
        let backwards =
            notation.vectorsAreRows
            ? product(notation.delta(next), .transpose(notation.weights(l)))
            : product(.transpose(notation.weights(l)), notation.delta(next))
        return Equation(
            notation.delta(l),
            [.init(.equals, .hadamard(backwards, g), comment: hiddenRuleComment)])
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
            // (Θᵀδ) ⊙ g′ with the numbers: the product is grouped as in the symbolic line.
            .hadamard(backwards, slopes),
            .hadamard(vector(propagated.map(signed)), slopes),
            deltaValue(sample.delta[l - 2]),
        ]
    }
}

/// Step 11's explanations: what a hidden δ means, measured (the trace's sensitivity probe),
/// the chain rule for one hidden weight, and why the rule holds, in the notation's symbols.
extension Narrator {
    /// Up to this many terms, a Σ over the next layer is also written out with its numbers.
    static let largestWrittenOutSum = 4

    /// What the matrix form leaves out of the weights, by where the notation keeps the biases.
    var biasDroppedClause: String {
        switch notation.biasLayout {
        case .firstColumn:
            return " (the bias column of the weights is dropped: the bias unit has no input, so no error flows to it)"
        case .lastRow:
            return " (the bias row of the weights is dropped: the bias unit has no input, so no error flows to it)"
        case .separateVector:
            return " (the biases take no part: a bias has no input, so no error flows back to it)"
        }
    }

    /// ∂(sample loss)/∂`of`, or minus it for a notation whose delta is negated.
    func signedPartial(_ of: Math) -> Math {
        negatesDelta ? .negate(.partial(notation.sampleCost, of)) : .partial(notation.sampleCost, of)
    }

    /// "Meaning: δ⁽²⁾ = ∂J⁽ⁱ⁾/∂z⁽²⁾ …", with the notation's sign and per-sample loss.
    func hiddenErrorMeaning() -> [Block] {
        [
            .paragraph([
                .t("Meaning: "),
                .m(.binary(notation.delta(2), .equals, signedPartial(notation.weightedInput(2)))),
                .t(
                    negatesDelta
                        ? ", minus the sensitivity of this sample's loss to each unit's weighted input: a positive delta means that raising the unit's net input lowers the loss."
                        : ", the sensitivity of this sample's loss to each unit's weighted input."
                ),
                .t(
                    " A hidden unit has no target to compare its output with, so its error cannot be read off as the output layer's was; it is inferred from the errors of the units it feeds, weighted by the connecting weights."
                ),
            ])
        ]
    }

    /// The trace's sensitivity probe for this sample: z of one unit of the last hidden layer
    /// moved by ±ε and the loss recomputed, the slope compared with δ; a unit within ε of a
    /// ReLU kink (probed only when every unit is) is said to be one, not to agree.
    func sensitivityProbeBlocks() -> [Block] {
        guard heldOutSet == nil, let probe = trace.sensitivityProbe(forSample: sampleIndex) else { return [] }
        let probeDecimals = probeCostDecimals(probe.lossPlus, probe.lossMinus, slope: probe.slope)
        let l = probe.layer
        let i = probe.unit + 1
        let z = unit(.weightedInput, l, i)
        let deltaSymbol = unit(.delta, l, i)
        let loss = notation.sampleCost
        let epsilon = Math.identifier("ε")
        let deltaValue = sample.delta[l - 2][probe.unit]
        let zValue = sample.z[l - 2][probe.unit]
        let atKink = activation(ofLayer: l) == .relu && abs(zValue) <= probe.epsilon
        let closing: [Inline] =
            atKink
            ? [
                .t(" is not "),
                .m(.binary(negatesDelta ? .negate(deltaSymbol) : deltaSymbol, .equals, .number(deltaValue))),
                .t(
                    ": this unit's weighted input is within ε of ReLU's kink at 0, where the loss has two slopes, and moving it by ±ε crosses the kink, so the central difference mixes the slope on each side while backprop uses the slope on the side where z is (0 at z = 0 exactly). Away from a kink the two agree."
                ),
            ]
            : [
                .t("That is "),
                .m(.binary(negatesDelta ? .negate(deltaSymbol) : deltaSymbol, .equals, .number(deltaValue))),
                .t(
                    " from above: moving the unit's weighted input by ε moves this sample's loss by about \(negatesDelta ? "minus its delta" : "its error") times ε. No target was needed to find it."
                ),
            ]
        return [
            .paragraph(
                [
                    .t("What the error means can be measured. Move "), .m(z),
                    .t(" of sample \(sampleNumber) by "),
                    .m(.binary(epsilon, .equals, .number(probe.epsilon, .roundTrip))),
                    .t(" up and down, redo the rest of the forward pass, and recompute this sample's loss "), .m(loss),
                    .t(":"),
                ]),
            .equation(
                Equation(
                    .partial(loss, z),
                    [
                        .init(.approximately, centralDifference(loss, at: z)),
                        .init(
                            .equals,
                            .divide(
                                .subtract(
                                    .number(probe.lossPlus, .fixed(probeDecimals)),
                                    .number(probe.lossMinus, .fixed(probeDecimals))),
                                .times(.integer(2), .number(probe.epsilon, .roundTrip)))),
                        .init(.equals, .number(probe.slope)),
                    ])),
            .paragraph(atKink ? [.t("The measured slope")] + closing : closing),
        ]
    }

    /// ∂(sample loss)/∂w for the first weight into the last hidden layer, factor by factor as
    /// Mazur derives ∂E_total/∂w₁: the next layer's errors sent back to the unit's activation,
    /// the unit's slope, and the activation the weight multiplies.
    func hiddenWeightChain() -> [Block] {
        let L = layerCount
        guard L > 2 else { return [] }
        let l = L - 1
        let loss = notation.sampleCost
        // The weight chosen with --weight when it leads into this layer, else w(1, 1):
        // hidden unit h, fed by unit j of the layer before.
        let (h, j) = hiddenWeight
        let out = unit(.activation, l, h)
        let net = unit(.weightedInput, l, h)
        let w = weightEntry(layer: l - 1, i: h, j: j)
        let theta = trace.weights[l - 1]
        let next = sample.delta[l - 1]
        let propagated = sample.propagatedError[l - 2][h - 1]
        let slope = sample.activationDerivative[l - 2][h - 1]
        let input = sample.a[l - 2][j - 1]
        var blocks: [Block] = [
            .paragraph([
                .t("The chain rule for one weight into a hidden layer, "), .m(w),
                .t(", factor by factor: the weight changes "), .m(net), .t(", which changes "), .m(out),
                .t(
                    next.count == 1
                        ? ", which reaches the loss through the one unit of \(notation.layerName(L)) it feeds, one path:"
                        : ", which reaches the loss through each of the \(next.count) units of \(notation.layerName(L)) it feeds, one path each:"
                ),
            ])
        ]
        if next.count <= Self.largestWrittenOutSum {
            let symbols = (1...next.count).map { k -> Math in
                .times(
                    negatesDelta ? .parenthesized(.negate(unit(.delta, L, k))) : unit(.delta, L, k),
                    weightEntry(layer: l, i: k, j: h))
            }
            let numbers = (1...next.count).map { k -> Math in
                .times(.number(next[k - 1]), .number(theta[k - 1, h]))
            }
            blocks.append(
                .equation(
                    Equation(
                        .partial(loss, out),
                        equals: [
                            next.count == 1 ? symbols[0] : .add(symbols),
                            next.count == 1 ? numbers[0] : .add(numbers),
                            .number(propagated),
                        ])))
        }
        blocks.append(
            .equation(
                Equation(
                    .partial(loss, w),
                    equals: [
                        .times(.times(.partial(loss, out), .partial(out, net)), .partial(net, w)),
                        .times(.times(.number(propagated), .number(slope)), .number(input)),
                        .number(sample.gradient[l - 2][h - 1, j]),
                    ])))
        var closing: [Inline] = [
            .t("The first two factors make up "),
            .m(.binary(negatesDelta ? .negate(unit(.delta, l, h)) : unit(.delta, l, h), .equals, .partial(loss, net))),
            .t("; the last is the activation the weight multiplies, as in step 9."),
        ]
        if negatesDelta {
            closing.append(.t(" The 15 Steps' gradient entries hold minus this derivative, as their delta does."))
        }
        blocks.append(.paragraph(closing))
        return blocks
    }

    /// The "Why" of step 11: the chain rule through the next layer, in the notation's symbols.
    func hiddenErrorWhy() -> [Inline] {
        let L = layerCount
        let l = max(2, L - 1)
        let zj = unit(.weightedInput, l, 1)
        // k, not i: Ng's per-sample loss J⁽ⁱ⁾ already uses i for the sample.
        let i = UnitIndex.symbol("k")
        let zNext = notation.unit(.weightedInput, layer: l + 1, i)
        let weight = notation.weightEntry(layer: l, i: i, j: 1)
        let slope = Math.call(derivativeFunction(ofLayer: l), [zj])
        let loss = notation.sampleCost
        let why: [Inline] = [
            .t("The chain rule through the next layer: "), .m(zj),
            .t(" changes this sample's loss only through each "), .m(zNext), .t(" it feeds, by "),
            .m(.times(weight, slope)),
            .t(
                " per unit of change"
                    + (negatesDelta ? " (the 15 Steps' delta is minus these derivatives and obeys the same rule)" : "")
                    + ", so "),
            // The formula ends the paragraph with no period: with a layer-tagged slope
            // (activation_diff⁽²⁾) it fills a line of its own.
            .m(
                .binary(
                    .partial(loss, zj), .equals,
                    .row([.sum(.identifier("k"), .times(.partial(loss, zNext), weight)), .op(.product), slope]))),
        ]
        return why
    }
}
