import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropDiagnosis

/// Answers printed by a real Octave run of ex4's vectorised code (Octave/ex4_answers.m, whose
/// header gives the command), read back and diagnosed: numbers that did not come from this
/// package's code.
@Suite struct OctaveAnswerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Octave")

    static func diagnosis(_ mistake: String) throws -> Diagnosis {
        let text = try String(contentsOf: folder.appendingPathComponent("answers-\(mistake).txt"), encoding: .utf8)
        let answers = try AnswerFile(text: text)
        return try Diagnosis(lesson: try LessonFixtures.lesson("ng-gradcheck-lambda3"), answers: answers)
    }

    @Test func rightAnswersAreRight() throws {
        let diagnosis = try Self.diagnosis("none")
        #expect(diagnosis.findings.count == 6)
        #expect(diagnosis.findings.allSatisfy { $0.status == .right }, "\(diagnosis.findings.map { ($0.given.name, $0.status) })")
        #expect(diagnosis.findings.first { $0.given.name == "a2" }?.layoutNote == "with the bias unit")
    }

    @Test(arguments: [
        ("missing-derivative", "d2"), ("regularization-half", "Theta1_grad"), ("error-sign", "d3"),
    ])
    func mistakesAreNamed(_ mistake: String, _ firstWrong: String) throws {
        let diagnosis = try Self.diagnosis(mistake)
        #expect(diagnosis.firstWrong?.given.name == firstWrong)
        #expect(diagnosis.explanation?.mistake.id == mistake)
    }
}
