import Foundation

/// Facts about where standard output goes: whether it is a terminal, how wide, and whether
/// NO_COLOR is set. `--color auto` reads them; no output depends on the width (lessons are
/// laid out for 80 columns so they are the same everywhere).
public struct TerminalEnvironment: Equatable, Sendable {
    /// Whether standard output is a terminal.
    public var isTerminal: Bool
    /// Whether the NO_COLOR environment variable is set (to anything non-empty).
    public var isColorDisabled: Bool
    /// The terminal's width in columns, when stdout is a terminal that reports one.
    public var width: Int?
    /// Whether standard input is a terminal too (with `isTerminal`: someone is at the keys,
    /// so `demo` is interactive).
    public var isInputTerminal: Bool

    /// An environment with these facts.
    public init(isTerminal: Bool, isColorDisabled: Bool, width: Int? = nil, isInputTerminal: Bool = false) {
        self.isTerminal = isTerminal
        self.isColorDisabled = isColorDisabled
        self.width = width
        self.isInputTerminal = isInputTerminal
    }

    /// Output to a pipe or file: never coloured by `auto`.
    public static let pipe = TerminalEnvironment(isTerminal: false, isColorDisabled: false)

    /// This process's real environment.
    public static var current: TerminalEnvironment {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let isTerminal = isatty(STDOUT_FILENO) == 1
        return TerminalEnvironment(
            isTerminal: isTerminal, isColorDisabled: noColor, width: isTerminal ? terminalWidth() : nil,
            isInputTerminal: isatty(STDIN_FILENO) == 1)
    }

    /// Whether `--color` with this choice means colour.
    public func usesColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal && !isColorDisabled
        }
    }

    /// The width stdout's terminal reports, else `COLUMNS`, else `nil`.
    private static func terminalWidth() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
