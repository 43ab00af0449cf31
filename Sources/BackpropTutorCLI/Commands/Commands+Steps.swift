import BackpropCore
import BackpropRendering

/// `step N`, `steps` and `lesson`: the 15-step lesson.
extension Commands {
    static func steps(_ arguments: ParsedArguments) throws(CLIError) -> String {
        try noPositionals(arguments)
        return Step.allCases.map { step in
            (step.number < 10 ? " " : "") + "\(step.number). \(step.title)"
        }.joined(separator: "\n") + "\n"
    }

    static func step(_ arguments: ParsedArguments, terminal: TerminalEnvironment) throws(CLIError) -> String {
        guard arguments.positionals.count == 1, let number = Int(arguments.positionals[0]), let step = Step(number: number)
        else {
            let given = arguments.positionals.isEmpty ? "nothing" : "'\(arguments.positionals.joined(separator: " "))'"
            throw .usage(
                "step takes one step number from 1 to 15, not \(given); `backprop-tutor steps` lists them",
                command: "step")
        }
        let narrator = try narrator(arguments)
        let section = narrator.section(step)
        switch arguments.value("format") ?? "text" {
        case "latex": return LaTeXRenderer(decimals: narrator.decimals).fragment(section)
        case "markdown": return MarkdownRenderer(decimals: narrator.decimals).fragment(section)
        default:
            return TextRenderer(decimals: narrator.decimals, usesColor: terminal.usesColor(arguments.value("color")))
                .render(section)
        }
    }

    static func wholeLesson(_ arguments: ParsedArguments, terminal: TerminalEnvironment) throws(CLIError) -> String {
        try noPositionals(arguments)
        let narrator = try narrator(arguments)
        return TextRenderer(decimals: narrator.decimals, usesColor: terminal.usesColor(arguments.value("color")))
            .render(narrator.narrative())
    }

    /// Loads the lesson and checks `--notation`, `--sample` and `--precision`.
    static func narrator(_ arguments: ParsedArguments) throws(CLIError) -> Narrator {
        let command = arguments.command.name
        var decimals = 4
        if let text = arguments.value("precision") {
            guard let value = Int(text), (0...12).contains(value) else {
                throw .usage(
                    "'--precision' takes a whole number of decimals from 0 to 12, not '\(text)'", command: command)
            }
            decimals = value
        }
        let lesson = try loadLesson(arguments)
        var sampleIndex = 0
        if let text = arguments.value("sample") {
            guard let value = Int(text), (1...lesson.samples.count).contains(value) else {
                throw .usage(
                    "'--sample' takes a sample number from 1 to \(lesson.samples.count) for this lesson, not '\(text)'",
                    command: command)
            }
            sampleIndex = value - 1
        }
        let notation = NotationName(rawValue: arguments.value("notation") ?? lesson.notation)
        let trace = try traced(lesson)
        return Narrator(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: decimals)
    }
}
