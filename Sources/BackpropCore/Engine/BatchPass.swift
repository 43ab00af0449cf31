/// The forward and backward pass over all m samples at once, as matrix work.
///
/// Row k of every matrix belongs to sample k (0-based). `activations[l - 1]` is the m × sₗ
/// matrix whose row k is a⁽ˡ⁾ for sample k, without the bias unit (so `activations[0]` = X);
/// `weightedInputs[l - 2]` and `deltas[l - 2]` hold z⁽ˡ⁾ and δ⁽ˡ⁾ for l = 2…L.
/// δ⁽ˡ⁾ = ∂loss/∂z⁽ˡ⁾ (output minus target at the output layer: Ng's and Nielsen's sign).
public struct BatchPass: Equatable, Sendable {
    /// a⁽¹⁾…a⁽ᴸ⁾ per sample (rows), without bias units.
    public var activations: [Matrix]
    /// z⁽²⁾…z⁽ᴸ⁾ per sample (rows).
    public var weightedInputs: [Matrix]
    /// δ⁽²⁾…δ⁽ᴸ⁾ per sample (rows); empty until `backward` runs.
    public var deltas: [Matrix] = []
    /// (Θ⁽ˡ⁾ without column 0)ᵀ δ⁽ˡ⁺¹⁾ per sample (rows) for the hidden layers l = 2…L−1, the
    /// error passed back before ⊙ g′(z⁽ˡ⁾) (step 11 shows it); `propagatedErrors[l - 2]` is
    /// layer l's. Empty unless `backward(_:targets:keepsPropagatedErrors:)` was asked to keep it.
    public var propagatedErrors: [Matrix] = []
    /// Each sample's loss (before averaging and regularisation).
    public var sampleLosses: [Double]
}

extension Network {
    /// The forward pass: z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾[1; a⁽ˡ⁾], a⁽ˡ⁺¹⁾ = g(z⁽ˡ⁺¹⁾), for every row of `inputs`,
    /// and each sample's loss against the matching row of `targets`.
    public func forward(inputs: Matrix, targets: Matrix) -> BatchPass {
        var activations = [inputs]
        var weightedInputs: [Matrix] = []
        for (index, theta) in weights.enumerated() {
            let z = Matrix.affineRows(activations[index], theta: theta)  // row k: Θ⁽ˡ⁾[1; a⁽ˡ⁾ₖ]
            let a = self.activations[index].apply(to: z)  // g applied to each row
            weightedInputs.append(z)
            activations.append(a)
        }
        let zL = weightedInputs[weightedInputs.count - 1]
        let aL = activations[activations.count - 1]
        let losses = loss.values(z: zL, a: aL, y: targets, activation: outputActivation)
        return BatchPass(activations: activations, weightedInputs: weightedInputs, sampleLosses: losses)
    }

    /// J(Θ) = (1/m) Σ losses + (λ/2m) Σ non-bias Θ².
    public func cost(inputs: Matrix, targets: Matrix, lambda: Double) -> Double {
        let pass = forward(inputs: inputs, targets: targets)
        return cost(of: pass, lambda: lambda)
    }

    /// J for an already computed forward pass.
    public func cost(of pass: BatchPass, lambda: Double) -> Double {
        let m = pass.sampleLosses.count
        return pass.sampleLosses.reduce(0, +) / Double(m) + regularization(lambda: lambda, sampleCount: m)
    }

    /// The backward pass: δ⁽ᴸ⁾ from the loss, then δ⁽ˡ⁾ = (Θ⁽ˡ⁾ without column 0)ᵀ δ⁽ˡ⁺¹⁾ ⊙ g′(z⁽ˡ⁾)
    /// for l = L−1 down to 2, an explicit reverse loop over layers.
    /// With `keepsPropagatedErrors`, the pass also keeps each hidden layer's error before the
    /// slope factor (`BatchPass.propagatedErrors`), as the engine computed it.
    public func backward(_ pass: BatchPass, targets: Matrix, keepsPropagatedErrors: Bool = false) -> BatchPass {
        var result = pass
        var propagated: [Matrix] = []
        let last = layerCount - 2  // index of z⁽ᴸ⁾ in weightedInputs
        var deltas = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: layerCount - 1)
        deltas[last] = loss.outputDeltas(
            z: pass.weightedInputs[last], a: pass.activations[last + 1], y: targets, activation: outputActivation)
        for index in stride(from: last - 1, through: 0, by: -1) {
            // δ⁽ˡ⁾ with l = index + 2; Θ⁽ˡ⁾ = weights[index + 1].
            var delta = Matrix.backpropagatedRows(deltas[index + 1], through: weights[index + 1])
            if keepsPropagatedErrors { propagated.insert(delta, at: 0) }
            // ⊙ g′(z⁽ˡ⁾): hidden layers are element-wise (softmax is output-only).
            self.activations[index].multiplyBySlopes(
                &delta, z: pass.weightedInputs[index], a: pass.activations[index + 1])
            deltas[index] = delta
        }
        result.deltas = deltas
        result.propagatedErrors = propagated
        return result
    }

    /// Δ⁽ˡ⁾ = Σₖ δ⁽ˡ⁺¹⁾ₖ [1; a⁽ˡ⁾ₖ]ᵀ, summed over samples in order k = 0, 1, …, m − 1.
    public func accumulatedGradients(of pass: BatchPass) -> [Matrix] {
        weights.indices.map { index in
            Matrix.sumOfOuterProducts(pass.deltas[index], biased: pass.activations[index])
        }
    }

    /// D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)Θ⁽ˡ⁾ on columns j ≥ 1; the bias column 0 is not regularised.
    public func averagedGradients(_ accumulated: [Matrix], sampleCount m: Int, lambda: Double) -> [Matrix] {
        zip(accumulated, weights).map { delta, theta in
            var d = (1 / Double(m)) * delta
            if lambda != 0 {
                for i in 0..<d.rows {
                    for j in 1..<d.columns {
                        d[i, j] += lambda / Double(m) * theta[i, j]
                    }
                }
            }
            return d
        }
    }

    /// One gradient-descent step Θ⁽ˡ⁾ − αD⁽ˡ⁾; with `updatesBiases` false column 0 is kept.
    public func updatedWeights(gradients: [Matrix], learningRate alpha: Double, updatesBiases: Bool) -> [Matrix] {
        zip(weights, gradients).map { theta, d in
            var next = theta
            for i in 0..<theta.rows {
                for j in (updatesBiases ? 0 : 1)..<theta.columns {
                    next[i, j] = theta[i, j] - alpha * d[i, j]
                }
            }
            return next
        }
    }
}
