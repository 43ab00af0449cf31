/// A walk over a `Math` tree that computes one `Result` per node, in the manner of
/// swift-markdown's `MarkupVisitor`: one `visit…` method per case, and `walk(_:)` to dispatch.
///
/// A renderer's math writer (Unicode boxes, LaTeX, width estimates, MathML) is one visitor.
/// The semantic cases (`add`, `multiply`, `stackBias`, …) have default implementations that
/// walk their `layout`, the layout construction they print as; a format that wants to print
/// meaning differently (MathML's `<mo>&InvisibleTimes;</mo>`) overrides them. A new `Math` case
/// fails to compile here until it has a `visit…` requirement.
public protocol MathVisitor {
    /// What each node becomes.
    associatedtype Result

    // MARK: Layout cases

    /// A variable or function name.
    func visitIdentifier(_ name: String) -> Result
    /// Upright words inside math.
    func visitText(_ words: String) -> Result
    /// A number in its style.
    func visitNumber(_ value: Double, style: NumberStyle) -> Result
    /// An exact whole number.
    func visitInteger(_ value: Int) -> Result
    /// A relation or binary operator.
    func visitOperator(_ op: MathOperator) -> Result
    /// Items side by side.
    func visitRow(_ items: [Math]) -> Result
    /// base with a subscript.
    func visitSubscripted(_ base: Math, _ sub: Math) -> Result
    /// base with a superscript.
    func visitSuperscripted(_ base: Math, _ sup: Math) -> Result
    /// base with both scripts.
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> Result
    /// A fraction.
    func visitFraction(_ numerator: Math, _ denominator: Math) -> Result
    /// (…)
    func visitParenthesized(_ inner: Math) -> Result
    /// […]
    func visitBracketed(_ inner: Math) -> Result
    /// ‖…‖
    func visitNorm(_ inner: Math) -> Result
    /// A matrix of cells, row by row.
    func visitMatrix(_ rows: [[Math]]) -> Result
    /// Mᵀ (layout and meaning coincide).
    func visitTranspose(_ operand: Math) -> Result
    /// f′.
    func visitPrime(_ base: Math) -> Result
    /// ∂numerator/∂denominator.
    func visitPartial(_ numerator: Math, _ denominator: Math) -> Result
    /// Σ over `index` of `body`.
    func visitSum(_ index: Math, _ body: Math) -> Result
    /// Entries left out.
    func visitEllipsis(_ direction: Math.Ellipsis) -> Result

    // MARK: Semantic cases (default: walk `layout`)

    /// a + b + c.
    func visitAdd(_ terms: [Math]) -> Result
    /// left − right.
    func visitSubtract(_ left: Math, _ right: Math) -> Result
    /// −operand.
    func visitNegate(_ operand: Math) -> Result
    /// left · right or left right.
    func visitMultiply(_ left: Math, _ right: Math, sign: Math.ProductSign) -> Result
    /// numerator / denominator.
    func visitDivide(_ numerator: Math, _ denominator: Math) -> Result
    /// left ⊙ right.
    func visitHadamard(_ left: Math, _ right: Math) -> Result
    /// left ⊗ right.
    func visitOuter(_ left: Math, _ right: Math) -> Result
    /// [1; a] or [x, 1].
    func visitStackBias(_ position: Math.BiasPosition, _ operand: Math) -> Result
    /// f(arguments).
    func visitCall(_ function: MathFunction, _ arguments: [Math]) -> Result
}

extension MathVisitor {
    /// Dispatches `math` to the `visit…` method of its case.
    public func walk(_ math: Math) -> Result {
        switch math {
        case .identifier(let name): return visitIdentifier(name)
        case .text(let words): return visitText(words)
        case .number(let value, let style): return visitNumber(value, style: style)
        case .integer(let value): return visitInteger(value)
        case .op(let op): return visitOperator(op)
        case .row(let items): return visitRow(items)
        case .subscripted(let base, let sub): return visitSubscripted(base, sub)
        case .superscripted(let base, let sup): return visitSuperscripted(base, sup)
        case .scripted(let base, let sub, let sup): return visitScripted(base, sub: sub, sup: sup)
        case .fraction(let numerator, let denominator): return visitFraction(numerator, denominator)
        case .parenthesized(let inner): return visitParenthesized(inner)
        case .bracketed(let inner): return visitBracketed(inner)
        case .norm(let inner): return visitNorm(inner)
        case .matrix(let rows): return visitMatrix(rows)
        case .transpose(let operand): return visitTranspose(operand)
        case .prime(let base): return visitPrime(base)
        case .partial(let numerator, let denominator): return visitPartial(numerator, denominator)
        case .sum(let index, let body): return visitSum(index, body)
        case .ellipsis(let direction): return visitEllipsis(direction)
        case .add(let terms): return visitAdd(terms)
        case .subtract(let left, let right): return visitSubtract(left, right)
        case .negate(let operand): return visitNegate(operand)
        case .multiply(let left, let right, let sign): return visitMultiply(left, right, sign: sign)
        case .divide(let numerator, let denominator): return visitDivide(numerator, denominator)
        case .hadamard(let left, let right): return visitHadamard(left, right)
        case .outer(let left, let right): return visitOuter(left, right)
        case .stackBias(let position, let operand): return visitStackBias(position, operand)
        case .call(let function, let arguments): return visitCall(function, arguments)
        }
    }

    public func visitAdd(_ terms: [Math]) -> Result { walk(Math.add(terms).layout) }
    public func visitSubtract(_ left: Math, _ right: Math) -> Result { walk(Math.subtract(left, right).layout) }
    public func visitNegate(_ operand: Math) -> Result { walk(Math.negate(operand).layout) }
    public func visitMultiply(_ left: Math, _ right: Math, sign: Math.ProductSign) -> Result {
        walk(Math.multiply(left, right, sign: sign).layout)
    }
    public func visitDivide(_ numerator: Math, _ denominator: Math) -> Result {
        walk(Math.divide(numerator, denominator).layout)
    }
    public func visitHadamard(_ left: Math, _ right: Math) -> Result { walk(Math.hadamard(left, right).layout) }
    public func visitOuter(_ left: Math, _ right: Math) -> Result { walk(Math.outer(left, right).layout) }
    public func visitStackBias(_ position: Math.BiasPosition, _ operand: Math) -> Result {
        walk(Math.stackBias(position, operand).layout)
    }
    public func visitCall(_ function: MathFunction, _ arguments: [Math]) -> Result {
        walk(Math.call(function, arguments).layout)
    }
}
