import BackpropCore

/// `cost-no-average`: J = Σ losses + (λ/2m)ΣΘ², without the 1/m on the losses.
public struct CostNoAverage: Mistake {
    public init() {}
    public var id: String { "cost-no-average" }
    public var explanation: String { "the cost sums the samples' losses without dividing by m" }
    public var changes: String { "J" }
    public func cost(lossSum: Double, m: Int, lambda: Double, weights: [Matrix]) -> Double {
        lossSum + CorrectPass.penalty(weights, lambda: lambda, m: m, includesBias: false)
    }
}
