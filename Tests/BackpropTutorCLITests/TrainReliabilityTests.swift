import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `train` on the lessons the third reliability review found it crashing on or losing work
/// with (issue 25): a single named output class, costs at the ends of the double range,
/// divergence, and output paths that cannot be written.
@Suite("train: reliability")
struct TrainReliabilityTests {
    /// A directory of its own for one test's files, removed afterwards.
    struct Scratch {
        let directory: String
        init() throws {
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("backprop-tutor-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            directory = url.path
        }
        func path(_ name: String) -> String { directory + "/" + name }
        func write(_ name: String, _ contents: String) throws -> String {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path(name)))
            return path(name)
        }
        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static let oneNamedClass = """
        {"title": "one output, one class name", "layers": [2, 1], "activation": "sigmoid",
         "loss": "cross-entropy", "weights": [[[0.1, 0.2, 0.3]]], "classes": ["spam"], "epochs": 3,
         "samples": [{"x": [1, 0], "y": [1]}, {"x": [0, 1], "y": [0]}]}
        """

    @Test("F1: one output unit with one class name: a report labelled 'not spam'/'spam', the plot and the saved lesson")
    func oneNamedClass() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lesson = try scratch.write("oneclass.json", Self.oneNamedClass)
        let output = BackpropTutor.execute([
            "train", "--lesson", lesson, "--plot", scratch.path("p.svg"), "--save", scratch.path("s.json"),
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let matrix = lines(output.standardOutput).drop { !$0.hasPrefix("confusion matrix") }
        #expect(matrix.dropFirst().first?.contains("not spam") == true, "\(output.standardOutput)")
        #expect(matrix.contains { $0.hasPrefix("spam ") }, "\(output.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("p.svg")))
        #expect(try LessonLibrary.load(scratch.path("s.json")).classes == ["spam"])
    }

    @Test("F1: the review lesson deep-6-layers (2-2-2-2-2-1, classes [\"positive\"]) trains")
    func deepSixLayers() {
        let path = Fixtures.packageRoot.appendingPathComponent("Tests/ReviewLessons/deep-6-layers.json").path
        let output = BackpropTutor.execute(["train", "--lesson", path, "--epochs", "2"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("not positive"))
    }

    @Test(
        "F3: train plots costs among the subnormal numbers and near the largest double, and saves",
        arguments: [
            #"{"title":"tiny cost","layers":[1,1],"activation":"linear","loss":"squared-error","weights":[[[0.0,0.0]]],"samples":[{"x":[0],"y":[4.445517498970155e-162]}],"learningRate":1,"epochs":3}"#,
            #"{"title":"huge cost","layers":[2,1],"activation":"linear","loss":"squared-error","weights":[[[0.0,1.0,1.0]]],"samples":[{"x":[0,0],"y":[0]}],"learningRate":0,"lambda":1.7e308,"epochs":3}"#,
            #"{"title":"falling cost","layers":[2,1],"activation":"linear","loss":"squared-error","weights":[[[0.0,1.0,1.0]]],"samples":[{"x":[0,0],"y":[0]}],"learningRate":5.88235294117647e-309,"lambda":1.7e308,"epochs":3}"#,
        ])
    func extremeCosts(_ lesson: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("lesson.json", lesson)
        let output = BackpropTutor.execute([
            "train", "--lesson", path, "--plot", scratch.path("p.svg"), "--save", scratch.path("s.json"),
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("final cost J"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("p.svg")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("s.json")))
    }
}

