import BackpropCore

/// `missing-derivative`: δ⁽ˡ⁾ = Θ⁽ˡ⁾ᵀδ⁽ˡ⁺¹⁾ without ⊙ g′(z⁽ˡ⁾).
public struct MissingDerivative: Mistake {
    public init() {}
    public var id: String { "missing-derivative" }
    public var explanation: String { "the hidden error is Θᵀδ without the slope factor ⊙ g′(z)" }
    public var changes: String { "the hidden δ" }
    public func hiddenSlope(z: [Double], a: [Double], activation: Activation) -> [Double] {
        Array(repeating: 1, count: z.count)
    }
}
