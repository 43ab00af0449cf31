/// One backprop-tutor command: its description and its body.
///
/// `run` writes to `io` as it goes and throws a `CLIError` for anything that stops it; the
/// caller prints the error and maps it to the exit code. To add a command, write a type that
/// conforms and list it in `CommandTable.commandTypes`.
public protocol Command {
    /// The name, positional arguments, summary and options, for the scanner and for help.
    static var spec: CommandSpec { get }

    /// Runs the command on already-scanned arguments, writing to `io` as it goes.
    static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError)
}
