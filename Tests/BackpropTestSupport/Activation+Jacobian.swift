import BackpropCore

extension Activation {
    /// The full softmax Jacobian J[i][k] = ∂aᵢ/∂zₖ = aᵢ([i = k] − aₖ), for a = softmax(z).
    ///
    /// Backprop never needs it (softmax is only allowed with cross-entropy, where
    /// δ⁽ᴸ⁾ = a − y); the tests use it to show that `derivatives` is its diagonal.
    public static func softmaxJacobian(a: [Double]) -> Matrix {
        var jacobian = Matrix(rows: a.count, columns: a.count)
        for i in a.indices {
            for k in a.indices {
                jacobian[i, k] = a[i] * ((i == k ? 1 : 0) - a[k])
            }
        }
        return jacobian
    }
}
