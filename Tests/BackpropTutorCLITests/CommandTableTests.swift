import BackpropRendering
import BackpropTutorCLI
import Foundation
import Testing

/// Help and parser read the same table; these tests prove that every documented option parses.
@Suite("CommandTable")
struct CommandTableTests {
    /// Stands for `-o`'s file; `optionRuns` puts it in a fresh directory it removes afterwards.
    static let outputPlaceholder = "OUTPUT-FILE.md"
    /// `Tests/BackpropTutorCLITests/Fixtures/`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Arguments that run `command` with `option` set, and a sensible value for it.
    static func invocations(_ command: CommandSpec, _ option: OptionSpec) -> [[String]] {
        var base = [command.name] + (command.name == "step" ? ["1"] : [])
        if command.name == "diagnose" {
            base.append(Self.fixtures.appendingPathComponent("mazur-answers.txt").path)
            if option.name != "lesson" { base += ["--lesson", "mazur"] }
        }
        if command.name == "import" { return importInvocations(option) }
        if command.name == "export" && option.name != "format" { base += ["--format", "markdown"] }
        if command.name == "train" {
            // Short runs; --batch-size needs the minibatch scheme (and it a size); files go
            // where -o's do.
            if option.name != "epochs" { base += ["--epochs", "2"] }
            if option.name == "batch-size" { base += ["--scheme", "minibatch"] }
            if ["plot", "save", "map"].contains(option.name) {
                return [base + [option.spelling, outputPlaceholder]]
            }
            if option.name == "hidden-images" {
                // Image lessons only: digits.
                return [base + ["--lesson", "digits", option.spelling, outputPlaceholder]]
            }
            if option.name == "scheme" {
                return ["batch", "stochastic", "minibatch"].flatMap { value in
                    let size = value == "minibatch" ? ["--batch-size", "2"] : []
                    return [base + [option.spelling, value] + size, base + ["\(option.spelling)=\(value)"] + size]
                }
            }
        }
        guard option.valueName != nil else { return [base + [option.spelling]] }
        // An injected mistake fails the check by design (exit 1, InjectedCheckTests); the
        // mistake in the update is the one the check cannot see, so it runs to exit 0.
        // The answers file holds the lesson's own numbers; variant 0 is that lesson.
        if option.name == "variant" {
            let value = command.name == "diagnose" ? "0" : "1"
            return [base + [option.spelling, value], base + ["\(option.spelling)=\(value)"]]
        }
        if option.name == "inject" {
            return [base + [option.spelling, "update-sign"], base + ["\(option.spelling)=update-sign"]]
        }
        let values: [String]
        if let allowed = option.allowedValues {
            values = allowed
        } else if option.name == "lesson" {
            values = ["mazur"]
        } else if option.name == "o" {
            return [base + ["-o", outputPlaceholder]]
        } else if option.name == "weight" {
            // A weight into the default lesson's (ng-lecture's) output layer, in ASCII.
            values = ["Theta(3)_11"]
        } else {
            values = ["1"]
        }
        return values.flatMap { value in
            [base + [option.spelling, value], base + ["\(option.spelling)=\(value)"]]
        }
    }

    /// `import` reads the Octave-written ex4-like fixtures; each option gets a value that fits.
    static func importInvocations(_ option: OptionSpec) -> [[String]] {
        let data = Fixtures.packageRoot.appendingPathComponent("Tests/BackpropCoreTests/Fixtures/Data")
        let base = ["import", data.appendingPathComponent("ex4-data.mat").path]
        let value: [String]
        switch option.name {
        case "label": value = ["y"]
        case "features": value = ["X"]
        case "split": value = ["100/0/0"]
        case "activation": value = ["sigmoid"]
        case "weights": value = [data.appendingPathComponent("ex4-weights.mat").path]
        case "o": return [base + ["-o", outputPlaceholder]]
        default:
            guard option.valueName != nil else { return [base + [option.spelling]] }
            value = option.allowedValues ?? ["1"]
        }
        return value.flatMap { [base + [option.spelling, $0], base + ["\(option.spelling)=\($0)"]] }
    }

    struct Invocation: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var option: OptionSpec
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let allInvocations: [Invocation] = CommandTable.specs.flatMap { command in
        command.options.flatMap { option in
            invocations(command, option).map { Invocation(arguments: $0, option: option) }
        }
    }

    @Test("every option of every command parses", arguments: allInvocations)
    func optionParses(_ invocation: Invocation) throws {
        let parsed = try ArgumentScanner.parse(invocation.arguments)
        #expect(parsed.command.name == invocation.arguments[0])
        #expect(parsed.contains(invocation.option))
    }

    @Test("every option of every command runs to exit 0", arguments: allInvocations)
    func optionRuns(_ invocation: Invocation) throws {
        // A fresh directory per invocation, so the file never exists yet; removed afterwards.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.md").path
        let arguments = invocation.arguments.map { $0 == Self.outputPlaceholder ? path : $0 }
        let output = BackpropTutor.execute(arguments)
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        if invocation.option.name == "o" {
            // import says what it wrote, in one line.
            #expect(output.standardOutput.isEmpty || invocation.arguments[0] == "import")
            #expect(FileManager.default.fileExists(atPath: path))
        } else if invocation.arguments.contains(Self.outputPlaceholder) {
            #expect(!output.standardOutput.isEmpty)
            #expect(FileManager.default.fileExists(atPath: path))
        } else {
            #expect(!output.standardOutput.isEmpty)
        }
    }

