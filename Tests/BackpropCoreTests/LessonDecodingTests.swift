import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// Lesson.decode on good and bad input: every bad lesson gives a LessonError naming the file,
/// the JSON path and a fix, never a crash.
@Suite("Lesson decoding")
struct LessonDecodingTests {
    /// A valid 2-2-1 lesson; each bad case edits one thing.
    static let valid = """
        {
          "title": "t",
          "layers": [2, 2, 1],
          "activation": "sigmoid",
          "loss": "cross-entropy",
          "weights": [
            [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
            [[0.7, 0.8, 0.9]]
          ],
          "samples": [{"x": [0, 1], "y": [1]}, {"x": [1, 1], "y": [0]}],
          "learningRate": 0.5,
          "lambda": 0
        }
        """

    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "the fixture has no \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    @Test("the valid fixture decodes, with the fields it gives")
    func validFixture() throws {
        let lesson = try Lesson.decode(Self.valid, file: "t.json")
        #expect(lesson.network.layerSizes == [2, 2, 1])
        #expect(lesson.network.activations == [.sigmoid, .sigmoid])
        #expect(lesson.network.loss == .crossEntropy)
        #expect(lesson.network.weights[1] == Matrix([[0.7, 0.8, 0.9]]))
        #expect(lesson.samples == [.init(x: [0, 1], y: [1]), .init(x: [1, 1], y: [0])])
        #expect(lesson.learningRate == 0.5)
        #expect(lesson.updatesBiases)
        #expect(lesson.epochs == Lesson.defaultEpochs)
        #expect(lesson.weightSource == .given)
    }

    @Test("every shipped lesson file decodes", arguments: LessonFixtures.allNames)
    func shippedLessons(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        #expect(!lesson.samples.isEmpty)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        /// The JSON path the error must name.
        var path: String
        /// Words the problem or fix must contain.
        var fragment: String
        var testDescription: String { name }
    }

    static let bigLayers = "[2, " + Array(repeating: "1024", count: 3).joined(separator: ", ") + ", 1]"

