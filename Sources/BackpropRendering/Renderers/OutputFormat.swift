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

    /// The renderer for this format, printing numbers with `decimals` digits after the point;
    /// `usesColor` asks for ANSI colour where the format has it (text only).
    public func renderer(decimals: Int, usesColor: Bool = false) -> any NarrativeRenderer {
        switch self {
        case .text: return TextRenderer(decimals: decimals, usesColor: usesColor)
        case .latex: return LaTeXRenderer(decimals: decimals)
        case .markdown: return MarkdownRenderer(decimals: decimals)
        case .beamer: return BeamerRenderer(decimals: decimals)
        case .json: return NarrativeJSONRenderer()
        }
    }

    /// Whether one step can be printed alone in this format (`step N --format …`); beamer's
    /// fragment is a run of frames, which needs a beamer preamble, so it only makes whole decks.
    public var printsSingleSteps: Bool {
        switch self {
        case .text, .latex, .markdown, .json: return true
        case .beamer: return false
        }
    }

    /// Whether `export` writes whole documents in this format (text goes to `lesson`).
    public var isExportFormat: Bool {
        switch self {
        case .latex, .markdown, .beamer: return true
        case .text, .json: return false
        }
    }
}
