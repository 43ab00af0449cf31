import BackpropCore

/// The chain rule for any one weight, with the shown sample's numbers: what the page shows when
/// a weight on the figure is clicked.
///
/// Indices are Ng's: Θ⁽ˡ⁾ feeds layer l + 1, row i (1-based) is the unit fed, column j the unit
/// feeding it (0 = the bias unit, whose activation is 1).
public struct WeightDerivation: Equatable, Sendable {
    /// The matrix Θ⁽ˡ⁾.
    public var layer: Int
    /// The row i (1-based): the unit of layer l + 1 the weight feeds.
    public var row: Int
    /// The column j: 0 for the bias weight, else unit j of layer l.
    public var column: Int
    /// ∂loss/∂w = ∂loss/∂z · ∂z/∂w = δ · a = numbers = the sample's gradient entry.
    public var equation: Equation
}

extension Narrator {
    /// Every weight's derivation for the shown sample, layer by layer, row by row, for
    /// networks small enough to label their figure's edges (empty otherwise, or when the trace
    /// lacks the sample).
    public func weightDerivations() -> [WeightDerivation] {
        guard let sample = chosenSample, figure(showingValues: false).labelsEdges else { return [] }
        var result: [WeightDerivation] = []
        for l in 1..<layerCount {
            let theta = trace.weights[l - 1]
            for i in 1...theta.rows {
                for j in 0..<theta.columns {
                    result.append(weightDerivation(layer: l, row: i, column: j, sample: sample))
                }
            }
        }
        return result
    }

    /// The chain rule for Θ⁽ˡ⁾ᵢⱼ in the notation: its derivative is the error of the unit it
    /// feeds times the activation it multiplies (1 for a bias weight); the 15 Steps' delta is
    /// −δ, so there the product is negated.
    func weightDerivation(layer l: Int, row i: Int, column j: Int, sample: Trace.SampleTrace) -> WeightDerivation {
        let cost = notation.sampleCost
        let weight = weightEntry(layer: l, i: i, j: j)
        let z = unit(.weightedInput, l + 1, i)
        let deltaSymbol = unit(.delta, l + 1, i)
        let activationSymbol: Math = j == 0 ? .integer(1) : unit(.activation, l, j)
        let delta = sample.delta[l - 1][i - 1]
        let activation: Math = j == 0 ? .integer(1) : .number(sample.a[l - 1][j - 1])
        let symbolic: Math = .times(negatesDelta ? .negate(deltaSymbol) : deltaSymbol, activationSymbol)
        let numbers: Math = .times(
            negatesDelta ? .negate(.number(signed(delta))) : .number(signed(delta)), activation)
        let equation = Equation(
            .partial(cost, weight),
            equals: [.times(.partial(cost, z), .partial(z, weight)), symbolic, numbers, .number(sample.gradient[l - 1][i - 1, j])])
        return WeightDerivation(layer: l, row: i, column: j, equation: NumberFormat(decimals: decimals).displayed(equation))
    }
}
