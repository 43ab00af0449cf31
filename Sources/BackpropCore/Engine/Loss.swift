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
        value(z: z[...], a: a[...], y: y[...], activation: activation)
    }

    /// One sample's loss from slices of a batch's rows (no copies); the same sums as
    /// `value(z:a:y:activation:)`, term by term in ascending unit order.
    func value(z: ArraySlice<Double>, a: ArraySlice<Double>, y: ArraySlice<Double>, activation: Activation)
        -> Double
    {
        let (z0, a0, y0) = (z.startIndex, a.startIndex, y.startIndex)
        switch self {
        case .squaredError:
            var sum = 0.0
            for k in 0..<a.count { sum += unitTerm(z: z[z0 + k], a: a[a0 + k], y: y[y0 + k]) }
            return sum / 2
        case .crossEntropy:
            if activation == .softmax {
                // −Σ y log softmax(z) = Σ y (logΣexp(z) − z), with the max subtracted first.
                let largest = z.max() ?? 0
                let logSum = largest + log(z.reduce(0) { $0 + exp($1 - largest) })
                var sum = 0.0
                for k in 0..<z.count where y[y0 + k] != 0 {
                    sum += y[y0 + k] * (logSum - z[z0 + k])
                }
                return sum
            }
            // −y log σ(z) − (1 − y) log(1 − σ(z)) = y·softplus(−z) + (1 − y)·softplus(z).
            var sum = 0.0
            for k in 0..<z.count { sum += unitTerm(z: z[z0 + k], a: a[a0 + k], y: y[y0 + k]) }
            return sum
        }
    }

    /// Whether a sample's loss is a sum of one term per output unit (`unitTerm`): every case but
    /// softmax cross-entropy, whose terms all share the softmax's normaliser.
    func isSumOfUnitTerms(activation: Activation) -> Bool {
        activation.isElementwise
    }

    /// One output unit's term of the loss, for the losses that are sums of such terms: for
    /// squared error (a − y)² (the loss is half their sum), for sigmoid cross-entropy
    /// y·softplus(−z) + (1 − y)·softplus(z) = −y log σ(z) − (1 − y) log(1 − σ(z)).
    func unitTerm(z: Double, a: Double, y: Double) -> Double {
        switch self {
        case .squaredError:
            let difference = a - y
            return difference * difference
        case .crossEntropy:
            // y·softplus(−z) + (1 − y)·softplus(z), with log(1 + e^−|z|), which both share,
            // computed once (the same bits as calling `softplus` twice).
            let shared = log1p(exp(-abs(z)))
            return y * (max(-z, 0) + shared) + (1 - y) * (max(z, 0) + shared)
        }
    }

    /// A sample's loss from its unit terms, summed in ascending unit order: the same number as
    /// `value(z:a:y:activation:)` when `isSumOfUnitTerms`.
    func value(unitTerms: some Sequence<Double>) -> Double {
        var sum = 0.0
        for term in unitTerms { sum += term }
        return self == .squaredError ? sum / 2 : sum
    }

    /// Whether the loss reads the output activations a⁽ᴸ⁾ (squared error) or only z⁽ᴸ⁾
    /// (cross-entropy, which is computed from z so that no log ever sees 0).
    var readsActivations: Bool { self == .squaredError }

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
