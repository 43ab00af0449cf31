import BackpropCore

/// `bias-regularized`: (λ/m)Θ added to the bias column 0 of D too.
public struct BiasRegularized: Mistake {
    public init() {}
    public var id: String { "bias-regularized" }
    public var explanation: String { "the bias column j = 0 is regularised: (λ/m)Θ is added to every column of D, not only j ≥ 1" }
    public var changes: String { "D" }
    public func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix {
        CorrectPass.averaged(accumulator, theta: theta, m: m, lambda: lambda, biasRegularized: true, halfLambda: false)
    }
}
