import BackpropCore

/// Which part of a quantity a learner's name stands for, in Ng's layout (see `Quantity`):
/// the whole matrix, one unit of a per-sample vector (Mazur's out_o1), one weight of a
/// Θ-shaped matrix (Mazur's w5, 1-based i, j with j = 0 the bias), Θ without its bias column
/// (Nielsen's w), or the bias column alone (Nielsen's b); `negated` for the 15 Steps' delta,
/// which is −δ.
public struct QuantityPart: Equatable, Sendable {
    public enum Selection: Equatable, Sendable {
        case whole
        /// Unit i (1-based) of a per-sample vector.
        case unit(Int)
        /// Θ⁽ˡ⁾ᵢⱼ: i 1-based, j 0-based (0 = the bias).
        case weight(i: Int, j: Int)
        /// Θ without column 0.
        case withoutBias
        /// Column 0 of Θ, as a column.
        case biasColumn
        /// The 15 Steps' layout of a Θ-shaped matrix: Θᵀ with the bias row moved last,
        /// (sₗ + 1) × sₗ₊₁.
        case biasRowLast
    }

    public var selection: Selection
    /// Whether the learner's sign is the opposite of Ng's.
    public var negated: Bool

    public init(_ selection: Selection = .whole, negated: Bool = false) {
        self.selection = selection
        self.negated = negated
    }

    /// The whole quantity in Ng's sign.
    public static let whole = QuantityPart()

    /// This part of `m` (one sample's row for a per-sample quantity, or a Θ-shaped matrix);
    /// nil when the indices fall outside it.
    func extract(from m: Matrix) -> Matrix? {
        var part: Matrix
        switch selection {
        case .whole: part = m
        case .unit(let i):
            guard m.rows == 1, (1...m.columns).contains(i) else { return nil }
            part = Matrix([[m[0, i - 1]]])
        case .weight(let i, let j):
            guard (1...m.rows).contains(i), (0..<m.columns).contains(j) else { return nil }
            part = Matrix([[m[i - 1, j]]])
        case .withoutBias:
            guard m.columns > 1 else { return nil }
            part = Matrix(m.rowList.map { Array($0.dropFirst()) })
        case .biasColumn:
            part = Matrix(m.rowList.map { [$0[0]] })
        case .biasRowLast:
            let rows = m.transposed.rowList
            part = Matrix(Array(rows.dropFirst()) + [rows[0]])
        }
        return negated ? -1 * part : part
    }
}
