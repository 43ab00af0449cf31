/// A narrative turned into a worksheet a class does by hand: the questions, with every number the
/// learner is to work out left blank, then an answer key with every result.
///
/// What counts as given and what as worked out is read from each number's style: the lesson's
/// own numbers (inputs, targets: `.given`; constants such as λ and ε: `.roundTrip`) and whole
/// counts (`.integer`) stay; every other number is a result of the pass (`.document`, `.fixed`,
/// `.scientific`) and becomes a `.blank` box of its width. So:
/// - an equation keeps its symbolic lines (their computed numbers blanked), drops every
///   substituted line that shows a computed number (that is the learner's work), and ends in its
///   result line as boxes, a matrix keeping its shape;
/// - a paragraph keeps its words with its computed numbers blanked, unless its words also state
///   a result in digits ("1 of 2 samples"), when it moves to the key whole;
/// - a table keeps its given cells and blanks the rest; the figure keeps the inputs and weights
///   and drops the activations and errors the steps compute.
///
/// The key lists, per step, each equation's left side and result, and each table or paragraph
/// whose numbers were blanked, as the lesson prints them.
public enum Worksheet {
    /// The steps a worksheet covers by default: the ones a learner can do by hand (the gradient
    /// check and the training run of steps 14 and 15 are the computer's job).
    public static let defaultSteps = Array(1...13)

    /// The questions: `narrative` with every computed number left blank.
    public static func questions(_ narrative: Narrative) -> Narrative {
        var copy = narrative
        copy.preface = narrative.preface.compactMap(question)
        copy.sections = narrative.sections.map { section in
            var blank = section
            blank.blocks = section.blocks.compactMap(question)
            if let checkpoint = checkpoint(for: section) { blank.blocks.append(checkpoint) }
            return blank
        }
        return copy
    }

    /// The answer key: per step, the results the questions left blank.
    public static func answerKey(_ narrative: Narrative) -> [Section] {
        narrative.sections.compactMap { section in
            let blocks = section.blocks.compactMap(answer)
            return blocks.isEmpty ? nil : Section(number: section.number, title: section.title, blocks: blocks)
        }
    }

    /// ex4's kind of checkpoint ("you should see a cost of about 0.287629"): after the cost step,
    /// the cost to 3 significant digits, so a learner knows the forward pass is right before
    /// starting backpropagation.
    static func checkpoint(for section: Section) -> Block? {
        guard section.number == Step.cost.number else { return nil }
        let costs = section.blocks.compactMap { block -> Equation? in
            guard case .equation(let equation) = block, equation.roles.last == .result,
                case .number(let value, _)? = equation.steps.last?.expression, value.isFinite
            else { return nil }
            return equation
        }
        guard let cost = costs.last, case .number(let value, _)? = cost.steps.last?.expression else { return nil }
        return .paragraph([
            .emphasis("Checkpoint:"), .t(" before you go on, "),
            .m(.binary(cost.lhs, .approximately, .number(value, .scientificIfTiny(value)))),
            .t(" (to 3 significant digits). If yours differs, recheck the forward pass (steps 5 and 6) and the cost."),
        ])
    }

    // MARK: Questions

    static func question(_ block: Block) -> Block? {
        switch block {
        case .heading, .image: return block
        case .paragraph(let items): return prose(items).map(Block.paragraph)
        case .why(let items): return prose(items).map(Block.why)
        case .convention(let items): return prose(items).map(Block.convention)
        case .bullets(let items):
            let kept = items.compactMap(prose)
            return kept.isEmpty ? nil : .bullets(kept)
        case .equation(let equation): return .equation(question(equation))
        case .table(var table):
            table.rows = table.rows.map { $0.map { $0.map(blanked) } }
            return .table(table)
        case .figure(let figure): return .figure(figure.withoutComputedValues)
        }
    }

    /// The symbolic lines, computed numbers blanked; no line of worked numbers; the result as boxes.
    static func question(_ equation: Equation) -> Equation {
        let roles = equation.roles
        var steps: [Equation.Step] = []
        for (index, step) in equation.steps.enumerated() {
            let isLast = index == equation.steps.count - 1
            if !isLast, roles[index] == .substituted, step.expression.hasComputedNumber { continue }
            var blank = step
            blank.expression = blanked(step.expression)
            steps.append(blank)
        }
        return Equation(blanked(equation.lhs), steps)
    }

    /// Words kept with their computed numbers blanked; nil when the words themselves state a
    /// result in digits.
    static func prose(_ items: [Inline]) -> [Inline]? {
        let computes = items.contains { if case .math(let math) = $0 { return math.hasComputedNumber } else { return false } }
        let digitsInWords = items.contains { item in
            if case .text(let words) = item { return words.contains(where: \.isNumber) }
            return false
        }
        if computes && digitsInWords { return nil }
        return items.map(blanked)
    }

    static func blanked(_ inline: Inline) -> Inline {
        guard case .math(let math) = inline else { return inline }
        return .math(blanked(math))
    }

    static func blanked(_ math: Math) -> Math {
        if case .number(let value, let style) = math { return style.isWorkedOut ? .number(value, .blank) : math }
        return math.mappingChildren(blanked)
    }

    // MARK: Answers

    static func answer(_ block: Block) -> Block? {
        switch block {
        case .heading, .image, .figure, .convention, .why: return nil
        case .paragraph(let items): return prose(items) == items ? nil : block
        case .bullets(let items): return items.allSatisfy({ prose($0) == $0 }) ? nil : block
        case .table(let table):
            return table.rows.contains(where: { $0.contains { $0.contains { blanked($0) != $0 } } }) ? block : nil
        case .equation(let equation):
            guard let result = equation.steps.last, result.expression.hasComputedNumber else { return nil }
            return .equation(Equation(equation.lhs, [result]))
        }
    }
}

extension NumberStyle {
    /// Whether a number in this style is a result of the pass, rather than given by the lesson.
    var isWorkedOut: Bool {
        switch self {
        case .document, .fixed, .scientific: return true
        case .given, .roundTrip, .blank: return false
        }
    }

    /// `.document`, or scientific with 3 significant digits for a value that would print as
    /// 0.0000-something.
    static func scientificIfTiny(_ value: Double) -> NumberStyle {
        value != 0 && abs(value) < 1e-3 ? .scientific(3) : .document
    }
}

extension Math {
    /// Whether any number in the tree is a result of the pass (see `NumberStyle.isWorkedOut`).
    var hasComputedNumber: Bool {
        if case .number(_, let style) = self { return style.isWorkedOut }
        return children.contains(where: \.hasComputedNumber)
    }
}