    static let badCases: [BadCase] = [
        BadCase(
            name: "missing field (no layers)", json: replacing("\"layers\": [2, 2, 1],", with: ""),
            path: "layers", fragment: "missing field \"layers\""),
        BadCase(
            name: "unknown field with a suggestion", json: replacing("\"learningRate\"", with: "\"lerningRate\""),
            path: "lerningRate", fragment: "did you mean \"learningRate\"?"),
        BadCase(
            name: "unknown activation",
            json: replacing("\"activation\": \"sigmoid\"", with: "\"activation\": \"sigmod\""),
            path: "activation", fragment: "unknown value \"sigmod\" (did you mean \"sigmoid\"?)"),
        BadCase(
            name: "unknown activation in a list",
            json: replacing("\"activation\": \"sigmoid\"", with: "\"activation\": [\"tanh\", \"swoosh\"]"),
            path: "activation[1]", fragment: "unknown value \"swoosh\""),
        BadCase(
            name: "unknown loss", json: replacing("\"loss\": \"cross-entropy\"", with: "\"loss\": \"hinge\""),
            path: "loss", fragment: "unknown value \"hinge\" use one of"),  // no guess that far off
        BadCase(
            name: "wrong row count", json: replacing("[[0.7, 0.8, 0.9]]", with: "[[0.7, 0.8, 0.9], [1, 2, 3]]"),
            path: "weights[1]", fragment: "has 2 rows but needs 1"),
        BadCase(
            name: "wrong column count", json: replacing("[[0.7, 0.8, 0.9]]", with: "[[0.7, 0.8]]"),
            path: "weights[1][0]", fragment: "has 2 numbers but needs 3"),
        BadCase(
            name: "wrong number of matrices", json: replacing(",\n    [[0.7, 0.8, 0.9]]", with: ""),
            path: "weights", fragment: "has 1 matrix but"),
        BadCase(
            name: "x of the wrong length",
            json: replacing("{\"x\": [0, 1], \"y\": [1]}", with: "{\"x\": [0, 1, 2], \"y\": [1]}"),
            path: "samples[0].x", fragment: "has 3 numbers"),
        BadCase(
            name: "y of the wrong length",
            json: replacing("{\"x\": [1, 1], \"y\": [0]}", with: "{\"x\": [1, 1], \"y\": [0, 1]}"),
            path: "samples[1].y", fragment: "has 2 numbers"),
        BadCase(
            name: "fewer than 2 layers", json: replacing("\"layers\": [2, 2, 1]", with: "\"layers\": [2]"),
            path: "layers", fragment: "2 to 10 layers"),
        BadCase(
            name: "a zero-size layer", json: replacing("\"layers\": [2, 2, 1]", with: "\"layers\": [2, 0, 1]"),
            path: "layers[1]", fragment: "whole number from 1"),
        BadCase(
            name: "softmax on a hidden layer",
            json: replacing("\"activation\": \"sigmoid\"", with: "\"activation\": [\"softmax\", \"sigmoid\"]"),
            path: "activation[0]", fragment: "softmax may only be the output layer"),
        BadCase(
            name: "softmax for every layer of a 3-layer net",
            json: replacing("\"activation\": \"sigmoid\"", with: "\"activation\": \"softmax\""),
            path: "activation", fragment: "softmax may only be the output layer"),
        BadCase(
            name: "softmax with squared error",
            json: replacing(
                "\"activation\": \"sigmoid\",\n  \"loss\": \"cross-entropy\"",
                with: "\"activation\": [\"sigmoid\", \"softmax\"],\n  \"loss\": \"squared-error\""),
            path: "loss", fragment: "softmax outputs need the cross-entropy loss"),
        BadCase(
            name: "cross-entropy with a linear output",
            json: replacing("\"activation\": \"sigmoid\"", with: "\"activation\": [\"sigmoid\", \"linear\"]"),
            path: "activation", fragment: "cross-entropy needs a sigmoid or softmax output"),
        BadCase(
            name: "a string where a number belongs", json: replacing("[0.1, 0.2, 0.3]", with: "[0.1, \"0.2\", 0.3]"),
            path: "weights[0][0][1]", fragment: "expected a number, found a string"),
        BadCase(
            name: "a string for lambda", json: replacing("\"lambda\": 0", with: "\"lambda\": \"zero\""),
            path: "lambda", fragment: "expected a number"),
        BadCase(
            name: "negative lambda", json: replacing("\"lambda\": 0", with: "\"lambda\": -1"),
            path: "lambda", fragment: "must not be negative"),
        BadCase(
            name: "negative learningRate", json: replacing("\"learningRate\": 0.5", with: "\"learningRate\": -0.5"),
            path: "learningRate", fragment: "must not be negative"),
        BadCase(
            name: "empty sample list",
            json: replacing("[{\"x\": [0, 1], \"y\": [1]}, {\"x\": [1, 1], \"y\": [0]}]", with: "[]"),
            path: "samples", fragment: "empty"),
        BadCase(
            name: "a layer of 100000 units",
            json: replacing("\"layers\": [2, 2, 1]", with: "\"layers\": [2, 100000, 1]"),
            path: "layers[1]", fragment: "from 1 to \(LessonLimits.maximumUnits)"),
        BadCase(
            name: "parameter count over the limit",
            json: replacing("\"layers\": [2, 2, 1]", with: "\"layers\": \(bigLayers)"),
            path: "layers", fragment: "more than the limit of \(LessonLimits.maximumParameters)"),
        BadCase(
            name: "too many layers",
            json: replacing(
                "\"layers\": [2, 2, 1]",
                with: "\"layers\": [" + Array(repeating: "2", count: 11).joined(separator: ", ") + "]"),
            path: "layers", fragment: "found 11"),
        BadCase(
            name: "both weights and init",
            json: replacing("\"lambda\": 0", with: "\"lambda\": 0, \"init\": {\"method\": \"ng-debug\"}"),
            path: "init", fragment: "given twice, by \"weights\" and \"init\""),
        BadCase(
            name: "neither weights nor init",
            json: replacing(
                "\"weights\": [\n    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],\n    [[0.7, 0.8, 0.9]]\n  ],", with: ""),
            path: "weights", fragment: "neither \"weights\" nor \"init\""),
        BadCase(
            name: "cross-entropy target outside [0, 1]", json: replacing("\"y\": [1]", with: "\"y\": [2]"),
            path: "samples[0].y[0]", fragment: "must lie in [0, 1]"),
        BadCase(
            name: "fractional epochs", json: replacing("\"lambda\": 0", with: "\"lambda\": 0, \"epochs\": 2.5"),
            path: "epochs", fragment: "whole number"),
        BadCase(
            name: "unknown field in a sample",
            json: replacing("{\"x\": [0, 1], \"y\": [1]}", with: "{\"x\": [0, 1], \"y\": [1], \"w\": 1}"),
            path: "samples[0].w", fragment: "unknown field \"w\""),
        BadCase(
            name: "updateBiases not a Boolean",
            json: replacing("\"lambda\": 0", with: "\"lambda\": 0, \"updateBiases\": \"no\""),
            path: "updateBiases", fragment: "expected true or false"),
        BadCase(
            name: "unknown init method",
            json: replacing(
                "\"weights\": [\n    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],\n    [[0.7, 0.8, 0.9]]\n  ],",
                with: "\"init\": {\"method\": \"xavier\"},"),
            path: "init.method", fragment: "unknown value \"xavier\""),
        BadCase(name: "top level not an object", json: "[1, 2]", path: "", fragment: "not an object"),
    ]

