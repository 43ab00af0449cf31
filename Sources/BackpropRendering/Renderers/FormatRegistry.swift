/// Every output format this build knows, in the order help lists them. Adding a format is its
/// renderer's file plus one line here.
public enum FormatRegistry {
    /// The registered renderer types.
    public static let all: [any NarrativeRenderer.Type] = [
        TextRenderer.self, LaTeXRenderer.self, MarkdownRenderer.self, BeamerRenderer.self, NarrativeJSONRenderer.self,
        NotationSheetRenderer.self, WorksheetRenderer.self, HTMLRenderer.self,
    ]

    /// The renderer type called `name`, if one is registered.
    public static func type(named name: OutputFormat) -> (any NarrativeRenderer.Type)? {
        all.first { $0.format == name }
    }
}