    @Test("the table has options to test (a guard against an empty parameter list)")
    func tableIsNotEmpty() {
        #expect(Self.allInvocations.count >= 8)
        #expect(CommandTable.specs.map(\.name) == CommandTable.commandTypes.map { $0.spec.name })
        #expect(Set(CommandTable.specs.map(\.name)).count == CommandTable.specs.count, "command names are unique")
    }

    @Test(
        "help lists every command and every option; each command's help lists its options",
        arguments: CommandTable.specs)
    func helpAgreesWithTable(_ command: CommandSpec) {
        let help = CommandTable.help
        #expect(help.contains("  \(command.name)"))
        let commandHelp = BackpropTutor.execute(["help", command.name])
        #expect(commandHelp.exitCode == 0)
        #expect(commandHelp.standardOutput.hasPrefix("usage: \(command.usage)\n"))
        for option in command.options {
            #expect(help.contains(option.spelling))
            #expect(
                commandHelp.standardOutput.contains(option.spelling), "\(command.name) help lacks \(option.spelling)")
            #expect(command.usage.contains("[\(option.spelling)"))
        }
    }

    @Test("closed value lists come from the enums: formats, colour, notation")
    func allowedValuesFromEnums() {
        #expect(StepCommand.format.spec.allowedValues == OutputFormat.all(with: .singleSteps).map(\.rawValue))
        #expect(ExportCommand.format.spec.allowedValues == OutputFormat.all(with: .exportDocuments).map(\.rawValue))
        // The formats the README documents are among them.
        #expect(Set(["text", "latex", "markdown", "json"]).isSubset(of: StepCommand.format.spec.allowedValues ?? []))
        #expect(
            Set(["latex", "markdown", "beamer", "cheatsheet"]).isSubset(of: ExportCommand.format.spec.allowedValues ?? []))
        #expect(TraceCommand.format.spec.allowedValues == TraceFormat.allCases.map(\.rawValue))
        #expect(CommonOptions.color.spec.allowedValues == ColorChoice.allCases.map(\.rawValue))
        #expect(CommonOptions.notation.spec.allowedValues == NotationChoice.names)
        #expect(CommonOptions.notation.spec.allowedValues == NotationChoice.names)
    }

    /// Every numeric option of every command, with a value that is not a number of its kind.
    static let numericOptions: [(command: String, option: OptionSpec)] = CommandTable.specs.flatMap { command in
        command.options.filter { $0.rule != nil }.map { (command.name, $0) }
    }

    @Test("numeric options are checked by the scanner: hexadecimal, words, inf and out of range are usage errors")
    func numericOptionsRefuseNonNumbers() throws {
        try #require(Self.numericOptions.count >= 10)
        for (command, option) in Self.numericOptions {
            for bad in ["0x10", "abc", "inf", "nan", "1e999", "-5", ""] {
                let output = BackpropTutor.execute([command, "--" + option.name, bad])
                #expect(output.exitCode == 64, "\(command) \(option.spelling) \(bad)")
                let first = output.standardError.split(separator: "\n").first.map(String.init) ?? ""
                #expect(first.contains(option.spelling) && first.contains("takes"), "\(command): \(first)")
            }
        }
    }

    @Test("closed lists name what is allowed: train --scheme sideways lists the schemes")
    func closedListNamesChoices() {
        let output = BackpropTutor.execute(["train", "--scheme", "sideways"])
        #expect(output.exitCode == 64)
        #expect(output.standardError.contains("batch, stochastic, minibatch"))
    }

    @Test("parsing: positionals, flags, -h, typed values, and errors for repeats and values on flags")
    func scanner() throws {
        let parsed = try ArgumentScanner.parse(["step", "12", "--lesson", "xor", "--format", "latex"])
        #expect(parsed.positionals == ["12"])
        #expect(parsed.value(CommonOptions.lesson) == "xor")
        #expect(parsed.value(StepCommand.format) == .latex)
        #expect(parsed.value(CommonOptions.color) == nil)
        #expect(try ArgumentScanner.parse(["trace", "-h"]).isHelpRequested)
        #expect(try !ArgumentScanner.parse(["trace"]).isHelpRequested)
        #expect(try ArgumentScanner.parse(["check", "--all"]).isSet(CommonOptions.all))
        #expect(throws: CLIError.self) { try ArgumentScanner.parse(["trace", "--lesson", "a", "--lesson", "b"]) }
        #expect(throws: CLIError.self) { try ArgumentScanner.parse(["check", "--all=yes"]) }
        #expect(throws: CLIError.self) { try ArgumentScanner.parse([]) }
    }

    @Test("the check's bar in help comes from GradientCheck.passingBar")
    func checkBarInHelp() throws {
        let check = try #require(CommandTable.spec(named: "check"))
        #expect(check.summary.hasSuffix("(exit 1 above 1e-7)"))
        #expect(CommandTable.help.contains("even above 2000 parameters"))
    }
}
