/// What one line of an equation is: the rule in symbols, the rule with the lesson's numbers
/// put in, or the value it comes to.
public enum EquationLineRole: String, Equatable, Sendable {
    /// A line that still has symbols (δ⁽³⁾ = (Θ⁽³⁾)ᵀδ⁽⁴⁾ ⊙ g′(z⁽³⁾)).
    case symbolic
    /// A line of numbers and operations only (0.5 · [0.1 0.2]).
    case substituted
    /// The last line, when it is a number or a matrix of numbers.
    case result
}

extension Equation {
    /// Each line's role, derived from what it holds: the last line is the result when it is a
    /// literal value; any other line without symbols is substituted; the rest are symbolic.
    /// A bound after the result (‖num − bp‖/‖num + bp‖ = 3.9e-10 < 10⁻⁹) is not a value the
    /// lines come to: it counts as a symbolic line, and the line before it is the result.
    public var roles: [EquationLineRole] {
        let bounds = steps.reversed().prefix { $0.relation == .less || $0.relation == .lessOrEqual }.count
        let last = steps.count - 1 - bounds
        return steps.indices.map { index in
            if index > last { return .symbolic }
            let expression = steps[index].expression
            if index == last, expression.isLiteralValue { return .result }
            return expression.hasNoSymbols ? .substituted : .symbolic
        }
    }
}

extension Math {
    /// A number, an integer, or a matrix of them (possibly abbreviated with ellipses).
    public var isLiteralValue: Bool {
        switch self {
        case .number, .integer: return true
        case .matrix(let rows):
            return rows.allSatisfy { row in
                row.allSatisfy { cell in
                    if case .ellipsis = cell { return true }
                    return cell.isLiteralValue
                }
            }
        case .negate(let operand): return operand.isLiteralValue
        default: return false
        }
    }

    /// Whether the tree names no symbol: no identifier, words, derivative or sum notation, and
    /// only calls of functions with a meaning (whose printed name is not a symbol of the line).
    public var hasNoSymbols: Bool {
        switch self {
        case .identifier, .text, .partial, .sum, .prime, .subscripted, .superscripted, .scripted: return false
        case .call(let function, let arguments): return function.meaning != nil && arguments.allSatisfy(\.hasNoSymbols)
        default: return children.allSatisfy(\.hasNoSymbols)
        }
    }
}
