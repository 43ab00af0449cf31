/// A fully connected feed-forward network in Ng's conventions.
///
/// Layers are numbered 1…L as in Ng's ex4; layer 1 is the input. `layerSizes[l - 1]` is sₗ.
/// `weights[l - 1]` is Θ⁽ˡ⁾, of shape s₍ₗ₊₁₎ × (sₗ + 1), mapping layer l to layer l + 1, with
/// column 0 holding the bias weights (the bias unit a₀⁽ˡ⁾ = 1):
/// z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾ [1; a⁽ˡ⁾] and a⁽ˡ⁺¹⁾ = g(z⁽ˡ⁺¹⁾). `activations[l - 2]` is the g of layer l.
/// Other notations (Nielsen's wˡ, Tulleken's W) are labels on the same numbers.
public struct Network: Equatable, Sendable {
    /// s₁…s_L.
    public var layerSizes: [Int]
    /// The activation of layers 2…L (count L − 1).
    public var activations: [Activation]
    /// The per-sample loss.
    public var loss: Loss
    /// Θ⁽¹⁾…Θ⁽ᴸ⁻¹⁾.
    public var weights: [Matrix]

    /// A network; shapes must already be valid (lessons validate them with file context).
    public init(layerSizes: [Int], activations: [Activation], loss: Loss, weights: [Matrix]) {
        precondition(layerSizes.count >= 2 && activations.count == layerSizes.count - 1)
        precondition(weights.count == layerSizes.count - 1)
        for (index, theta) in weights.enumerated() {
            precondition(theta.rows == layerSizes[index + 1] && theta.columns == layerSizes[index] + 1)
        }
        self.layerSizes = layerSizes
        self.activations = activations
        self.loss = loss
        self.weights = weights
    }

    /// L, the number of layers including the input layer.
    public var layerCount: Int { layerSizes.count }

    /// The output layer's activation.
    public var outputActivation: Activation { activations[activations.count - 1] }

    /// The number of weights, bias weights included.
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.values.count } }

    /// (λ / 2m) Σ Θᵢⱼ² over every non-bias weight (columns j ≥ 1) of every Θ⁽ˡ⁾.
    public func regularization(lambda: Double, sampleCount m: Int) -> Double {
        guard lambda != 0 else { return 0 }
        var sum = 0.0
        for theta in weights {
            for i in 0..<theta.rows {
                for j in 1..<theta.columns {
                    sum += theta[i, j] * theta[i, j]
                }
            }
        }
        return lambda / (2 * Double(m)) * sum
    }
}
