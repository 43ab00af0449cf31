import BackpropCore

/// A `Math` tree as the JSON of `backprop-tutor/narrative@1`: objects with a `"node"` key.
///
/// The evaluable nodes are exactly those the format names — `number` (full precision),
/// `integer`, `matrix` (`"rows"`; a column vector has one column; `"abbreviated": true` when
/// cells stand for left-out entries), `add`, `subtract`, `negate`, `multiply` (a scalar multiple
/// when either side is a number, else the matrix product), `divide`, `hadamard`, `outer`,
/// `transpose`, `stackBias` and `call` (`"function"`: an activation's name, with `′` for its
/// derivative, or `log`, `exp`). Layout-only nodes are `symbol`, `text`, `operator`, `row`,
/// `scripted`, `fraction`, `bracketed`, `norm`, `prime`, `partial`, `sum`, `ellipsis` and
/// `apply` (a function that only prints). Parentheses are not written: the tree groups.
struct MathJSONWriter: MathVisitor {
    typealias Result = JSONValue.Kind

    private func node(_ name: String, _ members: [(String, JSONValue.Kind)]) -> JSONValue.Kind {
        .object([(key: "node", value: JSONValue(.string(name)))] + members.map { (key: $0.0, value: JSONValue($0.1)) })
    }

    private func list(_ items: [Math]) -> JSONValue.Kind { .array(items.map { JSONValue(walk($0)) }) }

    func visitIdentifier(_ name: String) -> Result { node("symbol", [("name", .string(name))]) }
    func visitText(_ words: String) -> Result { node("text", [("text", .string(words))]) }
    func visitNumber(_ value: Double, style: NumberStyle) -> Result {
        // A worksheet's blank never shows its value.
        style == .blank ? node("blank", []) : node("number", [("value", .number(value))])
    }
    func visitInteger(_ value: Int) -> Result { node("integer", [("value", .number(Double(value)))]) }
    func visitOperator(_ op: MathOperator) -> Result {
        node("operator", [("symbol", .string(op.unicode.trimmingCharacters(in: [" "])))])
    }
    func visitRow(_ items: [Math]) -> Result { node("row", [("items", list(items))]) }
    func visitSubscripted(_ base: Math, _ sub: Math) -> Result {
        node("scripted", [("base", walk(base)), ("subscript", walk(sub))])
    }
    func visitSuperscripted(_ base: Math, _ sup: Math) -> Result {
        node("scripted", [("base", walk(base)), ("superscript", walk(sup))])
    }
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> Result {
        node("scripted", [("base", walk(base)), ("subscript", walk(sub)), ("superscript", walk(sup))])
    }
    func visitFraction(_ numerator: Math, _ denominator: Math) -> Result {
        node("fraction", [("numerator", walk(numerator)), ("denominator", walk(denominator))])
    }
    func visitParenthesized(_ inner: Math) -> Result { walk(inner) }
    func visitBracketed(_ inner: Math) -> Result { node("bracketed", [("operand", walk(inner))]) }
    func visitNorm(_ inner: Math) -> Result { node("norm", [("operand", walk(inner))]) }
    func visitMatrix(_ rows: [[Math]]) -> Result {
        let abbreviated = rows.contains { $0.contains { if case .ellipsis = $0 { return true } else { return false } } }
        var members: [(String, JSONValue.Kind)] = [("rows", .array(rows.map { JSONValue(list($0)) }))]
        if abbreviated { members.append(("abbreviated", .bool(true))) }
        return node("matrix", members)
    }
    func visitTranspose(_ operand: Math) -> Result { node("transpose", [("operand", walk(operand))]) }
    func visitPrime(_ base: Math) -> Result { node("prime", [("operand", walk(base))]) }
    func visitPartial(_ numerator: Math, _ denominator: Math) -> Result {
        node("partial", [("numerator", walk(numerator)), ("denominator", walk(denominator))])
    }
    func visitSum(_ index: Math, _ body: Math) -> Result {
        node("sum", [("index", walk(index)), ("body", walk(body))])
    }
    func visitEllipsis(_ direction: Math.Ellipsis) -> Result {
        let name: String
        switch direction {
        case .horizontal: name = "horizontal"
        case .vertical: name = "vertical"
        case .diagonal: name = "diagonal"
        }
        return node("ellipsis", [("direction", .string(name))])
    }

    func visitAdd(_ terms: [Math]) -> Result { node("add", [("terms", list(terms))]) }
    func visitSubtract(_ left: Math, _ right: Math) -> Result {
        node("subtract", [("left", walk(left)), ("right", walk(right))])
    }
    func visitNegate(_ operand: Math) -> Result { node("negate", [("operand", walk(operand))]) }
    func visitMultiply(_ left: Math, _ right: Math, sign: Math.ProductSign) -> Result {
        node("multiply", [("left", walk(left)), ("right", walk(right))])
    }
    func visitDivide(_ numerator: Math, _ denominator: Math) -> Result {
        node("divide", [("numerator", walk(numerator)), ("denominator", walk(denominator))])
    }
    func visitHadamard(_ left: Math, _ right: Math) -> Result {
        node("hadamard", [("left", walk(left)), ("right", walk(right))])
    }
    func visitOuter(_ left: Math, _ right: Math) -> Result {
        node("outer", [("left", walk(left)), ("right", walk(right))])
    }
    func visitStackBias(_ position: Math.BiasPosition, _ operand: Math) -> Result {
        let name: String
        switch position {
        case .first: name = "first"
        case .last: name = "last"
        }
        return node("stackBias", [("position", .string(name)), ("operand", walk(operand))])
    }
    func visitCall(_ function: MathFunction, _ arguments: [Math]) -> Result {
        guard let meaning = function.meaning else {
            return node("apply", [("symbol", walk(function.symbol)), ("arguments", list(arguments))])
        }
        let name: String
        switch meaning {
        case .activation(let activation): name = activation.rawValue
        case .derivative(let activation): name = activation.rawValue + "′"
        case .log: name = "log"
        case .exp: name = "exp"
        }
        return node(
            "call", [("function", .string(name)), ("symbol", walk(function.symbol)), ("arguments", list(arguments))])
    }
}
