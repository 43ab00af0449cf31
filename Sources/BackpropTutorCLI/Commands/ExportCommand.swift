import BackpropCore
import Foundation
import BackpropRendering

/// `export`: a whole worked example (title, setup, network figure, the chosen steps) as a
/// LaTeX article, beamer slides, Markdown or an offline HTML page, printed or written atomically to a file.
public enum ExportCommand: Command {
    /// `--format`: the document formats.
    public static let format = TypedOption<OutputFormat>(
        name: "format", values: OutputFormat.all(with: .exportDocuments),
        summary:
            "the document format (required); cheatsheet is a one-page sheet of the network in every notation; html one offline web page to teach from, in every notation (README: Classroom in the browser)"
    )
    /// `--steps SPEC`.
    public static let steps = TypedOption(
        name: "steps", valueName: "SPEC",
        summary: "the steps to include, e.g. 1-15 or 6,10-12, or lecture for one 50-minute class (\(StepSelection.lectureSpec)) (default: 1-15; a worksheet's: 1-13, the steps done by hand)")
    /// `-o FILE`.
    public static let output = TypedOption(
        name: "o", valueName: "FILE", summary: "write to FILE (atomically) instead of standard output")
    /// `--aspect` for beamer slides.
    public static let aspect = TypedOption<BeamerAspect>(
        name: "aspect", summary: "the slides' shape with --format beamer (default: 16:9); other formats ignore it")
    /// `--handout 1|2|4` for beamer slides.
    public static let handout = TypedOption<BeamerHandout>(
        name: "handout",
        summary: "with --format beamer: a handout, one page per frame and no overlays, 1, 2 or 4 frames a sheet")
    /// `--notes` for beamer slides.
    public static let notes = Flag(
        name: "notes",
        summary: "with --format beamer: the \"Why\" paragraphs and the comparison of notations as speaker notes (\\note)")
    /// `--force`.
    public static let force = Flag(name: "force", summary: "replace FILE if it exists")

    /// `export` and its options.
    public static let spec = CommandSpec(
        name: "export", summary: "write the lesson as a whole document (\(OutputFormat.spokenList(OutputFormat.all(with: .exportDocuments))))",
        options: [format.spec] + CommonOptions.narration
            + [CommonOptions.weight.spec, steps.spec, aspect.spec, handout.spec, notes.spec, output.spec, force.spec])

    /// Prints the document, or writes it to FILE atomically (a temporary file in the same
    /// directory, then renamed) and prints nothing; Markdown of a network too large for
    /// Mermaid writes its figure beside FILE (`ExportCommand+FigureFile`). An existing FILE is
    /// replaced only with `--force`.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        guard let format = arguments.value(format) else {
            throw .usage(
                "export needs --format \(OutputFormat.spokenList(OutputFormat.all(with: .exportDocuments)))",
                command: spec.name)
        }
        if let path = arguments.value(output), path.isEmpty {
            throw .usage("'-o' needs a file name, not an empty one, e.g. -o lesson.tex", command: spec.name)
        }
        if let path = arguments.value(output), path.hasPrefix("-") {
            // `-o --force` took --force as the file name.
            throw .usage(
                "'-o' needs a file name, not the option-like '\(path)'; for a file of that name write ./\(path)",
                command: spec.name)
        }
        let defaultSteps = format == .worksheet ? "\(Worksheet.defaultSteps.first!)-\(Worksheet.defaultSteps.last!)" : "1-15"
        let chosen = try StepSelection.parse(arguments.value(steps) ?? defaultSteps, command: spec.name)
        // `--sample`, `--precision` and `--notation` are read and checked as `step` reads them.
        let steps = format.printsNotationSheet ? Narrator.notationSheetSteps : chosen
        let narration = try LessonNarration(arguments, steps: steps, io: io)
        let narrator = narration.narrator
        let narrative =
            format.printsNotationSheet
            ? Narrator.notationSheet(trace: narrator.trace, sampleIndex: narrator.sampleIndex)
            : narrator.narrative(steps: chosen, includingAlgorithm: true)
        var options = narration.renderOptions
        options.usesColor = false
        options.aspect = arguments.value(aspect) ?? .sixteenNine
        options.handout = arguments.value(handout)
        options.speakerNotes = arguments.isSet(notes)
        let figure = Self.figureFile(narrative, format: format, path: arguments.value(output), decimals: options.decimals)
        options.figureFile = figure.map { ($0.path as NSString).lastPathComponent }
        let renderer = format.renderer(options)
        // The HTML page holds every notation; the others print the chosen one.
        let text =
            format.abilities.contains(.everyNotation) && !format.printsNotationSheet
            ? renderer.document(editions: narrator.editions(steps: chosen, training: narration.lesson))
            : renderer.document(narrative)
        if format.isLaTeX { LaTeXCoverageWarning.report(text, io: io) }
        guard let path = arguments.value(output) else {
            try io.write(text)
            return
        }
        try Self.write(text, to: path, figure: figure, replacing: arguments.isSet(force))
    }
}
