/// A small math-expression tree that renders to Unicode text, LaTeX and KaTeX-safe Markdown.
///
/// The narrator builds these; renderers only print them. Numbers stay `Double` here and are
/// formatted by the renderer (in the document's precision unless a `NumberStyle` says
/// otherwise), so every format shows the same rounding of the same trace value.
///
/// Two kinds of case live side by side:
/// - **layout** cases (`identifier` … `ellipsis`) say how symbols are set: scripts, rows,
///   brackets. They stay for symbols and for prose-like formulas.
/// - **semantic** cases (`add`, `subtract`, `negate`, `multiply`, `divide`, `hadamard`,
///   `outer`, `transpose`, `stackBias`, `call`) say what an expression *means*, so the same
///   tree can be printed in every format and evaluated. Each prints exactly as the layout
///   construction given by `layout` (see `Math+Layout.swift`), which is what the narrator
///   wrote by hand before they existed.
///
/// Renderers walk the tree with a `MathVisitor`.
public indirect enum Math: Equatable, Sendable {
    /// A variable or function name: `a`, `Θ`, `δ`, `net`, `error_vector`. Several letters print
    /// upright (`\mathrm` in LaTeX).
    case identifier(String)
    /// Upright words inside math, such as "sample 1".
    case text(String)
    /// A value from the trace, printed in `style` (the renderer's decimals by default).
    case number(Double, NumberStyle = .document)
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

    // MARK: Semantic cases

    /// The sum of two or more terms: a + b + c. A negative number (or a negation) after a `+`
    /// is parenthesised when printed: `0.1 + (−0.2)`.
    case add([Math])
    /// left − right. A right operand that is itself a sum or difference is parenthesised.
    case subtract(Math, Math)
    /// −operand, printed with a Unicode minus; a sum, a difference or a negative number is
    /// parenthesised.
    case negate(Math)
    /// The matrix product left · right, or a scalar multiple when either side is a scalar.
    /// `sign` only decides whether `·` is printed (`αD⁽¹⁾` against `0.5 · [M]`). Operands
    /// that are sums, differences, Hadamard or outer products are parenthesised; a negative
    /// number on the right (or on the left when an operator precedes the product) is too.
    case multiply(Math, Math, sign: ProductSign = .dot)
    /// numerator / denominator (a scalar denominator), printed as a fraction; the text
    /// renderer writes a one-line fraction followed by a factor as `(1/m)Δ`.
    case divide(Math, Math)
    /// The element-wise product left ⊙ right of two equally shaped operands. Sums,
    /// differences and other products among the operands are parenthesised.
    case hadamard(Math, Math)
    /// The outer product u ⊗ v = u vᵀ of two vectors (whatever way each is written).
    case outer(Math, Math)
    /// A vector with the bias unit 1 stacked on: `.first` is the column [1; a] (Ng, Nielsen),
    /// `.last` the row [x, 1] (Tulleken).
    case stackBias(BiasPosition, Math)
    /// A function applied to arguments: g(z⁽²⁾), σ′(z), log(h), max(0, z).
    case call(MathFunction, [Math])

    /// Which way entries are left out.
    public enum Ellipsis: Equatable, Sendable {
        case horizontal, vertical, diagonal
    }

    /// Whether a product prints a `·` between its factors.
    public enum ProductSign: Equatable, Sendable {
        /// `a · b`.
        case dot
        /// `ab`, side by side.
        case juxtaposed
    }

    /// Where `stackBias` puts the bias unit 1.
    public enum BiasPosition: Equatable, Sendable {
        /// On top of a column: [1; a].
        case first
        /// At the end of a row: [x, 1].
        case last
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

    /// name(argument), e.g. g(z⁽²⁾), as layout only (prefer `call` with a `MathFunction`).
    public static func apply(_ name: Math, _ argument: Math) -> Math {
        .row([name, .parenthesized(argument)])
    }

    /// A scalar multiple or matrix product printed with `·`: `0.5 · [M]`.
    public static func times(_ left: Math, _ right: Math) -> Math {
        .multiply(left, right, sign: .dot)
    }

    /// A product printed side by side: `αD⁽¹⁾`, `δ⁽³⁾[1; a⁽²⁾]ᵀ`.
    public static func juxtaposed(_ left: Math, _ right: Math) -> Math {
        .multiply(left, right, sign: .juxtaposed)
    }
}
