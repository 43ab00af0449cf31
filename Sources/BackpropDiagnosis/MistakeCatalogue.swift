/// Every mistake `diagnose` knows, in the order it tries them (the order of a pass: targets,
/// cost, output error, hidden error, gradient, update). A new mistake is its file plus one line.
public enum MistakeCatalogue {
    /// The mistakes.
    public static let all: [any Mistake] = [
        LabelsNotOneHot(), CostMissingNegativeClass(), CostBiasRegularized(), CostNoAverage(), ErrorSign(),
        MissingDerivative(), DerivativeAtActivation(), WeightedInputAsActivation(), BiasDeltaKept(),
        UpdatedWeightsUsed(), NoAverage(), BiasRegularized(), RegularizationHalved(), TransposedGradient(),
        UpdateSign(),
    ]

    /// The mistake with `id`, if any.
    public static func mistake(id: String) -> (any Mistake)? { all.first { $0.id == id } }
}
