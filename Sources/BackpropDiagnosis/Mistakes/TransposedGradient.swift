import BackpropCore

/// `transposed-gradient`: D⁽ˡ⁾ᵀ (from a⁽ˡ⁾δ⁽ˡ⁺¹⁾ᵀ instead of δ⁽ˡ⁺¹⁾a⁽ˡ⁾ᵀ).
public struct TransposedGradient: Mistake {
    public init() {}
    public var id: String { "transposed-gradient" }
    public var explanation: String { "the gradient is transposed: a δᵀ instead of δ aᵀ; it must have Θ's shape" }
    public var changes: String { "D" }
    public func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix {
        CorrectPass().gradient(accumulator: accumulator, theta: theta, m: m, lambda: lambda).transposed
    }
}
