/// J(Θ) with one weight moved, computed from the unperturbed forward pass: what the numerical
/// gradient check evaluates twice per checked weight.
///
/// Moving Θ⁽ˡ⁾ᵢⱼ (`weights[l - 1][i, j]`, 0-based i and j, j = 0 the bias weight) leaves
/// a⁽¹⁾…a⁽ˡ⁾ and every column of z⁽ˡ⁺¹⁾ but column i as they were. So only column i of z⁽ˡ⁺¹⁾
/// is recomputed, Θᵢ₀ + Σⱼ Θᵢ,ⱼ₊₁ a⁽ˡ⁾ⱼ in the same order as the full pass; then the layers
/// after it; and when Θ⁽ˡ⁾ feeds the output layer and the loss is a sum of one term per unit
/// (`Loss.isSumOfUnitTerms`), only unit i's term of each sample's loss. Every sum runs in the
/// order the full forward pass uses, so each cost is the very number `Network.cost` gives
/// for the perturbed network, bit for bit.
struct PerturbedCost {
    /// The unperturbed network.
    let network: Network
    /// X, one row per sample.
    let inputs: Matrix
    /// Y, one row per sample.
    let targets: Matrix
    /// λ.
    let lambda: Double
    /// The unperturbed forward pass.
    let pass: BatchPass
    /// Each sample's per-unit loss terms (m × s_L), when the loss is a sum of them.
    let unitTerms: Matrix?

    /// Starts from `pass`, the unperturbed forward pass (run here when not given).
    init(network: Network, inputs: Matrix, targets: Matrix, lambda: Double, pass: BatchPass? = nil) {
        self.network = network
        self.inputs = inputs
        self.targets = targets
        self.lambda = lambda
        let pass = pass ?? network.forward(inputs: inputs, targets: targets)
        self.pass = pass
        if network.loss.isSumOfUnitTerms(activation: network.outputActivation) {
            let z = pass.weightedInputs[pass.weightedInputs.count - 1]
            let a = pass.activations[pass.activations.count - 1]
            var terms = Matrix(rows: z.rows, columns: z.columns)
            for index in terms.values.indices {
                terms.values[index] = network.loss.unitTerm(
                    z: z.values[index], a: a.values[index], y: targets.values[index])
            }
            unitTerms = terms
        } else {
            unitTerms = nil
        }
    }

    /// J with `weights[layer][row, column]` set to each of `values` in turn, for each of
    /// `columns` (all 0-based; `values[n]` holds the values tried for `columns[n]`).
    ///
    /// All the variants of one row of Θ share one pass over a⁽ˡ⁾: their columns of z⁽ˡ⁺¹⁾ are
    /// one matrix product. The result lists, for each column, the cost at each of its values.
    func costs(layer: Int, row: Int, columns: [Int], values: [[Double]]) -> [[Double]] {
        let theta = network.weights[layer]
        let a = pass.activations[layer]
        let m = a.rows
        // One weight row per variant: Θ's row `row` with one entry replaced.
        var variants: [[Double]] = []
        for (column, tried) in zip(columns, values) {
            for value in tried {
                var weightsRow = theta.row(row)
                weightsRow[column] = value
                variants.append(weightsRow)
            }
        }
        let zColumns = Self.weightedInputColumns(a, rows: variants)
        // The variants are independent: threads share them, each computed whole on one thread
        // (its own products single-threaded), so the costs do not depend on the thread count.
        let changes = zip(columns, values).flatMap { column, tried in tried.map { (column, $0) } }
        var costs = [Double](repeating: 0, count: changes.count)
        let perVariant = m * network.layerSizes.dropFirst(layer + 1).reduce(1) { $0 + $1 }
        costs.withUnsafeMutableBufferPointer { out in
            let out = UncheckedSendable(out)
            EngineThreads.forEachChunk(changes.count, work: changes.count * perVariant) { variant in
                EngineThreads.$override.withValue(1) {
                    var probe = network
                    probe.weights[layer][row, changes[variant].0] = changes[variant].1
                    let z = Array(zColumns.values[(variant * m)..<((variant + 1) * m)])
                    out.value[variant] = cost(of: probe, layer: layer, row: row, newWeightedInputs: z)
                }
            }
        }
        var results: [[Double]] = []
        var next = 0
        for tried in values {
            results.append(Array(costs[next..<(next + tried.count)]))
            next += tried.count
        }
        return results
    }

