import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `--sample test:K` / `validation:K` on the narration commands, and `train`'s list of the
/// misclassified test samples, each checked against a forward pass written out here.
@Suite("held-out samples")
struct HeldOutSampleTests {
    /// a⁽ᴸ⁾ of a network with no hidden layer and the 15 Steps' (tanh z + 1)/2, by hand.
    static func irisOutput(_ theta: Matrix, _ x: [Double]) -> (z: [Double], a: [Double]) {
        let z = (0..<theta.rows).map { i in (0..<x.count).reduce(theta[i, 0]) { $0 + theta[i, $1 + 1] * x[$1] } }
        return (z, z.map { (Foundation.tanh($0) + 1) / 2 })
    }

    @Test("step 6 --sample test:10 shows test sample 10's input, weighted inputs and outputs")
    func stepTestSample() throws {
        let lesson = try LessonLibrary.load("iris")
        let sample = lesson.testSamples[9]
        let (z, a) = Self.irisOutput(lesson.network.weights[0], sample.x)
        let output = BackpropTutor.execute(["step", "6", "--lesson", "iris", "--sample", "test:10", "--color", "never"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let text = output.standardOutput
        #expect(text.contains("Sample 10 of the test set goes through the network"))
        func fixed(_ values: [Double]) -> String {
            "[" + values.map { String(format: "%.4f", $0) }.joined(separator: "  ") + "]"
        }
        #expect(text.contains(fixed(z)), "z = \(fixed(z))")
        #expect(text.contains(fixed(a)), "a = \(fixed(a))")
        // Step 6 names the winner (review F18), the largest of the outputs computed here.
        let winner = a.indices.max { a[$0] < a[$1] }!
        let classes = try #require(lesson.classes)
        let target = sample.y.firstIndex(of: 1)!
        let verdict = winner == target ? "right" : "wrong"
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            words.contains(
                "Its largest output is unit \(winner + 1)'s, \(String(format: "%.4f", a[winner])), so the network puts sample 10 of the test set in \(classes[winner]); its target is \(classes[target]), so the prediction is \(verdict)."
            ), "\(words)")
        // Not the training sample 10.
        let training = Self.irisOutput(lesson.network.weights[0], lesson.samples[9].x)
        #expect(!text.contains(fixed(training.a)))
    }

    @Test("validation:K the same way; out-of-range and missing sets are usage errors naming the range")
    func validationAndErrors() throws {
        let lesson = try LessonLibrary.load("iris")
        let (_, a) = Self.irisOutput(lesson.network.weights[0], lesson.validationSamples[2].x)
        let output = BackpropTutor.execute(["step", "6", "--lesson", "iris", "--sample", "validation:3"])
        #expect(
            output.standardOutput.contains("[" + a.map { String(format: "%.4f", $0) }.joined(separator: "  ") + "]"))
        expectUsageError(
            ["step", "6", "--lesson", "iris", "--sample", "test:38"], mentioning: "test samples are 1 to 37")
        expectUsageError(["step", "6", "--lesson", "xor", "--sample", "test:1"], mentioning: "has no test samples")
        expectUsageError(
            ["step", "6", "--lesson", "iris", "--sample", "76"],
            mentioning: "(held-out samples: validation:1…38, test:1…37)")
        for bad in ["test:", "test:0", "exam:1", ":1", "test:-1", "1:test"] {
            expectUsageError(["step", "6", "--lesson", "iris", "--sample", bad], mentioning: "test:K or validation:K")
        }
        let lessonText = BackpropTutor.execute(["lesson", "--lesson", "iris", "--sample", "test:2", "--color", "never"])
        #expect(lessonText.exitCode == 0)
        #expect(lessonText.standardOutput.contains("sample 2 of the test set"))
    }

    @Test("train lists the misclassified test samples: the same ones and count as a forward pass of the saved weights")
    func misclassifiedList() throws {
        let file = try TemporaryFile(contents: "", name: "unused")
        defer { file.remove() }
        let save = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent("t.json").path
        let output = BackpropTutor.execute(["train", "--lesson", "iris", "--save", save, "--color", "never"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let trained = try Lesson.load(contentsOf: URL(fileURLWithPath: save), displayName: "t.json")
        // Independent count: argmax of the hand-computed outputs against the target's 1.
        var wrong: [Int] = []
        for (index, sample) in trained.testSamples.enumerated() {
            let a = Self.irisOutput(trained.network.weights[0], sample.x).a
            let predicted = a.indices.max { a[$0] < a[$1] }!
            if sample.y[predicted] != 1 { wrong.append(index + 1) }
        }
        #expect(!wrong.isEmpty)
        let text = output.standardOutput
        #expect(text.contains("misclassified test samples (\(wrong.count)):"))
        #expect(text.contains("= \(wrong.count)/\(trained.testSamples.count)"))
        let listed = lines(text).drop { !$0.hasPrefix("misclassified test samples") }.dropFirst(3)
            .prefix { $0.first == " " || $0.first?.isNumber == true }
            .compactMap { Int($0.split(separator: " ").first ?? "") }
        #expect(listed == wrong)
        // The hint names the option that steps through one of them.
        #expect(text.contains("--sample test:K"))
    }
}
