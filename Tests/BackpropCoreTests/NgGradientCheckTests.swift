import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// Ng's checkNNGradients network from ex4 (lessons/ng-gradcheck*.json): 3-5-3 sigmoid,
/// m = 5, weights from debugInitializeWeights.
@Suite("Ng's gradient-check network")
struct NgGradientCheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let lesson: String
        let lambda: Double
        let publishedCost: String
        var testDescription: String { "\(lesson) (λ = \(lambda))" }
    }

    static let cases = [
        Case(lesson: "ng-gradcheck", lambda: 0, publishedCost: "2.1009505699"),
        Case(lesson: "ng-gradcheck-lambda3", lambda: 3, publishedCost: "2.1463598150"),
    ]

    @Test("cost J to 10 decimals", arguments: cases)
    func cost(_ testCase: Case) throws {
        let lesson = try LessonFixtures.lesson(testCase.lesson)
        #expect(lesson.lambda == testCase.lambda)
        let trace = Tracer.trace(lesson)
        expectMatchesPublished(trace.cost, testCase.publishedCost, "J")
        // Network.cost, called directly, agrees with the trace.
        expectClose(
            lesson.network.cost(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda), trace.cost)
    }

    @Test("the trace's gradient check passes Ng's bar of 1e-9", arguments: cases)
    func gradientCheckPasses(_ testCase: Case) throws {
        let trace = Tracer.trace(try LessonFixtures.lesson(testCase.lesson))
        let check = try #require(trace.gradientCheck)
        #expect(check.relativeDifference < 1e-9)
        #expect(check.relativeDifference > 0, "an exact zero would mean nothing was compared")
        #expect(check.checkedParameters == 38)
        #expect(check.totalParameters == 38)
    }

    @Test("backprop's D against central differences computed in the test", arguments: cases)
    func backpropAgainstOwnCentralDifferences(_ testCase: Case) throws {
        let lesson = try LessonFixtures.lesson(testCase.lesson)
        let trace = Tracer.trace(lesson)
        let numerical = centralDifferences(
            of: lesson.network, inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, epsilon: 1e-4)
        #expect(relativeDifference(numerical, trace.D) < 1e-9)
    }

    @Test("ng-debug weights: Θ⁽¹⁾ 5×4 and Θ⁽²⁾ 3×6, sin(1), sin(2), … / 10 filled column-major")
    func debugWeights() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        #expect(lesson.weightSource == .generated(.ngDebug))
        let weights = lesson.network.weights
        try #require(weights.count == 2)
        #expect(weights[0].rows == 5 && weights[0].columns == 4)
        #expect(weights[1].rows == 3 && weights[1].columns == 6)
        for theta in weights {
            // MATLAB: reshape(sin(1:numel(W)), size(W)) / 10 — element n (1-based) goes down
            // the columns first.
            let flat = (1...(theta.rows * theta.columns)).map { sin(Double($0)) / 10 }
            for j in 0..<theta.columns {
                for i in 0..<theta.rows {
                    expectClose(theta[i, j], flat[j * theta.rows + i], relative: 1e-15, "Θ[\(i),\(j)]")
                }
            }
        }
        // Spot values: Θ⁽¹⁾(1,1) = sin(1)/10 and Θ⁽¹⁾(1,2) = sin(6)/10 (the next column).
        expectClose(weights[0][0, 0], 0.08414709848078965, relative: 1e-15)
        expectClose(weights[0][0, 1], -0.027941549819892587, relative: 1e-15)
        expectClose(weights[0][1, 0], 0.09092974268256818, relative: 1e-15)
    }

    @Test("the samples are X = debugInitializeWeights(5, 2) and y = 1 + mod(1:m, 3), one-hot")
    func samples() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck")
        #expect(lesson.samples.count == 5)
        for (k, sample) in lesson.samples.enumerated() {
            for j in 0..<3 {
                expectClose(sample.x[j], sin(Double(j * 5 + k + 1)) / 10, relative: 1e-15, "X[\(k),\(j)]")
            }
            let label = 1 + (k + 1) % 3  // 1-based class
            #expect(sample.y == (1...3).map { $0 == label ? 1.0 : 0.0 })
        }
    }

    @Test("WeightInitialization.ngDebug gives the same matrices for a 3-5-3 network")
    func initializationRule() {
        let weights = WeightInitialization.ngDebug.weights(layerSizes: [3, 5, 3])
        #expect(weights.map(\.rows) == [5, 3])
        #expect(weights.map(\.columns) == [4, 6])
        expectClose(weights[1][2, 5], sin(18.0) / 10, relative: 1e-15)
    }
}
