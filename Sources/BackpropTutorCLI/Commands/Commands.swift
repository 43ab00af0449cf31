import BackpropCore
import BackpropRendering

/// The commands' bodies: each takes parsed arguments and returns the text for stdout.
enum Commands {
    static func run(_ arguments: ParsedArguments, terminal: TerminalEnvironment) throws(CLIError) -> String {
        switch arguments.command.name {
        case "steps": return try steps(arguments)
        case "lesson": return try wholeLesson(arguments, terminal: terminal)
        case "lessons": return try lessons(arguments)
        case "trace": return try trace(arguments)
        case "check": return try check(arguments)
        case "step": return try step(arguments, terminal: terminal)
        case "help": return try help(arguments)
        case "export": return try export(arguments)
        default:
            throw .usage("unknown command '\(arguments.command.name)'", command: nil)
        }
    }

    static func noPositionals(_ arguments: ParsedArguments) throws(CLIError) {
        if let extra = arguments.positionals.first {
            throw .usage(
                "unexpected argument '\(extra)' for '\(arguments.command.name)'", command: arguments.command.name)
        }
    }

    static func loadLesson(_ arguments: ParsedArguments) throws(CLIError) -> Lesson {
        do {
            return try LessonLibrary.load(arguments.value("lesson"))
        } catch {
            throw .lesson(error)
        }
    }

    /// Traces a lesson, refusing one whose numbers overflow (a trace full of NaN teaches nothing).
    static func traced(_ lesson: Lesson, recordedSamples: Int? = nil, checkingEveryParameter: Bool = false)
        throws(CLIError) -> Trace
    {
        let trace = Tracer.trace(
            lesson, recordedSamples: recordedSamples, checkingEveryParameter: checkingEveryParameter)
        let isFinite = trace.cost.isFinite && trace.D.allSatisfy { $0.values.allSatisfy(\.isFinite) }
        guard isFinite else { throw .overflow(lessonTitle: lesson.title) }
        return trace
    }

    static func positiveInteger(_ arguments: ParsedArguments, _ name: String) throws(CLIError) -> Int? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw .usage(
                "'--\(name)' takes a whole number of at least 1, not '\(text)'", command: arguments.command.name)
        }
        return value
    }

    static func lessons(_ arguments: ParsedArguments) throws(CLIError) -> String {
        try noPositionals(arguments)
        var rows = [["name", "layers", "title"]]
        for name in LessonLibrary.builtInNames {
            let lesson: Lesson
            do {
                lesson = try LessonLibrary.load(name)
            } catch {
                throw .lesson(error)
            }
            let marker = name == LessonLibrary.defaultLessonName ? " (default)" : ""
            rows.append([
                name + marker, lesson.network.layerSizes.map(String.init).joined(separator: "-"), lesson.title,
            ])
        }
        return TextTable.render(rows) + "\n"
    }

    static func trace(_ arguments: ParsedArguments) throws(CLIError) -> String {
        try noPositionals(arguments)
        let recorded = try positiveInteger(arguments, "samples")
        let lesson = try loadLesson(arguments)
        let trace = try traced(lesson, recordedSamples: recorded, checkingEveryParameter: arguments.isSet("all"))
        switch arguments.value("format") ?? "text" {
        case "json": return trace.jsonText
        default: return TraceTextRenderer.render(trace)
        }
    }

    static func check(_ arguments: ParsedArguments) throws(CLIError) -> String {
        try noPositionals(arguments)
        let lesson = try loadLesson(arguments)
        let trace = try traced(lesson, recordedSamples: 0, checkingEveryParameter: arguments.isSet("all"))
        let report = GradientCheckTable.render(trace, threshold: BackpropTutor.checkThreshold)
        let difference = trace.gradientCheck.relativeDifference
        guard difference <= BackpropTutor.checkThreshold else {
            throw .gradientCheckFailed(
                report: report, relativeDifference: difference, threshold: BackpropTutor.checkThreshold)
        }
        return report
    }

    static func help(_ arguments: ParsedArguments) throws(CLIError) -> String {
        guard let name = arguments.positionals.first else { return CommandTable.help }
        guard let command = CommandTable.command(named: name) else {
            throw .usage("no command named '\(name)'", command: "help")
        }
        return BackpropTutor.help(for: command)
    }
}