    @Test("bad lessons give LessonError.invalid with the JSON path and a fix", arguments: badCases)
    func invalidLesson(_ bad: BadCase) throws {
        let error = try #require(decodingError(bad.json, file: "bad.json"), "decoding should have failed")
        guard case .invalid(let file, _, _, let path, let problem, let fix) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(file == "bad.json")
        #expect(path == bad.path, "\(error)")
        #expect(!fix.isEmpty)
        let description = error.description
        #expect(description.hasPrefix("bad.json"), "\(description)")
        let place = bad.path.isEmpty ? "the lesson" : bad.path
        #expect(description.contains(": \(place): "), "\(description)")
        #expect(description.contains("; fix: "), "\(description)")
        #expect((problem + " " + fix).contains(bad.fragment), "\(description)")
        #expect(!description.contains("\n"), "one line: \(description)")
    }

    static let oddDocuments: [String] = [
        "null", "{}", "[]", "\"lesson\"", "42", "{\"title\": \"\"}", "{\"title\": 3}",
        "{\"title\": \"t\", \"layers\": \"2-2-1\"}", "{\"title\": \"t\", \"layers\": [2, -1]}",
        "{\"title\": \"t\", \"layers\": [2, 1e9]}", "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": []}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"weights\": [[[1, 2, 3]]], \"samples\": [1]}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"weights\": [[[1, 2, 3]]], \"samples\": [{\"x\": [1, 2]}]}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"weights\": [[1, 2, 3]], \"samples\": []}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"init\": {\"method\": \"uniform\", \"epsilon\": 0}, \"samples\": []}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"init\": {\"method\": \"uniform\", \"seed\": -1}, \"samples\": []}",
        "{\"title\": \"t\", \"layers\": [2, 1], \"activation\": \"sigmoid\", \"init\": \"ng-debug\", \"samples\": []}",
        "{\"title\": \"t\", \"layers\": [2, 2], \"activation\": \"softmax\", \"init\": {\"method\": \"ng-debug\"}, \"samples\": [{\"x\": [1, 2], \"y\": [0.5, 0.6]}]}",
        "{\"title\": \"t\", \"layers\": [2, 2], \"activation\": \"sigmoid\", \"init\": {\"method\": \"ng-debug\"}, \"classes\": [\"a\"], \"samples\": [{\"x\": [1, 2], \"y\": [0, 1]}]}",
        "{\"\": 1}", String(repeating: "[", count: 100_000),
    ]

    @Test("odd documents give a LessonError, never a crash", arguments: oddDocuments)
    func oddDocument(_ text: String) throws {
        let error = try #require(decodingError(text, file: "odd.json"))
        #expect(error.description.hasPrefix("odd.json"), "\(error)")
        if case .invalid = error { #expect(error.description.contains("; fix: ")) }
    }

    @Test(
        "F6: title, summary and class names are limited in characters and in UTF-8 bytes, exactly at N",
        arguments: [
            ("title", String(repeating: "a", count: 200), true), ("title", String(repeating: "a", count: 201), false),
            ("title", String(repeating: "\u{E9}", count: 200), true),  // 400 bytes
            ("title", "Z" + String(repeating: "\u{301}", count: 600), false),  // 1 character, 1,201 bytes
            ("summary", String(repeating: "a", count: 10_000), true),
            ("summary", String(repeating: "a", count: 10_001), false),
            ("summary", String(repeating: "\u{3042}", count: 10_000), true),  // 30,000 bytes
            ("summary", "a" + String(repeating: "\u{301}", count: 20_000), false),  // 40,001 bytes
            ("classes", String(repeating: "b", count: 200), true), ("classes", String(repeating: "b", count: 201), false),
            ("classes", "b" + String(repeating: "\u{301}", count: 500), false),  // 1,001 bytes
        ])
    func textLimits(_ field: String, _ text: String, _ accepted: Bool) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Self.valid.utf8)) as? [String: Any])
        object[field] = field == "classes" ? [text] : text
        let data = try JSONSerialization.data(withJSONObject: object)
        let error = decodingError(String(decoding: data, as: UTF8.self))
        if accepted {
            #expect(error == nil, "\(String(describing: error))")
        } else {
            let message = try #require(error).description
            #expect(message.contains("bytes in UTF-8"), "\(message)")
        }
    }

    @Test("F11: a lesson that is a list is refused at its '[' without building the list's tree")
    func topLevelList() throws {
        // 4 MB of nested lists, then a syntax error: reading the lists would report the error
        // at the end (and build a tree 40 times the text); the '[' alone says it is no lesson.
        let text = "\n  [" + Array(repeating: "[[[[[[[0]]]]]]]", count: 260_000).joined(separator: ",") + "] oops"
        let error = try #require(decodingError(text, file: "list.json"))
        guard case .invalid(_, let line, let column, _, let problem, _) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(line == 2 && column == 3, "\(error)")
        #expect(problem == "the top level is a list, not an object")
    }

    @Test("errors point at the line and column of the offending value")
    func errorPosition() throws {
        let error = try #require(decodingError(Self.replacing("\"lambda\": 0", with: "\"lambda\": -1")))
        guard case .invalid(_, let line, let column, _, _, _) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(line == 12)
        #expect(column == 13)
        #expect(error.description.hasPrefix("test.json:12:13: lambda: "))
    }

    @Test("malformed JSON names the line and column")
    func malformedJSON() throws {
        let text = Self.replacing("\"lambda\": 0\n", with: "\"lambda\": 0,\n")
        let error = try #require(decodingError(text, file: "broken.json"))
        guard case .malformedJSON(let file, let line, let column, let problem) = error else {
            Issue.record("expected .malformedJSON, got \(error)")
            return
        }
        #expect(file == "broken.json")
        #expect(line == 13 && column == 1, "\(error)")
        #expect(problem.contains("field name"))
        #expect(error.description.hasPrefix("broken.json:13:1: not valid JSON: "))
    }

    @Test(
        "NaN, Infinity and 1e400 are refused as malformed JSON with their position",
        arguments: [
            ("NaN", 13), ("Infinity", 13), ("-Infinity", 14), ("1e400", 13),
        ])
    func nonFiniteNumbers(_ literal: String, _ column: Int) throws {
        let text = Self.replacing("\"lambda\": 0", with: "\"lambda\": \(literal)")
        let error = try #require(decodingError(text))
        guard case .malformedJSON(_, let line, let errorColumn, let problem) = error else {
            Issue.record("expected .malformedJSON, got \(error)")
            return
        }
        #expect(line == 12)
        #expect(errorColumn == column, "\(error)")
        #expect(problem.contains("NaN and Infinity") || problem.contains("too large"), "\(problem)")
        #expect(error.description.contains("test.json:12:\(column)"))
    }

    @Test("a missing file is LessonError.unreadable naming the file")
    func missingFile() throws {
        let url = URL(fileURLWithPath: "/tmp/backprop-tutor-tests-\(UUID().uuidString)/absent.json")
        do {
            _ = try Lesson.load(contentsOf: url, displayName: "absent.json")
            Issue.record("loading a missing file succeeded")
        } catch {
            guard case .unreadable(let file, let reason) = error else {
                Issue.record("expected .unreadable, got \(error)")
                return
            }
            #expect(file == "absent.json")
            #expect(!reason.isEmpty)
            #expect(error.description.hasPrefix("absent.json: cannot read the lesson file"))
        }
    }

    @Test("defaults: notation ng, loss cross-entropy, α 0.5, λ 0; one activation name fills every layer")
    func defaults() throws {
        let lesson = try Lesson.decode(
            """
            {"title": "d", "layers": [1, 3, 2, 1], "activation": "tanh", "loss": "squared-error",
             "init": {"method": "ng-debug"}, "samples": [{"x": [0.5], "y": [-0.25]}]}
            """, file: "d.json")
        #expect(lesson.notation == "ng")
        #expect(lesson.network.activations == [.tanh, .tanh, .tanh])
        #expect(lesson.learningRate == Lesson.defaultLearningRate)
        #expect(lesson.lambda == 0)
        let implicitLoss = try Lesson.decode(
            """
            {"title": "d", "layers": [1, 1], "activation": "sigmoid",
             "init": {"method": "ng-debug"}, "samples": [{"x": [0.5], "y": [1]}]}
            """, file: "d.json")
        #expect(implicitLoss.network.loss == .crossEntropy)
    }
}
