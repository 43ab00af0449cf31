import BackpropCore

/// Everything that can stop a command, each mapped to one exit code in `exitCode`.
public enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line is wrong (exit 64); `command` selects the usage line shown after it.
    case usage(String, command: String?)
    /// A lesson could not be loaded (exit 1).
    case lesson(LessonError)
    /// The gradient check failed its threshold (exit 1); `report` is the table, still printed.
    case gradientCheckFailed(report: String, relativeDifference: Double, threshold: Double)
    /// An output file could not be written (exit 1).
    case output(path: String, reason: String)
    /// The lesson's numbers overflow: its cost or gradient is ∞ or NaN (exit 1).
    case overflow(lessonTitle: String)

    /// The one switch from errors to exit codes: 64 for usage (sysexits EX_USAGE), 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .lesson, .gradientCheckFailed, .output, .overflow: return 1
        }
    }

    /// The message, without the `backprop-tutor: ` prefix.
    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .lesson(let error): return error.description
        case .gradientCheckFailed(_, let difference, let threshold):
            return
                "gradient check failed: relative difference \(difference.isNaN ? "NaN" : String(difference)) exceeds \(threshold)"
        case .output(let path, let reason): return "\(path): cannot write the output: \(reason)"
        case .overflow(let title):
            return "lesson '\(title)': the cost or its gradient overflows to ∞ or NaN with these weights and inputs; "
                + "fix: use smaller weights and inputs (weighted inputs z of a few hundred at most)"
        }
    }
}
