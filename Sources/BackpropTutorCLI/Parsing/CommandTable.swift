/// The commands backprop-tutor accepts, built from the list of command types: the scanner,
/// the dispatcher and the help text all read it, so help can never list an option that does
/// not parse, or miss one that does. A new command is one type in `Commands/` plus one entry
/// in `commandTypes`.
public enum CommandTable {
    /// Every command, in the order help lists them.
    public static var commandTypes: [any Command.Type] {
        [
            StepCommand.self,
            StepsCommand.self,
            LessonCommand.self,
            DemoCommand.self,
            LessonsCommand.self,
            TraceCommand.self,
            CheckCommand.self,
            ExportCommand.self,
            TrainCommand.self,
            ImportCommand.self,
            DiagnoseCommand.self,
            HelpCommand.self,
        ]
    }

    /// Every command's description, in the order help lists them.
    public static var specs: [CommandSpec] { commandTypes.map { $0.spec } }

    /// The command named `name`.
    public static func commandType(named name: String) -> (any Command.Type)? {
        commandTypes.first { $0.spec.name == name }
    }

    /// The description of the command named `name`.
    public static func spec(named name: String) -> CommandSpec? {
        commandType(named: name)?.spec
    }

    /// The full help text.
    public static var help: String {
        let specs = specs
        var text = """
            backprop-tutor \(BackpropTutor.version): backpropagation with real numbers, step by step

            usage: backprop-tutor COMMAND [OPTIONS]

            commands:

            """
        text += HelpColumns.render(
            specs.map { ($0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments), $0.summary) })
        text += "\noptions:\n"
        var seen: [OptionSpec] = []
        var optionLines: [(String, String)] = []
        for option in specs.flatMap(\.options) where !seen.contains(option) {
            seen.append(option)
            let users = specs.filter { $0.options.contains(option) }.map(\.name).joined(separator: ", ")
            optionLines.append((option.head, "\(option.summary) [\(users)]"))
        }
        optionLines.append(("--help, -h", "show this help"))
        optionLines.append(("--version", "print the version"))
        text += HelpColumns.render(optionLines)
        text += """

            Lessons are JSON files (see README.md); built-in ones are listed by `backprop-tutor lessons`.
            Exit codes: 0 success, 1 bad lesson or failed check or unwritable output, 64 usage error,
            130 train stopped by Ctrl-C (after its summary).

            """
        return text
    }
}
