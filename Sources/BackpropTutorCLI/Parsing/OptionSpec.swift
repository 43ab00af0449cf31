/// How one option is written and documented, such as `--lesson NAME|PATH`: what the scanner
/// and the help text read. Commands read values through `TypedOption` or `Flag`.
public struct OptionSpec: Equatable, Sendable {
    /// The long name without dashes, e.g. `lesson`.
    public var name: String
    /// The placeholder for its value (`nil` for a flag), e.g. `NAME|PATH`.
    public var valueName: String?
    /// The values allowed, when they form a closed list.
    public var allowedValues: [String]?
    /// What a numeric value must be, checked by the scanner.
    public var rule: ValueRule?
    /// One line of help.
    public var summary: String

    /// An option description.
    public init(
        name: String, valueName: String?, allowedValues: [String]? = nil, rule: ValueRule? = nil, summary: String
    ) {
        self.name = name
        self.valueName = valueName
        self.allowedValues = allowedValues
        self.rule = rule
        self.summary = summary
    }

    /// How the option is typed: `-o` for a one-letter name, `--lesson` otherwise.
    public var spelling: String { name.count == 1 ? "-" + name : "--" + name }

    /// The spelling with its placeholder, e.g. `--lesson NAME|PATH`.
    public var head: String { spelling + (valueName.map { " " + $0 } ?? "") }
}

/// An option that takes a value, read as `Value`: commands ask `parsed.value(option)` and get
/// a typed answer, so a misspelt option is a compile error rather than a silent `nil`.
public struct TypedOption<Value>: Sendable {
    /// How it is written and documented.
    public let spec: OptionSpec
    /// Reads the text the user gave; `nil` if it is not a `Value` (the scanner has already
    /// checked closed lists of values).
    let read: @Sendable (String) -> Value?

    /// An option whose value is read by `read`.
    public init(_ spec: OptionSpec, read: @escaping @Sendable (String) -> Value?) {
        self.spec = spec
        self.read = read
    }
}

extension TypedOption where Value == String {
    /// An option whose value is taken as written (a name, a path, a number checked by the
    /// command with a message of its own).
    public init(name: String, valueName: String, summary: String) {
        self.init(OptionSpec(name: name, valueName: valueName, summary: summary)) { $0 }
    }
}

extension TypedOption where Value: CaseIterable & RawRepresentable & Sendable, Value.RawValue == String {
    /// An option that takes one of `values` (all cases by default): the placeholder, the
    /// allowed values and the reading all come from the enum, so a new case is offered,
    /// documented and accepted at once.
    public init(name: String, values: [Value] = Array(Value.allCases), summary: String) {
        let names = values.map(\.rawValue)
        self.init(
            OptionSpec(
                name: name, valueName: names.joined(separator: "|"), allowedValues: names, summary: summary)
        ) { [values] text in
            values.first { $0.rawValue == text }
        }
    }
}

/// An option without a value, such as `--all`.
public struct Flag: Sendable {
    /// How it is written and documented.
    public let spec: OptionSpec

    /// A flag called `--name`.
    public init(name: String, summary: String) {
        spec = OptionSpec(name: name, valueName: nil, summary: summary)
    }
}
