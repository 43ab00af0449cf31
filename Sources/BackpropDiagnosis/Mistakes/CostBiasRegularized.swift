import BackpropCore

/// `cost-bias-regularized`: the bias column counted in J's penalty (λ/2m)ΣΘ².
public struct CostBiasRegularized: Mistake {
    public init() {}
    public var id: String { "cost-bias-regularized" }
    public var explanation: String { "the cost's penalty (λ/2m)ΣΘ² includes the bias column j = 0" }
    public var changes: String { "J" }
    public func cost(lossSum: Double, m: Int, lambda: Double, weights: [Matrix]) -> Double {
        lossSum / Double(m) + CorrectPass.penalty(weights, lambda: lambda, m: m, includesBias: true)
    }
}
