import BackpropCore

/// `derivative-at-activation`: g′(a) instead of g′(z), as `sigmoidGradient(a2)` in ex4.
public struct DerivativeAtActivation: Mistake {
    public init() {}
    public var id: String { "derivative-at-activation" }
    public var explanation: String { "the slope is taken at the activation, g′(a), instead of at the weighted input, g′(z)" }
    public var changes: String { "the hidden δ" }
    public func hiddenSlope(z: [Double], a: [Double], activation: Activation) -> [Double] {
        activation.derivatives(z: a, a: activation.values(a))
    }
}
