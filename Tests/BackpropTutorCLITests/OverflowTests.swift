import Foundation
import Testing

@testable import BackpropTutorCLI

@Suite("Lessons whose numbers overflow")
struct OverflowTests {
    static let lesson = """
        {"title": "huge", "layers": [2, 1], "activation": "linear", "loss": "squared-error",
         "weights": [[[1e300, 1e300, 1e300]]], "samples": [{"x": [1e300, 1], "y": [0]}]}
        """

    @Test(
        "every command refuses them with exit 1, a fix, and no output file",
        arguments: [
            ["trace"], ["check"], ["step", "12"], ["lesson"], ["export", "--format", "latex", "-o", "OUT"],
        ])
    func refused(_ command: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bt-overflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("huge.json")
        try Self.lesson.write(to: file, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.tex").path
        let arguments = command.map { $0 == "OUT" ? output : $0 } + ["--lesson", file.path]
        let result = BackpropTutor.execute(arguments)
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("overflows"))
        #expect(result.standardError.contains("fix:"))
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
