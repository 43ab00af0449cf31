import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// Weights in Nielsen's, the 15 Steps' and Mazur's layouts and `"label"` targets: the lessons
/// in Fixtures/Layouts were converted from built-in Ng-layout lessons by `convert.py` (its own
/// rules, not this code), and each must trace exactly as the lesson it came from.
@Suite("Weight layouts")
struct WeightLayoutTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Layouts")

    @Test(
        "each converted lesson gives the same network, samples and trace as its Ng-layout original",
        arguments: [("xor-nielsen", "xor"), ("ng-lecture-tulleken", "ng-lecture"), ("mazur-mazur", "mazur")])
    func sameTrace(_ converted: String, _ original: String) throws {
        let lesson = try Lesson.load(
            contentsOf: Self.folder.appendingPathComponent(converted + ".json"), displayName: converted + ".json")
        let reference = try LessonFixtures.lesson(original)
        #expect(lesson.network == reference.network)
        #expect(lesson.samples == reference.samples)
        #expect(Tracer.trace(lesson) == Tracer.trace(reference))
    }

    @Test("Mazur's numbering: w1 i₁→h₁, w2 i₂→h₁, w3 i₁→h₂, w5 h₁→o₁, as in his post (w5 = 0.40, w8 = 0.55)")
    func mazurNumbering() throws {
        let lesson = try Lesson.load(
            contentsOf: Self.folder.appendingPathComponent("mazur-mazur.json"), displayName: "mazur-mazur.json")
        let sizes = [2, 2, 2]
        #expect(WeightLayout.mazurWeightNumber(layerSizes: sizes, layer: 1, i: 1, j: 2) == 2)
        #expect(WeightLayout.mazurWeightNumber(layerSizes: sizes, layer: 1, i: 2, j: 1) == 3)
        #expect(WeightLayout.mazurWeightNumber(layerSizes: sizes, layer: 2, i: 1, j: 1) == 5)
        // Θ⁽²⁾ row 1 = [b2, w5, w6], row 2 = [b2, w7, w8] with Mazur's published values.
        #expect(lesson.network.weights[1] == Matrix([[0.60, 0.40, 0.45], [0.60, 0.50, 0.55]]))
    }

    static let base = """
        {"title": "t", "layers": [2, 3, 1], "activation": "sigmoid", "loss": "cross-entropy",
         WEIGHTS,
         "samples": [{"x": [0, 1], "label": 1}, {"x": [1, 1], "y": [0]}]}
        """

    static func lesson(_ weights: String) -> String { base.replacingOccurrences(of: "WEIGHTS", with: weights) }

    @Test("the 15 Steps' W of a square shape is read as W, not as Θ (review F21): transposed, bias row last")
    func squareW() throws {
        // 2-3-1: W⁽¹⁾ is 3 × 3, the same shape as Θ⁽¹⁾; each field says which it is.
        let w = #""W": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1], [2], [3], [4]]]"#
        let lesson = try Lesson.decode(Self.lesson(w), file: "w.json")
        // Unit 1 of layer 2: bias 7 (last row), weights 1 (from x₁) and 4 (from x₂).
        #expect(lesson.network.weights[0] == Matrix([[7, 1, 4], [8, 2, 5], [9, 3, 6]]))
        #expect(lesson.network.weights[1] == Matrix([[4, 1, 2, 3]]))
        #expect(lesson.samples.map(\.y) == [[1], [0]])
        let nielsen = #""w": [[[1, 4], [2, 5], [3, 6]], [[1, 2, 3]]], "b": [[7, 8, 9], [4]]"#
        #expect(try Lesson.decode(Self.lesson(nielsen), file: "n.json").network == lesson.network)
    }

    @Test("labels: with K outputs, k in 1…K is one-hot at unit k; with one output, 0 or 1 is the target")
    func labels() throws {
        let three = """
            {"title": "t", "layers": [1, 3], "activation": "softmax", "init": {"method": "ng-debug"},
             "samples": [{"x": [0], "label": 3}, {"x": [1], "label": 1}]}
            """
        #expect(try Lesson.decode(three, file: "l.json").samples.map(\.y) == [[0, 0, 1], [1, 0, 0]])
    }

    @Test(
        "mistakes name the file, the place and the fix",
        arguments: [
            (
                #""W": [[[1, 2, 3], [4, 5, 6]], [[1], [2], [3], [4]]]"#, "W[0]", "has 2 rows but needs 3",
                "bias row last"
            ),
            (#""w": [[[1, 4], [2, 5], [3, 6]], [[1, 2, 3]]]"#, "b", "needs both \"w\" and \"b\"", "\"b\": [b²"),
            (#""w": [[[1, 4], [2, 5], [3, 6]], [[1, 2, 3]]], "b": [[7, 8], [4]]"#, "b[0]", "3", "layer 2"),
            (
                #""weights": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 2, 3, 4]]], "W": []"#, "W", "given twice",
                "keep one"
            ),
            (#""mazurWeights": {"w1": 1, "w2": 2}"#, "mazurWeights", "\"w3\" is missing", "w1 i1→h1"),
            (#""mazurWeights": {"w1": 1, "w99": 2}"#, "mazurWeights.w99", "unknown weight", "mazurWeights"),
        ])
    func mistakes(_ weights: String, _ path: String, _ problem: String, _ fix: String) throws {
        let error = try #require(decodingError(Self.lesson(weights), file: "bad.json"))
        let text = error.description
        #expect(text.hasPrefix("bad.json:"), "\(text)")
        #expect(error.invalidPath == path, "\(text)")
        #expect(text.contains(problem), "\(text)")
        #expect(text.contains(fix), "\(text)")
    }

    @Test("a label out of range, or a target given twice, is refused at the sample")
    func labelMistakes() throws {
        let w = #""W": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1], [2], [3], [4]]]"#
        let outOfRange = Self.lesson(w).replacingOccurrences(of: #""label": 1"#, with: #""label": 2"#)
        let error = try #require(decodingError(outOfRange, file: "bad.json"))
        #expect(error.invalidPath == "samples[0].label")
        #expect(error.description.contains("from 0 to 1"))
        let twice = Self.lesson(w).replacingOccurrences(of: #""label": 1"#, with: #""label": 1, "y": [1]"#)
        let second = try #require(decodingError(twice, file: "bad.json"))
        #expect(second.invalidPath == "samples[0].label")
        #expect(second.description.contains("twice"))
    }
}
