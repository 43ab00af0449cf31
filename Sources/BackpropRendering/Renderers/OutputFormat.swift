/// The document formats backprop-tutor writes a narrative in. `allCases` drives the CLI's help
/// and validation, and `renderer(decimals:usesColor:)` makes the printer, so a new format is a
/// new case here plus its renderer.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Annotated plain text for the terminal (Unicode math, optional colour).
    case text
    /// A LaTeX article (amsmath `align*`, TikZ figure).
    case latex
    /// Markdown with GitHub/KaTeX math and a Mermaid figure.
    case markdown
    /// LaTeX beamer slides, one overlay per equation line.
    case beamer
    /// The narrative as JSON (`backprop-tutor/narrative@1`), for programs and tests.
    case json
    /// A one-page LaTeX sheet of the lesson's network in every notation side by side
    /// (`Narrator.notationSheet(trace:)`), for a teacher to hand out.
    case cheatsheet

    /// The renderer for this format, printing numbers with `decimals` digits after the point;
    /// `usesColor` asks for ANSI colour where the format has it (text only).
    /// `aspect` is the slides' shape (beamer only).
    public func renderer(decimals: Int, usesColor: Bool = false, aspect: BeamerAspect = .sixteenNine)
        -> any NarrativeRenderer
    {
        switch self {
        case .text: return TextRenderer(decimals: decimals, usesColor: usesColor)
        case .latex: return LaTeXRenderer(decimals: decimals)
        case .markdown: return MarkdownRenderer(decimals: decimals)
        case .beamer: return BeamerRenderer(decimals: decimals, aspect: aspect)
        case .json: return NarrativeJSONRenderer()
        case .cheatsheet: return NotationSheetRenderer(decimals: decimals)
        }
    }

    /// Whether one step can be printed alone in this format (`step N --format …`); beamer's
    /// fragment is a run of frames, which needs a beamer preamble, so it only makes whole decks.
    public var printsSingleSteps: Bool {
        switch self {
        case .text, .latex, .markdown, .json: return true
        case .beamer, .cheatsheet: return false
        }
    }

    /// Whether `export` writes whole documents in this format (text goes to `lesson`).
    public var isExportFormat: Bool {
        switch self {
        case .latex, .markdown, .beamer, .cheatsheet: return true
        case .text, .json: return false
        }
    }

    /// Whether the format prints the notation sheet (`Narrator.notationSheet(trace:)`) rather
    /// than the lesson's steps.
    public var printsNotationSheet: Bool {
        switch self {
        case .cheatsheet: return true
        case .text, .latex, .markdown, .beamer, .json: return false
        }
    }

    /// Whether the format is typeset by pdflatex (so characters its fonts lack are reported).
    public var isLaTeX: Bool {
        switch self {
        case .latex, .beamer, .cheatsheet: return true
        case .text, .markdown, .json: return false
        }
    }
}
