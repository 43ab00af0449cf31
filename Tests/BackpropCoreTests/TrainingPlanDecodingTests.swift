import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// The lesson fields for `train` and data sets ("training", "image", "inputDivisor"): what
/// they decode to, and the located error each mistake gives.
@Suite("Lesson decoding: training, image, inputDivisor")
struct TrainingPlanDecodingTests {
    /// A 4-2 lesson with 4 training and 2 validation samples; each case adds fields.
    static func lesson(_ extra: String) -> String {
        """
        {
          "title": "t",
          "layers": [4, 2],
          "activation": "sigmoid",
          "weights": [[[0.1, 0.2, 0.3, 0.4, 0.5], [0.5, 0.4, 0.3, 0.2, 0.1]]],
          "samples": [{"x": [0, 16, 8, 4], "y": [1, 0]}, {"x": [16, 0, 0, 2], "y": [0, 1]},
                      {"x": [1, 2, 3, 4], "y": [1, 0]}, {"x": [4, 3, 2, 1], "y": [0, 1]}],
          "validation": [{"x": [0, 0, 0, 0], "y": [1, 0]}, {"x": [16, 16, 16, 16], "y": [0, 1]}]\(extra)
        }
        """
    }

    @Test("without \"training\" the plan is full-batch for the lesson's epochs")
    func defaultPlan() throws {
        let lesson = try Lesson.decode(Self.lesson(", \"epochs\": 7"), file: "t.json")
        #expect(lesson.training == nil)
        #expect(lesson.trainingPlan == TrainingPlan(scheme: .batch, seed: 0, stop: .init(epochs: 7)))
        #expect(lesson.imageShape == nil)
        #expect(lesson.samples[0].x == [0, 16, 8, 4])
    }

