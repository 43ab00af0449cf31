extension Math {
    /// The node's immediate sub-expressions, in printing order (a call's symbol first, then
    /// its arguments; a matrix's cells row by row). Walkers that only collect, such as "every
    /// number in this line", recurse through this instead of switching over every case.
    public var children: [Math] {
        switch self {
        case .identifier, .text, .number, .integer, .op, .ellipsis: return []
        case .row(let items), .add(let items): return items
        case .subscripted(let a, let b), .superscripted(let a, let b), .fraction(let a, let b), .partial(let a, let b),
            .sum(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b),
            .hadamard(let a, let b), .outer(let a, let b):
            return [a, b]
        case .scripted(let base, let sub, let sup): return [base, sup, sub]
        case .parenthesized(let a), .bracketed(let a), .norm(let a), .transpose(let a), .prime(let a), .negate(let a),
            .stackBias(_, let a):
            return [a]
        case .matrix(let rows): return rows.flatMap { $0 }
        case .call(let function, let arguments): return [function.symbol] + arguments
        }
    }
}
