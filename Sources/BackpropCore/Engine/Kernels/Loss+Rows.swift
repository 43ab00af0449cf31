extension Loss {
    /// Rows per chunk when the losses of a batch are computed.
    static let rowChunk = 256

    /// Each sample's loss for a batch (row k of z, a and y is sample k), in fixed chunks of
    /// rows shared by the engine's threads; entry k is `value(z:a:y:activation:)` of row k.
    func values(z: Matrix, a: Matrix, y: Matrix, activation: Activation) -> [Double] {
        let m = z.rows
        let width = z.columns
        var losses = [Double](repeating: 0, count: m)
        func rowLoss(_ k: Int) -> Double {
            value(
                z: z.values[(k * width)..<((k + 1) * width)], a: a.values[(k * width)..<((k + 1) * width)],
                y: y.values[(k * y.columns)..<((k + 1) * y.columns)], activation: activation)
        }
        // Two transcendental functions per unit, about 40 multiply-adds.
        let work = m * width * 40
        if work < EngineThreads.parallelThreshold {
            for k in 0..<m { losses[k] = rowLoss(k) }
            return losses
        }
        let chunks = (m + Self.rowChunk - 1) / Self.rowChunk
        losses.withUnsafeMutableBufferPointer { out in
            let out = UncheckedSendable(out)
            EngineThreads.forEachChunk(chunks, work: work) { chunk in
                for k in (chunk * Self.rowChunk)..<min((chunk + 1) * Self.rowChunk, m) { out.value[k] = rowLoss(k) }
            }
        }
        return losses
    }

    /// δ⁽ᴸ⁾ = ∂loss/∂z⁽ᴸ⁾ for a batch (row k is sample k), entry by entry as
    /// `outputDelta(z:a:y:activation:)` computes it for one row.
    func outputDeltas(z: Matrix, a: Matrix, y: Matrix, activation: Activation) -> Matrix {
        var delta = Matrix(rows: a.rows, columns: a.columns)
        switch self {
        case .crossEntropy:
            for index in a.values.indices { delta.values[index] = a.values[index] - y.values[index] }
        case .squaredError:
            // g′ is element-wise here (softmax's diagonal a(1 − a) included).
            let slopes = activation.derivatives(z: z.values, a: a.values)
            for index in a.values.indices {
                delta.values[index] = (a.values[index] - y.values[index]) * slopes[index]
            }
        }
        return delta
    }
}
