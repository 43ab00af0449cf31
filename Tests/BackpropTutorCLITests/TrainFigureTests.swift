import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `train --map`, `--hidden-images` and the terminal's decision map.
@Suite("train figures")
struct TrainFigureTests {
    /// Counts of start tags by `class`, and the texts of `<text>` elements.
    final class ClassCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var captions: [String] = []
        private var inCaption = false
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if let name = attributes["class"] { counts[name, default: 0] += 1 }
            inCaption = attributes["class"] == "map-caption"
            if inCaption { captions.append("") }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inCaption { captions[captions.count - 1] += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inCaption = false
        }
    }

    static func parse(_ path: String) throws -> ClassCounter {
        let counter = ClassCounter()
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return counter
    }

    static func directory() throws -> (TemporaryFile, URL) {
        let file = try TemporaryFile(contents: "", name: "unused")
        return (file, URL(fileURLWithPath: file.path).deletingLastPathComponent())
    }

    @Test("xor --map: small multiples at the start, geometric epochs and the end, 4 marks on each")
    func xorMap() throws {
        let (file, folder) = try Self.directory()
        defer { file.remove() }
        let path = folder.appendingPathComponent("map.svg").path
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "40", "--map", path])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let svg = try Self.parse(path)
        // 40 epochs: 0, then 40^(k/5) = 2.09, 4.37, 9.14, 19.1 rounded, then the end.
        #expect(svg.captions == ["start", "epoch 2", "epoch 4", "epoch 9", "epoch 19", "epoch 40 (end)"])
        #expect(svg.counts["map-panel"] == 6)
        #expect(svg.counts["sample"] == 6 * 4)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test("the terminal's map: the samples in their cells (● class 1, ○ class 0) after the curves")
    func terminalMap() throws {
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--color", "never"])
        let text = output.standardOutput
        let start = try #require(text.range(of: "decision map after training: x₂ up, x₁ across\n"))
        let curves = try #require(text.range(of: "⠤⠤⠤⠤ training cost"))
        #expect(curves.lowerBound < start.lowerBound)
        let map = text[start.upperBound...].prefix { $0 != "f" }  // up to "final cost"
        #expect(map.filter { $0 == "●" }.count == 2 + 1)  // two samples and the key
        #expect(map.filter { $0 == "○" }.count == 2 + 1)
        // 20 rows of 20 two-character cells between the frame's bars.
        let rows = map.split(separator: "\n").filter { $0.contains("│") }
        #expect(rows.count == 20)
        for row in rows {
            let inside = row.drop { $0 != "│" }.dropFirst().prefix { $0 != "│" }
            #expect(inside.count == 40)
        }
        // The trained xor predicts class 1 at (0, 1): the top-left cell is full.
        #expect(rows.first?.contains("│████") == true)
        // No map for lessons that do not have two inputs.
        let iris = BackpropTutor.execute(["train", "--lesson", "iris", "--epochs", "1", "--color", "never"])
        #expect(!iris.standardOutput.contains("decision map"))
    }

    @Test("--map and --hidden-images are refused, before training and writing, for lessons they do not fit")
    func refusals() throws {
        let (file, folder) = try Self.directory()
        defer { file.remove() }
        let path = folder.appendingPathComponent("x.svg").path
        expectUsageError(["train", "--lesson", "iris", "--map", path], mentioning: "this lesson has 4 inputs")
        expectUsageError(
            ["train", "--lesson", "digits", "--map", path],
            mentioning: "--hidden-images FILE.svg draws what the hidden units")
        expectUsageError(
            ["train", "--lesson", "xor", "--hidden-images", path], mentioning: "--map FILE.svg draws the decision map")
        expectUsageError(
            ["train", "--lesson", "xor", "--map", path, "--plot", path],
            mentioning: "'--plot' and '--map' name the same file")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("digits --hidden-images: 25 images of 64 pixels, the trained Θ⁽¹⁾'s")
    func digitsHiddenImages() throws {
        let (file, folder) = try Self.directory()
        defer { file.remove() }
        let path = folder.appendingPathComponent("hidden.svg").path
        let save = folder.appendingPathComponent("trained.json").path
        let output = BackpropTutor.execute([
            "train", "--lesson", "digits", "--epochs", "1", "--hidden-images", path, "--save", save,
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let svg = try Self.parse(path)
        #expect(svg.counts["hidden-unit"] == 25)
        #expect(svg.counts["pixel"] == 25 * 64)
        // The images are of the trained weights: the same file as drawing the saved lesson's.
        let trained = try Lesson.load(contentsOf: URL(fileURLWithPath: save), displayName: "trained.json")
        let shape = try #require(trained.imageShape)
        let original = try LessonLibrary.load("digits")
        let expected = HiddenUnitImagesSVG(lessonTitle: original.title, shape: shape, network: trained.network)
            .document()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }
}

extension TrainFigureTests {
    @Test("your own data: a 2-column CSV of 3 classes maps with its column names, three shapes and the class letters")
    func csvMap() throws {
        let directory = try ImportCommandTests.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try ImportCommandTests.write(ImportCommandTests.clustersCSV(), "c.csv", in: directory)
        let lessonPath = directory.appendingPathComponent("lesson.json").path
        let imported = BackpropTutor.execute(["import", csv, "--label", "kind", "--learning-rate", "2", "-o", lessonPath])
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let mapPath = directory.appendingPathComponent("map.svg").path
        let output = BackpropTutor.execute([
            "train", "--lesson", lessonPath, "--epochs", "30", "--map", mapPath, "--color", "never",
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let text = output.standardOutput
        #expect(text.contains("decision map after training: height (min-max scaled) up, width (min-max scaled) across"))
        #expect(text.contains("A round  B tall  C flat"))
        let svg = try String(contentsOfFile: mapPath, encoding: .utf8)
        #expect(svg.contains(">width (min-max scaled)</text>") && svg.contains(">height (min-max scaled)</text>"))
        let lesson = try Lesson.load(contentsOf: URL(fileURLWithPath: lessonPath), displayName: "lesson.json")
        let all = lesson.samples.count + lesson.validationSamples.count + lesson.testSamples.count
        let counts = try Self.parse(mapPath).counts
        let panels = try #require(counts["map-panel"])
        #expect(counts["sample"] == all * panels)
        // One shape per class: circles (arcs), squares and triangles among the sample marks.
        #expect(svg.contains("class=\"sample\" data-set=\"training\" data-class=\"2\""))
    }

    @Test("demo and export take --sample test:K too")
    func demoAndExport() {
        let demo = BackpropTutor.execute(["demo", "--lesson", "iris", "--sample", "test:2", "--color", "never"])
        #expect(demo.exitCode == 0, "\(demo.standardError)")
        #expect(demo.standardOutput.contains("Sample 2 of the test set goes through the network"))
        let export = BackpropTutor.execute(["export", "--lesson", "iris", "--sample", "validation:5", "--format", "markdown"])
        #expect(export.exitCode == 0, "\(export.standardError)")
        #expect(export.standardOutput.contains("ample 5 of the validation set"))
    }
}

/// `--no-stop` and the log axis through the command.
@Suite("train --no-stop")
struct TrainNoStopTests {
    @Test("iris --epochs 12 stops at the validation rule (792 updates); with --no-stop it trains all 900")
    func noStop() {
        let stopped = BackpropTutor.execute(["train", "--lesson", "iris", "--epochs", "12", "--color", "never"])
        #expect(
            stopped.standardOutput.contains(
                "stopped: the validation regression error 0.0996 fell below 0.1 after 792 updates"))
        let past = BackpropTutor.execute([
            "train", "--lesson", "iris", "--epochs", "12", "--no-stop", "--color", "never",
        ])
        #expect(past.exitCode == 0, "\(past.standardError)")
        #expect(past.standardOutput.contains("stops: after 12 epochs\n"))
        #expect(past.standardOutput.contains("stopped: reached the limit of 12.00 epochs (900 updates)"))
    }

    @Test("xor's cost falls from 0.71 to 0.0055: the terminal plot's axis is logarithmic")
    func logAxisInTerminal() {
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--color", "never"])
        #expect(output.standardOutput.contains("\ncost (log scale)  ⠤⠤⠤⠤ training cost\n"))
        #expect(output.standardOutput.contains(" 0.01 ┤"))
    }
}
