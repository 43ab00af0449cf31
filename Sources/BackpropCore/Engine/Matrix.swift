/// A dense matrix of `Double`, stored row-major.
///
/// Indices are 0-based: `self[i, j]` is row `i`, column `j`. In Ng's weight matrices Θ⁽ˡ⁾,
/// column 0 holds the bias weights, so `theta[i, 0]` is Θ⁽ˡ⁾ᵢ₀ (the weight from the bias unit
/// a₀ = 1) and `theta[i, j]` for j ≥ 1 multiplies aⱼ⁽ˡ⁾. Encodes as a list of rows.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row: entry (i, j) is `values[i * columns + j]`.
    public var values: [Double]

    /// A matrix of the given shape filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from row-major values; `values.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "matrix values do not fill its shape")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from a list of equally long rows (an empty list gives a 0 × 0 matrix).
    public init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == columns }, "matrix rows differ in length")
        self.init(rows: rowList.count, columns: columns, values: rowList.flatMap { $0 })
    }

    /// Entry (i, j), 0-based.
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { self[$0, j] }
    }

    /// The rows as nested arrays (the JSON shape).
    public var rowList: [[Double]] {
        (0..<rows).map(row)
    }

    /// "rows × columns", e.g. `3 × 6`.
    public var shapeDescription: String { "\(rows) × \(columns)" }

    /// The transpose Mᵀ.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result[j, i] = self[i, j]
            }
        }
        return result
    }

    /// The outer product u vᵀ: entry (i, j) = u[i] · v[j].
    public static func outer(_ u: [Double], _ v: [Double]) -> Matrix {
        var result = Matrix(rows: u.count, columns: v.count)
        for i in 0..<u.count {
            for j in 0..<v.count {
                result[i, j] = u[i] * v[j]
            }
        }
        return result
    }

    /// Entry-wise `self + other`.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns)
        return Matrix(rows: lhs.rows, columns: lhs.columns, values: zip(lhs.values, rhs.values).map(+))
    }

    /// Every entry multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        Matrix(rows: matrix.rows, columns: matrix.columns, values: matrix.values.map { scalar * $0 })
    }
}

extension Matrix: Codable {
    /// Decodes a list of equally long rows.
    public init(from decoder: Decoder) throws {
        let rowList = try [[Double]](from: decoder)
        let columns = rowList.first?.count ?? 0
        guard rowList.allSatisfy({ $0.count == columns }) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "matrix rows differ in length"))
        }
        self.init(rowList)
    }

    /// Encodes as a list of rows.
    public func encode(to encoder: Encoder) throws {
        try rowList.encode(to: encoder)
    }
}
