extension Matrix {
    /// The entry-wise (Hadamard) product self ⊙ v, with `v` in this matrix's row-major order.
    public func hadamard(_ v: [Double]) -> Matrix {
        precondition(v.count == values.count, "⊙ needs operands of one shape")
        var result = self
        for index in values.indices { result.values[index] = values[index] * v[index] }
        return result
    }
}
