import BackpropCore
import Foundation

/// The built-in lessons, read from the package's `lessons/` folder (found from this source
/// file, so tests run from any directory).
///
/// The list of names comes from the folder itself: a lesson added to `lessons/` is seen by
/// every suite that iterates `names`, with nothing to update here.
public enum LessonFixtures {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BackpropTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `lessons/`.
    public static let directory = packageRoot.appendingPathComponent("lessons")

    /// The built-in data sets too large for the per-lesson loops of a debug test run (every
    /// step × notation × format, full traces with every sample recorded, LaTeX compiles):
    /// digits has 1,297 training samples and 1,885 weights, so a full trace records ~10 million
    /// numbers. Their own tests (TrainerTests, TrainCommandTests, DataSetLessonTests) cover them
    /// with small runs.
    public static let largeDataSets = ["digits"]

    /// The lessons the per-lesson loops run over: `allNames` without `largeDataSets`.
    public static let names: [String] = allNames.filter { !largeDataSets.contains($0) }

    /// The names of `lessons/*.json`, without `.json`, sorted.
    ///
    /// Stops the test run if the folder cannot be listed or holds no lesson: an empty list
    /// would make every suite that iterates it pass without testing anything.
    public static let allNames: [String] = {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            preconditionFailure("cannot list \(directory.path): \(error)")
        }
        let names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
        precondition(!names.isEmpty, "\(directory.path) holds no lesson")
        return names
    }()

    /// `lessons/<name>.json`.
    public static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name + ".json")
    }

    /// The JSON text of `lessons/<name>.json`.
    public static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// `lessons/<name>.json`, loaded and validated.
    public static func lesson(_ name: String) throws -> Lesson {
        try Lesson.load(contentsOf: url(name), displayName: name + ".json")
    }

    /// `lessons/<name>.json`, loaded and traced with the tracer's defaults.
    public static func trace(_ name: String) throws -> Trace {
        Tracer.trace(try lesson(name))
    }

    /// `Tests/ReviewLessons/`: the lessons the export review (issue 12) wrote to break the
    /// exports (hidden layers six deep, a 4-6-5-3 net, LaTeX and Markdown specials, Unicode
    /// beyond T1, …), the round-3 truth review's four lessons (`h3-*`: three tanh layers with λ,
    /// ReLU regression with two outputs, four-class softmax with frozen biases, one sample with
    /// no hidden layer) and its probe lessons (`at-kink`, `near-kink`: a ReLU unit at and 3e-5
    /// from z = 0; `saturate`: saturated sigmoids), copied here so the tests run on a fresh
    /// clone. All are small (at most 5 samples), so suites that loop over them stay fast.
    public static let reviewDirectory = packageRoot.appendingPathComponent("Tests/ReviewLessons")

    /// The review lessons' names, sorted; stops the run if there are none (see `names`).
    public static let reviewNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: reviewDirectory.path)) ?? []
        let names = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
        precondition(!names.isEmpty, "\(reviewDirectory.path) holds no lesson")
        return names
    }()

    /// `Tests/ReviewLessons/<name>.json`.
    public static func reviewURL(_ name: String) -> URL {
        reviewDirectory.appendingPathComponent(name + ".json")
    }

    /// A review lesson, loaded and validated.
    public static func reviewLesson(_ name: String) throws -> Lesson {
        try Lesson.load(contentsOf: reviewURL(name), displayName: name + ".json")
    }
}
