/// How the numbers of a block are shown together: the one place that decides, for every
/// `.document` number of a narrative, the concrete style it prints in. Renderers print blocks
/// through `displayed(_:)`; each number then prints by `NumberFormat`'s rule, with three more
/// rules for numbers that belong together:
///
/// - **One matrix, one style.** The numbers of a matrix (or vector) print alike: all in fixed
///   point with the same decimals (those its neediest entry asks for), or all in scientific form.
/// - **One table column, one style**, in the same way, for cells that hold a number alone.
/// - **A substituted line agrees with its result as printed.** Redoing a line of substituted
///   numbers by hand, with the numbers as printed, gives the result as printed: when the
///   rounded operands would not (0.2910 − 0.2984 is −0.0074, not −0.00734), the line's numbers
///   get one more digit at a time until they do (0.29103 − 0.29837), at most
///   `mostLineDigits` more. A result that the line, as printed, still does not reproduce (one
///   next to a rounding tie) is written with ≈ instead of =: the numbers before it are rounded,
///   and the result comes from the unrounded values.
extension NumberFormat {
    /// `narrative` with every number in the style it prints in.
    public func displayed(_ narrative: Narrative) -> Narrative {
        var copy = narrative
        copy.preface = narrative.preface.map(displayed)
        copy.sections = narrative.sections.map(displayed)
        return copy
    }

    /// `section` with every number in the style it prints in.
    public func displayed(_ section: Section) -> Section {
        var copy = section
        copy.blocks = section.blocks.map(displayed)
        return copy
    }

    /// `block` with every number in the style it prints in.
    public func displayed(_ block: Block) -> Block {
        switch block {
        case .heading, .figure, .image: return block
        case .paragraph(let items): return .paragraph(items.map(displayed))
        case .why(let items): return .why(items.map(displayed))
        case .convention(let items): return .convention(items.map(displayed))
        case .bullets(let items): return .bullets(items.map { $0.map(displayed) })
        case .equation(let equation): return .equation(displayed(equation))
        case .table(let table): return .table(displayed(table))
        }
    }

    /// Inline math with its numbers resolved; words unchanged.
    func displayed(_ inline: Inline) -> Inline {
        guard case .math(let math) = inline else { return inline }
        return .math(displayed(math))
    }

    /// `math` with every `.document` number in a concrete style: the cells of a matrix as one
    /// unit, any other number alone; each with `moreDigits` digits beyond the rule's, except a
    /// unit whose numbers all print exactly already (more digits would only add zeros) and a
    /// unit in scientific form.
    public func displayed(_ math: Math, moreDigits: Int = 0) -> Math {
        func more(_ style: NumberStyle, _ values: [Double]) -> NumberStyle {
            if values.allSatisfy({ Double(string($0, style: style)) == $0 }) { return style }
            // Scientific form already keeps 3 digits of every entry; more would only widen the
            // widest matrices (5 columns no longer fit a 4:3 slide).
            if case .scientific = style { return style }
            var style = style
            for _ in 0..<moreDigits {
                guard let next = style.withMoreDigits(1) else { break }
                style = next
            }
            return style
        }
        switch math {
        case .number(let value, .document):
            return .number(value, more(style(for: [value]), [value]))
        case .number(let value, .given):
            // A given number that needs more decimals than the document shows is a trace number.
            return .number(value, exactGivenStyle(for: [value]) ?? more(style(for: [value]), [value]))
        case .matrix(let rows):
            func cells(_ wanted: NumberStyle) -> [Double] {
                rows.flatMap { $0 }.compactMap { cell -> Double? in
                    if case .number(let value, let style) = cell, style == wanted { return value }
                    return nil
                }
            }
            // Given numbers that need more decimals than the document shows join the trace
            // numbers' unit (and its extra digits for a substituted line).
            let exactGiven = exactGivenStyle(for: cells(.given))
            let traceCells = cells(.document) + (exactGiven == nil ? cells(.given) : [])
            let unit = more(style(for: traceCells), traceCells)
            let givenUnit = exactGiven ?? unit
            return .matrix(
                rows.map { row in
                    row.map { cell in
                        switch cell {
                        case .number(let value, .document): return .number(value, unit)
                        case .number(let value, .given): return .number(value, givenUnit)
                        default: return displayed(cell, moreDigits: moreDigits)
                        }
                    }
                })
        default:
            return math.mappingChildren { displayed($0, moreDigits: moreDigits) }
        }
    }

