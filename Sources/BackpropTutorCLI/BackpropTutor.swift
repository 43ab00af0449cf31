import BackpropCore
import BackpropRendering
import Foundation

/// What a command produced: the text for each stream and the exit code.
public struct CommandOutput: Equatable, Sendable {
    /// What goes to standard output.
    public var standardOutput: String
    /// What goes to standard error (messages and usage lines).
    public var standardError: String
    /// 0 success, 1 data or runtime error, 64 usage error.
    public var exitCode: Int32
}

/// The backprop-tutor command line as a library: `run` is all `main.swift` calls.
public enum BackpropTutor {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// The relative difference above which `check` fails.
    public static let checkThreshold = 1e-7

    /// Runs the command line (arguments after the program name) and writes its output.
    public static func run(_ arguments: [String]) -> Int32 {
        let output = execute(arguments, terminal: .current)
        FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
        FileHandle.standardError.write(Data(output.standardError.utf8))
        return output.exitCode
    }

    /// Runs the command line and returns what it would print. `terminal` decides `--color auto`
    /// (tests pass `.pipe`, so output never depends on where tests run).
    public static func execute(_ arguments: [String], terminal: TerminalEnvironment = .pipe) -> CommandOutput {
        if arguments == ["--version"] {
            return CommandOutput(standardOutput: "backprop-tutor \(version)\n", standardError: "", exitCode: 0)
        }
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] {
            return CommandOutput(standardOutput: CommandTable.help, standardError: "", exitCode: 0)
        }
        do {
            let parsed = try ArgumentScanner.parse(arguments)
            if parsed.isSet("help") {
                return CommandOutput(standardOutput: help(for: parsed.command), standardError: "", exitCode: 0)
            }
            let text = try Commands.run(parsed, terminal: terminal)
            return CommandOutput(standardOutput: text, standardError: "", exitCode: 0)
        } catch {
            var message = "backprop-tutor: \(error.description)\n"
            var standardOutput = ""
            switch error {
            case .usage(_, let commandName):
                let usage =
                    commandName.flatMap(CommandTable.command(named:))?.usage
                    ?? "backprop-tutor COMMAND [OPTIONS] (see `backprop-tutor help`)"
                message += "usage: \(usage)\n"
            case .gradientCheckFailed(let report, _, _):
                standardOutput = report
            case .lesson, .output, .overflow:
                break
            }
            return CommandOutput(standardOutput: standardOutput, standardError: message, exitCode: error.exitCode)
        }
    }

    static func help(for command: CommandTable.Command) -> String {
        var text = "usage: \(command.usage)\n\n\(command.summary)\n"
        if !command.options.isEmpty {
            text += "\noptions:\n"
            let width = command.options.map { ($0.spelling + ($0.valueName.map { " " + $0 } ?? "")).count }.max() ?? 0
            for option in command.options {
                let head = option.spelling + (option.valueName.map { " " + $0 } ?? "")
                text += "  " + head + String(repeating: " ", count: width - head.count + 2) + option.summary + "\n"
            }
        }
        return text
    }
}
