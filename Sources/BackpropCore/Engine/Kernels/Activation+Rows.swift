extension Activation {
    /// Elements per chunk when g or g′ is applied to a whole batch.
    static let elementChunk = 4_096

    /// a = g(z) for a batch whose row k is sample k's z: softmax row by row, the element-wise
    /// activations entry by entry, in fixed chunks shared by the engine's threads (each entry is
    /// computed alone, so the result does not depend on the number of threads).
    func apply(to z: Matrix) -> Matrix {
        var a = Matrix(rows: z.rows, columns: z.columns)
        guard let g = unitValue else {
            for k in 0..<z.rows {
                let row = values(Array(z.values[(k * z.columns)..<((k + 1) * z.columns)]))
                for i in 0..<z.columns { a.values[k * z.columns + i] = row[i] }
            }
            return a
        }
        z.values.withUnsafeBufferPointer { zs in
            a.values.withUnsafeMutableBufferPointer { out in
                let buffers = UncheckedSendable((zs, out))
                Self.forEachChunk(of: zs.count) { range in
                    let (zs, out) = buffers.value
                    var index = range.lowerBound
                    if let pairs = pairValue {
                        while index + 2 <= range.upperBound {
                            let a = pairs(SIMD2(zs[index], zs[index + 1]))
                            out[index] = a[0]
                            out[index + 1] = a[1]
                            index += 2
                        }
                    }
                    while index < range.upperBound {
                        out[index] = g(zs[index])
                        index += 1
                    }
                }
            }
        }
        return a
    }

    /// δ ⊙ g′(z) in place: each entry of `delta` times g′ of the same entry of z and a = g(z)
    /// (all three of one shape, row k for sample k), in the same fixed chunks as `apply`.
    func multiplyBySlopes(_ delta: inout Matrix, z: Matrix, a: Matrix) {
        precondition(delta.values.count == z.values.count && z.values.count == a.values.count, "⊙ needs one shape")
        let slope = unitDerivative
        z.values.withUnsafeBufferPointer { zs in
            a.values.withUnsafeBufferPointer { as_ in
                delta.values.withUnsafeMutableBufferPointer { out in
                    let buffers = UncheckedSendable((zs, as_, out))
                    Self.forEachChunk(of: zs.count) { range in
                        let (zs, as_, out) = buffers.value
                        for index in range { out[index] = out[index] * slope(zs[index], as_[index]) }
                    }
                }
            }
        }
    }

    /// `body` over 0..<count in chunks of `elementChunk`, shared by the threads when the batch
    /// is large (an exponential or tanh costs about as much as 20 multiply-adds).
    private static func forEachChunk(of count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = (count + elementChunk - 1) / elementChunk
        EngineThreads.forEachChunk(chunks, work: count * 20) { chunk in
            body((chunk * elementChunk)..<min((chunk + 1) * elementChunk, count))
        }
    }
}
