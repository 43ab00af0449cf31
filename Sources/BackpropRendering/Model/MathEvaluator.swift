import BackpropCore
import Foundation

/// The value of an evaluable `Math` tree: a matrix of doubles (a scalar is 1 × 1 and marked
/// so, a column vector has one column, a row vector one row).
public struct MathValue: Equatable, Sendable {
    /// The entries, row by row.
    public var rows: [[Double]]
    /// Whether the value is a scalar (a 1 × 1 matrix written as a matrix is not).
    public var isScalar: Bool

    /// A scalar.
    public init(scalar: Double) {
        rows = [[scalar]]
        isScalar = true
    }

    /// A matrix of `rows` (all of the same length).
    public init(rows: [[Double]]) {
        self.rows = rows
        isScalar = false
    }

    /// The number of rows.
    public var rowCount: Int { rows.count }
    /// The number of columns.
    public var columnCount: Int { rows.first?.count ?? 0 }
    /// Whether it is a vector (one row or one column, or a scalar).
    public var isVector: Bool { isScalar || rowCount == 1 || columnCount == 1 }
    /// The entries in reading order.
    public var entries: [Double] { rows.flatMap { $0 } }
    /// The scalar, if it is one (or any 1 × 1 value).
    public var scalar: Double? { rowCount == 1 && columnCount == 1 ? rows[0][0] : nil }

    /// The same entries in another shape of the same orientation rule: `f` applied to each.
    func mapped(_ f: (Double) -> Double) -> MathValue {
        var copy = self
        copy.rows = rows.map { $0.map(f) }
        return copy
    }
}

/// Why a tree could not be evaluated.
public enum MathEvaluationError: Error, Equatable, Sendable {
    /// The tree holds a node that only prints (a symbol, text, an ellipsis, a layout row).
    case notEvaluable(String)
    /// Two operands whose shapes do not fit the operation.
    case shapeMismatch(String)
}

/// Computes the value of a `Math` tree built from the evaluable nodes: numbers and integers,
/// matrices of them, `add`, `subtract`, `negate`, `multiply` (a scalar multiple when either
/// side is a scalar, else the matrix product), `divide` (scalar denominator), `hadamard`,
/// `outer` (u vᵀ of two vectors, however each is written), `transpose`, `stackBias` ([1; a]
/// as a column, [x, 1] as a row), `call` of a function with a meaning, and `parenthesized`
/// (grouping only). Everything else is `notEvaluable`.
///
/// Tests use it to prove that each substituted line of an equation gives its result line.
public struct MathEvaluator: MathVisitor {
    public typealias Result = Swift.Result<MathValue, MathEvaluationError>

    /// An evaluator.
    public init() {}

    /// The value of `math`.
    public func value(of math: Math) throws(MathEvaluationError) -> MathValue {
        try walk(math).get()
    }

    private func notEvaluable(_ what: String) -> Result { .failure(.notEvaluable(what)) }

    private func mismatch(_ what: String, _ a: MathValue, _ b: MathValue) -> Result {
        .failure(.shapeMismatch("\(what): \(a.rowCount) × \(a.columnCount) and \(b.rowCount) × \(b.columnCount)"))
    }

    /// Element by element, shapes equal (a scalar and a 1 × 1 matrix count as equal). A scalar
    /// against a matrix stands for the matrix of that scalar, as in `1 − a` for a vector a.
    private func elementwise(_ what: String, _ a: MathValue, _ b: MathValue, _ f: (Double, Double) -> Double)
        -> Result
    {
        if a.isScalar, !b.isScalar, let s = a.scalar { return .success(b.mapped { f(s, $0) }) }
        if b.isScalar, !a.isScalar, let s = b.scalar { return .success(a.mapped { f($0, s) }) }
        guard a.rowCount == b.rowCount, a.columnCount == b.columnCount else { return mismatch(what, a, b) }
        var result = MathValue(rows: zip(a.rows, b.rows).map { zip($0, $1).map(f) })
        result.isScalar = a.isScalar && b.isScalar
        return .success(result)
    }

    // MARK: Layout cases: only grouping and literal values evaluate

    public func visitIdentifier(_ name: String) -> Result { notEvaluable("the symbol \(name)") }
    public func visitText(_ words: String) -> Result { notEvaluable("the text \"\(words)\"") }
    public func visitNumber(_ value: Double, style: NumberStyle) -> Result { .success(MathValue(scalar: value)) }
    public func visitInteger(_ value: Int) -> Result { .success(MathValue(scalar: Double(value))) }
    public func visitOperator(_ op: MathOperator) -> Result { notEvaluable("a bare operator \(op.unicode)") }
    public func visitRow(_ items: [Math]) -> Result { notEvaluable("a layout row of \(items.count) items") }
    public func visitSubscripted(_ base: Math, _ sub: Math) -> Result { notEvaluable("a subscripted symbol") }
    public func visitSuperscripted(_ base: Math, _ sup: Math) -> Result { notEvaluable("a superscripted symbol") }
    public func visitScripted(_ base: Math, sub: Math, sup: Math) -> Result { notEvaluable("a scripted symbol") }
    public func visitFraction(_ numerator: Math, _ denominator: Math) -> Result {
        notEvaluable("a layout fraction (use divide)")
    }
    public func visitParenthesized(_ inner: Math) -> Result { walk(inner) }
    public func visitBracketed(_ inner: Math) -> Result { notEvaluable("a bracketed layout") }
    public func visitNorm(_ inner: Math) -> Result { notEvaluable("a norm") }
    public func visitPrime(_ base: Math) -> Result { notEvaluable("a derivative's name") }
    public func visitPartial(_ numerator: Math, _ denominator: Math) -> Result { notEvaluable("a partial derivative") }
    public func visitSum(_ index: Math, _ body: Math) -> Result { notEvaluable("a Σ over an index") }
    public func visitEllipsis(_ direction: Math.Ellipsis) -> Result { notEvaluable("an abbreviated matrix (⋯)") }

