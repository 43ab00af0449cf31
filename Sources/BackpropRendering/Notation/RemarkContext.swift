import BackpropCore

/// What a notation's remarks may read: the sample a per-sample step shows, the weights before
/// the update and the learning rate — never the narrator, so a notation cannot depend on how
/// the trace stores its samples.
///
/// Weights use Ng's layout: `weights[l - 1]` is Θ⁽ˡ⁾, sₗ₊₁ × (sₗ + 1), column 0 the bias.
/// `sample.gradient` and `sample.stepWeights` have the same layout.
public struct RemarkContext: Sendable {
    /// The sample the per-sample steps show (its `index` is 0-based).
    public let sample: Trace.SampleTrace
    /// Θ⁽¹⁾ … Θ⁽ᴸ⁻¹⁾ before any update.
    public let weights: [Matrix]
    /// η (Ng's α).
    public let learningRate: Double
    /// How the starting weights print: `.given` when the lesson lists them.
    public let weightStyle: NumberStyle
    /// The weight `--weight` chose for the worked derivations (steps 9, 11, 12), if any.
    public var chosenWeight: WeightIndex? = nil

    /// A context for `sample` with the lesson's weights and learning rate.
    public init(sample: Trace.SampleTrace, weights: [Matrix], learningRate: Double, weightStyle: NumberStyle = .document) {
        self.sample = sample
        self.weights = weights
        self.learningRate = learningRate
        self.weightStyle = weightStyle
    }
}
