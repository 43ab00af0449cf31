import BackpropCore

/// `update-sign`: Θ + αD instead of Θ − αD (uphill).
public struct UpdateSign: Mistake {
    public init() {}
    public var id: String { "update-sign" }
    public var explanation: String { "the update adds the gradient, Θ + αD, so it climbs the cost; gradient descent subtracts it" }
    public var changes: String { "the updated weights" }
    public func update(theta: Matrix, gradient: Matrix, learningRate: Double, updatesBiases: Bool) -> Matrix {
        CorrectPass.step(theta, gradient, rate: -learningRate, updatesBiases: updatesBiases)
    }
}
