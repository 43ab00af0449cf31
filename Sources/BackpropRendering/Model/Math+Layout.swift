/// How each semantic case prints: the layout construction it is equivalent to.
///
/// Every renderer prints a semantic node exactly as it prints `layout`, so a narrator that
/// moves from hand-built rows to meaning changes no output. The rules for parentheses are
/// decided here, once, from the structure:
/// - a negative number, or a negation, that follows an operator or a juxtaposed factor is
///   parenthesised: `0.4000 · (−0.3730)`, `0.1 + (−0.2)`, `a(−0.5)`; one that opens a line or
///   a group is not (`−0.3 · 0.5 + …`). Inside a sum the rule reaches the leading factor of a
///   later term: `… + (−0.2) · 0.5`.
/// - a sum or difference inside a product, a Hadamard or an outer product, or on the right of
///   a difference, is parenthesised: `(a − y) ⊙ g′(z)`, `a − (b + c)`;
/// - a product, Hadamard or outer product inside a Hadamard or an outer product is too:
///   `(Θᵀδ) ⊙ g′(z)`; products inside products are not (`a · b · c`).
extension Math {
    /// The layout construction this node prints as: itself for a layout case, one level of
    /// rows, operators and brackets for a semantic case (its operands stay as they are).
    public var layout: Math {
        switch self {
        case .identifier, .text, .number, .integer, .op, .row, .subscripted, .superscripted, .scripted, .fraction,
            .parenthesized, .bracketed, .norm, .matrix, .transpose, .prime, .partial, .sum, .ellipsis:
            return self
        case .add(let terms):
            var items: [Math] = []
            for (index, term) in terms.enumerated() {
                if index > 0 { items.append(.op(.plus)) }
                items.append(index > 0 ? term.afterOperator : term)
            }
            return items.count == 1 ? items[0].layout : .row(items)
        case .subtract(let left, let right):
            return .row([left, .op(.minus), right.binding == .sum ? .parenthesized(right) : right.afterOperator])
        case .negate(let operand):
            return .row([.text("−"), operand.binding == .sum ? .parenthesized(operand) : operand.afterOperator])
        case .multiply(let left, let right, let sign):
            let second = right.asFactor == right ? right.afterOperator : right.asFactor
            switch sign {
            case .dot: return .row([left.asFactor, .op(.product), second])
            case .juxtaposed: return .row([left.asFactor, second])
            }
        case .divide(let numerator, let denominator):
            return .fraction(numerator, denominator)
        case .hadamard(let left, let right):
            return Self.infix(left, .hadamard, right)
        case .outer(let left, let right):
            return Self.infix(left, .outer, right)
        case .stackBias(let position, let operand):
            switch position {
            case .first: return .bracketed(.row([.integer(1), .op(.semicolon), operand]))
            case .last: return .bracketed(.row([operand, .op(.comma), .integer(1)]))
            }
        case .call(let function, let arguments):
            var items: [Math] = []
            for (index, argument) in arguments.enumerated() {
                if index > 0 { items.append(.op(.comma)) }
                items.append(argument)
            }
            return .row([function.symbol, .parenthesized(items.count == 1 ? items[0] : .row(items))])
        }
    }

    /// `left op right` for ⊙ and ⊗, whose operands are grouped unless they are atoms.
    private static func infix(_ left: Math, _ op: MathOperator, _ right: Math) -> Math {
        .row([
            left.binding == .atom ? left : .parenthesized(left), .op(op),
            right.binding == .atom ? right.afterOperator : .parenthesized(right),
        ])
    }

    /// How tightly a node holds together when it is an operand.
    enum Binding {
        /// A symbol, number, bracket, call, fraction or negation: never grouped by precedence.
        case atom
        /// A matrix product or scalar multiple.
        case product
        /// A Hadamard or outer product.
        case elementwise
        /// A sum or difference.
        case sum
    }

    /// This node's binding as an operand.
    var binding: Binding {
        switch self {
        case .identifier, .text, .number, .integer, .op, .row, .subscripted, .superscripted, .scripted, .fraction,
            .parenthesized, .bracketed, .norm, .matrix, .transpose, .prime, .partial, .sum, .ellipsis, .negate,
            .divide, .stackBias, .call:
            return .atom
        case .add(let terms): return terms.count == 1 ? terms[0].binding : .sum
        case .subtract: return .sum
        case .multiply: return .product
        case .hadamard, .outer: return .elementwise
        }
    }

    /// A factor of a matrix product, grouped when it is a sum or an element-wise product.
    private var asFactor: Math {
        switch binding {
        case .atom, .product: return self
        case .sum, .elementwise: return .parenthesized(self)
        }
    }

    /// This node as it prints after an operator: a negative number or a negation in
    /// parentheses; for an infix node, its leading operand so treated.
    var afterOperator: Math {
        switch self {
        case .number(let value, _): return value < 0 ? .parenthesized(self) : self
        case .integer(let value): return value < 0 ? .parenthesized(self) : self
        case .negate: return .parenthesized(self)
        case .add(let terms): return terms.isEmpty ? self : .add([terms[0].afterOperator] + terms.dropFirst())
        case .subtract(let left, let right): return .subtract(left.afterOperator, right)
        case .multiply(let left, let right, let sign):
            return left.asFactor == left ? .multiply(left.afterOperator, right, sign: sign) : self
        case .hadamard(let left, let right):
            return left.binding == .atom ? .hadamard(left.afterOperator, right) : self
        case .outer(let left, let right):
            return left.binding == .atom ? .outer(left.afterOperator, right) : self
        case .identifier, .text, .op, .row, .subscripted, .superscripted, .scripted, .fraction, .parenthesized,
            .bracketed, .norm, .matrix, .transpose, .prime, .partial, .sum, .ellipsis, .divide, .stackBias, .call:
            return self
        }
    }
}
