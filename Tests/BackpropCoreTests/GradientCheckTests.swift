import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@Suite("GradientCheck")
struct GradientCheckTests {
    static func ngLesson() throws -> Lesson { try LessonFixtures.lesson("ng-gradcheck-lambda3") }

    @Test("its numerical gradient equals central differences computed in the test")
    func numericalGradientIsCentralDifferences() throws {
        let lesson = try Self.ngLesson()
        let d = lesson.network.gradients(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda).D
        let check = GradientCheck.run(
            network: lesson.network, inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, gradients: d
        )
        #expect(check.epsilon == 1e-4)
        #expect(check.checkedEntries == nil)
        let ours = centralDifferences(
            of: lesson.network, inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, epsilon: 1e-4)
        for (theirs, mine) in zip(check.numericalGradient, ours) {
            for (a, b) in zip(theirs.values, mine.values) { expectClose(a, b, relative: 1e-12, absolute: 1e-15) }
        }
        expectClose(check.relativeDifference, relativeDifference(ours, d), relative: 1e-6, absolute: 1e-15)
    }

    @Test("a wrong gradient fails the check")
    func detectsWrongGradient() throws {
        let lesson = try Self.ngLesson()
        var d = lesson.network.gradients(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda).D
        // Ng's classic slip: regularising the bias column too.
        for i in 0..<d[0].rows { d[0][i, 0] += lesson.lambda / 5 * lesson.network.weights[0][i, 0] }
        let check = GradientCheck.run(
            network: lesson.network, inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, gradients: d
        )
        #expect(check.relativeDifference > 1e-4)
        // A flipped sign (target minus output) gives a relative difference near 1 or above.
        let flipped = d.map { -1 * $0 }
        let flippedCheck = GradientCheck.run(
            network: lesson.network, inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda,
            gradients: flipped)
        #expect(flippedCheck.relativeDifference > 1)
    }

    @Test("above fullCheckLimit parameters only an evenly spaced subset is checked; `all` checks every one")
    func subsetAboveLimit() throws {
        // 40 × 51 + 3 × 41 = 2163 parameters, above the limit of 2000.
        let layerSizes = [50, 40, 3]
        let weights = WeightInitialization.uniform(epsilon: 0.12, seed: 3).weights(layerSizes: layerSizes)
        let network = Network(
            layerSizes: layerSizes, activations: [.sigmoid, .sigmoid], loss: .crossEntropy, weights: weights)
        #expect(network.parameterCount == 2163)
        let inputs = Matrix([(0..<50).map { sin(Double($0)) }])
        let targets = Matrix([[0, 1, 0]])
        let d = network.gradients(inputs: inputs, targets: targets, lambda: 0).D
        let check = GradientCheck.run(network: network, inputs: inputs, targets: targets, lambda: 0, gradients: d)
        let entries = try #require(check.checkedEntries)
        #expect(entries.count == GradientCheck.subsetSize)
        #expect(entries.first == .init(layer: 0, row: 0, column: 0))
        #expect(entries.last == .init(layer: 1, row: 2, column: 40))
        #expect(entries.contains { $0.layer == 1 }, "the subset reaches the last matrix")
        #expect(check.relativeDifference < 1e-7)
        // Unchecked entries are 0; checked ones match our own central difference.
        let probe = entries[57]
        var plus = network
        var minus = network
        plus.weights[probe.layer][probe.row, probe.column] += 1e-4
        minus.weights[probe.layer][probe.row, probe.column] -= 1e-4
        let mine =
            (plus.cost(inputs: inputs, targets: targets, lambda: 0)
                - minus.cost(inputs: inputs, targets: targets, lambda: 0)) / 2e-4
        expectClose(
            check.numericalGradient[probe.layer][probe.row, probe.column], mine, relative: 1e-12, absolute: 1e-16)

        let full = GradientCheck.run(
            network: network, inputs: inputs, targets: targets, lambda: 0, gradients: d, all: true)
        #expect(full.checkedEntries == nil)
        #expect(full.relativeDifference < 1e-7)
    }

    @Test("all-zero gradients give relative difference 0, not NaN")
    func zeroGradients() {
        // A linear unit whose target it already hits: J is at its minimum, every gradient is 0.
        let network = Network(
            layerSizes: [1, 1], activations: [.linear], loss: .squaredError, weights: [Matrix([[0, 0]])])
        let d = network.gradients(inputs: Matrix([[0]]), targets: Matrix([[0]]), lambda: 0).D
        let check = GradientCheck.run(
            network: network, inputs: Matrix([[0]]), targets: Matrix([[0]]), lambda: 0, gradients: d)
        #expect(check.relativeDifference == 0)
    }
}
