import BackpropCore
import BackpropRendering

/// `step N`: one step of the lesson, as text or as a LaTeX or Markdown fragment.
public enum StepCommand: Command {
    /// `--format`: the formats a single step prints in.
    public static let format = TypedOption<OutputFormat>(
        name: "format", values: OutputFormat.all(with: .singleSteps),
        summary: "text for the terminal (default), or the step in that format")

    /// `step N` and its options.
    public static let spec = CommandSpec(
        name: "step", arguments: "N", summary: "print step N (1–15) of the 15-step lesson",
        options: CommonOptions.narration + [CommonOptions.weight.spec, CommonOptions.color.spec, format.spec])

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
        let narrator = narration.narrator
        let format = arguments.value(format) ?? .text
        let narrative = Narrative(
            title: narrator.trace.lesson.title, sections: [narrator.section(step)], notation: narrator.notation.name)
        let text = format.renderer(narration.renderOptions).singleStep(narrative)
        if format.isLaTeX { LaTeXCoverageWarning.report(text, io: io) }
        try io.write(text)
    }
}
