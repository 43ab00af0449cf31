import BackpropTestSupport
import BackpropTutorCLI
import Foundation
import Testing

/// Snapshots of what users read most: help, the step and lesson lists, a gradient-check table
/// and a text trace. Re-record with `BACKPROP_RECORD_GOLDENS=1 swift test` (the run then
/// fails) and review the diff like code.
@Suite("Snapshots")
struct SnapshotTests {
    /// Where the snapshots are kept.
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var file: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["--help"], file: "help.txt"),
        Case(arguments: ["help", "step"], file: "help-step.txt"),
        Case(arguments: ["steps"], file: "steps.txt"),
        Case(arguments: ["lessons"], file: "lessons.txt"),
        Case(arguments: ["check", "--lesson", "ng-lecture"], file: "check-ng-lecture.txt"),
        Case(arguments: ["trace", "--lesson", "mazur", "--format", "text"], file: "trace-mazur.txt"),
        Case(arguments: ["train", "--lesson", "iris"], file: "train-iris.txt"),
    ]

    @Test("stdout matches its snapshot, exit 0, nothing on stderr", arguments: cases)
    func snapshot(_ testCase: Case) {
        let output = BackpropTutor.execute(testCase.arguments)
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        // Snapshots live in Snapshots/ beside this file, like swift-argument-parser's help snapshots.
        GoldenFile.check(output.standardOutput, named: testCase.file, in: Self.snapshots)
    }
}
