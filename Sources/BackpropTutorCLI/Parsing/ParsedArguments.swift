/// A command line split into its command, options and positional arguments, checked against
/// the command's `CommandSpec`.
public struct ParsedArguments: Equatable, Sendable {
    /// The command's description.
    public var command: CommandSpec
    /// The text given for each option, by option name (flags map to "").
    var givenOptions: [String: String]
    /// Positional arguments after the command.
    public var positionals: [String]
    /// Whether `--help` or `-h` was given.
    public var isHelpRequested: Bool

    /// A parse result.
    init(command: CommandSpec, givenOptions: [String: String], positionals: [String], isHelpRequested: Bool) {
        self.command = command
        self.givenOptions = givenOptions
        self.positionals = positionals
        self.isHelpRequested = isHelpRequested
    }

    /// The value of `option`, if given.
    public func value<Value>(_ option: TypedOption<Value>) -> Value? {
        givenOptions[option.spec.name].flatMap(option.read)
    }

    /// The text given for `option`, as written.
    public func text<Value>(_ option: TypedOption<Value>) -> String? {
        givenOptions[option.spec.name]
    }

    /// Whether `flag` was given.
    public func isSet(_ flag: Flag) -> Bool { givenOptions[flag.spec.name] != nil }

    /// Whether the option described by `spec` was given (for tests that walk the table).
    public func contains(_ spec: OptionSpec) -> Bool { givenOptions[spec.name] != nil }

    /// A usage error unless no positional argument was given.
    func expectNoPositionals() throws(CLIError) {
        if let extra = positionals.first {
            throw .usage("unexpected argument '\(extra)' for '\(command.name)'", command: command.name)
        }
    }
}
