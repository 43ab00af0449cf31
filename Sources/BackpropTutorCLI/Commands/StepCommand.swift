import BackpropCore
import BackpropRendering

/// `step N`: one step of the lesson, as text or as a LaTeX or Markdown fragment.
public enum StepCommand: Command {
    /// `--format`: the formats a single step prints in.
    public static let format = TypedOption<OutputFormat>(
        name: "format", values: OutputFormat.allCases.filter(\.printsSingleSteps),
        summary: "text for the terminal, a LaTeX or Markdown fragment, or the narrative as JSON (default: text)")

    /// `step N` and its options.
    public static let spec = CommandSpec(
        name: "step", arguments: "N", summary: "print step N (1–15) of the 15-step lesson",
        options: [
            CommonOptions.lesson.spec, CommonOptions.notation.spec, CommonOptions.sample.spec,
            CommonOptions.precision.spec, CommonOptions.color.spec, format.spec,
        ])

    /// Traces only what step N shows, then writes it.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        guard arguments.positionals.count == 1, let number = Int(arguments.positionals[0]),
            let step = Step(number: number)
        else {
            let given = arguments.positionals.isEmpty ? "nothing" : "'\(arguments.positionals.joined(separator: " "))'"
            throw .usage(
                "step takes one step number from 1 to 15, not \(given); `backprop-tutor steps` lists them",
                command: spec.name)
        }
        let narration = try LessonNarration(arguments, steps: [step], io: io)
        let section = narration.narrator.section(step)
        let decimals = narration.narrator.decimals
        switch arguments.value(format) ?? .text {
        case .text: try io.write(narration.textRenderer.render(section))
        case .latex:
            let text = LaTeXRenderer(decimals: decimals).fragment(section)
            LaTeXCoverageWarning.report(text, io: io)
            try io.write(text)
        case .markdown: try io.write(MarkdownRenderer(decimals: decimals).fragment(section))
        case .json:
            let narrator = narration.narrator
            let narrative = Narrative(
                title: narrator.trace.lesson.title, sections: [section], notation: narrator.notation.name)
            try io.write(NarrativeJSONRenderer().document(narrative))
        // Not offered (`printsSingleSteps` is false), so the scanner has refused these already.
        case .beamer:
            throw .usage(
                "beamer makes whole slide decks; use `backprop-tutor export --format beamer`", command: spec.name)
        case .cheatsheet:
            throw .usage(
                "the notation sheet covers the whole network; use `backprop-tutor export --format cheatsheet`",
                command: spec.name)
        }
    }
}
