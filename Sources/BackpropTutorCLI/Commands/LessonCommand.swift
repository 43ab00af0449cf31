import BackpropCore
import BackpropRendering
import Foundation

/// `lesson`: all 15 steps in order, as text written step by step as each is told, or as the
/// narrative JSON.
public enum LessonCommand: Command {
    /// `--format`: text, or the narrative as JSON.
    public static let format = TypedOption<OutputFormat>(
        name: "format", values: [.text, .json],
        summary: "text for the terminal, or the narrative as JSON (backprop-tutor/narrative@1) (default: text)")

    /// `lesson` and its options.
    public static let spec = CommandSpec(
        name: "lesson", summary: "print all 15 steps in order",
        options: CommonOptions.narration + [CommonOptions.color.spec, format.spec])

    /// Writes the title and preface, then each step as soon as it is rendered.
    ///
    /// The pieces join into exactly `TextRenderer.render(narrative)`: the head (title and
    /// preface) ends in one newline, and each step follows after a blank line.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        let narration = try LessonNarration(arguments, steps: Step.allCases, io: io)
        if arguments.value(format) == .json {
            try io.write(NarrativeJSONRenderer().document(narration.narrator.narrative()))
            return
        }
        try writeText(narration, io: io)
    }

    /// The title and preface, then each step as soon as it is rendered, as text (also what
    /// `demo` prints when it is not on a terminal).
    static func writeText(_ narration: LessonNarration, steps: [Step] = Step.allCases, io: CommandIO) throws(CLIError) {
        let renderer = narration.textRenderer
        let whole = narration.narrator.narrative(steps: [])
        try io.write(renderer.render(whole))
        for step in steps {
            let text = renderer.render(narration.narrator.section(step)).trimmingCharacters(in: ["\n"])
            try io.write("\n" + text + "\n")
        }
    }
}
