import BackpropCore

/// Parses `backprop-tutor COMMAND [--option value | --option=value | --flag]… [positional]…`.
public enum ArgumentScanner {
    /// Parses arguments after the program name; a usage error names what is wrong.
    public static func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
        guard let name = arguments.first else {
            throw .usage("no command given; try `backprop-tutor step 12` or `backprop-tutor help`", command: nil)
        }
        guard let command = CommandTable.spec(named: name) else {
            let names = CommandTable.specs.map(\.name)
            let hint =
                Suggestion.closest(to: name, among: names, maximumDistance: 2).map { "did you mean '\($0)'? " } ?? ""
            throw .usage("unknown command '\(name)'; \(hint)commands: \(names.joined(separator: ", "))", command: nil)
        }
        var options: [String: String] = [:]
        var positionals: [String] = []
        var isHelpRequested = false
        var index = 1
        while index < arguments.count {
            var argument = arguments[index]
            index += 1
            if argument.count == 2, argument.hasPrefix("-"), argument != "--", argument != "-h",
                command.options.contains(where: { $0.name.count == 1 && "-" + $0.name == argument })
            {
                // A one-letter option such as -o FILE reads like its long form.
                argument = "-" + argument
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                if argument == "-h" {
                    isHelpRequested = true
                } else {
                    positionals.append(argument)
                }
                continue
            }
            var optionName = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = optionName.firstIndex(of: "=") {
                inlineValue = String(optionName[optionName.index(after: equals)...])
                optionName = String(optionName[..<equals])
            }
            if optionName == "help" {
                isHelpRequested = true
                continue
            }
            guard let option = command.options.first(where: { $0.name == optionName }) else {
                let known = command.options.map(\.spelling)
                let guess = Suggestion.closest(to: optionName, among: command.options.map(\.name), maximumDistance: 2)
                let hint =
                    known.isEmpty
                    ? "it takes no options"
                    : (guess.map { "did you mean '--\($0)'? " } ?? "") + "its options: " + known.joined(separator: ", ")
                throw .usage("unknown option '--\(optionName)' for '\(command.name)'; \(hint)", command: command.name)
            }
            if options[optionName] != nil {
                throw .usage("option '\(option.spelling)' is given twice", command: command.name)
            }
            guard let valueName = option.valueName else {
                if inlineValue != nil {
                    throw .usage("option '\(option.spelling)' takes no value", command: command.name)
                }
                options[optionName] = ""
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("option '\(option.spelling)' needs a value (\(valueName))", command: command.name)
            }
            if let allowed = option.allowedValues, !allowed.contains(value) {
                throw .usage(
                    "'\(value)' is not a valid value for '\(option.spelling)'; use one of: "
                        + allowed.joined(separator: ", "),
                    command: command.name)
            }
            if let rule = option.rule, let problem = rule.problem(with: value) {
                throw .usage("'\(option.spelling)' takes \(problem), not '\(value)'", command: command.name)
            }
            options[optionName] = value
        }
        return ParsedArguments(
            command: command, givenOptions: options, positionals: positionals, isHelpRequested: isHelpRequested)
    }
}
