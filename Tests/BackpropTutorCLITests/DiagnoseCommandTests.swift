import BackpropCore
import BackpropDiagnosis
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `diagnose` end to end: numbers made by each mistake's own pass, written as a learner would
/// (JSON, Octave text, numpy printouts), diagnosed back to that mistake's id.
@Suite struct DiagnoseCommandTests {
    enum Form: String, CaseIterable, Sendable { case json, octave, numpy }

    static func number(_ x: Double) -> String { String(format: "%.17g", locale: Locale(identifier: "en_US_POSIX"), x) }

    static func write(_ values: [(String, Matrix)], as form: Form) -> String {
        switch form {
        case .json:
            let members = values.map { name, m in
                "\"\(name)\": [" + m.rowList.map { "[" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            }
            return "{\"values\": {" + members.joined(separator: ", ") + "}}"
        case .octave:
            return values.map { name, m in
                "\(name) = [" + m.rowList.map { $0.map(number).joined(separator: " ") }.joined(separator: "; ") + "];"
            }.joined(separator: "\n") + "\n"
        case .numpy:
            return values.map { name, m in
                "\(name) = array([" + m.rowList.map { "[" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ",\n       ") + "])"
            }.joined(separator: "\n") + "\n"
        }
    }

    /// What a learner prints from ex4's vectorised code: J, the δs, Δ and the gradients.
    static func learnerValues(_ pass: DiagnosisPass, layerCount L: Int) -> [(String, Matrix)] {
        var values: [(String, Matrix)] = [("J", pass.values[.cost]!)]
        for l in stride(from: L, through: 2, by: -1) { values.append(("delta\(l)", pass.values[.delta(l)]!)) }
        for l in 1..<L {
            values.append(("Theta\(l)_grad", pass.values[.gradient(l)]!))
            values.append(("Theta\(l)_new", pass.values[.updatedWeights(l)]!))
        }
        return values
    }

    static func run(_ text: String, lesson: String, format: String = "json") -> CommandOutput {
        BackpropTutor.execute(
            ["diagnose", "-", "--lesson", lesson, "--format", format],
            input: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var lesson: String
        var mistake: String
        var testDescription: String { "\(mistake) on \(lesson)" }
    }

    static let cases = ["ng-gradcheck-lambda3", "ng-lecture"].flatMap { lesson in
        MistakeCatalogue.all.map { Case(lesson: lesson, mistake: $0.id) }
    }

    @Test(arguments: cases)
    func everyMistakeInEveryForm(_ c: Case) throws {
        let lesson = try LessonFixtures.lesson(c.lesson)
        let mistake = try #require(MistakeCatalogue.mistake(id: c.mistake))
        let values = Self.learnerValues(DiagnosisPass(lesson: lesson, mistake: mistake), layerCount: lesson.network.layerCount)
        for form in Form.allCases {
            let output = Self.run(Self.write(values, as: form), lesson: c.lesson)
            #expect(output.exitCode == 1, "\(form): \(output.standardError)")
            #expect(output.standardOutput.contains("\"id\": \"\(c.mistake)\""), "\(form): \(output.standardOutput.prefix(600))")
        }
    }

    @Test(arguments: Form.allCases)
    func rightAnswersExitZero(_ form: Form) throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")
        let values = Self.learnerValues(DiagnosisPass(lesson: lesson, mistake: CorrectPass()), layerCount: lesson.network.layerCount)
        let output = Self.run(Self.write(values, as: form), lesson: "ng-lecture", format: "text")
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("Every value you gave is right."))
    }

    @Test("one sample's vectors, as ex4's loop prints them: a column with the bias unit")
    func oneSampleColumn() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        let pass = DiagnosisPass(lesson: lesson, mistake: CorrectPass())
        let a2 = [1] + pass.values[.activation(2)]!.row(1)
        let text = "% sample 2\na2 = [" + a2.map(Self.number).joined(separator: "; ") + "];\n"
        let output = Self.run(text, lesson: "ng-gradcheck", format: "text")
        #expect(output.exitCode == 0, "\(output.standardOutput + output.standardError)")
        #expect(output.standardOutput.contains("(sample 2)"))
    }

    @Test(
        "unknown names, wrong shapes and garbage: one line naming the file and line, exit 1",
        arguments: [
            ("J = 0.5\nfoo = [1 2]\n", "standard input:2: 'foo'"),
            ("delta3 = [1 2; 3]\n", "standard input:1: delta3 has rows of 2 and 1"),
            ("delta3 = [1 x 2]\n", "standard input:1: delta3 holds 'x'"),
            ("just some words\n", "standard input:1:"),
            ("{\"values\": {\"J\": \"high\"}}", "standard input:1: J holds a string"),
            ("{\"values\": [1, 2]", "standard input:1:"),
            ("", "standard input: no values found"),
        ])
    func badAnswers(_ text: String, _ message: String) {
        let output = Self.run(text, lesson: "xor", format: "text")
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(lines)")
        #expect(output.standardError.contains(message), "\(output.standardError)")
        #expect(output.standardError.contains("fix:"))
    }

    @Test("a wrong shape is reported, not crashed on")
    func wrongShape() {
        let output = Self.run("{\"values\": {\"delta3\": [[1, 2, 3]]}}", lesson: "xor", format: "json")
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.contains("\"status\": \"shape\""))
    }
}

/// `check --inject`: the gradient check as a bug detector.
@Suite struct InjectedCheckTests {
    @Test("a hidden-layer mistake fails the check in Θ⁽¹⁾ only; the correct pass and an update mistake pass")
    func injected() {
        let missing = BackpropTutor.execute(["check", "--lesson", "ng-gradcheck", "--inject", "missing-derivative"])
        #expect(missing.exitCode == 1)
        #expect(missing.standardOutput.contains("20 of 20 in Θ⁽¹⁾, 0 of 18 in Θ⁽²⁾"))
        #expect(missing.standardOutput.split(separator: "\n").last?.contains("(FAILS)") == true)
        #expect(missing.standardOutput.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let cost = BackpropTutor.execute(["check", "--lesson", "ng-gradcheck", "--inject", "cost-no-average"])
        #expect(cost.exitCode == 1)
        let update = BackpropTutor.execute(["check", "--lesson", "ng-gradcheck", "--inject", "update-sign"])
        #expect(update.exitCode == 0)
        let unknown = BackpropTutor.execute(["check", "--inject", "typo"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.standardError.contains("missing-derivative"))
    }
}

/// Answers saved by Octave itself (`save -text` and `save -v7`, compressed), read through the
/// data layer's readers. Made in Tests/BackpropTutorCLITests/Fixtures with:
/// `octave-cli --eval 'J = 2.1009505699; d3 = [0.1 0.2 0.3]; note = "not a number";
///  save("-text", "octave-answers.txt", "J", "d3", "note"); save("-v7", "octave-answers.mat", "J", "d3", "note");'`
@Suite struct OctaveSavedAnswerTests {
    @Test(arguments: ["octave-answers.txt", "octave-answers.mat"])
    func savedFiles(_ name: String) {
        let path = CommandTableTests.fixtures.appendingPathComponent(name).path
        let output = BackpropTutor.execute(["diagnose", path, "--lesson", "ng-gradcheck", "--format", "json"])
        #expect(output.exitCode == 1, "\(output.standardError)")
        #expect(output.standardOutput.contains("\"firstWrong\": \"d3\""), "\(output.standardOutput)")
        #expect(output.standardOutput.contains("\"status\": \"right\""))  // J = 2.1009505699, Ng's published cost
    }
}
