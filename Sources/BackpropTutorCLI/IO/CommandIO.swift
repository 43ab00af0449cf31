#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a command talks to: where its output and messages go, its input, and the facts
/// about the terminal it runs in.
///
/// Commands write as they go (`write`), so a long lesson appears step by step and a closed
/// pipe stops the work early. The real one (`standard()`) writes to file descriptors 1 and 2;
/// tests use `capturing(terminal:)` and read the captured text.
public struct CommandIO {
    /// Standard output: what the command produces.
    public var standardOutput: any TextSink
    /// Standard error: messages and usage lines.
    public var standardError: any TextSink
    /// Standard input, for commands that read it (`nil` when there is none).
    public var standardInput: (any LineSource)?
    /// Whether stdout is a terminal, its width, and whether colour is wanted.
    public var terminal: TerminalEnvironment

    /// An I/O from its parts.
    public init(
        standardOutput: any TextSink, standardError: any TextSink, standardInput: (any LineSource)? = nil,
        terminal: TerminalEnvironment
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInput = standardInput
        self.terminal = terminal
    }

    /// Writes `text` to standard output; throws `CLIError.streamWrite` if it cannot.
    public func write(_ text: String) throws(CLIError) {
        try standardOutput.write(text)
    }

    /// The process's own streams: descriptors 1 and 2, standard input, the real terminal.
    ///
    /// Ignores SIGPIPE first, so writing to a closed pipe fails with EPIPE (reported, exit 1)
    /// instead of killing the process, and SIGXFSZ, so a write past a file-size limit
    /// (`ulimit -f`) fails with EFBIG the same way (an output file's temporary file is then
    /// removed). SIGQUIT (Ctrl-\) gets its default action back: the Swift runtime's backtracer
    /// takes it to print a crash report and let the command carry on, but a quit is no crash.
    public static func standard() -> CommandIO {
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGXFSZ, SIG_IGN)
        let quit = signal(SIGQUIT, SIG_DFL)
        // Keep it ignored if it was (a job started with SIGQUIT ignored).
        if unsafeBitCast(quit, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { _ = signal(SIGQUIT, SIG_IGN) }
        return CommandIO(
            standardOutput: FileDescriptorSink(descriptor: STDOUT_FILENO, name: "standard output"),
            standardError: FileDescriptorSink(descriptor: STDERR_FILENO, name: "standard error"),
            standardInput: StandardInput(), terminal: .current)
    }

    /// An I/O that keeps what is written, with `terminal` deciding `--color auto`.
    public static func capturing(terminal: TerminalEnvironment = .pipe, input: [String] = []) -> (
        io: CommandIO, output: CapturedText, error: CapturedText
    ) {
        let output = CapturedText()
        let error = CapturedText()
        let io = CommandIO(
            standardOutput: output, standardError: error, standardInput: ScriptedInput(lines: input),
            terminal: terminal)
        return (io, output, error)
    }
}
