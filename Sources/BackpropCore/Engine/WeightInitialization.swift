import Foundation

/// Where a lesson's initial weights come from when it does not list them.
public enum WeightInitialization: Equatable, Sendable {
    /// Ng's debugInitializeWeights: Θ⁽ˡ⁾ (s₍ₗ₊₁₎ × (sₗ + 1)) filled column-major with
    /// sin(1), sin(2), … and divided by 10. Bias column included.
    case ngDebug
    /// Uniform in [−ε, ε] from SplitMix64(seed): Θ⁽¹⁾ first, each row-major, each weight
    /// (2u − 1)ε for the next u in [0, 1).
    case uniform(epsilon: Double, seed: UInt64)

    /// The default ε for `uniform`, Ng's ε_init.
    public static let defaultEpsilon = 0.12

    /// The weights for a network with these layer sizes.
    public func weights(layerSizes: [Int]) -> [Matrix] {
        let shapes = zip(layerSizes.dropFirst(), layerSizes).map { (rows: $0, columns: $1 + 1) }
        switch self {
        case .ngDebug:
            return shapes.map { shape in
                var theta = Matrix(rows: shape.rows, columns: shape.columns)
                for j in 0..<shape.columns {
                    for i in 0..<shape.rows {
                        theta[i, j] = sin(Double(j * shape.rows + i + 1)) / 10
                    }
                }
                return theta
            }
        case .uniform(let epsilon, let seed):
            var generator = SplitMix64(seed: seed)
            return shapes.map { shape in
                var theta = Matrix(rows: shape.rows, columns: shape.columns)
                for index in theta.values.indices {
                    theta.values[index] = (2 * generator.nextUnitInterval() - 1) * epsilon
                }
                return theta
            }
        }
    }
}
