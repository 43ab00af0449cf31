/// How a network does on one set of samples (training, validation or test).
///
/// `cost` is the mean per-sample loss (1/n)Σ loss, without the regularisation term, so the
/// three sets are compared on the same footing; `regressionError` is the 15 Steps'
/// Σₖ Σᵢ (tᵢₖ − oᵢₖ)²/(n · outputs); a sample is classified by its largest output (a single
/// output: 1 when ≥ 0.5) and counts as wrong when that differs from its target's class.
public struct SetEvaluation: Equatable, Sendable {
    /// n, the number of samples.
    public var count: Int
    /// (1/n) Σ per-sample loss, no regularisation (NaN for an empty set).
    public var cost: Double
    /// Σ(t − o)²/(n · outputs) (NaN for an empty set).
    public var regressionError: Double
    /// Samples whose predicted class is not their target's.
    public var misclassified: Int
    /// `confusion[t][p]`: samples of true class t predicted as class p (classes 0-based; a
    /// single output has classes 0 and 1).
    public var confusion: [[Int]]
    /// The network's output a⁽ᴸ⁾ for each sample, in order.
    public var outputs: [[Double]]
    /// The 0-based indices of the misclassified samples, ascending.
    public var misclassifiedIndices: [Int] = []

    /// misclassified / n (NaN for an empty set).
    public var classificationError: Double {
        count == 0 ? .nan : Double(misclassified) / Double(count)
    }

    /// 1 − classification error.
    public var accuracy: Double { 1 - classificationError }

    /// Evaluates `network` on `samples` with one batched forward pass.
    public static func evaluate(_ network: Network, on samples: [Lesson.Sample]) -> SetEvaluation {
        evaluate(network, inputs: Matrix(samples.map(\.x)), targets: Matrix(samples.map(\.y)))
    }

    /// Evaluates `network` on the rows of `inputs` and `targets` (row k = sample k).
    public static func evaluate(_ network: Network, inputs: Matrix, targets: Matrix) -> SetEvaluation {
        let outputCount = network.layerSizes[network.layerCount - 1]
        let classCount = outputCount == 1 ? 2 : outputCount
        var confusion = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        let n = targets.rows
        guard n > 0 else {
            return SetEvaluation(
                count: 0, cost: .nan, regressionError: .nan, misclassified: 0, confusion: confusion, outputs: [])
        }
        let pass = network.forward(inputs: inputs, targets: targets)
        let outputs = pass.activations[network.layerCount - 1]
        var misclassified = 0
        var squares = 0.0
        var rows: [[Double]] = []
        var wrong: [Int] = []
        rows.reserveCapacity(n)
        for k in 0..<n {
            let output = outputs.row(k)
            let target = targets.row(k)
            for (o, t) in zip(output, target) { squares += (t - o) * (t - o) }
            let predicted = Tracer.predictedClass(output)
            let actual = Tracer.predictedClass(target)
            confusion[actual][predicted] += 1
            if predicted != actual {
                misclassified += 1
                wrong.append(k)
            }
            rows.append(output)
        }
        var lossSum = 0.0
        for loss in pass.sampleLosses { lossSum += loss }
        return SetEvaluation(
            count: n, cost: lossSum / Double(n), regressionError: squares / Double(n * outputCount),
            misclassified: misclassified, confusion: confusion, outputs: rows, misclassifiedIndices: wrong)
    }
}
