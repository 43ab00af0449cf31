import Testing

@testable import BackpropTutorCLI

@Suite("Colour rules")
struct TerminalEnvironmentTests {
    @Test("auto colours only a terminal with NO_COLOR unset; always and never override")
    func rules() {
        let terminal = TerminalEnvironment(isTerminal: true, isColorDisabled: false)
        let noColor = TerminalEnvironment(isTerminal: true, isColorDisabled: true)
        #expect(terminal.usesColor(.auto))
        #expect(!noColor.usesColor(.auto))
        #expect(!TerminalEnvironment.pipe.usesColor(.auto))
        #expect(TerminalEnvironment.pipe.usesColor(.always))
        #expect(!terminal.usesColor(.never))
    }

    @Test("a pipe gets no escape codes; --color always gets them")
    func command() {
        #expect(!BackpropTutor.execute(["step", "12"], terminal: .pipe).standardOutput.contains("\u{1B}"))
        #expect(
            BackpropTutor.execute(["step", "12", "--color", "always"], terminal: .pipe).standardOutput.contains(
                "\u{1B}["))
        let terminal = TerminalEnvironment(isTerminal: true, isColorDisabled: false)
        #expect(BackpropTutor.execute(["step", "12"], terminal: terminal).standardOutput.contains("\u{1B}["))
    }

    @Test("--sample, --precision and --notation are validated with the valid range in the message")
    func validation() {
        let sample = BackpropTutor.execute(["step", "12", "--sample", "3"])
        #expect(sample.exitCode == 64)
        #expect(sample.standardError.contains("from 1 to 2"))
        let precision = BackpropTutor.execute(["step", "12", "--precision", "20"])
        #expect(precision.exitCode == 64)
        #expect(precision.standardError.contains("0 to 12"))
        let notation = BackpropTutor.execute(["step", "12", "--notation", "bishop"])
        #expect(notation.exitCode == 64)
        #expect(notation.standardError.contains("ng, nielsen, tulleken"))
    }

    @Test("steps lists 15 titles; lesson prints all 15 steps in order")
    func stepsAndLesson() {
        let titles = BackpropTutor.execute(["steps"]).standardOutput.split(separator: "\n")
        #expect(titles.count == 15)
        #expect(titles[11].contains("12. Backpropagation for one sample"))
        let lesson = BackpropTutor.execute(["lesson", "--lesson", "xor"]).standardOutput
        var position = lesson.startIndex
        for number in 1...15 {
            guard let found = lesson.range(of: "Step \(number) · ", range: position..<lesson.endIndex) else {
                Issue.record("step \(number) missing or out of order")
                return
            }
            position = found.upperBound
        }
    }
}

@Suite("Misspellings")
struct MisspellingTests {
    @Test("a misspelt command or option is answered with a suggestion, exit 64")
    func suggestions() {
        let command = BackpropTutor.execute(["stpe", "12"])
        #expect(command.exitCode == 64)
        #expect(command.standardError.contains("did you mean 'step'?"))
        let option = BackpropTutor.execute(["step", "12", "--notaton", "ng"])
        #expect(option.exitCode == 64)
        #expect(option.standardError.contains("did you mean '--notation'?"))
    }
}
