import BackpropCore
import BackpropDiagnosis
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `--variant K` on every command that reads a lesson, and the worksheet's round trip: the
/// numbers of student K's pass are right for `diagnose --variant K` and wrong for the lesson as
/// written.
@Suite struct VariantCommandTests {
    @Test(
        "every lesson command takes --variant and shows that student's weights",
        arguments: [
            ["step", "5"], ["lesson"], ["trace", "--format", "text"], ["export", "--format", "worksheet"],
            ["export", "--format", "latex", "--steps", "5"],
        ])
    func everyCommand(_ command: [String]) throws {
        let variant = try LessonFixtures.lesson("mazur").variant(4)
        let output = BackpropTutor.execute(command + ["--lesson", "mazur", "--variant", "4"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        // A single step prints no title; documents and the trace name the variant.
        if command[0] != "step" { #expect(output.standardOutput.contains("variant 4")) }
        // A weight of the variant as the lesson gives it (2 decimals), e.g. −0.13.
        let w = variant.network.weights[0][0, 1]
        let shown = String(format: "%.2f", abs(w))
        #expect(output.standardOutput.contains(shown), "\(command): no \(shown)")
    }

    @Test("--variant refuses what is not 0…9999")
    func badVariant() {
        for value in ["-1", "10000", "x", "1.5"] {
            let output = BackpropTutor.execute(["step", "5", "--variant", value])
            #expect(output.exitCode == 64, "\(value): \(output.standardError)")
            #expect(output.standardError.contains("--variant"))
        }
    }

    @Test("student K's numbers are right for diagnose --variant K and wrong for the lesson as written")
    func diagnoseVariant() throws {
        let lesson = try LessonFixtures.lesson("mazur").variant(5)
        let values = DiagnoseCommandTests.learnerValues(
            DiagnosisPass(lesson: lesson, mistake: CorrectPass()), layerCount: lesson.network.layerCount)
        let text = DiagnoseCommandTests.write(values, as: .octave)
        let input = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let right = BackpropTutor.execute(["diagnose", "-", "--lesson", "mazur", "--variant", "5"], input: input)
        #expect(right.exitCode == 0, "\(right.standardOutput)\(right.standardError)")
        let asWritten = BackpropTutor.execute(["diagnose", "-", "--lesson", "mazur"], input: input)
        #expect(asWritten.exitCode == 1)
        // A wrong value sends the student to the step with their own numbers.
        let wrongInput = input.map { $0.hasPrefix("J = ") ? "J = 12.5;" : $0 }
        let wrong = BackpropTutor.execute(["diagnose", "-", "--lesson", "mazur", "--variant", "5", "--notation", "mazur"], input: wrongInput)
        #expect(wrong.standardOutput.contains("Read: backprop-tutor step 7 --lesson mazur --variant 5 --notation mazur"), "\(wrong.standardOutput)")
    }
}

/// `--weight` also chooses step 12's worked update in Mazur's notation (issue 22).
@Suite struct WorkedUpdateWeightTests {
    @Test("step 12 works the update of the chosen weight, checked against Mazur's published w⁺", arguments: [
        ("w6", "w₆⁺", "0.408666186"), ("w1", "w₁⁺", "0.149780716"), ("w5", "w₅⁺", "0.358916480"),
    ])
    func workedUpdate(_ name: String, _ symbol: String, _ published: String) {
        let output = BackpropTutor.execute(["step", "12", "--lesson", "mazur", "--precision", "9", "--weight", name])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        let start = lines.firstIndex { $0.hasPrefix(symbol + " = ") }
        #expect(start != nil, "no worked update for \(symbol)")
        if let start { #expect(lines[start + 2].contains("= " + published), "\(lines[start...start + 2])") }
    }
}
