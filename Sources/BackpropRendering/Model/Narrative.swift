import BackpropCore

/// A format-neutral document: what the narrator says, before any renderer prints it.
///
/// Text, LaTeX and Markdown renderers switch over these enums without `default:`, so a new
/// block kind fails to compile until every renderer handles it.
public struct Narrative: Equatable, Sendable {
    /// The document's title (the lesson's title for a whole lesson).
    public var title: String
    /// Facts about the lesson shown before the steps (may be empty for a single step).
    public var preface: [Block]
    /// The steps, in order.
    public var sections: [Section]
    /// The notation the narrative is told in, when a narrator made it.
    public var notation: NotationName?

    /// A document with a title, a preface and steps, told in `notation`.
    public init(title: String, preface: [Block] = [], sections: [Section], notation: NotationName? = nil) {
        self.title = title
        self.preface = preface
        self.sections = sections
        self.notation = notation
    }
}

/// One step of the lesson.
public struct Section: Equatable, Sendable {
    /// The step number, 1–15.
    public var number: Int
    /// The step's title.
    public var title: String
    /// The step's content.
    public var blocks: [Block]

    /// Step `number` with its title and blocks.
    public init(number: Int, title: String, blocks: [Block]) {
        self.number = number
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of running text: words mixed with inline math.
public enum Inline: Equatable, Sendable {
    /// Plain words.
    case text(String)
    /// Inline math.
    case math(Math)
    /// Words to stress.
    case emphasis(String)
    /// A command or code, printed verbatim in monospace.
    case code(String)
}

/// A block of a section.
public enum Block: Equatable, Sendable {
    /// A sub-heading inside a step.
    case heading(String)
    /// A paragraph.
    case paragraph([Inline])
    /// A displayed derivation: lhs = symbolic form = substituted numbers = result.
    case equation(Equation)
    /// The reason the step holds ("why" note).
    case why([Inline])
    /// The notation's index and sign convention, stated once per step.
    case convention([Inline])
    /// A table.
    case table(Table)
    /// A bulleted list.
    case bullets([[Inline]])
    /// The network diagram.
    case figure(NetworkFigure)
    /// A sample's input drawn as an image (lessons whose inputs are pixels).
    case image(SampleImage)
}

/// An aligned derivation, printed one relation per line:
///
///     lhs = steps[0].expression
///         = steps[1].expression   …
public struct Equation: Equatable, Sendable {
    /// The left-hand side.
    public var lhs: Math
    /// Each line's relation and right-hand side, in order (symbolic, substituted, result).
    public var steps: [Step]
    /// The units and weights the equation uses (empty when the narrator names none), for
    /// front ends that point at them on the network figure.
    public var uses: [QuantityReference] = []

    /// One line: `relation expression`, optionally with a short comment.
    public struct Step: Equatable, Sendable {
        /// The relation that starts the line (`=`, `≈`, `:=`).
        public var relation: MathOperator
        /// The right-hand side.
        public var expression: Math
        /// A short note printed after the line, e.g. `BP2`.
        public var comment: String?

        /// A line `relation expression`, optionally with a comment.
        public init(_ relation: MathOperator = .equals, _ expression: Math, comment: String? = nil) {
            self.relation = relation
            self.expression = expression
            self.comment = comment
        }
    }

    /// An equation with an explicit relation on every line.
    public init(_ lhs: Math, _ steps: [Step]) {
        self.lhs = lhs
        self.steps = steps
    }

    /// `lhs = e₁ = e₂ = …` with every relation `=`.
    public init(_ lhs: Math, equals expressions: [Math]) {
        self.init(lhs, expressions.map { Step(.equals, $0) })
    }
}

/// A table of inline content; the first row is the header.
public struct Table: Equatable, Sendable {
    /// The header cells.
    public var header: [[Inline]]
    /// The body rows, each a list of cells.
    public var rows: [[[Inline]]]
    /// Per column: true to align right (numbers).
    public var rightAligned: [Bool]

    /// A table; `rightAligned` has one entry per column.
    public init(header: [[Inline]], rows: [[[Inline]]], rightAligned: [Bool]) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }
}
