import BackpropCore
import Testing

/// The kernels behind backprop's three products against the plain loops of their doc comments,
/// compared bit for bit: each entry is summed in the same order, so no tolerance is needed.
@Suite("Matrix products")
struct MatrixProductTests {
    /// (m, sₗ, s₍ₗ₊₁₎): tile remainders in every direction, sizes past the kernel's depth block
    /// (256) and chunks, and one large enough (≥ 200,000 multiply-adds) to be shared by threads.
    static let shapes: [(m: Int, inputs: Int, outputs: Int)] = [
        (1, 1, 1), (4, 4, 4), (5, 3, 2), (7, 17, 9), (13, 300, 6), (70, 33, 25), (300, 65, 25), (3, 2, 40),
    ]

    static func random(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var random = TestRandom(seed: seed)
        return Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in random.symmetric() })
    }

    @Test("z = [1 A]Θᵀ is Θᵢ₀ + Σⱼ Θᵢ,ⱼ₊₁ A[k, j] in ascending j", arguments: shapes.indices)
    func affineRows(_ index: Int) {
        let shape = Self.shapes[index]
        let a = Self.random(rows: shape.m, columns: shape.inputs, seed: 1)
        let theta = Self.random(rows: shape.outputs, columns: shape.inputs + 1, seed: 2)
        var expected = Matrix(rows: shape.m, columns: shape.outputs)
        for k in 0..<shape.m {
            for i in 0..<shape.outputs {
                var sum = theta[i, 0]
                for j in 0..<shape.inputs { sum += theta[i, j + 1] * a[k, j] }
                expected[k, i] = sum
            }
        }
        #expect(Matrix.affineRows(a, theta: theta) == expected)
    }

    @Test("Δ = Σₖ δₖ[1; aₖ]ᵀ, summed in ascending k", arguments: shapes.indices)
    func sumOfOuterProducts(_ index: Int) {
        let shape = Self.shapes[index]
        let delta = Self.random(rows: shape.m, columns: shape.outputs, seed: 3)
        let a = Self.random(rows: shape.m, columns: shape.inputs, seed: 4)
        var expected = Matrix(rows: shape.outputs, columns: shape.inputs + 1)
        for k in 0..<shape.m {
            for i in 0..<shape.outputs {
                expected[i, 0] += delta[k, i]
                for j in 0..<shape.inputs { expected[i, j + 1] += delta[k, i] * a[k, j] }
            }
        }
        #expect(Matrix.sumOfOuterProducts(delta, biased: a) == expected)
    }

    @Test("row k of (Θ without column 0)ᵀ δ is Σᵢ Θᵢ,ⱼ₊₁ δ[k, i] in ascending i", arguments: shapes.indices)
    func backpropagatedRows(_ index: Int) {
        let shape = Self.shapes[index]
        let delta = Self.random(rows: shape.m, columns: shape.outputs, seed: 5)
        let theta = Self.random(rows: shape.outputs, columns: shape.inputs + 1, seed: 6)
        var expected = Matrix(rows: shape.m, columns: shape.inputs)
        for k in 0..<shape.m {
            for j in 0..<shape.inputs {
                var sum = 0.0
                for i in 0..<shape.outputs { sum += theta[i, j + 1] * delta[k, i] }
                expected[k, j] = sum
            }
        }
        #expect(Matrix.backpropagatedRows(delta, through: theta) == expected)
    }
}
