import BackpropCore
import Foundation
import Testing

/// `"data": {"file": …}`: a lesson that names its data file instead of listing samples.
@Suite("Lesson data files")
struct LessonDataFileTests {
    static let csv = "w,h,kind\n1,10,a\n2,20,b\n3,30,a\n4,40,b\n5,50,a\n6,60,b\n7,70,a\n8,80,b\n9,90,a\n10,100,b\n"

    static func lessonText(_ data: String, layers: String = "[2, 3, 2]") -> String {
        """
        {"title": "t", "layers": \(layers), "activation": "sigmoid",
         "init": {"method": "uniform", "seed": 2}, "data": \(data)}
        """
    }

    /// Writes `files` into a fresh folder; returns the folder.
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("data-lesson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test("the samples, classes and scaling are those import makes from the same file; jsonText names the file again")
    func csvData() throws {
        let data = #"{"file": "d.csv", "label": "kind", "split": "60/20/20", "seed": 3}"#
        let folder = try Self.folder(["d.csv": Self.csv, "l.json": Self.lessonText(data)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = try Lesson.load(contentsOf: folder.appendingPathComponent("l.json"), displayName: "l.json")
        let table = try CSVReader.read(Array(Self.csv.utf8), file: "d.csv")
        let sets = try LessonImport.sets(
            LessonImport.rows(from: table, labels: ["kind"], features: nil), split: DataSplit("60/20/20") ?? .all,
            seed: 3, scaling: .minMax, file: "d.csv")
        #expect(lesson.samples == sets.training && lesson.validationSamples == sets.validation)
        #expect(lesson.testSamples == sets.test && lesson.samples.count == 6)
        #expect(lesson.classes == ["a", "b"])
        #expect(lesson.inputScaling == sets.scaling && lesson.inputScaling?.method == .minMax)
        let text = lesson.jsonText
        let compact = text.filter { !$0.isWhitespace }
        #expect(compact.contains(#""data":{"file":"d.csv","label":"kind","split":"60/20/20","seed":3}"#), "\(text)")
        #expect(!text.contains("\"samples\""))
        var again = try Lesson.decode(text, file: "again.json", directory: folder.path)
        again.weightSource = lesson.weightSource  // listed now, drawn by "init" before
        #expect(again == lesson)
    }

    @Test("an Octave-written .mat file by absolute path: X and y by default, unscaled")
    func matData() throws {
        let mat = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Data/ex4-data.mat").path
        let lesson = try Lesson.decode(
            Self.lessonText(#"{"file": "\#(mat)", "split": "100/0/0"}"#, layers: "[6, 5, 4]"), file: "l.json",
            directory: "/")
        #expect(lesson.samples.count == 20 && lesson.inputScaling == nil)
        #expect(lesson.classes == ["1", "2", "3", "4"])
    }

    @Test(
        "problems name the lesson, the data file, its line and the fix",
        arguments: [
            (
                #"{"file": "missing.csv", "label": "kind"}"#, "[2, 3, 2]",
                "l.json:2:52: data.file: cannot read missing.csv: no such file"
            ),
            (#"{"file": "d.csv"}"#, "[2, 3, 2]", "data.label: a CSV or TSV file needs \"label\""),
            (
                #"{"file": "bad.csv", "label": "kind"}"#, "[2, 3, 2]",
                "data: bad.csv: line 3: this row has 2 fields but the header has 3"
            ),
            (
                #"{"file": "d.csv", "label": "kind"}"#, "[2, 3, 3]",
                "layers: the data has 2 inputs and 2 classes but the layers are 2-3-3"
            ),
            (
                #"{"file": "d.csv", "label": "kind", "split": "50/50/50"}"#, "[2, 3, 2]",
                "data.split: \"50/50/50\" is not"
            ),
            (#"{"file": "d.csv", "label": "kind", "shuffle": true}"#, "[2, 3, 2]", "data.shuffle: unknown field"),
        ])
    func refused(_ data: String, _ layers: String, _ fragment: String) throws {
        let folder = try Self.folder([
            "d.csv": Self.csv, "bad.csv": "w,h,kind\n1,2,a\n3,b\n", "l.json": Self.lessonText(data, layers: layers),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Lesson.load(contentsOf: folder.appendingPathComponent("l.json"), displayName: "l.json")
            Issue.record("accepted \(data)")
        } catch {
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.description.contains("fix: "))
        }
    }

    @Test("\"data\" with listed samples, or without a lesson folder, is refused")
    func conflicts() {
        let withSamples = Self.lessonText(#"{"file": "d.csv", "label": "kind"}"#)
            .replacingOccurrences(of: "\"data\":", with: "\"samples\": [], \"data\":")
        #expect(throws: LessonError.self) { try Lesson.decode(withSamples, file: "l.json", directory: "/") }
        do {
            _ = try Lesson.decode(Self.lessonText(#"{"file": "d.csv", "label": "kind"}"#), file: "l.json")
            Issue.record("accepted without a folder")
        } catch {
            #expect(error.description.contains("must be loaded from a file"))
        }
    }
}
