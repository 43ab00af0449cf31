import BackpropCore

/// Every quantity of one pass over the lesson's training samples, computed the way a learner
/// writes ex4's loop (one sample t at a time), with `mistake` deciding each point where
/// learners go wrong. With `CorrectPass` it equals the engine's trace (tested).
///
/// Layouts are `Quantity`'s: per-sample quantities are m × sₗ (row t = sample t), a hidden δ
/// kept with its bias entry has sₗ + 1 columns, Δ/D/Θ have Θ's shape.
public struct DiagnosisPass: Sendable {
    /// The values by quantity.
    public let values: [Quantity: Matrix]

    /// Runs the lesson's samples through the network with `mistake`'s changes.
    public init(lesson: Lesson, mistake: any Mistake) {
        var backward = lesson.network.weights
        if mistake.backpropagatesUpdatedWeights {
            // The learner updated Θ before propagating δ back through it: the right update first.
            let right = Self.run(lesson: lesson, mistake: CorrectPass(), backwardWeights: backward)
            backward = (1..<lesson.network.layerCount).compactMap { right[.updatedWeights($0)] }
        }
        values = Self.run(lesson: lesson, mistake: mistake, backwardWeights: backward)
    }

    private static func run(lesson: Lesson, mistake: any Mistake, backwardWeights: [Matrix]) -> [Quantity: Matrix] {
        let network = lesson.network
        let weights = network.weights
        let L = network.layerCount
        let m = lesson.samples.count
        var a: [[[Double]]] = Array(repeating: [], count: L + 1)  // a[l][t]
        var z: [[[Double]]] = Array(repeating: [], count: L + 1)
        var delta: [[[Double]]] = Array(repeating: [], count: L + 1)
        var accumulators = weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        var lossSum = 0.0
        for sample in lesson.samples {
            // Forward: z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾[1; a⁽ˡ⁾], a⁽ˡ⁺¹⁾ = g(z⁽ˡ⁺¹⁾).
            var activations: [[Double]] = [[], sample.x]
            var inputs: [[Double]] = [[], []]
            for l in 1..<L {
                let theta = weights[l - 1]
                let previous = [1] + activations[l]
                let zNext = (0..<theta.rows).map { i in (0..<theta.columns).reduce(0) { $0 + theta[i, $1] * previous[$1] } }
                inputs.append(zNext)
                activations.append(network.activations[l - 1].values(zNext))
            }
            let classNumber = Tracer.predictedClass(sample.y) + 1
            let y = mistake.target(oneHot: sample.y, classNumber: classNumber)
            lossSum += mistake.sampleLoss(z: inputs[L], a: activations[L], y: y, network: network)
            // Backward: δ⁽ᴸ⁾, then δ⁽ˡ⁾ = (Θ⁽ˡ⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g′(z⁽ˡ⁾), bias entry dropped.
            var deltas: [[Double]] = Array(repeating: [], count: L + 1)
            deltas[L] = mistake.outputDelta(z: inputs[L], a: activations[L], y: y, network: network)
            var kept: [[Double]] = Array(repeating: [], count: L + 1)
            for l in stride(from: L - 1, through: 2, by: -1) {
                let theta = backwardWeights[l - 1]
                let next = deltas[l + 1]
                let propagated = (0..<theta.columns).map { j in (0..<theta.rows).reduce(0) { $0 + theta[$1, j] * next[$1] } }
                // The bias unit's entry: its "z" is taken as 1, as ex4's sigmoidGradient([1; z2]).
                let slopes = mistake.hiddenSlope(
                    z: [1] + inputs[l], a: [network.activations[l - 2].values([1])[0]] + activations[l],
                    activation: network.activations[l - 2])
                let full = zip(propagated, slopes).map(*)
                deltas[l] = Array(full.dropFirst())
                kept[l] = mistake.keepsBiasDelta ? full : deltas[l]
            }
            for l in 1..<L {
                let outer = Matrix.outer(deltas[l + 1], [1] + activations[l])
                accumulators[l - 1] = accumulators[l - 1] + outer
            }
            for l in 1...L { a[l].append(activations[l]) }
            for l in 2...L {
                z[l].append(inputs[l])
                delta[l].append(l < L ? kept[l] : deltas[l])
            }
        }
        var values: [Quantity: Matrix] = [:]
        for l in 1...L { values[.activation(l)] = Matrix(a[l]) }
        for l in 2...L {
            values[.weightedInput(l)] = Matrix(z[l])
            values[.delta(l)] = Matrix(delta[l])
        }
        values[.cost] = Matrix([[mistake.cost(lossSum: lossSum, m: m, lambda: lesson.lambda, weights: weights)]])
        for l in 1..<L {
            values[.accumulator(l)] = accumulators[l - 1]
            let d = mistake.gradient(accumulator: accumulators[l - 1], theta: weights[l - 1], m: m, lambda: lesson.lambda)
            values[.gradient(l)] = d
            let right = CorrectPass().gradient(
                accumulator: accumulators[l - 1], theta: weights[l - 1], m: m, lambda: lesson.lambda)
            // A wrong-shaped gradient (transposed) still updates with the right numbers' shape.
            let step = d.rows == right.rows && d.columns == right.columns ? d : right
            values[.updatedWeights(l)] = mistake.update(
                theta: weights[l - 1], gradient: step, learningRate: lesson.learningRate,
                updatesBiases: lesson.updatesBiases)
        }
        return values
    }
}
