import Foundation

/// What `--color auto` looks at: whether stdout is a terminal and whether NO_COLOR is set.
public struct TerminalEnvironment: Equatable, Sendable {
    /// Whether standard output is a terminal.
    public var isTerminal: Bool
    /// Whether the NO_COLOR environment variable is set (to anything non-empty).
    public var isColorDisabled: Bool

    /// An environment with these two facts.
    public init(isTerminal: Bool, isColorDisabled: Bool) {
        self.isTerminal = isTerminal
        self.isColorDisabled = isColorDisabled
    }

    /// Output to a pipe or file: never coloured by `auto`.
    public static let pipe = TerminalEnvironment(isTerminal: false, isColorDisabled: false)

    /// This process's real environment.
    public static var current: TerminalEnvironment {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalEnvironment(isTerminal: isatty(STDOUT_FILENO) == 1, isColorDisabled: noColor)
    }

    /// Whether `--color` with this value means colour.
    public func usesColor(_ option: String?) -> Bool {
        switch option ?? "auto" {
        case "always": return true
        case "never": return false
        default: return isTerminal && !isColorDisabled
        }
    }
}