    /// The most digits a substituted line gets beyond the rule's to give its result by hand.
    public static let mostLineDigits = 2

    /// `equation` with its numbers resolved, every substituted line printed with the digits it
    /// needs to give the result as printed (see the type's summary). A line that
    /// `mostLineDigits` more digits do not make agree keeps the rule's digits, and the result's
    /// `=` becomes `≈` (it comes from the unrounded values; no wider than before).
    public func displayed(_ equation: Equation) -> Equation {
        var copy = equation
        copy.lhs = displayed(equation.lhs)
        for index in copy.steps.indices {
            copy.steps[index].expression = displayed(equation.steps[index].expression)
        }
        let roles = equation.roles
        guard roles.last == .result, let result = copy.steps.last?.expression,
            let printedResult = printedEntries(result)
        else { return copy }
        var agreesEverywhere = true
        for (index, role) in roles.enumerated() where role == .substituted {
            let line = equation.steps[index].expression
            var agreed = false
            for extra in 0...Self.mostLineDigits {
                let candidate = displayed(line, moreDigits: extra)
                if agrees(candidate, with: printedResult) {
                    copy.steps[index].expression = candidate
                    agreed = true
                    break
                }
            }
            // Write ≈ (from unrounded values) only where that is the reason: the line at full
            // precision gives the printed result (a hand-made false line is left as it is).
            agreesEverywhere = agreesEverywhere && (agreed || !agrees(line, with: printedResult, asPrinted: false))
        }
        if !agreesEverywhere, copy.steps[copy.steps.count - 1].relation == .equals {
            copy.steps[copy.steps.count - 1].relation = .approximately
        }
        return copy
    }

    /// The entries of a printed result: each as the text a learner reads and the style that
    /// printed it (nil for an exact integer).
    private func printedEntries(_ result: Math) -> [(value: Double, style: NumberStyle?)]? {
        guard let value = try? MathEvaluator().value(of: asPrinted(result)) else { return nil }
        var styles: [NumberStyle?] = []
        func collect(_ math: Math) {
            switch math {
            case .number(_, let style): styles.append(style)
            case .integer: styles.append(nil)
            default: math.children.forEach(collect)
            }
        }
        collect(result)
        guard styles.count == value.entries.count else { return nil }
        return Array(zip(value.entries, styles)).map { (value: $0.0, style: $0.1) }
    }

    /// Whether `line`, computed from its numbers as printed, prints as `result` does.
    private func agrees(_ line: Math, with result: [(value: Double, style: NumberStyle?)], asPrinted: Bool = true)
        -> Bool
    {
        guard let value = try? MathEvaluator().value(of: asPrinted ? self.asPrinted(line) : line) else { return true }
        guard value.entries.count == result.count else { return true }
        for (computed, shown) in zip(value.entries, result) {
            guard let style = shown.style else {
                if computed.rounded() != shown.value { return false }
                continue
            }
            if string(computed, style: style) != string(shown.value, style: style) { return false }
        }
        return true
    }

    /// `math` with every number replaced by the value its printed text reads as.
    func asPrinted(_ math: Math) -> Math {
        if case .number(let value, let style) = math {
            return .number(Double(string(value, style: style)) ?? value, style)
        }
        return math.mappingChildren(asPrinted)
    }

