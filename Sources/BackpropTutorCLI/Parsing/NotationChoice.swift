import BackpropRendering

/// The one place the command line reads notation names: the `--notation` options, their help
/// and allowed values, and the check of a lesson's own notation all come from
/// `NotationRegistry`, so a new notation needs no change here.
public enum NotationChoice {
    /// The names a user may give, in the order help lists them.
    public static var names: [String] { NotationName.allCases.map(\.rawValue) }

    /// The registered notation called `name`, if there is one.
    public static func notation(named name: String) -> NotationName? {
        let candidate = NotationName(rawValue: name)
        return NotationRegistry.type(named: candidate) == nil ? nil : candidate
    }

    /// A `--notation` option with this help line.
    public static func option(summary: String) -> TypedOption<NotationName> {
        TypedOption(
            OptionSpec(
                name: "notation", valueName: names.joined(separator: "|"), allowedValues: names, summary: summary),
            read: { notation(named: $0) })
    }

    /// The notation to use: the one given with `--notation`, else the lesson's own.
    ///
    /// A lesson naming a notation this build does not know is a usage error naming the valid
    /// ones (the lesson decoder normally rejects it first); nothing falls back silently.
    public static func resolve(given: NotationName?, lessonNotation: String, command: String)
        throws(CLIError) -> NotationName
    {
        if let given { return given }
        guard let name = notation(named: lessonNotation) else {
            throw .usage(
                "the lesson's notation '\(lessonNotation)' is unknown; use --notation with one of: "
                    + names.joined(separator: ", "),
                command: command)
        }
        return name
    }
}
