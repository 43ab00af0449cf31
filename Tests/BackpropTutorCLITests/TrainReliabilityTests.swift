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

    @Test("F5: --save into a missing directory fails at once, before any training, and writes nothing")
    func saveIntoMissingDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // 100,000 digits epochs would take minutes; nothing on standard output (train writes its
        // head before the first epoch) shows the refusal came first. No wall-clock bound here:
        // timings belong in benchmarks (README), not in tests on a shared machine.
        let output = BackpropTutor.execute([
            "train", "--lesson", "xor", "--epochs", "100000", "--plot", scratch.path("p.svg"),
            "--save", scratch.path("missing/s.json"),
        ])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty, "trained before failing: \(output.standardOutput.prefix(200))")
        #expect(output.standardError.contains("missing/s.json: cannot write the output: the directory"), "\(output.standardError)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("p.svg")))
    }

    @Test("F5: an existing --plot file without --force, and --plot and --save naming one file, fail before training")
    func existingAndSamePaths() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let existing = try scratch.write("old.svg", "old")
        let exists = BackpropTutor.execute(["train", "--lesson", "digits", "--epochs", "100000", "--plot", existing])
        #expect(exists.exitCode == 1)
        #expect(exists.standardOutput.isEmpty)
        #expect(exists.standardError.contains("the file exists; add --force"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "old")
        let same = scratch.path("x.json")
        expectUsageError(
            ["train", "--lesson", "xor", "--plot", same, "--save", scratch.directory + "/./x.json"],
            mentioning: "name the same file")
        #expect(!FileManager.default.fileExists(atPath: same))
    }

    @Test("F5: a directory without write permission is refused before training", .enabled(if: geteuid() != 0))
    func readOnlyDirectory() throws {
        let scratch = try Scratch()
        defer {
            chmod(scratch.directory, 0o755)
            scratch.remove()
        }
        chmod(scratch.directory, 0o555)
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--save", scratch.path("s.json")])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("choose a writable directory"))
    }

    static let diverging = """
        {"title": "too fast", "layers": [2, 2, 1], "activation": "sigmoid", "loss": "cross-entropy",
         "init": {"method": "uniform", "epsilon": 0.12, "seed": 3}, "learningRate": 1e300, "lambda": 1e300,
         "epochs": 50, "samples": [{"x": [0, 0], "y": [0]}, {"x": [0, 1], "y": [1]}, {"x": [1, 0], "y": [1]}]}
        """

    @Test("F7: after divergence --save is refused (exit 1, nothing written); train names step 15's and trace's epoch")
    func divergence() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lesson = try scratch.write("fast.json", Self.diverging)
        let output = BackpropTutor.execute([
            "train", "--lesson", lesson, "--save", scratch.path("s.json"), "--plot", scratch.path("p.svg"),
        ])
        #expect(output.exitCode == 1)
        #expect(output.standardError.contains("s.json: cannot write the output: not written: training diverged"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("s.json")))
        #expect(FileManager.default.fileExists(atPath: scratch.path("p.svg")), "the plot shows the divergence")
        let trace = BackpropTutor.execute(["trace", "--lesson", lesson])
        let note = try #require(lines(trace.standardOutput).last { $0.hasPrefix("training diverged at epoch ") })
        let epoch = note.dropFirst("training diverged at epoch ".count).prefix { $0.isNumber }
        #expect(output.standardOutput.contains("stopped: training diverged at epoch \(epoch):"), "\(output.standardOutput)")
        let step = BackpropTutor.execute(["step", "15", "--lesson", lesson])
        #expect(step.standardOutput.contains("Training diverged at epoch \(epoch):"))
    }

    @Test("F7: a starting cost of NaN (inputs ∞) is refused as step and check refuse it, not reported as 100% accuracy")
    func nanStart() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lesson = try scratch.write(
            "nan.json",
            #"{"title": "t", "layers": [2, 1], "activation": "sigmoid", "loss": "cross-entropy", "weights": [[[0.1, 0.2, 0.3]]], "inputDivisor": 5e-324, "samples": [{"x": [1, 0], "y": [1]}, {"x": [0, 1], "y": [0]}]}"#
        )
        let output = BackpropTutor.execute(["train", "--lesson", lesson])
        let step = BackpropTutor.execute(["step", "12", "--lesson", lesson])
        #expect(step.exitCode == 1)
        #expect(output.exitCode == 1)
        #expect(output.standardError == step.standardError)
        #expect(!output.standardOutput.contains("100.0%"))
    }
}

