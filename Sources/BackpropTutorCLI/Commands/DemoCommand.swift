import BackpropCore
import BackpropRendering
import Foundation

/// `demo`: the 15 steps for a class, one at a time, full screen, each equation revealed line
/// by line; on anything but a terminal (a pipe, CI) it prints every step in order instead.
public enum DemoCommand: Command {
    /// `demo` and its options.
    public static let spec = CommandSpec(
        name: "demo",
        summary: "step through the lesson full screen, one equation line at a time",
        options: CommonOptions.narration + [CommonOptions.color.spec])

    /// Interactive when standard input and output are both terminals (and `TERM` names a
    /// terminal: not `dumb`, one that cannot move the cursor, and not unset or empty, where
    /// nothing says what the terminal understands); otherwise the text of `lesson`.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        let narration = try LessonNarration(arguments, steps: Step.allCases, io: io)
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let isDumb = term.isEmpty || term == "dumb"
        if io.terminal.isTerminal, io.terminal.isInputTerminal, !isDumb,
            DemoSession(narrator: narration.narrator, usesColor: narration.usesColor).run()
        {
            return
        }
        try LessonCommand.writeText(narration, io: io)
    }
}
