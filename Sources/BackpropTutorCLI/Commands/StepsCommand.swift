import BackpropRendering

/// `steps`: the 15 steps' titles, one per line.
public enum StepsCommand: Command {
    /// `steps`, without options.
    public static let spec = CommandSpec(name: "steps", summary: "list the 15 steps with their titles")

    /// Writes one line per step.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        for step in Step.allCases {
            try io.write((step.number < 10 ? " " : "") + "\(step.number). \(step.title)\n")
        }
    }
}