    /// Column i of z⁽ˡ⁺¹⁾ for each weight row: entry (v, k) of the result (variant-major) is
    /// rows[v][0] + Σⱼ rows[v][j + 1] · a[k, j], summed in ascending j (as `Matrix.affineRows`).
    private static func weightedInputColumns(_ a: Matrix, rows: [[Double]]) -> Matrix {
        // As a batch: Θ's rows are the variants, so z = [1 A] Θᵀ holds one variant per column.
        let variantsTheta = Matrix(rows: rows.count, columns: a.columns + 1, values: rows.flatMap { $0 })
        return Matrix.affineRows(a, theta: variantsTheta).transposed
    }

    /// J of `probe` (the network with Θ⁽ˡ⁾'s row `row` changed), given that row's new column
    /// of z⁽ˡ⁺¹⁾.
    private func cost(of probe: Network, layer: Int, row: Int, newWeightedInputs z: [Double]) -> Double {
        let m = z.count
        let isOutput = layer == network.weights.count - 1
        var losses: [Double]
        if isOutput, let terms = unitTerms {
            // Only unit `row`'s term changes (cross-entropy reads z alone, not a).
            let a = network.loss.readsActivations ? network.activations[layer].values(z) : z
            let width = terms.columns
            losses = (0..<m).map { k in
                let changed = network.loss.unitTerm(z: z[k], a: a[k], y: targets.values[k * width + row])
                return network.loss.value(
                    unitTerms: (0..<width).lazy.map { $0 == row ? changed : terms.values[k * width + $0] })
            }
        } else {
            // A sample whose z⁽ˡ⁺¹⁾ᵢ kept its bits (its input j was 0) keeps its whole pass and
            // its loss; only the others go through the layers after it.
            let old = pass.weightedInputs[layer]
            let width = old.columns
            let changed = (0..<m).filter { z[$0].bitPattern != old.values[$0 * width + row].bitPattern }
            losses = pass.sampleLosses
            if !changed.isEmpty {
                let everyRow = changed.count == m
                let g = network.activations[layer]
                var activations: Matrix
                // z of the latest layer computed (set below: the loop runs unless this is the
                // output layer, which reaches here only with softmax).
                var weighted = Matrix(rows: 0, columns: 0)
                if g.isElementwise {
                    // Only column `row` of a⁽ˡ⁺¹⁾ changes.
                    activations = everyRow ? pass.activations[layer + 1] : pass.activations[layer + 1].rows(at: changed)
                    let column = g.values(everyRow ? z : changed.map { z[$0] })
                    for position in changed.indices { activations.values[position * width + row] = column[position] }
                } else {
                    weighted = old.rows(at: changed)
                    for (position, k) in changed.enumerated() { weighted.values[position * width + row] = z[k] }
                    activations = g.apply(to: weighted)
                }
                // The layers after it, as the full forward pass computes them.
                for index in (layer + 1)..<network.weights.count {
                    weighted = Matrix.affineRows(activations, theta: network.weights[index])
                    let isLast = index == network.weights.count - 1
                    // Cross-entropy reads z⁽ᴸ⁾ alone: a⁽ᴸ⁾ is not needed for the cost.
                    activations =
                        isLast && !network.loss.readsActivations
                        ? weighted : network.activations[index].apply(to: weighted)
                }
                let changedLosses = network.loss.values(
                    z: weighted, a: activations, y: everyRow ? targets : targets.rows(at: changed),
                    activation: network.outputActivation)
                for (position, k) in changed.enumerated() { losses[k] = changedLosses[position] }
            }
        }
        return losses.reduce(0, +) / Double(m) + probe.regularization(lambda: lambda, sampleCount: m)
    }
}
