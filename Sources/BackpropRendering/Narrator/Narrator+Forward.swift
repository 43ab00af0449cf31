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
                        ? [vector(sample.x)] : [notation.input, vector(sample.x)])),
        ]
        for l in 1..<layerCount {
            let theta = trace.weights[l - 1]
            let a = sample.a[l - 1]
            let z = sample.z[l - 1]
            let zSymbol = notation.weightedInput(l + 1)
            let symbolic: Math
            let substituted: Math
            switch notation.biasLayout {
            case .firstColumn:
                symbolic = product(notation.weights(l), activationWithBias(l))
                substituted = product(weightsValue(theta), vectorWithBias(a))
            case .lastRow:
                symbolic = product(activationWithBias(l), notation.weights(l))
                substituted = product(vectorWithBias(a), weightsValue(theta))
            case .separateVector:
                symbolic = .add([product(notation.weights(l), notation.activation(l)), notation.bias(l)])
                substituted = .add([product(weightsValue(theta), vector(a)), biasValue(theta)])
            }
            blocks.append(.equation(Equation(zSymbol, equals: [symbolic, substituted, vector(z)])))
            if a.count <= Self.largestShown {
                blocks.append(.paragraph([.t("Unit 1 of layer \(l + 1) by hand:")]))
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
        blocks.append(
            .why([
                .t(
                    "Each unit adds up its weighted inputs (the bias weight times 1 included) and squashes the sum with the activation function; stacking layers composes these functions, and the last layer's activations are the network's output."
                )
            ]))
        return blocks
    }

    /// z of unit 1 of layer l + 1 as an explicit sum: bias weight · 1 + Σⱼ weight · aⱼ
    /// (j = 0 is the bias weight, times the bias unit 1).
    func unitSum(layer l: Int, theta: Matrix, a: [Double], z: Double) -> Equation {
        var symbolic: [Math] = [.times(weightEntry(layer: l, i: 1, j: 0), .integer(1))]
        var numeric: [Math] = [.times(.number(theta[0, 0]), .integer(1))]
        for j in 1...a.count {
            symbolic.append(.times(weightEntry(layer: l, i: 1, j: j), unit(.activation, l, j)))
            numeric.append(.times(.number(theta[0, j]), .number(a[j - 1])))
        }
        return Equation(unit(.weightedInput, l + 1, 1), equals: [.add(symbolic), .add(numeric), .number(z)])
    }

    func stepCost() -> [Block] {
        let info = trace.lesson
        let m = notation.sampleCount
        let h = notation.activation(layerCount)
        let y = notation.target
        let outputActivation = info.activations[info.activations.count - 1]
        let term: Math
        switch (info.loss, outputActivation) {
        case (.crossEntropy, .softmax):
            term = .negate(
                .sum(
                    .identifier("k"),
                    .times(.subscripted(y, .identifier("k")), .call(.log, [.subscripted(h, .identifier("k"))]))))
        case (.crossEntropy, _):
            let yk = Math.subscripted(y, .identifier("k"))
            let hk = Math.subscripted(h, .identifier("k"))
            term = .sum(
                .identifier("k"),
                .bracketed(
                    .subtract(
                        .times(.negate(yk), .call(.log, [hk])),
                        .times(.subtract(.integer(1), yk), .call(.log, [.subtract(.integer(1), hk)])))))
        case (.squaredError, _):
            let yk = Math.subscripted(y, .identifier("k"))
            let hk = Math.subscripted(h, .identifier("k"))
            let difference: Math
            switch notation.squaredErrorDifference {
            case .outputMinusTarget: difference = .subtract(hk, yk)
            case .targetMinusOutput: difference = .subtract(yk, hk)
            }
            term = .juxtaposed(
                .divide(.integer(1), .integer(2)),
                .sum(.identifier("k"), .superscripted(.parenthesized(difference), .integer(2))))
        }
        let regularizer = Math.juxtaposed(
            .divide(notation.lambda, .juxtaposed(.integer(2), m)),
            .sum(
                .text("l,i,j≥1"),
                .superscripted(.subscripted(.identifier(notation.weightLetter), .identifier("ij")), .integer(2))))
        var blocks: [Block] = [
            .paragraph([
                .t(
                    "The cost averages one loss term per sample and adds the regularisation term (the bias weights are not regularised):"
                )
            ]),
            .equation(
                Equation(
                    notation.cost,
                    equals: [.add([.juxtaposed(.divide(.integer(1), m), .sum(.identifier("i"), term)), regularizer])])),
        ]
        var rows: [[[Inline]]] = []
        for sample in trace.samples.prefix(Self.tableSampleCount) {
            rows.append([
                [.t("\(sample.index + 1)")], [.m(rowVector(sample.a[layerCount - 1]))], [.m(rowVector(sample.y))],
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
                .t(" with "), .m(.binary(notation.lambda, .equals, .number(info.lambda))), .t("."),
            ]))
        let wrong = Int((trace.classificationError * Double(trace.m)).rounded())
        blocks.append(
            .paragraph([
                .t(
                    "Classification error: \(wrong) of \(trace.m) training samples are predicted in the wrong class (a fraction of "
                ),
                .m(.number(trace.classificationError)), .t(")."),
            ]))
        let why: String
        switch info.loss {
        case .crossEntropy:
            why =
                "Cross-entropy is Ng's logistic cost: it grows without bound as an output approaches the wrong 0 or 1, and it pairs with sigmoid or softmax outputs so that the output error becomes simply a − y (step 10)."
        case .squaredError:
            why =
                "Squared error (Mazur's E_total, the 15 Steps' regression error) measures the distance between output and target; the factor 1/2 cancels the 2 from differentiating the square."
        }
        blocks.append(.why([.t(why)]))
        return blocks
    }
}