    @Test("a full training field, image and inputDivisor decode to what they say")
    func fullFields() throws {
        let lesson = try Lesson.decode(
            Self.lesson(
                """
                , "image": {"width": 2, "height": 2}, "inputDivisor": 16,
                  "training": {"scheme": "minibatch", "batchSize": 3, "seed": 9,
                               "stop": {"validationRegressionError": 0.05, "updates": 40, "epochs": 6}}
                """), file: "t.json")
        #expect(
            lesson.training
                == TrainingPlan(
                    scheme: .minibatch(size: 3), seed: 9,
                    stop: .init(validationRegressionError: 0.05, updates: 40, epochs: 6)))
        #expect(lesson.imageShape == Lesson.ImageShape(width: 2, height: 2))
        #expect(lesson.samples[0].x == [0, 1, 0.5, 0.25])
        #expect(lesson.validationSamples[1].x == [1, 1, 1, 1])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var extra: String
        var path: String
        var fragment: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown scheme", extra: #", "training": {"scheme": "online", "stop": {"epochs": 1}}"#,
            path: "training.scheme", fragment: "unknown value \"online\""),
        BadCase(
            name: "minibatch without batchSize", extra: #", "training": {"scheme": "minibatch", "stop": {"epochs": 1}}"#,
            path: "training.batchSize", fragment: "needs a \"batchSize\""),
        BadCase(
            name: "batchSize for stochastic",
            extra: #", "training": {"scheme": "stochastic", "batchSize": 2, "stop": {"epochs": 1}}"#,
            path: "training.batchSize", fragment: "only applies to the minibatch scheme"),
        BadCase(
            name: "batch larger than the training set",
            extra: #", "training": {"scheme": "minibatch", "batchSize": 5, "stop": {"epochs": 1}}"#,
            path: "training.batchSize", fragment: "more than the 4 training samples"),
        BadCase(
            name: "no stop", extra: #", "training": {"scheme": "batch"}"#, path: "training.stop",
            fragment: "missing field \"stop\""),
        BadCase(
            name: "a stop without a limit",
            extra: #", "training": {"stop": {"validationRegressionError": 0.1}}"#, path: "training.stop",
            fragment: "needs a limit"),
        BadCase(
            name: "a zero threshold", extra: #", "training": {"stop": {"validationRegressionError": 0, "updates": 5}}"#,
            path: "training.stop.validationRegressionError", fragment: "must be above 0"),
        BadCase(
            name: "zero updates", extra: #", "training": {"stop": {"updates": 0}}"#, path: "training.stop.updates",
            fragment: "whole number from 1"),
        BadCase(
            name: "a misspelt stop field", extra: #", "training": {"stop": {"epoch": 3}}"#,
            path: "training.stop.epoch", fragment: "did you mean \"epochs\"?"),
        BadCase(
            name: "a misspelt training field", extra: #", "training": {"sheme": "batch", "stop": {"epochs": 3}}"#,
            path: "training.sheme", fragment: "did you mean \"scheme\"?"),
        BadCase(
            name: "a negative seed", extra: #", "training": {"seed": -1, "stop": {"epochs": 3}}"#,
            path: "training.seed", fragment: "whole number"),
        BadCase(
            name: "training that is not an object", extra: #", "training": "minibatch""#, path: "training",
            fragment: "expected an object"),
        BadCase(
            name: "an image of the wrong size", extra: #", "image": {"width": 3, "height": 2}"#, path: "image",
            fragment: "a 3 × 2 image has 6 pixels but the network has 4 inputs"),
        BadCase(
            name: "an image without height", extra: #", "image": {"width": 4}"#, path: "image.height",
            fragment: "missing field \"height\""),
        BadCase(
            name: "an image of zero width", extra: #", "image": {"width": 0, "height": 4}"#, path: "image.width",
            fragment: "whole number from 1"),
        BadCase(
            name: "a zero inputDivisor", extra: #", "inputDivisor": 0"#, path: "inputDivisor",
            fragment: "must be above 0"),
    ]

    @Test("each mistake is one located error naming its path", arguments: badCases)
    func badCase(_ bad: BadCase) throws {
        do {
            _ = try Lesson.decode(Self.lesson(bad.extra), file: "bad.json")
            Issue.record("\(bad.name) decoded")
        } catch {
            guard case .invalid(let file, let line, _, let path, let problem, let fix) = error else {
                Issue.record("not a field error: \(error)")
                return
            }
            #expect(file == "bad.json")
            #expect(line != nil, "no line for \(bad.name)")
            #expect(path == bad.path)
            #expect((problem + " " + fix).contains(bad.fragment), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("a validation threshold without validation samples is refused")
    func thresholdNeedsValidation() throws {
        let text = Self.lesson(#", "training": {"stop": {"validationRegressionError": 0.1, "updates": 5}}"#)
            .replacingOccurrences(of: #"{"x": [0, 0, 0, 0], "y": [1, 0]}, {"x": [16, 16, 16, 16], "y": [0, 1]}"#, with: "")
        #expect(throws: LessonError.self) { try Lesson.decode(text, file: "t.json") }
        do {
            _ = try Lesson.decode(text, file: "t.json")
        } catch {
            #expect(error.description.contains("no validation samples"))
        }
    }

    @Test("the shipped iris and digits lessons carry the plans README describes")
    func shippedPlans() throws {
        let iris = try LessonFixtures.lesson("iris")
        #expect(iris.samples.count == 75 && iris.validationSamples.count == 38 && iris.testSamples.count == 37)
        #expect(iris.network.layerSizes == [4, 3] && iris.network.activations == [.scaledTanh])
        #expect(iris.training?.scheme == .stochastic)
        #expect(iris.training?.stop == .init(validationRegressionError: 0.1, updates: 500))
        let all = iris.samples + iris.validationSamples + iris.testSamples
        #expect(all.allSatisfy { $0.x.allSatisfy { (0.025...0.975).contains($0) } })
        for feature in 0..<4 {
            #expect(all.map { $0.x[feature] }.min() == 0.025 && all.map { $0.x[feature] }.max() == 0.975)
        }
        let digits = try LessonFixtures.lesson("digits")
        #expect(digits.samples.count + digits.validationSamples.count + digits.testSamples.count == 1797)
        #expect(digits.imageShape == Lesson.ImageShape(width: 8, height: 8))
        #expect(digits.network.layerSizes == [64, 25, 10] && digits.network.loss == .crossEntropy)
        #expect(digits.samples.allSatisfy { $0.x.allSatisfy { (0...1).contains($0) } })
        #expect(digits.samples.contains { $0.x.contains(1) })
    }
}
