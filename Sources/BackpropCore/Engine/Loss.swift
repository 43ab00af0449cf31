import Foundation

/// The per-sample loss whose average over the m samples (plus regularisation) is the cost J.
public enum Loss: String, CaseIterable, Codable, Sendable {
    /// Ng's logistic cost. With sigmoid outputs: Σₖ −yₖ log hₖ − (1 − yₖ) log(1 − hₖ);
    /// with softmax outputs: −Σₖ yₖ log hₖ. In both cases ∂loss/∂z⁽ᴸ⁾ = a⁽ᴸ⁾ − y, so the
    /// output δ has no g′ factor.
    case crossEntropy = "cross-entropy"
    /// ½ Σₖ (aₖ − yₖ)², as in Mazur's example and the 15 Steps; ∂loss/∂a = a − y, so
    /// δ⁽ᴸ⁾ = (a − y) ⊙ g′(z⁽ᴸ⁾).
    case squaredError = "squared-error"

    /// One sample's loss, computed from the output layer's z so that no log ever sees 0.
    ///
    /// - Parameters:
    ///   - z: the output layer's weighted input z⁽ᴸ⁾.
    ///   - a: the output activation a⁽ᴸ⁾ = g(z⁽ᴸ⁾).
    ///   - y: the target.
    ///   - activation: the output layer's activation (sigmoid or softmax for cross-entropy).
    public func value(z: [Double], a: [Double], y: [Double], activation: Activation) -> Double {
        switch self {
        case .squaredError:
            var sum = 0.0
            for k in a.indices {
                let difference = a[k] - y[k]
                sum += difference * difference
            }
            return sum / 2
        case .crossEntropy:
            if activation == .softmax {
                // −Σ y log softmax(z) = Σ y (logΣexp(z) − z), with the max subtracted first.
                let largest = z.max() ?? 0
                let logSum = largest + log(z.reduce(0) { $0 + exp($1 - largest) })
                var sum = 0.0
                for k in z.indices where y[k] != 0 {
                    sum += y[k] * (logSum - z[k])
                }
                return sum
            }
            // −y log σ(z) − (1 − y) log(1 − σ(z)) = y·softplus(−z) + (1 − y)·softplus(z).
            var sum = 0.0
            for k in z.indices {
                sum += y[k] * Self.softplus(-z[k]) + (1 - y[k]) * Self.softplus(z[k])
            }
            return sum
        }
    }

    /// The output-layer error δ⁽ᴸ⁾ = ∂loss/∂z⁽ᴸ⁾ (Ng's and Nielsen's sign: output minus target).
    public func outputDelta(z: [Double], a: [Double], y: [Double], activation: Activation) -> [Double] {
        switch self {
        case .crossEntropy:
            return zip(a, y).map(-)
        case .squaredError:
            let slopes = activation.derivatives(z: z, a: a)
            return a.indices.map { (a[$0] - y[$0]) * slopes[$0] }
        }
    }

    /// log(1 + eᵗ) without overflow or loss of precision.
    static func softplus(_ t: Double) -> Double {
        max(t, 0) + log1p(exp(-abs(t)))
    }
}
