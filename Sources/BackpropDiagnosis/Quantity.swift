import BackpropCore

/// A number (or matrix of numbers) a learner computes on the way through one pass, in Ng's
/// layer numbering l = 1…L. Layouts, whatever way the learner wrote them: per-sample quantities
/// (a, z, δ) are m × sₗ with one row per sample and no bias unit; Δ, D and the updated weights
/// have Θ⁽ˡ⁾'s shape s₍ₗ₊₁₎ × (sₗ + 1), column 0 the bias; the cost is 1 × 1.
public enum Quantity: Hashable, Sendable {
    /// a⁽ˡ⁾, l = 1…L (a⁽¹⁾ = x).
    case activation(Int)
    /// z⁽ˡ⁾, l = 2…L.
    case weightedInput(Int)
    /// J, the cost (regularised).
    case cost
    /// δ⁽ˡ⁾ = ∂loss/∂z⁽ˡ⁾, l = 2…L (output minus target at the output).
    case delta(Int)
    /// Δ⁽ˡ⁾ = Σ δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ, l = 1…L−1.
    case accumulator(Int)
    /// D⁽ˡ⁾ = ∂J/∂Θ⁽ˡ⁾ (ex4's Thetal_grad), l = 1…L−1.
    case gradient(Int)
    /// Θ⁽ˡ⁾ after one gradient-descent step, l = 1…L−1.
    case updatedWeights(Int)

    /// Where the quantity comes in the order a pass computes it (forward, cost, backward from
    /// the output, accumulators, gradients, update); `layerCount` is L.
    public func order(layerCount L: Int) -> Int {
        switch self {
        case .activation(let l): return 2 * l - 1  // a1 = 1, z2 = 2, a2 = 3, …
        case .weightedInput(let l): return 2 * l - 2
        case .cost: return 2 * L
        case .delta(let l): return 2 * L + 1 + (L - l)  // δ⁽ᴸ⁾ first
        case .accumulator(let l): return 3 * L + l
        case .gradient(let l): return 4 * L + l
        case .updatedWeights(let l): return 5 * L + l
        }
    }

    /// The lesson step that derives it (for "read step N").
    public func step(layerCount L: Int) -> Int {
        switch self {
        case .activation, .weightedInput: return 6
        case .cost: return 7
        case .delta(let l): return l == L ? 10 : 11
        case .accumulator: return 13
        case .gradient: return 13
        case .updatedWeights: return 15
        }
    }

    /// The tool's own name in ASCII: a2, z3, J, delta3, Delta1, D1, Theta1 updated.
    public var toolName: String {
        switch self {
        case .activation(let l): return "a\(l)"
        case .weightedInput(let l): return "z\(l)"
        case .cost: return "J"
        case .delta(let l): return "delta\(l)"
        case .accumulator(let l): return "Delta\(l)"
        case .gradient(let l): return "Theta\(l)_grad"
        case .updatedWeights(let l): return "Theta\(l) (updated)"
        }
    }
}