    public func visitMatrix(_ rows: [[Math]]) -> Result {
        var values: [[Double]] = []
        for row in rows {
            var valueRow: [Double] = []
            for cell in row {
                switch walk(cell) {
                case .failure(let error): return .failure(error)
                case .success(let value):
                    guard let scalar = value.scalar else { return notEvaluable("a matrix cell that is not a number") }
                    valueRow.append(scalar)
                }
            }
            values.append(valueRow)
        }
        guard let width = values.first?.count, values.allSatisfy({ $0.count == width }) else {
            return .failure(.shapeMismatch("a matrix with rows of different lengths"))
        }
        return .success(MathValue(rows: values))
    }

    public func visitTranspose(_ operand: Math) -> Result {
        walk(operand).map { value in
            guard !value.isScalar, let width = value.rows.first?.count else { return value }
            return MathValue(rows: (0..<width).map { j in value.rows.map { $0[j] } })
        }
    }

    // MARK: Semantic cases

    public func visitAdd(_ terms: [Math]) -> Result {
        guard var total = terms.first.map(walk) else { return notEvaluable("an empty sum") }
        for term in terms.dropFirst() {
            total = total.flatMap { sum in walk(term).flatMap { elementwise("a sum", sum, $0, +) } }
        }
        return total
    }

    public func visitSubtract(_ left: Math, _ right: Math) -> Result {
        walk(left).flatMap { a in walk(right).flatMap { elementwise("a difference", a, $0, -) } }
    }

    public func visitNegate(_ operand: Math) -> Result { walk(operand).map { $0.mapped { -$0 } } }

    public func visitMultiply(_ left: Math, _ right: Math, sign: Math.ProductSign) -> Result {
        walk(left).flatMap { a in
            walk(right).flatMap { b in
                if a.isScalar, let s = a.scalar { return .success(b.mapped { s * $0 }) }
                if b.isScalar, let s = b.scalar { return .success(a.mapped { $0 * s }) }
                guard a.columnCount == b.rowCount else { return mismatch("a matrix product", a, b) }
                let product = (0..<a.rowCount).map { i in
                    (0..<b.columnCount).map { j in
                        (0..<a.columnCount).reduce(0.0) { $0 + a.rows[i][$1] * b.rows[$1][j] }
                    }
                }
                return .success(MathValue(rows: product))
            }
        }
    }

    public func visitDivide(_ numerator: Math, _ denominator: Math) -> Result {
        walk(numerator).flatMap { a in
            walk(denominator).flatMap { b in
                guard let d = b.scalar else { return mismatch("a division by a matrix", a, b) }
                var quotient = a.mapped { $0 / d }
                quotient.isScalar = a.isScalar
                return .success(quotient)
            }
        }
    }

    public func visitHadamard(_ left: Math, _ right: Math) -> Result {
        walk(left).flatMap { a in walk(right).flatMap { elementwise("an element-wise product", a, $0, *) } }
    }

    public func visitOuter(_ left: Math, _ right: Math) -> Result {
        walk(left).flatMap { u in
            walk(right).flatMap { v in
                guard u.isVector, v.isVector else { return mismatch("an outer product of non-vectors", u, v) }
                return .success(MathValue(rows: u.entries.map { x in v.entries.map { x * $0 } }))
            }
        }
    }

    public func visitStackBias(_ position: Math.BiasPosition, _ operand: Math) -> Result {
        walk(operand).flatMap { value in
            guard value.isVector else { return notEvaluable("a bias stacked on a matrix") }
            switch position {
            case .first: return .success(MathValue(rows: ([1] + value.entries).map { [$0] }))
            case .last: return .success(MathValue(rows: [value.entries + [1]]))
            }
        }
    }

    public func visitCall(_ function: MathFunction, _ arguments: [Math]) -> Result {
        guard let meaning = function.meaning else { return notEvaluable("a function that only prints") }
        guard arguments.count == 1, let argument = arguments.first else {
            return notEvaluable("a call with \(arguments.count) arguments")
        }
        return walk(argument).map { value in
            let z = value.entries
            let computed: [Double]
            switch meaning {
            case .activation(let activation): computed = activation.values(z)
            case .derivative(let activation): computed = activation.derivatives(z: z, a: activation.values(z))
            case .log: computed = z.map { Foundation.log($0) }
            case .exp: computed = z.map { Foundation.exp($0) }
            }
            var result = value
            var index = 0
            result.rows = value.rows.map { row in
                row.map { _ in
                    defer { index += 1 }
                    return computed[index]
                }
            }
            return result
        }
    }
}
