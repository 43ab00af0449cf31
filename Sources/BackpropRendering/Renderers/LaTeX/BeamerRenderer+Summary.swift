/// Summarised steps on slides: a step that would take more than `framesBeforeSummary` frames
/// works each kind of equation out once, in full, and shows the later ones of that kind (the
/// same rule for another layer: δ⁽²⁾ after δ⁽³⁾, b² := … after w² := …) as their rule and result,
/// leaving out the line of substituted numbers. Every line shown is still a true equation; the
/// article and the terminal keep every substitution.
extension BeamerRenderer {
    /// The most frames a step takes before its repeated equations are summarised.
    static let framesBeforeSummary = 5

    /// `blocks` with every equation after the first of its kind (`Equation.layerFreeKind`)
    /// reduced to its symbolic lines and its result.
    static func summarised(_ blocks: [Block]) -> [Block] {
        var seen: Set<String> = []
        return blocks.map { block in
            guard case .equation(let equation) = block, let kind = equation.layerFreeKind else { return block }
            guard seen.insert(kind).inserted else { return .equation(equation.ruleAndResult) }
            return block
        }
    }
}

extension Equation {
    /// What the equation computes regardless of layer: the name on its left-hand side and the
    /// structure of its symbolic lines, with scripts, numbers and the names on the right left
    /// out (Θ⁽¹⁾ := Θ⁽¹⁾ − αD⁽¹⁾ and Θ⁽²⁾ := Θ⁽²⁾ − αD⁽²⁾ share it; so do Tulleken's
    /// delta⁽³⁾ = (delta · W⁽³⁾ᵀ) ⊙ … and delta⁽²⁾ = (delta⁽³⁾ · W⁽²⁾ᵀ) ⊙ …). Nil when the
    /// equation has no substituted line to leave out or ends in no result.
    var layerFreeKind: String? {
        let roles = self.roles
        guard roles.last == .result, roles.contains(.substituted) else { return nil }
        let symbolic = zip(steps, roles).filter { $0.1 == .symbolic }.map {
            $0.0.relation.unicode + $0.0.expression.layerFreeShape(keepingNames: false)
        }
        return ([lhs.layerFreeShape(keepingNames: true)] + symbolic).joined()
    }

    /// The equation without its substituted lines: the rule, then the result.
    var ruleAndResult: Equation {
        let roles = self.roles
        return Equation(lhs, zip(steps, roles).filter { $0.1 != .substituted }.map(\.0))
    }
}

extension Math {
    /// The expression's structure with every script, number and matrix size left out, and
    /// its names too unless `keepingNames`: what stays the same from one layer to the next.
    func layerFreeShape(keepingNames: Bool) -> String {
        switch self {
        case .identifier(let name): return keepingNames ? name : "x"
        case .text(let words): return keepingNames ? "'" + words + "'" : "x"
        case .number, .integer: return "#"
        case .matrix: return "[]"
        case .op(let op): return op.unicode
        case .subscripted(let base, _), .superscripted(let base, _), .scripted(let base, _, _):
            return base.layerFreeShape(keepingNames: keepingNames)
        default:
            let name = Mirror(reflecting: self).children.first?.label ?? ""
            return name + "(" + children.map { $0.layerFreeShape(keepingNames: keepingNames) }.joined(separator: ",")
                + ")"
        }
    }
}
