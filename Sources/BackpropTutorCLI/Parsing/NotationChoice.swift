import BackpropRendering

/// The one place the command line reads notation names: the `--notation` options, their help
/// and allowed values, and the check of a lesson's own notation all come from here, built on
/// `Notation.Name`. A new notation (or a registry replacing the enum) changes only this file.
public enum NotationChoice {
    /// The names a user may give, in the order help lists them.
    public static var names: [String] { Notation.Name.allCases.map(\.rawValue) }

    /// The notation called `name`, if there is one.
    public static func notation(named name: String) -> Notation.Name? {
        Notation.Name(rawValue: name)
    }

    /// A `--notation` option with this help line.
    public static func option(summary: String) -> TypedOption<Notation.Name> {
        TypedOption(
            OptionSpec(
                name: "notation", valueName: names.joined(separator: "|"), allowedValues: names, summary: summary),
            read: { notation(named: $0) })
    }

    /// The notation to use: the one given with `--notation`, else the lesson's own.
    ///
    /// A lesson naming a notation this build does not know is a usage error naming the valid
    /// ones (the lesson decoder normally rejects it first); nothing falls back silently.
    public static func resolve(given: Notation.Name?, lessonNotation: String, command: String)
        throws(CLIError) -> Notation.Name
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
