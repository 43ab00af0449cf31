extension Activation {
    /// Elements per chunk when g is applied to a whole batch.
    static let elementChunk = 4_096

    /// a = g(z) for a batch whose row k is sample k's z: softmax row by row, the element-wise
    /// activations entry by entry, in fixed chunks shared by the engine's threads (each entry is
    /// computed alone, so the result does not depend on the number of threads).
    func apply(to z: Matrix) -> Matrix {
        var a = Matrix(rows: z.rows, columns: z.columns)
        if !isElementwise {
            for k in 0..<z.rows {
                let row = values(Array(z.values[(k * z.columns)..<((k + 1) * z.columns)]))
                for i in 0..<z.columns { a.values[k * z.columns + i] = row[i] }
            }
            return a
        }
        let count = z.values.count
        if count <= Self.elementChunk {
            a.values = values(z.values)
            return a
        }
        let chunks = (count + Self.elementChunk - 1) / Self.elementChunk
        a.values.withUnsafeMutableBufferPointer { out in
            let out = UncheckedSendable(out)
            // An exponential or tanh costs about as much as 20 multiply-adds.
            EngineThreads.forEachChunk(chunks, work: count * 20) { chunk in
                let range = (chunk * Self.elementChunk)..<min((chunk + 1) * Self.elementChunk, count)
                let chunkValues = values(Array(z.values[range]))
                for (offset, value) in chunkValues.enumerated() { out.value[range.lowerBound + offset] = value }
            }
        }
        return a
    }
}
