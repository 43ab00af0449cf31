import BackpropCore
import BackpropTestSupport
import Testing

@Suite("Network")
struct NetworkTests {
    @Test("regularisation is (λ/2m) Σ non-bias Θ², bias column excluded")
    func regularization() {
        let network = Network(
            layerSizes: [2, 1, 1], activations: [.sigmoid, .sigmoid], loss: .crossEntropy,
            weights: [Matrix([[100, 1, 2]]), Matrix([[-100, 3]])])
        // Non-bias entries 1, 2, 3 only; the ±100 bias weights must not count.
        expectClose(network.regularization(lambda: 4, sampleCount: 2), 4.0 / 4 * (1 + 4 + 9))
        #expect(network.regularization(lambda: 0, sampleCount: 2) == 0)
        #expect(network.parameterCount == 5)
        #expect(network.layerCount == 3)
        #expect(network.outputActivation == .sigmoid)
    }

    @Test("the bias column of D is not regularised")
    func biasColumnNotRegularised() {
        let network = Network(
            layerSizes: [1, 1], activations: [.linear], loss: .squaredError, weights: [Matrix([[0.7, -0.4]])])
        let inputs = Matrix([[1]])
        let targets = Matrix([[0.3]])
        let plain = network.gradients(inputs: inputs, targets: targets, lambda: 0).D[0]
        let regularised = network.gradients(inputs: inputs, targets: targets, lambda: 2).D[0]
        #expect(regularised[0, 0] == plain[0, 0])
        expectClose(regularised[0, 1], plain[0, 1] + 2 * -0.4)
    }

    @Test("updatedWeights steps against D, keeping column 0 only when asked")
    func updatedWeights() {
        let network = Network(
            layerSizes: [1, 1], activations: [.linear], loss: .squaredError, weights: [Matrix([[1, 2]])])
        let d = [Matrix([[0.5, -1]])]
        #expect(
            network.updatedWeights(gradients: d, learningRate: 0.1, updatesBiases: true)[0]
                == Matrix([[1 - 0.05, 2 + 0.1]]))
        #expect(
            network.updatedWeights(gradients: d, learningRate: 0.1, updatesBiases: false)[0] == Matrix([[1, 2 + 0.1]]))
    }
}
