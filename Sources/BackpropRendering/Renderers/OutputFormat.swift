/// The name of a document format as users type it after `--format` (`text`, `latex`, …).
///
/// The list of formats is `FormatRegistry`'s; each renderer declares its own name and
/// abilities in its file, so `allCases`, `renderer(_:)` and the capability questions below need
/// no change when a format is added.
public struct OutputFormat: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The name as typed.
    public let rawValue: String

    /// A name; whether a renderer has it is `FormatRegistry`'s to say.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every registered format, in the registry's order.
    public static var allCases: [OutputFormat] { FormatRegistry.all.map { $0.format } }

    public var description: String { rawValue }

    /// The renderer type registered under this name.
    public var rendererType: (any NarrativeRenderer.Type)? { FormatRegistry.type(named: self) }

    /// The renderer for this format made from `options`. An unregistered name gets the text
    /// renderer (the command line only offers registered names).
    public func renderer(_ options: RenderOptions) -> any NarrativeRenderer {
        (rendererType ?? TextRenderer.self).init(options: options)
    }

    /// The renderer for this format, printing numbers with `decimals` digits after the point;
    /// `usesColor` asks for ANSI colour where the format has it (text only).
    /// `aspect` is the slides' shape (beamer only).
    public func renderer(decimals: Int, usesColor: Bool = false, aspect: BeamerAspect = .sixteenNine)
        -> any NarrativeRenderer
    {
        renderer(RenderOptions(decimals: decimals, usesColor: usesColor, aspect: aspect))
    }

    /// What the format's renderer declares it can do.
    public var abilities: FormatAbilities { rendererType?.abilities ?? [] }
    /// The extension of the files it writes, without the dot.
    public var fileExtension: String { rendererType?.fileExtension ?? "txt" }
    /// The renderer's one-line description, for help.
    public var summary: String { rendererType?.summary ?? rawValue }

    /// Whether one step can be printed alone in this format (`step N --format …`).
    public var printsSingleSteps: Bool { abilities.contains(.singleSteps) }
    /// Whether `export` writes whole documents in this format.
    public var isExportFormat: Bool { abilities.contains(.exportDocuments) }
    /// Whether the format prints the notation sheet rather than the lesson's steps.
    public var printsNotationSheet: Bool { abilities.contains(.notationSheet) }
    /// Whether the format is typeset by pdflatex (so characters its fonts lack are reported).
    public var isLaTeX: Bool { abilities.contains(.latex) }

    /// The formats with `ability`, in the registry's order, e.g. for `--format`'s allowed values.
    public static func all(with ability: FormatAbilities) -> [OutputFormat] {
        allCases.filter { $0.abilities.contains(ability) }
    }

    /// "latex, markdown, beamer or cheatsheet": names for a message.
    public static func spokenList(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
