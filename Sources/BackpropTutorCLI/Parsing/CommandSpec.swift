/// What a command is called, what it takes and what it does: the scanner and the help text
/// both read it.
public struct CommandSpec: Equatable, Sendable {
    /// The command word, e.g. `step`.
    public var name: String
    /// Positional arguments as shown in usage, e.g. `N`; empty when there are none.
    public var arguments: String
    /// One line of help.
    public var summary: String
    /// The options it accepts, in the order help and usage list them.
    public var options: [OptionSpec]
    /// Paragraphs `help COMMAND` prints after the options (e.g. `diagnose`'s mistakes).
    public var notes: String

    /// A command description.
    public init(name: String, arguments: String = "", summary: String, options: [OptionSpec] = [], notes: String = "") {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.options = options
        self.notes = notes
    }

    /// `backprop-tutor step N [--lesson NAME|PATH] …`.
    public var usage: String {
        var parts = ["backprop-tutor", name]
        if !arguments.isEmpty { parts.append(arguments) }
        parts += options.map { "[\($0.head)]" }
        return parts.joined(separator: " ")
    }

    /// `help COMMAND`: the usage line, the summary and one line per option.
    public var help: String {
        var text = "usage: \(usage)\n\n\(summary)\n"
        if !options.isEmpty {
            text += "\noptions:\n" + HelpColumns.render(options.map { ($0.head, $0.summary) })
        }
        if !notes.isEmpty { text += "\n" + notes }
        return text
    }
}

/// Two help columns, the second aligned two spaces after the longest first one.
enum HelpColumns {
    /// Each row indented by two spaces, ending in a newline.
    static func render(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { head, summary in
            "  " + head + String(repeating: " ", count: width - head.count + 2) + summary + "\n"
        }.joined()
    }
}
