import BackpropCore

/// Prints narratives for an 80-column terminal: aligned matrices, Unicode math, wrapped prose.
///
/// Deterministic: the width is a parameter (never read from the terminal) and colour is used
/// only when asked for (the CLI asks only when stdout is a terminal and NO_COLOR is unset).
/// Equations are in `TextRenderer+Equation.swift`, prose and tables in `+Prose`, the figure in
/// `+Figure`; math goes through the shared `UnicodeMathWriter`.
public struct TextRenderer: NarrativeRenderer {
    public static let format = OutputFormat.text
    public static let fileExtension = "txt"
    public static let abilities: FormatAbilities = [.singleSteps]
    public static let summary = "annotated plain text for the terminal (Unicode math, optional colour)"
    public init(options: RenderOptions) { self.init(decimals: options.decimals, usesColor: options.usesColor) }
    /// Digits after the decimal point for every trace number.
    public var decimals: Int
    /// Whether to use ANSI colour and bold.
    public var usesColor: Bool
    /// The line width prose and equations are fitted to.
    public var width: Int
    /// The longest line paragraphs are wrapped to, when shorter than `width` (a readable
    /// measure on a wide window); equations, tables and figures still use `width`.
    public var proseWidth: Int? = nil
    /// When set, matrices with more columns print the first ones, ⋯ and the last; the
    /// renderer sets it only for content that does not fit `width` otherwise.
    var maximumMatrixColumns: Int? = nil

    /// The column limits tried in turn, widest first, when a block is wider than `width`.
    static let matrixColumnLimits = [6, 4, 3]

    /// A renderer with `decimals` digits, optional colour, for `width` columns.
    public init(decimals: Int = 4, usesColor: Bool = false, width: Int = 80) {
        self.decimals = decimals
        self.usesColor = usesColor
        self.width = width
    }

    var numberFormat: NumberFormat { NumberFormat(decimals: decimals) }

    /// The Unicode math writer with this renderer's numbers and matrix limit.
    var mathWriter: UnicodeMathWriter {
        UnicodeMathWriter(format: numberFormat, maximumMatrixColumns: maximumMatrixColumns)
    }

    /// A whole document: title, preface, then every section.
    public func document(_ narrative: Narrative) -> String {
        let title = Self.plain(narrative.title)
        var parts = [style(title, .bold) + "\n" + String(repeating: "═", count: min(width, title.count))]
        parts += narrative.preface.map(render)
        parts += narrative.sections.map { fragment($0).trimmingCharacters(in: ["\n"]) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One step: "Step N · Title", a rule, then its blocks separated by blank lines.
    public func fragment(_ section: Section) -> String {
        let title = "Step \(section.number) · \(Self.plain(section.title))"
        let header = style(title, .bold) + "\n" + String(repeating: "─", count: min(width, title.count))
        return ([header] + section.blocks.map(render)).joined(separator: "\n\n") + "\n"
    }

    /// A whole document (same as `document(_:)`).
    public func render(_ narrative: Narrative) -> String { document(narrative) }

    /// One step (same as `fragment(_:)`).
    public func render(_ section: Section) -> String { fragment(section) }

    /// One block, without a trailing newline.
    func render(_ block: Block) -> String {
        switch numberFormat.displayed(block) {
        case .heading(let heading):
            let title = Self.plain(heading)
            return style(title, .bold) + "\n" + String(repeating: "-", count: min(width, title.count))
        case .paragraph(let inlines):
            return fitting { $0.wrap(inlines, firstPrefix: "", restPrefix: "") }
        case .equation(let equation):
            return render(equation)
        case .why(let inlines):
            return wrap(inlines, firstPrefix: style("Why:", .bold) + " ", restPrefix: "     ", prefixWidth: 5)
        case .convention(let inlines):
            return style(wrap(inlines, firstPrefix: "Notation: ", restPrefix: "  "), .dim)
        case .table(let table):
            return fitting { $0.render(table) }
        case .bullets(let items):
            return items.map { wrap($0, firstPrefix: "  • ", restPrefix: "    ") }.joined(separator: "\n")
        case .figure(let figure):
            return render(figure)
        case .image(let image):
            return ImageShading.lines(image).joined(separator: "\n")
        }
    }

    /// `draw` with full matrices, or, when a line is still wider than `width`, with matrices
    /// cut to fewer columns (`matrixColumnLimits` in turn).
    func fitting(_ draw: (TextRenderer) -> String) -> String {
        var text = draw(self)
        for limit in Self.matrixColumnLimits where text.split(separator: "\n").contains(where: { $0.count > width }) {
            var narrower = self
            narrower.maximumMatrixColumns = limit
            text = draw(narrower)
        }
        return text
    }

    // MARK: Text

    /// Text from the narrative (lesson titles, summaries and class names among it) as it may
    /// reach a terminal: control characters shown as `\u{1B}` (`ControlCharacters`), never
    /// raw. Every string this renderer prints passes through here once; the renderer's own
    /// colour codes are added afterwards.
    static func plain(_ text: String) -> String { ControlCharacters.escaped(text) }

    // MARK: Style

    enum Style { case bold, dim }

    func style(_ text: String, _ style: Style) -> String {
        guard usesColor else { return text }
        let code: String
        switch style {
        case .bold: code = "1"
        case .dim: code = "2"
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "\u{1B}[\(code)m" + $0 + "\u{1B}[0m" }.joined(separator: "\n")
    }
}

extension OutputFormat {
    /// Annotated plain text for the terminal (Unicode math, optional colour).
    public static let text = OutputFormat(rawValue: "text")
}
