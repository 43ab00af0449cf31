import BackpropCore

/// Step 15's plain statement that the training run diverged, read from
/// `Trace.TrainingRun.divergence` (the Tracer decides; see `Trace.Divergence` for the rule).
extension Narrator {
    /// The blocks that say training diverged at epoch N and why, or none when it did not
    /// (or when the trace has no training run).
    ///
    /// Meant to follow step 15's table of costs: a paragraph naming the epoch and what
    /// happened to J there, and a "why" note blaming the learning rate with a concrete value
    /// to try (a tenth of it). Numbers come from the trace; nothing is computed but α / 10.
    func divergenceBlocks() -> [Block] {
        guard let training = trace.training, let divergence = training.divergence else { return [] }
        let rate = trace.lesson.learningRate
        let what: [Inline]
        switch divergence.reason {
        case .notFinite:
            what = [
                .t(" the cost "), .m(notation.cost),
                .t(" stopped being a number (NaN or ∞): the weights grew until they overflowed."),
            ]
        case .costRose:
            what = [
                .t(" the cost "), .m(notation.cost), .t(" rose to "),
                .m(.number(training.costs[divergence.epoch])),
                .t(
                    ", more than \(Int(Trace.Divergence.riseFactor)) times its starting value, instead of falling."
                ),
            ]
        }
        return [
            .paragraph([.emphasis("Training diverged at epoch \(divergence.epoch):")] + what),
            .why([
                // Learning rates as the lesson gives them, 0.45 and 0.045 (review K8).
                .t("The learning rate "), .m(.binary(notation.learningRate, .equals, .number(rate, .roundTrip))),
                .t(
                    " is too large for this network: each step overshoots the minimum by more than it gains, so the next gradient is larger still. Try a smaller learning rate, such as "
                ),
                .m(.binary(notation.learningRate, .equals, .number(rate / 10, .roundTrip))), .t("."),
            ]),
        ]
    }
}
