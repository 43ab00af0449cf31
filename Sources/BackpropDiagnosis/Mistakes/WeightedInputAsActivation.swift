import BackpropCore

/// `z-as-activation`: the slope's formula in a applied to z, as z ⊙ (1 − z) for the sigmoid.
public struct WeightedInputAsActivation: Mistake {
    public init() {}
    public var id: String { "z-as-activation" }
    public var explanation: String { "the slope formula meant for the activation is applied to z: z ⊙ (1 − z) instead of a ⊙ (1 − a)" }
    public var changes: String { "the hidden δ" }
    public func hiddenSlope(z: [Double], a: [Double], activation: Activation) -> [Double] {
        activation.derivatives(z: z, a: z)
    }
}