    /// `table` with every number resolved; the cells of a column that hold a number alone
    /// print as one unit.
    public func displayed(_ table: Table) -> Table {
        func lone(_ cell: [Inline], _ wanted: NumberStyle) -> Double? {
            guard cell.count == 1, case .math(.number(let value, let style)) = cell[0], style == wanted else { return nil }
            return value
        }
        let columnCount = table.rows.map(\.count).max() ?? 0
        func column(_ index: Int, _ wanted: NumberStyle) -> [Double] {
            table.rows.compactMap { index < $0.count ? lone($0[index], wanted) : nil }
        }
        // A column of trace values prints by the rule as one unit; a column of given numbers
        // (the starting weights of a before → after table) with the fewest decimals that show
        // them all (0.40, 0.45, 0.50).
        let styles = (0..<columnCount).map { style(for: column($0, .document)) }
        let givenStyles = (0..<columnCount).map { givenStyle(for: column($0, .given)) }
        var copy = table
        copy.header = table.header.map { $0.map(displayed) }
        copy.rows = table.rows.map { row in
            row.enumerated().map { column, cell in
                if let value = lone(cell, .document) { return [.math(.number(value, styles[column]))] }
                if let value = lone(cell, .given) { return [.math(.number(value, givenStyles[column]))] }
                return cell.map(displayed)
            }
        }
        return copy
    }
}

extension NumberFormat {
    /// The display rule in one sentence, for the notation line of every step.
    public var ruleSentence: String {
        "Numbers are shown to \(decimals) decimals, or to \(significantDigits) significant digits where \(decimals) decimals show fewer"
    }

    /// Whether every substituted line of `equation` (as `displayed(_:)` returns it), redone
    /// with its numbers as printed, gives the result as printed.
    public func redoesByHand(_ equation: Equation) -> Bool {
        let roles = equation.roles
        guard roles.last == .result, let result = equation.steps.last?.expression,
            let printedResult = printedEntries(result)
        else { return true }
        return roles.indices.allSatisfy { index in
            roles[index] != .substituted || agrees(equation.steps[index].expression, with: printedResult)
        }
    }

    /// One style for two numbers a sentence compares, in which they print differently when
    /// they differ: the rule's style for the pair, with as many more digits as that takes
    /// (−0.00731 against −0.00734; 1.01e-09 against Ng's bar 1e-9).
    public func style(telling a: Double, from b: Double) -> NumberStyle {
        var style = style(for: [a, b])
        while a != b, string(a, style: style) == string(b, style: style), let more = style.withMoreDigits(1) {
            style = more
        }
        return style
    }

    /// The fewest significant digits a non-zero number is shown with: 3, or the decimals asked
    /// for when fewer (at least 1).
    public var significantDigits: Int { max(1, min(Self.minimumSignificantDigits, decimals)) }

    /// The significant digits every number keeps unless the learner asks for fewer decimals.
    public static let minimumSignificantDigits = 3
}

extension Math {
    /// The same node with `transform` applied to each immediate sub-expression (a function's
    /// symbol is left as it is).
    public func mappingChildren(_ transform: (Math) -> Math) -> Math {
        switch self {
        case .identifier, .text, .number, .integer, .op, .ellipsis: return self
        case .row(let items): return .row(items.map(transform))
        case .add(let items): return .add(items.map(transform))
        case .subscripted(let a, let b): return .subscripted(transform(a), transform(b))
        case .superscripted(let a, let b): return .superscripted(transform(a), transform(b))
        case .scripted(let base, let sub, let sup): return .scripted(transform(base), sub: transform(sub), sup: transform(sup))
        case .fraction(let a, let b): return .fraction(transform(a), transform(b))
        case .partial(let a, let b): return .partial(transform(a), transform(b))
        case .sum(let a, let b): return .sum(transform(a), transform(b))
        case .subtract(let a, let b): return .subtract(transform(a), transform(b))
        case .multiply(let a, let b, let sign): return .multiply(transform(a), transform(b), sign: sign)
        case .divide(let a, let b): return .divide(transform(a), transform(b))
        case .hadamard(let a, let b): return .hadamard(transform(a), transform(b))
        case .outer(let a, let b): return .outer(transform(a), transform(b))
        case .parenthesized(let a): return .parenthesized(transform(a))
        case .bracketed(let a): return .bracketed(transform(a))
        case .norm(let a): return .norm(transform(a))
        case .transpose(let a): return .transpose(transform(a))
        case .prime(let a): return .prime(transform(a))
        case .negate(let a): return .negate(transform(a))
        case .stackBias(let position, let a): return .stackBias(position, transform(a))
        case .matrix(let rows): return .matrix(rows.map { $0.map(transform) })
        case .call(let function, let arguments): return .call(function, arguments.map(transform))
        }
    }
}
