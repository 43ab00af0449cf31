import BackpropTutorCLI
import Foundation
import Testing

/// Help and parser read the same table; these tests prove that every documented option parses.
@Suite("CommandTable")
struct CommandTableTests {
    /// Arguments that run `command` with `option` set, and a sensible value for it.
    static func invocations(_ command: CommandTable.Command, _ option: CommandTable.Option) -> [[String]] {
        var base = [command.name] + (command.name == "step" ? ["1"] : [])
        if command.name == "export" && option.name != "format" { base += ["--format", "markdown"] }
        guard option.valueName != nil else { return [base + [option.spelling]] }
        let values: [String]
        if let allowed = option.allowedValues {
            values = allowed
        } else if option.name == "lesson" {
            values = ["mazur"]
        } else if option.name == "o" {
            // A fresh path per invocation, so the file never exists yet.
            return [
                base + [
                    "-o",
                    FileManager.default.temporaryDirectory.appendingPathComponent("bt-\(UUID().uuidString).md").path,
                ]
            ]
        } else {
            values = ["1"]
        }
        return values.flatMap { value in
            [base + [option.spelling, value], base + ["\(option.spelling)=\(value)"]]
        }
    }

    struct Invocation: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var option: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let allInvocations: [Invocation] = CommandTable.commands.flatMap { command in
        command.options.flatMap { option in
            invocations(command, option).map { Invocation(arguments: $0, option: option.name) }
        }
    }

    @Test("every option of every command parses", arguments: allInvocations)
    func optionParses(_ invocation: Invocation) throws {
        let parsed = try ArgumentScanner.parse(invocation.arguments)
        #expect(parsed.command.name == invocation.arguments[0])
        #expect(parsed.options[invocation.option] != nil)
    }

    @Test("every option of every command runs to exit 0", arguments: allInvocations)
    func optionRuns(_ invocation: Invocation) {
        let output = BackpropTutor.execute(invocation.arguments)
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        #expect(!output.standardOutput.isEmpty || invocation.option == "o")
    }

    @Test("the table has options to test (a guard against an empty parameter list)")
    func tableIsNotEmpty() {
        #expect(Self.allInvocations.count >= 8)
        #expect(
            CommandTable.commands.map(\.name) == [
                "step", "steps", "lesson", "lessons", "trace", "check", "export", "help",
            ])
    }

    @Test(
        "help lists every command and every option; each command's help lists its options",
        arguments: CommandTable.commands)
    func helpAgreesWithTable(_ command: CommandTable.Command) {
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

    @Test("parsing: positionals, flags, -h, and errors for repeats and values on flags")
    func scanner() throws {
        let parsed = try ArgumentScanner.parse(["step", "12", "--lesson", "xor"])
        #expect(parsed.positionals == ["12"])
        #expect(parsed.value("lesson") == "xor")
        #expect(try ArgumentScanner.parse(["trace", "-h"]).isSet("help"))
        #expect(try ArgumentScanner.parse(["check", "--all"]).isSet("all"))
        #expect(throws: CLIError.self) { try ArgumentScanner.parse(["trace", "--lesson", "a", "--lesson", "b"]) }
        #expect(throws: CLIError.self) { try ArgumentScanner.parse(["check", "--all=yes"]) }
        #expect(throws: CLIError.self) { try ArgumentScanner.parse([]) }
    }
}
