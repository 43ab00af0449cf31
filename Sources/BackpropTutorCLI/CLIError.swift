import BackpropCore
import BackpropRendering

/// Everything that can stop a command, each mapped to one exit code in `exitCode`.
public enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line is wrong (exit 64); `command` selects the usage line shown after it.
    case usage(String, command: String?)
    /// A lesson could not be loaded (exit 1).
    case lesson(LessonError)
    /// A learner's data file could not be read or turned into a lesson (exit 1).
    case data(DataError)
    /// The gradient check's relative difference is above `bar` (exit 1); its table has
    /// already been written to standard output.
    case gradientCheckFailed(relativeDifference: Double, bar: Double)
    /// An output file could not be written (exit 1).
    case output(path: String, reason: String)
    /// Standard output or standard error could not be written: a closed pipe, a full disk (exit 1).
    case streamWrite(stream: String, reason: String)
    /// The lesson's numbers overflow: its cost or gradient is ∞ or NaN (exit 1).
    case overflow(lessonTitle: String)
    /// `diagnose` could not read the learner's answers (exit 1): the file, the line and the fix.
    case answers(file: String, line: Int, message: String, fix: String)
    /// `diagnose` found wrong values (exit 1); its report has already been written.
    case wrongAnswers(count: Int)
    /// Ctrl-C stopped a command that still finished its output (`train`): exit 130, as a
    /// shell reports a process ended by SIGINT.
    case interrupted(String)

    /// The one switch from errors to exit codes: 64 for usage (sysexits EX_USAGE), 130 for an
    /// interrupted run (128 + SIGINT), 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .interrupted: return 130
        case .lesson, .data, .gradientCheckFailed, .output, .streamWrite, .overflow, .answers, .wrongAnswers: return 1
        }
    }

    /// The message, without the `backprop-tutor: ` prefix.
    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .lesson(let error): return error.description
        case .answers(let file, let line, let message, let fix):
            return (line > 0 ? "\(file):\(line): " : "\(file): ") + message + "; fix: " + fix
        case .wrongAnswers(let count):
            return count == 1 ? "1 of your values is wrong" : "\(count) of your values are wrong"
        case .data(let error): return error.description
        case .gradientCheckFailed(let difference, let bar):
            return
                "gradient check failed: relative difference \(Self.compactScientific(difference, significant: 5)) exceeds \(Self.compactScientific(bar))"
        case .output(let path, let reason): return "\(path): cannot write the output: \(reason)"
        case .streamWrite(let stream, let reason): return "cannot write to \(stream): \(reason)"
        case .interrupted(let message): return message
        case .overflow(let title):
            return "lesson '\(title)': the cost or its gradient overflows to ∞ or NaN with these weights and inputs; "
                + "fix: use smaller weights and inputs (weighted inputs z of a few hundred at most)"
        }
    }

    /// A bar or ε as the help and messages print it: `1e-7` (see `NumberFormat.compactScientific`).
    static func compactScientific(_ value: Double, significant: Int = 1) -> String {
        NumberFormat.compactScientific(value, significant: significant)
    }
}
