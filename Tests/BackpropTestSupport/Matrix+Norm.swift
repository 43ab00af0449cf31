import BackpropCore

extension Matrix {
    /// The Euclidean (Frobenius) norm of a list of matrices taken as one long vector.
    ///
    /// Only the tests need it (to show a gradient is not vanishingly small), so it lives here
    /// rather than in the engine.
    public static func norm(_ matrices: [Matrix]) -> Double {
        matrices.reduce(0) { sum, m in m.values.reduce(sum) { $0 + $1 * $1 } }.squareRoot()
    }
}
