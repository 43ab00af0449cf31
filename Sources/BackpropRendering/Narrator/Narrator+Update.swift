import BackpropCore

/// The weight update shared by step 12 (one sample) and step 15 (the batch gradient).
extension Narrator {
    /// Θ := Θ − α·gradient (or, with the 15 Steps' negated delta, W := W + η·ΔW) for the
    /// weights leaving layer l: the symbolic rule, the numbers substituted, and the result
    /// `after` from the trace. `gradientSymbol` is one sample's gradient (step 12) or the
    /// batch gradient (step 15).
    ///
    /// When the lesson freezes the biases, the numbers line applies the gradient with its bias
    /// entries set to 0 (the paragraph before says so), so the line equals the result it leads to.
    func updateEquation(l: Int, gradient: Matrix, after: Matrix, gradientSymbol: Math) -> Block {
        // Hyper-parameters print as the lesson gives them (0.5, not 0.5000; review D9).
        let rate = Math.number(trace.lesson.learningRate, .roundTrip)
        let before = weightsValue(trace.weights[l - 1], style: startingWeightStyle)
        var gradient = gradient
        if !trace.lesson.updateBiases {
            // Frozen biases: their gradient entries are applied as 0 (`frozenBiasNote` says so).
            for i in 0..<gradient.rows { gradient[i, 0] = 0 }
        }
        // The matrix substituted for the gradient has its bias weights' entries zeroed; where
        // they sit inside the matrix, the symbolic line says so (review M9).
        var masked: String? = nil
        if !trace.lesson.updateBiases {
            switch notation.biasLayout {
            case .firstColumn: masked = "frozen biases: bias column set to 0"
            case .lastRow: masked = "frozen biases: bias row set to 0"
            case .separateVector: masked = nil
            }
        }
        switch notation.deltaSign {
        case .negatedLossGradient:
            // Updates add η times the notation's gradient, which is minus ∂E/∂W; the batch
            // gradient symbol ∂E/∂W is written with its minus sign.
            let added = gradientSymbol == sampleGradientSymbol(l) ? gradientSymbol : .negate(gradientSymbol)
            return .equation(
                Equation(
                    notation.weights(l),
                    [
                        .init(
                            .assign, .add([notation.weights(l), .times(notation.learningRate, added)]), comment: masked),
                        .init(.equals, .add([before, .times(rate, gradientValue(gradient))])),
                        .init(.equals, weightsValue(after)),
                    ]))
        case .lossGradient:
            return .equation(
                Equation(
                    notation.weights(l),
                    [
                        .init(
                            .assign, .subtract(notation.weights(l), .juxtaposed(notation.learningRate, gradientSymbol)),
                            comment: masked),
                        .init(.equals, .subtract(before, .times(rate, matrix(shaped(gradient))))),
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
                        .subtract(
                            notation.bias(l), .juxtaposed(notation.learningRate, .partial(cost, notation.bias(l))))),
                    .init(
                        .equals,
                        .subtract(
                            vector(before.column(0), style: startingWeightStyle),
                            .times(.number(trace.lesson.learningRate, .roundTrip), vector(gradient.column(0))))),
                    .init(.equals, vector(after.column(0))),
                ]))
    }

    /// The sentence that explains frozen biases in an update: where the bias weights are and
    /// that their gradient entries are applied as 0, so the printed numbers add up.
    var frozenBiasNote: String {
        switch notation.biasLayout {
        case .firstColumn: return "this lesson freezes the bias weights, so column 0 of the gradient is applied as 0"
        case .lastRow: return "this lesson freezes the bias weights, so the last row of the gradient is applied as 0"
        case .separateVector: return "this lesson freezes the biases, so only the weights change"
        }
    }

    /// A symbol's plain spelling for a comment (E, W): identifiers only.
    func plainName(_ symbol: Math) -> String {
        switch symbol {
        case .identifier(let name): return name
        case .superscripted(let base, _), .subscripted(let base, _), .scripted(let base, _, _): return plainName(base)
        default: return "?"
        }
    }
}
