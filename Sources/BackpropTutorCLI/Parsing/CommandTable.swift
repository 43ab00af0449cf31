import BackpropRendering

/// The commands and options backprop-tutor accepts: the parser and the help text both read
/// this table, so help can never list an option that does not parse, or miss one that does.
public enum CommandTable {
    /// One option, such as `--lesson NAME|PATH`.
    public struct Option: Equatable, Sendable {
        /// The long name without dashes, e.g. `lesson`.
        public var name: String
        /// The placeholder for its value (`nil` for a flag), e.g. `NAME|PATH`.
        public var valueName: String?
        /// The values allowed, when they form a closed list.
        public var allowedValues: [String]?
        /// One line of help.
        public var summary: String

        /// How the option is typed: `-o` for a one-letter name, `--lesson` otherwise.
        public var spelling: String { name.count == 1 ? "-" + name : "--" + name }
    }

    /// One command, such as `step N`.
    public struct Command: Equatable, Sendable {
        /// The command word, e.g. `step`.
        public var name: String
        /// Positional arguments as shown in usage, e.g. `N`; empty when there are none.
        public var arguments: String
        /// One line of help.
        public var summary: String
        /// The options it accepts, in the order help and usage list them.
        public var options: [Option]

        /// `backprop-tutor step N [--lesson NAME|PATH] …`.
        public var usage: String {
            var parts = ["backprop-tutor", name]
            if !arguments.isEmpty { parts.append(arguments) }
            parts += options.map { option in
                "[\(option.spelling)" + (option.valueName.map { " \($0)" } ?? "") + "]"
            }
            return parts.joined(separator: " ")
        }
    }

    static let lesson = Option(
        name: "lesson", valueName: "NAME|PATH", allowedValues: nil,
        summary: "a built-in lesson's name or a lesson file's path (default: \(LessonLibrary.defaultLessonName))")
    static let samples = Option(
        name: "samples", valueName: "K", allowedValues: nil,
        summary: "record the per-sample passes of the first K samples only (totals still cover all)")
    static let all = Option(
        name: "all", valueName: nil, allowedValues: nil,
        summary: "check every parameter, even above \(2_000) parameters")

    static let notation = Option(
        name: "notation", valueName: NotationName.allCases.map(\.rawValue).joined(separator: "|"),
        allowedValues: NotationName.allCases.map(\.rawValue),
        summary: "the notation to write formulas in (default: the lesson's, else ng)")
    static let sample = Option(
        name: "sample", valueName: "K", allowedValues: nil,
        summary: "which sample (1…m) the per-sample steps follow (default: 1)")
    static let precision = Option(
        name: "precision", valueName: "P", allowedValues: nil,
        summary: "decimals shown, 0–12 (default: 4; the trace keeps full precision)")
    static let color = Option(
        name: "color", valueName: "auto|always|never", allowedValues: ["auto", "always", "never"],
        summary: "colour the text: auto = only on a terminal with NO_COLOR unset (default: auto)")
    static let stepFormat = Option(
        name: "format", valueName: "text|latex|markdown", allowedValues: ["text", "latex", "markdown"],
        summary: "text for the terminal, or a LaTeX or Markdown fragment (default: text)")

    /// Every command, in the order help lists them.
    public static let commands: [Command] = [
        Command(
            name: "step", arguments: "N", summary: "print step N (1–15) of the 15-step lesson",
            options: [lesson, notation, sample, precision, color, stepFormat]),
        Command(name: "steps", arguments: "", summary: "list the 15 steps with their titles", options: []),
        Command(
            name: "lesson", arguments: "", summary: "print all 15 steps in order",
            options: [lesson, notation, sample, precision, color]),
        Command(name: "lessons", arguments: "", summary: "list the built-in lessons", options: []),
        Command(
            name: "trace", arguments: "",
            summary: "print every number of one forward and backward pass",
            options: [
                lesson,
                Option(
                    name: "format", valueName: "json|text", allowedValues: ["json", "text"],
                    summary: "output format (default: text)"),
                samples, all,
            ]),
        Command(
            name: "check", arguments: "",
            summary: "compare backprop's gradient with central differences (exit 1 above 1e-7)",
            options: [lesson, all]),
        Command(
            name: "export", arguments: "",
            summary: "write the lesson as a LaTeX article, beamer slides or Markdown",
            options: [
                Option(
                    name: "format", valueName: "latex|markdown|beamer", allowedValues: ["latex", "markdown", "beamer"],
                    summary: "the document format (required)"),
                lesson,
                Option(
                    name: "notation", valueName: NotationName.allCases.map(\.rawValue).joined(separator: "|"),
                    allowedValues: NotationName.allCases.map(\.rawValue),
                    summary: "the notation to write it in (default: the lesson's)"),
                Option(
                    name: "steps", valueName: "SPEC", allowedValues: nil,
                    summary: "the steps to include, e.g. 1-15 or 6,10-12 (default: 1-15)"),
                Option(
                    name: "o", valueName: "FILE", allowedValues: nil,
                    summary: "write to FILE (atomically) instead of standard output"),
                Option(name: "force", valueName: nil, allowedValues: nil, summary: "replace FILE if it exists"),
            ]),
        Command(name: "help", arguments: "[COMMAND]", summary: "show this help, or one command's", options: []),
    ]

    /// The command named `name`.
    public static func command(named name: String) -> Command? {
        commands.first { $0.name == name }
    }

    /// The full help text.
    public static var help: String {
        var text = """
            backprop-tutor \(BackpropTutor.version): backpropagation with real numbers, step by step

            usage: backprop-tutor COMMAND [OPTIONS]

            commands:

            """
        let width = commands.map { ($0.name + " " + $0.arguments).count }.max() ?? 0
        for command in commands {
            let head = command.name + (command.arguments.isEmpty ? "" : " " + command.arguments)
            text += "  " + head + String(repeating: " ", count: width - head.count + 2) + command.summary + "\n"
        }
        text += "\noptions:\n"
        var seen: [Option] = []
        var optionLines: [(String, String)] = []
        for option in commands.flatMap(\.options) where !seen.contains(option) {
            seen.append(option)
            let users = commands.filter { $0.options.contains(option) }.map(\.name).joined(separator: ", ")
            optionLines.append(
                (option.spelling + (option.valueName.map { " \($0)" } ?? ""), "\(option.summary) [\(users)]"))
        }
        optionLines.append(("--help, -h", "show this help"))
        optionLines.append(("--version", "print the version"))
        let optionWidth = optionLines.map(\.0.count).max() ?? 0
        for (head, summary) in optionLines {
            text += "  " + head + String(repeating: " ", count: optionWidth - head.count + 2) + summary + "\n"
        }
        text += """

            Lessons are JSON files (see README.md); built-in ones are listed by `backprop-tutor lessons`.
            Exit codes: 0 success, 1 bad lesson or failed check or unwritable output, 64 usage error.

            """
        return text
    }
}
