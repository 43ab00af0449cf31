/// The numbers steps 13 and 15 tell about gradient descent beyond the totals: how one weight's
/// accumulator Δ fills up sample by sample, and what a first-order model predicts one step
/// does to the cost.
extension Trace {
    /// One weight's per-sample gradients and the accumulator's running sum after each, for
    /// step 13's table. The weight is chosen by a rule (`Tracer.accumulationExample`), never by
    /// lesson: the first weight, from the output layer back and row by row, that is not a bias
    /// weight and whose per-sample gradients take both signs; without one, the output layer's
    /// first non-bias weight.
    public struct AccumulationExample: Equatable, Codable, Sendable {
        /// Up to this many samples every one is listed; beyond it, the first `firstShownCount`,
        /// the last, and the first negative and first positive when the signs differ.
        public static let allSamplesLimit = 6
        /// How many samples are listed first when m > `allSamplesLimit`.
        public static let firstShownCount = 4

        /// The weight's matrix as a list index (0 is Θ⁽¹⁾), its row and its column in Ng's
        /// layout (column 0 holds the bias weights).
        public var layer: Int
        public var row: Int
        public var column: Int
        /// The listed samples (0-based, ascending).
        public var samples: [Int]
        /// Each listed sample's gradient entry (Ng's sign: ∂J⁽ⁱ⁾/∂Θ).
        public var gradients: [Double]
        /// The accumulator's entry after each listed sample (the last equals Δ's entry).
        public var runningSums: [Double]
        /// Whether some sample's gradient entry is positive and another's negative.
        public var changesSign: Bool
        /// The first sample with a negative and the first with a positive gradient entry,
        /// with those entries, when the signs differ (0-based sample, value).
        public var firstNegative: SampleValue?
        public var firstPositive: SampleValue?

        /// A sample (0-based) and one number of it.
        public struct SampleValue: Equatable, Codable, Sendable {
            public var sample: Int
            public var value: Double
        }
    }

    /// The change of the cost one step of gradient descent makes to first order:
    /// ΔJ ≈ −α‖D‖², with D's bias entries left out when the lesson freezes the biases (they
    /// are applied as 0). Compare with `costAfterUpdate − cost`.
    public var predictedCostChange: Double {
        var squares = 0.0
        for d in D {
            for i in 0..<d.rows {
                for j in 0..<d.columns where lesson.updateBiases || j != 0 { squares += d[i, j] * d[i, j] }
            }
        }
        return -lesson.learningRate * squares
    }

    /// ‖D‖², the squared length of the gradient as it is applied (bias entries out when frozen).
    public var appliedGradientSquaredNorm: Double {
        lesson.learningRate == 0 ? 0 : -predictedCostChange / lesson.learningRate
    }
}

extension Tracer {
    /// Step 13's example weight and its running sums (see `Trace.AccumulationExample`), from a
    /// backward pass over all m samples; `nil` when there are no samples.
    static func accumulationExample(pass: BatchPass, weights: [Matrix]) -> Trace.AccumulationExample? {
        let m = pass.sampleLosses.count
        guard m > 0, let outputLayer = weights.indices.last else { return nil }
        /// Sample k's gradient of Θ⁽ˡ⁺¹⁾[i, j]: δᵢ times the activation (or bias unit 1) at j.
        func entry(_ l: Int, _ i: Int, _ j: Int, _ k: Int) -> Double {
            pass.deltas[l][k, i] * (j == 0 ? 1 : pass.activations[l][k, j - 1])
        }
        func signs(_ l: Int, _ i: Int, _ j: Int) -> (negative: Int?, positive: Int?) {
            var negative: Int?
            var positive: Int?
            for k in 0..<m {
                let value = entry(l, i, j, k)
                if value < 0, negative == nil { negative = k }
                if value > 0, positive == nil { positive = k }
                if negative != nil, positive != nil { break }
            }
            return (negative, positive)
        }
        var chosen: (l: Int, i: Int, j: Int)?
        search: for l in weights.indices.reversed() {
            for i in 0..<weights[l].rows {
                for j in 1..<max(weights[l].columns, 1) {
                    let (negative, positive) = signs(l, i, j)
                    if negative != nil, positive != nil {
                        chosen = (l, i, j)
                        break search
                    }
                }
            }
        }
        let (l, i, j) = chosen ?? (outputLayer, 0, min(1, weights[outputLayer].columns - 1))
        let (negative, positive) = signs(l, i, j)
        let changesSign = negative != nil && positive != nil
        // The first few samples and the last, plus the two whose signs differ, so that the
        // sentence naming them points at rows of the table.
        let listed =
            m <= Trace.AccumulationExample.allSamplesLimit
            ? Array(0..<m) : Array(0..<Trace.AccumulationExample.firstShownCount) + [m - 1]
        let shown = Array(Set(listed + (changesSign ? [negative, positive].compactMap { $0 } : []))).sorted()
        var sums: [Double] = []
        var running = 0.0
        var next = 0
        for k in 0..<m {
            running += entry(l, i, j, k)
            if next < shown.count, shown[next] == k {
                sums.append(running)
                next += 1
            }
        }
        return .init(
            layer: l, row: i, column: j, samples: shown, gradients: shown.map { entry(l, i, j, $0) },
            runningSums: sums, changesSign: changesSign,
            firstNegative: changesSign ? negative.map { .init(sample: $0, value: entry(l, i, j, $0)) } : nil,
            firstPositive: changesSign ? positive.map { .init(sample: $0, value: entry(l, i, j, $0)) } : nil)
    }
}
