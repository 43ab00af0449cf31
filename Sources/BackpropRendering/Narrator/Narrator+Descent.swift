import BackpropCore

/// Step 15: one step of gradient descent, and the cost over the training epochs.
extension Narrator {
    /// The epochs whose cost step 15 lists (those the run reaches), then always the last one.
    static let shownEpochs = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
    func stepGradientDescent() -> [Block] {
        var blocks: [Block] = [
            .paragraph([
                .t("One step of gradient descent with "),
                .m(.binary(notation.learningRate, .equals, .number(trace.lesson.learningRate, .roundTrip))),
                .t(
                    trace.lesson.updateBiases
                        ? ":" : " (" + frozenBiasNote + "):"),
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
        // One line, so the two costs are read together (review K3).
        blocks.append(
            .paragraph([
                .t("The cost before and after this one step: "),
                .m(.binary(.text("before"), .equals, .number(trace.cost))), .t(", "),
                .m(.binary(.text("after"), .equals, .number(trace.costAfterUpdate))), .t("."),
            ]))
        blocks += firstOrderBlocks
        guard let training = trace.training else { return blocks }
        let costs = training.costs
        var epochs: [Int] = Self.shownEpochs.filter {
            $0 < costs.count - 1
        }
        epochs.append(costs.count - 1)
        let rows: [[[Inline]]] = epochs.map { [[.t("\($0)")], [.m(.number(costs[$0]))]] }
        let cut =
            training.requestedEpochs.map {
                " (the lesson asks for \($0) epochs; this step stops after \(training.epochs), about two seconds of work for a network of this size on this many samples; `train` runs them all, with progress)"
            } ?? ""
        blocks.append(
            .paragraph([
                .t("Repeating the step: the cost over \(training.epochs) epochs of full-batch gradient descent\(cut):")
            ]))
        blocks.append(
            .table(
                Table(
                    header: [[.t("epoch")], [.t("cost "), .m(notation.cost)]], rows: rows, rightAligned: [true, true])))
        // A run that diverged gets its own explanation instead of "the cost falls".
        let divergence = divergenceBlocks()
        guard divergence.isEmpty else { return blocks + divergence }
        blocks.append(.why(descentWhy))
        return blocks
    }

    /// The first-order prediction of the step's change in the cost, −α times the sum of the
    /// squared gradient entries applied (bias entries out when frozen), beside the actual change.
    var firstOrderBlocks: [Block] {
        let rate = trace.lesson.learningRate
        let squares = trace.appliedGradientSquaredNorm
        let predicted = trace.predictedCostChange
        let actual = trace.costAfterUpdate - trace.cost
        guard predicted.isFinite, actual.isFinite else { return [] }
        // The sentence below compares the two: print them with digits that differ (review M5).
        let compared = NumberFormat(decimals: decimals).style(telling: predicted, from: actual)
        var blocks: [Block] = [
            .paragraph([
                .t("To first order, a step of "), .m(notation.learningRate),
                .t(
                    " against the gradient changes the cost by minus the learning rate times the sum of the squared gradient entries it applies"
                ),
                .t(trace.lesson.updateBiases ? "" : " (the frozen bias entries count as 0)"),
                .t(", here "), .m(.number(squares)), .t(":"),
            ]),
            .equation(
                Equation(
                    .text("predicted change"),
                    [
                        .init(
                            .approximately, .negate(.parenthesized(.times(.number(rate, .roundTrip), .number(squares))))
                        ),
                        .init(.equals, .number(predicted, compared)),
                    ])),
            .equation(
                Equation(
                    .text("actual change"),
                    [
                        .init(.equals, .subtract(.number(trace.costAfterUpdate), .number(trace.cost))),
                        .init(.equals, .number(actual, compared)),
                    ])),
        ]
        let comparison: String
        if actual > 0 {
            comparison =
                "The prediction is a fall but the cost rose: the step left the region where the straight-line picture holds."
        } else if actual > predicted {
            comparison =
                "The cost fell by less than predicted: the slope flattens along the step, so the straight-line estimate overshoots; the smaller the step, the closer the two."
        } else {
            comparison =
                "The cost fell by more than predicted: the slope steepens along the step, so the straight-line estimate undershoots; the smaller the step, the closer the two."
        }
        blocks.append(.paragraph([.t(comparison)]))
        return blocks
    }

    /// Why a step against the gradient works, true to this lesson's numbers: when the one step
    /// raised the cost, the text says so and blames the step's size instead of claiming a fall.
    var descentWhy: [Inline] {
        if trace.costAfterUpdate < trace.cost {
            return [
                .t(
                    "The gradient points uphill, so a small step against it lowers the cost, as the numbers show; the learning rate sets the step's size: too small and training crawls, too large and the cost overshoots and may rise."
                )
            ]
        }
        return [
            .t("Here the step raised the cost (from "), .m(.number(trace.cost)), .t(" to "),
            .m(.number(trace.costAfterUpdate)),
            .t("): the gradient only says which way is downhill near the current weights, and a step of "),
            .m(.binary(notation.learningRate, .equals, .number(trace.lesson.learningRate, .roundTrip))),
            .t(" overshoots that region. A smaller learning rate makes the same direction lower the cost."),
        ]
    }
}
