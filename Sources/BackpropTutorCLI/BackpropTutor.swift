import BackpropCore

/// The backprop-tutor command line as a library: `run` is all `main.swift` calls.
public enum BackpropTutor {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Runs the command line (arguments after the program name) on the process's own streams
    /// and returns the exit code.
    /// A command that works for more than a second without output shows that it is working
    /// on standard error, when that is a terminal (`WorkIndicator`).
    public static func run(_ arguments: [String]) -> Int32 {
        var io = CommandIO.standard()
        guard let indicator = WorkIndicator.start(for: arguments) else { return run(arguments, io: io) }
        defer { indicator.stop() }
        io.standardOutput = IndicatedSink(base: io.standardOutput, indicator: indicator)
        io.standardError = IndicatedSink(base: io.standardError, indicator: indicator)
        return run(arguments, io: io)
    }

    /// Runs the command line on `io`: commands write to it as they go; an error is written to
    /// its standard error as one line (plus the usage line for a usage error).
    ///
    /// Exit codes: 0 success, 1 a data or runtime error (including output that cannot be
    /// written), 64 a usage error, 130 a `train` run stopped by Ctrl-C (after its summary).
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        do {
            try dispatch(arguments, io: io)
            return 0
        } catch {
            // The one place messages are printed, so the one place they are made safe: an
            // echoed key, value, argument or path never puts a control character (ESC, NUL,
            // a newline) on the terminal, and a message is always one line.
            var message = "backprop-tutor: \(ControlCharacters.escaped(error.description))\n"
            switch error {
            case .usage(_, let commandName):
                let usage =
                    commandName.flatMap(CommandTable.spec(named:))?.usage
                    ?? "backprop-tutor COMMAND [OPTIONS] (see `backprop-tutor help`)"
                message += "usage: \(usage)\n"
            case .lesson, .data, .gradientCheckFailed, .output, .streamWrite, .overflow, .interrupted, .answers,
                .wrongAnswers:
                break
            }
            // If standard error cannot be written either, the exit code is all that is left.
            try? io.standardError.write(message)
            return error.exitCode
        }
    }

    /// Runs the command line with a capturing `CommandIO` and returns what it printed.
    /// `terminal` decides `--color auto` (tests pass `.pipe`, so output never depends on where
    /// tests run).
    /// `input` is what standard input holds, line by line.
    public static func execute(_ arguments: [String], terminal: TerminalEnvironment = .pipe, input: [String] = [])
        -> CommandOutput
    {
        let (io, output, error) = CommandIO.capturing(terminal: terminal, input: input)
        let code = run(arguments, io: io)
        return CommandOutput(standardOutput: output.text, standardError: error.text, exitCode: code)
    }

    /// Finds the command and runs it, or answers `--version` and `--help`.
    static func dispatch(_ arguments: [String], io: CommandIO) throws(CLIError) {
        if arguments.first == "--version" {
            guard arguments.count == 1 else {
                throw .usage("'--version' takes no arguments; run `backprop-tutor --version` alone", command: nil)
            }
            try io.write("backprop-tutor \(version)\n")
            return
        }
        if arguments.isEmpty {
            try io.write(CommandTable.help)
            return
        }
        if arguments.first == "--help" || arguments.first == "-h" {
            // `--help step` reads like `help step`; the help command checks what follows.
            try dispatch(["help"] + arguments.dropFirst(), io: io)
            return
        }
        let parsed = try ArgumentScanner.parse(arguments)
        if parsed.isHelpRequested {
            try io.write(parsed.command.help)
            return
        }
        guard let command = CommandTable.commandType(named: parsed.command.name) else {
            throw .usage("unknown command '\(parsed.command.name)'", command: nil)
        }
        try command.run(parsed, io: io)
    }
}
