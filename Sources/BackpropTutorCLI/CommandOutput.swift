/// What a command line produced when run with a capturing `CommandIO`: the text of each
/// stream and the exit code.
public struct CommandOutput: Equatable, Sendable {
    /// What went to standard output.
    public var standardOutput: String
    /// What went to standard error (messages and usage lines).
    public var standardError: String
    /// 0 success, 1 data or runtime error, 64 usage error.
    public var exitCode: Int32
}
