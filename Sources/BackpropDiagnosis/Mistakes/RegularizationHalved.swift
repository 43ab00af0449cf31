import BackpropCore

/// `regularization-half`: (λ/2m)Θ in the gradient, copied from the cost's λ/2m.
public struct RegularizationHalved: Mistake {
    public init() {}
    public var id: String { "regularization-half" }
    public var explanation: String { "the gradient's regularisation is (λ/2m)Θ, copied from the cost; the derivative of (λ/2m)Θ² is (λ/m)Θ" }
    public var changes: String { "D" }
    public func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix {
        CorrectPass.averaged(accumulator, theta: theta, m: m, lambda: lambda, biasRegularized: false, halfLambda: true)
    }
}
