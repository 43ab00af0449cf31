/// The three products backprop needs, in Ng's layout (row k of a batch matrix is sample k;
/// Θ is s₍ₗ₊₁₎ × (sₗ + 1) with the bias weights in column 0), each run by `ProductKernel`.
///
/// Each entry is summed in exactly the order the doc comment's formula lists its terms, so
/// the results are bit for bit those of the plain loops, on any number of threads.
extension Matrix {
    /// z = [1 A] Θᵀ: row k is Θ[1; aₖ], so entry (k, i) = Θᵢ₀ + Σⱼ Θᵢ,ⱼ₊₁ · A[k, j], summed
    /// in ascending j after the bias weight. A is m × sₗ, the result m × s₍ₗ₊₁₎.
    public static func affineRows(_ a: Matrix, theta: Matrix) -> Matrix {
        precondition(theta.columns == a.columns + 1, "Θ needs one column per input plus the bias column")
        let outputs = theta.rows
        // Θ without its bias column, transposed (sₗ × s₍ₗ₊₁₎), so a row of it is contiguous.
        var weights = [Double](repeating: 0, count: a.columns * outputs)
        var z = Matrix(rows: a.rows, columns: outputs)
        for i in 0..<outputs {
            for j in 0..<a.columns { weights[j * outputs + i] = theta.values[i * theta.columns + j + 1] }
            for k in 0..<a.rows { z.values[k * outputs + i] = theta.values[i * theta.columns] }
        }
        a.values.withUnsafeBufferPointer { x in
            weights.withUnsafeBufferPointer { w in
                z.values.withUnsafeMutableBufferPointer { out in
                    guard let x = x.baseAddress, let w = w.baseAddress, let out = out.baseAddress else { return }
                    ProductKernel(
                        left: x, leftRowStride: a.columns, leftDepthStride: 1, right: w, rightDepthStride: outputs,
                        out: out, outRowStride: outputs, rows: a.rows, columns: outputs, depth: a.columns
                    ).run()
                }
            }
        }
        return z
    }

    /// Δ = Σₖ δₖ [1; aₖ]ᵀ: entry (i, 0) = Σₖ δ[k, i] and entry (i, j + 1) = Σₖ δ[k, i] · A[k, j],
    /// summed in ascending k from 0. δ is m × s₍ₗ₊₁₎ and A is m × sₗ; the result has Θ's shape.
    public static func sumOfOuterProducts(_ delta: Matrix, biased a: Matrix) -> Matrix {
        precondition(delta.rows == a.rows, "δ and a need one row per sample")
        let outputs = delta.columns
        // The bias column: Σₖ δ[k, i], k ascending.
        var sum = Matrix(rows: outputs, columns: a.columns + 1)
        delta.values.withUnsafeBufferPointer { d in
            sum.values.withUnsafeMutableBufferPointer { out in
                for i in 0..<outputs {
                    var total = 0.0
                    for k in 0..<delta.rows { total += d[k * outputs + i] }
                    out[i * (a.columns + 1)] = total
                }
            }
        }
        // Columns 1… of the sum: out(i, j) is sum[i, j + 1].
        delta.values.withUnsafeBufferPointer { d in
            a.values.withUnsafeBufferPointer { x in
                sum.values.withUnsafeMutableBufferPointer { out in
                    guard let d = d.baseAddress, let x = x.baseAddress, let out = out.baseAddress else { return }
                    ProductKernel(
                        left: d, leftRowStride: 1, leftDepthStride: outputs, right: x, rightDepthStride: a.columns,
                        out: out + 1, outRowStride: a.columns + 1, rows: outputs, columns: a.columns,
                        depth: delta.rows
                    ).run()
                }
            }
        }
        return sum
    }

    /// Row k is (Θ without column 0)ᵀ δₖ: entry (k, j) = Σᵢ Θᵢ,ⱼ₊₁ · δ[k, i], summed in ascending
    /// i from 0. δ is m × s₍ₗ₊₁₎; the result is m × sₗ (δ passed back before ⊙ g′).
    public static func backpropagatedRows(_ delta: Matrix, through theta: Matrix) -> Matrix {
        precondition(theta.rows == delta.columns, "Θ needs one row per unit of δ")
        let width = theta.columns - 1
        var result = Matrix(rows: delta.rows, columns: width)
        delta.values.withUnsafeBufferPointer { d in
            theta.values.withUnsafeBufferPointer { t in
                result.values.withUnsafeMutableBufferPointer { out in
                    guard let d = d.baseAddress, let t = t.baseAddress, let out = out.baseAddress, width > 0 else {
                        return
                    }
                    ProductKernel(
                        left: d, leftRowStride: delta.columns, leftDepthStride: 1, right: t + 1,
                        rightDepthStride: theta.columns, out: out, outRowStride: width, rows: delta.rows,
                        columns: width, depth: theta.rows
                    ).run()
                }
            }
        }
        return result
    }
}
