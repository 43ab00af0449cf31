import BackpropCore

/// `no-average`: D = Δ + (λ/m)Θ, without the 1/m.
public struct NoAverage: Mistake {
    public init() {}
    public var id: String { "no-average" }
    public var explanation: String { "the gradient is not divided by m: D = Δ + (λ/m)Θ instead of (1/m)Δ + (λ/m)Θ" }
    public var changes: String { "D" }
    public func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix {
        let correct = CorrectPass().gradient(accumulator: accumulator, theta: theta, m: m, lambda: lambda)
        return correct + ((Double(m) - 1) / Double(m)) * accumulator
    }
}
