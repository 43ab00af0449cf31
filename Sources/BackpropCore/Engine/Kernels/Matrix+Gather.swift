extension Matrix {
    /// The rows at `indices` (0-based, in the order given), as a matrix of `indices.count` rows.
    public func rows(at indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        for (position, index) in indices.enumerated() {
            for j in 0..<columns { result.values[position * columns + j] = values[index * columns + j] }
        }
        return result
    }
}
