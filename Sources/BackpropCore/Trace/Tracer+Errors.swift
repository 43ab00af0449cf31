extension Tracer {
    /// The 15 Steps' regression error, Σₖ Σᵢ (tᵢₖ − oᵢₖ)² / (samples · outputs): the squared
    /// difference between every target and output entry, averaged over all of them.
    ///
    /// Tulleken monitors this number. It is not the cost E of a squared-error lesson, which
    /// averages one ½Σₖ(tₖ − oₖ)² per sample: for the same outputs the regression error is
    /// (2/outputs) · E without regularisation. `outputs` and `targets` hold one sample per row.
    static func regressionError(outputs: Matrix, targets: Matrix) -> Double {
        let count = outputs.rows * outputs.columns
        guard count > 0 else { return 0 }
        var sum = 0.0
        for k in 0..<outputs.rows {
            for (o, t) in zip(outputs.row(k), targets.row(k)) { sum += (t - o) * (t - o) }
        }
        return sum / Double(count)
    }
}
