/// `help [COMMAND]`: the full help, or one command's.
public enum HelpCommand: Command {
    /// `help [COMMAND]`.
    public static let spec = CommandSpec(
        name: "help", arguments: "[COMMAND]", summary: "show this help, or one command's")

    /// Writes the help asked for; a usage error for an unknown command.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        guard arguments.positionals.count <= 1 else {
            throw .usage(
                "help takes at most one command name, not '\(arguments.positionals.joined(separator: " "))'",
                command: spec.name)
        }
        guard let name = arguments.positionals.first else {
            try io.write(CommandTable.help)
            return
        }
        guard let command = CommandTable.spec(named: name) else {
            throw .usage("no command named '\(name)'", command: spec.name)
        }
        try io.write(command.help)
    }
}
