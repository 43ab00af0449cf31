import BackpropCore

/// `updated-weights-used`: δ propagated back through weights already updated in the same pass.
public struct UpdatedWeightsUsed: Mistake {
    public init() {}
    public var id: String { "updated-weights-used" }
    public var explanation: String { "the weights were updated before backprop finished, so the hidden δ uses the new Θ; update only after every gradient is computed" }
    public var changes: String { "the hidden δ" }
    public var backpropagatesUpdatedWeights: Bool { true }
}
