/// A printer of narratives in one document format: the one extension point for formats.
///
/// A new format (HTML with MathML, say) is a type adopting this protocol, usually with a
/// `MathVisitor` for its math, plus a case of `OutputFormat` that makes it. Renderers print
/// what the narrative says and decide nothing about the lesson or the notation.
public protocol NarrativeRenderer: Sendable {
    /// The whole narrative as a standalone document (title, preface, every section).
    func document(_ narrative: Narrative) -> String
    /// One section as body material of this format's documents (no preamble).
    func fragment(_ section: Section) -> String
}
