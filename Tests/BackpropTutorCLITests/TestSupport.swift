import BackpropTutorCLI
import Foundation
import Testing

/// The package's files, found from this source file so tests run from any directory.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BackpropTutorCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let lessonsDirectory = packageRoot.appendingPathComponent("lessons")

    /// The names of lessons/*.json, without `.json`, sorted.
    static func lessonFileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }
}

/// A temporary lesson file, removed when the test is done with it.
struct TemporaryFile {
    let path: String

    init(contents: String, name: String = "lesson.json") throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backprop-tutor-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        path = url.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}

/// The lines of a stream's text, without the empty string after a final newline.
func lines(_ text: String) -> [Substring] {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false)
    if result.last == "" { result.removeLast() }
    return result
}

/// Expects a usage error: exit 64, nothing on stdout, and on stderr exactly one message line
/// starting `backprop-tutor: ` followed by one `usage: ` line.
func expectUsageError(
    _ arguments: [String], mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let output = BackpropTutor.execute(arguments)
    #expect(
        output.exitCode == 64, "\(arguments): exit \(output.exitCode), stderr \(output.standardError)",
        sourceLocation: sourceLocation)
    #expect(output.standardOutput.isEmpty, sourceLocation: sourceLocation)
    let errorLines = lines(output.standardError)
    #expect(errorLines.count == 2, "\(output.standardError)", sourceLocation: sourceLocation)
    #expect(errorLines.first?.hasPrefix("backprop-tutor: ") == true, sourceLocation: sourceLocation)
    #expect(errorLines.first?.contains(fragment) == true, "\(output.standardError)", sourceLocation: sourceLocation)
    #expect(
        errorLines.last?.hasPrefix("usage: backprop-tutor") == true, "\(output.standardError)",
        sourceLocation: sourceLocation)
}
