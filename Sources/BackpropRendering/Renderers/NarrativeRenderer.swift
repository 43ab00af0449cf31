/// A printer of narratives in one document format: the one extension point for formats.
///
/// A new format (HTML with MathML, say) is one file: a type adopting this protocol, usually
/// with a `MathVisitor` for its math, that declares its name, file extension and abilities,
/// plus one line in `FormatRegistry.all`. Everything else — `--format`'s allowed values in
/// `step` and `export`, help, the golden file names — is read from those declarations.
/// Renderers print what the narrative says and decide nothing about the lesson or the notation.
public protocol NarrativeRenderer: Sendable {
    /// The name users type after `--format`.
    static var format: OutputFormat { get }
    /// The file extension of what it writes, without the dot (`tex`, `md`).
    static var fileExtension: String { get }
    /// What it can print: single steps, whole documents, LaTeX.
    static var abilities: FormatAbilities { get }
    /// One line for help: what the format is.
    static var summary: String { get }

    /// A renderer set up from the options every command shares.
    init(options: RenderOptions)

    /// The whole narrative as a standalone document (title, preface, every section).
    func document(_ narrative: Narrative) -> String
    /// One section as body material of this format's documents (no preamble).
    func fragment(_ section: Section) -> String
    /// What `step N --format …` prints: `narrative` holds the one step (and the lesson's title
    /// and notation). By default the step's fragment.
    func singleStep(_ narrative: Narrative) -> String
    /// The lesson in every notation at once, for formats with `FormatAbilities.everyNotation`
    /// (the HTML page, where the reader switches notation). By default the first narrative's
    /// document.
    func document(editions: NarrativeEditions) -> String
}

extension NarrativeRenderer {
    public func document(editions: NarrativeEditions) -> String {
        editions.narratives.first.map(document) ?? ""
    }

    public func singleStep(_ narrative: Narrative) -> String {
        narrative.sections.map(fragment).joined(separator: "\n")
    }
}

/// What a format can print, declared by its renderer.
public struct FormatAbilities: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// One step alone (`step N --format …`).
    public static let singleSteps = FormatAbilities(rawValue: 1 << 0)
    /// Whole documents written by `export`.
    public static let exportDocuments = FormatAbilities(rawValue: 1 << 1)
    /// It prints the notation sheet (`Narrator.notationSheet(trace:)`), not the steps.
    public static let notationSheet = FormatAbilities(rawValue: 1 << 2)
    /// It is typeset by pdflatex (characters its fonts lack are reported).
    public static let latex = FormatAbilities(rawValue: 1 << 3)
    /// Its documents hold the lesson in every registered notation (`document(editions:)`).
    public static let everyNotation = FormatAbilities(rawValue: 1 << 4)
}

/// The settings every renderer is made from, read once from the command line.
public struct RenderOptions: Equatable, Sendable {
    /// Digits after the decimal point for trace numbers.
    public var decimals: Int
    /// ANSI colour where the format has it (text only).
    public var usesColor: Bool
    /// The slides' shape (beamer only).
    public var aspect: BeamerAspect
    /// The options that choose this lesson, variant and sample on the command line
    /// (`--lesson mazur --variant 3`), for documents that tell a reader how to check their own
    /// numbers; empty when not known.
    public var lessonOptions: String
    /// A handout instead of a projected deck (beamer only; nil for the deck).
    public var handout: BeamerHandout?
    /// Whether asides (the "Why" paragraphs, the comparison with other notations) go into
    /// speaker notes instead of onto the frames (beamer only).
    public var speakerNotes: Bool
    /// The name of the SVG file written beside a Markdown document for a network too large
    /// for Mermaid (`MarkdownRenderer.figurePath`), which the document links; nil: Mermaid.
    public var figureFile: String?

    /// Options with the command line's defaults: 4 decimals, no colour, 16:9, a projected deck
    /// without speaker notes.
    public init(
        decimals: Int = 4, usesColor: Bool = false, aspect: BeamerAspect = .sixteenNine, lessonOptions: String = "",
        handout: BeamerHandout? = nil, speakerNotes: Bool = false, figureFile: String? = nil
    ) {
        self.decimals = decimals
        self.usesColor = usesColor
        self.aspect = aspect
        self.lessonOptions = lessonOptions
        self.handout = handout
        self.speakerNotes = speakerNotes
        self.figureFile = figureFile
    }
}
