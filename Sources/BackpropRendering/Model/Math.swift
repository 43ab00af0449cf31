/// A small math-expression tree that renders to Unicode text, LaTeX and KaTeX-safe Markdown.
///
/// The narrator builds these; renderers only print them. Numbers stay `Double` here and are
/// formatted by the renderer with the document's precision, so every format shows the same
/// rounding of the same trace value.
public indirect enum Math: Equatable, Sendable {
    /// A variable or function name: `a`, `Θ`, `δ`, `net`, `error_vector`. Several letters print
    /// upright (`\mathrm` in LaTeX).
    case identifier(String)
    /// Upright words inside math, such as "sample 1".
    case text(String)
    /// A value from the trace, rounded by the renderer.
    case number(Double)
    /// An exact whole number (indices, counts).
    case integer(Int)
    /// A relation or binary operator.
    case op(MathOperator)
    /// Items side by side (juxtaposition, or a chain with `.op` between terms).
    case row([Math])
    /// base with a subscript: Θᵢⱼ.
    case subscripted(Math, Math)
    /// base with a superscript: a⁽²⁾, zˡ.
    case superscripted(Math, Math)
    /// base with both: Θ⁽¹⁾ᵢⱼ (superscript first in Unicode, as Ng writes it).
    case scripted(Math, sub: Math, sup: Math)
    /// A fraction.
    case fraction(Math, Math)
    /// (…)
    case parenthesized(Math)
    /// […] inline, such as [1; a⁽¹⁾] or [x, 1].
    case bracketed(Math)
    /// ‖…‖
    case norm(Math)
    /// A matrix of cells (a column vector is a matrix with one column), in square brackets.
    case matrix([[Math]])
    /// Mᵀ.
    case transpose(Math)
    /// f′ (the derivative of a named function).
    case prime(Math)
    /// ∂numerator/∂denominator.
    case partial(Math, Math)
    /// Σ over an index set written below, e.g. Σ_{k}.
    case sum(Math, Math)
    /// A cell standing for entries left out of a large matrix.
    case ellipsis(Ellipsis)

    /// Which way entries are left out.
    public enum Ellipsis: Equatable, Sendable {
        case horizontal, vertical, diagonal
    }
}

/// Operators and relations, each with its Unicode and LaTeX spelling.
public enum MathOperator: Equatable, Sendable {
    case equals, approximately, assign, plus, minus, times, product, hadamard, outer, less, lessOrEqual, comma,
        semicolon, arrow

    /// How the operator prints in text, spaces included.
    public var unicode: String {
        switch self {
        case .equals: return " = "
        case .approximately: return " ≈ "
        case .assign: return " := "
        case .plus: return " + "
        case .minus: return " − "
        case .times: return " × "
        case .product: return " · "
        case .hadamard: return " ⊙ "
        case .outer: return " ⊗ "
        case .less: return " < "
        case .lessOrEqual: return " ≤ "
        case .comma: return ", "
        case .semicolon: return "; "
        case .arrow: return " → "
        }
    }

    /// How the operator prints in LaTeX math.
    public var latex: String {
        switch self {
        case .equals: return " = "
        case .approximately: return " \\approx "
        case .assign: return " := "
        case .plus: return " + "
        case .minus: return " - "
        case .times: return " \\times "
        case .product: return " \\cdot "
        case .hadamard: return " \\odot "
        case .outer: return " \\otimes "
        case .less: return " < "
        case .lessOrEqual: return " \\le "
        case .comma: return ",\\ "
        case .semicolon: return ";\\ "
        case .arrow: return " \\to "
        }
    }
}

extension Math {
    /// A column vector of trace values.
    public static func column(_ values: [Double]) -> Math {
        .matrix(values.map { [.number($0)] })
    }

    /// A row vector of trace values.
    public static func rowVector(_ values: [Double]) -> Math {
        .matrix([values.map { .number($0) }])
    }

    /// A matrix of trace values.
    public static func values(_ rows: [[Double]]) -> Math {
        .matrix(rows.map { $0.map { .number($0) } })
    }

    /// `lhs op rhs` as a row.
    public static func binary(_ lhs: Math, _ op: MathOperator, _ rhs: Math) -> Math {
        .row([lhs, .op(op), rhs])
    }

    /// Terms joined by one operator: a + b + c.
    public static func chain(_ terms: [Math], _ op: MathOperator) -> Math {
        var items: [Math] = []
        for (index, term) in terms.enumerated() {
            if index > 0 { items.append(.op(op)) }
            items.append(term)
        }
        return .row(items)
    }

    /// name(argument), e.g. g(z⁽²⁾).
    public static func apply(_ name: Math, _ argument: Math) -> Math {
        .row([name, .parenthesized(argument)])
    }
}
