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
            let z = Self.weightedInput(theta: theta, activations: activations[index])
            let g = self.activations[index]
            var a = Matrix(rows: z.rows, columns: z.columns)
            if g.isElementwise {
                a.values = g.values(z.values)
            } else {
                for k in 0..<z.rows {
                    let rowValues = g.values(z.row(k))
                    for i in 0..<z.columns { a[k, i] = rowValues[i] }
                }
            }
            weightedInputs.append(z)
            activations.append(a)
        }
        let zL = weightedInputs[weightedInputs.count - 1]
        let aL = activations[activations.count - 1]
        let losses = (0..<inputs.rows).map { k in
            loss.value(z: zL.row(k), a: aL.row(k), y: targets.row(k), activation: outputActivation)
        }
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
    public func backward(_ pass: BatchPass, targets: Matrix) -> BatchPass {
        var result = pass
        let m = targets.rows
        let last = layerCount - 2  // index of z⁽ᴸ⁾ in weightedInputs
        var deltas = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: layerCount - 1)
        var output = Matrix(rows: m, columns: layerSizes[layerCount - 1])
        for k in 0..<m {
            let row = loss.outputDelta(
                z: pass.weightedInputs[last].row(k), a: pass.activations[last + 1].row(k),
                y: targets.row(k), activation: outputActivation)
            for i in row.indices { output[k, i] = row[i] }
        }
        deltas[last] = output
        for index in stride(from: last - 1, through: 0, by: -1) {
            // δ⁽ˡ⁾ with l = index + 2; Θ⁽ˡ⁾ = weights[index + 1].
            let theta = weights[index + 1]
            let next = deltas[index + 1]
            let z = pass.weightedInputs[index]
            let a = pass.activations[index + 1]
            let g = self.activations[index]
            // Hidden layers are element-wise (softmax is output-only), so g′ is taken in one call.
            let slopes = g.derivatives(z: z.values, a: a.values)
            var delta = Matrix(rows: m, columns: z.columns)
            let width = z.columns
            for k in 0..<m {
                for j in 0..<width {
                    var sum = 0.0
                    for i in 0..<theta.rows {
                        sum += theta.values[i * theta.columns + j + 1] * next.values[k * next.columns + i]
                    }
                    delta.values[k * width + j] = sum * slopes[k * width + j]
                }
            }
            deltas[index] = delta
        }
        result.deltas = deltas
        return result
    }

    /// Δ⁽ˡ⁾ = Σₖ δ⁽ˡ⁺¹⁾ₖ [1; a⁽ˡ⁾ₖ]ᵀ, summed over samples in order k = 0, 1, …, m − 1.
    public func accumulatedGradients(of pass: BatchPass) -> [Matrix] {
        weights.indices.map { index in
            let delta = pass.deltas[index]
            let a = pass.activations[index]
            var sum = Matrix(rows: delta.columns, columns: a.columns + 1)
            for k in 0..<delta.rows {
                for i in 0..<delta.columns {
                    let d = delta[k, i]
                    sum[i, 0] += d
                    for j in 0..<a.columns {
                        sum[i, j + 1] += d * a[k, j]
                    }
                }
            }
            return sum
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

    /// z = [1 A] Θᵀ: row k is Θ[1; aₖ], with the bias weight added first.
    static func weightedInput(theta: Matrix, activations a: Matrix) -> Matrix {
        var z = Matrix(rows: a.rows, columns: theta.rows)
        theta.values.withUnsafeBufferPointer { t in
            a.values.withUnsafeBufferPointer { x in
                z.values.withUnsafeMutableBufferPointer { out in
                    let n = a.columns
                    for k in 0..<a.rows {
                        for i in 0..<theta.rows {
                            let base = i * (n + 1)
                            var sum = t[base]
                            for j in 0..<n {
                                sum += t[base + j + 1] * x[k * n + j]
                            }
                            out[k * theta.rows + i] = sum
                        }
                    }
                }
            }
        }
        return z
    }
}
