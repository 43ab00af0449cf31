import BackpropCore
import BackpropRendering
import Foundation

/// `demo`: the 15 steps for a class, one at a time, full screen, each equation revealed line
/// by line; on anything but a terminal (a pipe, CI) it prints the chosen steps in order instead.
public enum DemoCommand: Command {
    /// `--step N`: the step the demo opens at.
    public static let step = TypedOption<Int>(
        name: "step", valueName: "N", range: Step.numbers,
        summary: "open at step N (1–15) instead of the title page")
    /// `--steps SPEC`: the steps the demo holds.
    public static let steps = TypedOption(
        name: "steps", valueName: "SPEC",
        summary: "only these steps, e.g. 6,10-12 (default: 1-15); → and ← and a typed step number stay within them")

    /// `demo` and its options.
    public static let spec = CommandSpec(
        name: "demo",
        summary: "step through the lesson full screen, one equation line at a time",
        options: CommonOptions.narration + [step.spec, steps.spec, CommonOptions.color.spec])

    /// Interactive when standard input and output are both terminals (and `TERM` names a
    /// terminal: not `dumb`, one that cannot move the cursor, and not unset or empty, where
    /// nothing says what the terminal understands); otherwise the text of `lesson` for the
    /// chosen steps.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        let chosen = try StepSelection.parse(arguments.value(steps) ?? "1-15", command: spec.name)
        var firstPage = 0
        if let number = arguments.value(step) {
            guard let index = chosen.firstIndex(where: { $0.number == number }) else {
                throw .usage(
                    "'--step \(number)' is not among --steps \(StepList.spoken(chosen.map(\.number))); "
                        + "choose one of them or add it to --steps",
                    command: spec.name)
            }
            firstPage = index + 1
        }
        let narration = try LessonNarration(arguments, steps: Step.allCases, io: io)
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let isDumb = term.isEmpty || term == "dumb"
        if io.terminal.isTerminal, io.terminal.isInputTerminal, !isDumb,
            DemoSession(narrator: narration.narrator, usesColor: narration.usesColor, steps: chosen, firstPage: firstPage)
                .run()
        {
            return
        }
        try LessonCommand.writeText(narration, steps: chosen, io: io)
    }
}
