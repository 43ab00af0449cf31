/// Where an interactive command reads its input from, one line at a time.
public protocol LineSource: AnyObject {
    /// The next line without its newline, or `nil` at the end of the input.
    func nextLine() -> String?
}

/// The process's standard input.
public final class StandardInput: LineSource {
    /// Standard input.
    public init() {}

    /// The next line of standard input, or `nil` at its end.
    public func nextLine() -> String? { readLine(strippingNewline: true) }
}

/// Lines given in advance, for tests.
public final class ScriptedInput: LineSource {
    private var lines: [String]

    /// Input that yields `lines` in order, then ends.
    public init(lines: [String]) { self.lines = lines }

    /// The next scripted line, or `nil` when none are left.
    public func nextLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}
