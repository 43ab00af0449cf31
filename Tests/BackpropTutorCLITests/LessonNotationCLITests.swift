import BackpropTutorCLI
import Foundation
import Testing

/// A lesson file's notation is checked against the registry the CLI has: `mazur` loads, an
/// unknown name is an error that names the file, the field and every valid name.
@Suite("Lesson files name notations from the registry")
struct LessonNotationCLITests {
    func lessonFile(notation: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notation-\(UUID().uuidString).json")
            .path
        let json = """
            {"title": "t", "notation": "\(notation)", "layers": [2, 1], "activation": "sigmoid",
             "weights": [[[0.1, 0.2, 0.3]]], "samples": [{"x": [1, 0], "y": [1]}]}
            """
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a lesson written for Mazur's notation is told in it")
    func mazur() throws {
        let path = try lessonFile(notation: "mazur")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Step 1 states the notation (the other steps no longer repeat it); step 9 uses its names.
        let output = BackpropTutor.execute(["step", "1", "--lesson", path])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("Notation: Mazur"))
        #expect(BackpropTutor.execute(["step", "9", "--lesson", path]).standardOutput.contains("∂Eₜₒₜₐₗ/∂w"))
    }

    @Test("an unknown notation in a lesson file: exit 1, file, path and the registry's names")
    func unknown() throws {
        let path = try lessonFile(notation: "fancy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = BackpropTutor.execute(["step", "9", "--lesson", path])
        #expect(output.exitCode == 1)
        #expect(output.standardError.contains(path))
        #expect(output.standardError.contains("notation"))
        for name in ["ng", "nielsen", "tulleken", "mazur"] {
            #expect(output.standardError.contains("\"\(name)\""), "\(name) missing from the fix")
        }
    }

    @Test("the built-in mazur lesson defaults to Mazur's notation")
    func builtInMazur() {
        let output = BackpropTutor.execute(["step", "12", "--lesson", "mazur", "--precision", "8"])
        #expect(output.standardOutput.contains("w₅⁺ = w₅ − η · ∂Eₜₒₜₐₗ/∂w₅"))
        #expect(output.standardOutput.contains("= 0.35891648"))
    }
}
