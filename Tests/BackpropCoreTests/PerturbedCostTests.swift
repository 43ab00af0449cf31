import BackpropCore
import BackpropTestSupport
import Testing

/// The gradient check reuses the unperturbed pass (only column i of z⁽ˡ⁺¹⁾ and the layers after
/// it are recomputed); its estimates must be those of the plain central difference, which runs
/// a full forward pass for every J(θ ± ε).
@Suite("Gradient check reuse")
struct PerturbedCostTests {
    /// Small random networks covering every activation, both losses and softmax outputs.
    static let cases: [(layers: [Int], activations: [Activation], loss: Loss, lambda: Double)] = [
        ([3, 5, 3], [.sigmoid, .sigmoid], .crossEntropy, 3),
        ([2, 4, 3, 2], [.tanh, .relu, .sigmoid], .crossEntropy, 0.1),
        ([4, 6, 3], [.scaledTanh, .softmax], .crossEntropy, 0),
        ([3, 5, 2], [.linear, .sigmoid], .squaredError, 1),
        ([5, 3], [.scaledTanh], .squaredError, 0),
        ([3, 4, 3], [.sigmoid, .softmax], .squaredError, 0.5),
    ]

    @Test("estimates equal the full-forward central differences", arguments: cases.indices)
    func matchesFullForward(_ index: Int) {
        let setup = Self.cases[index]
        var random = TestRandom(seed: UInt64(index + 1))
        let weights = zip(setup.layers.dropFirst(), setup.layers).map { rows, inputs in
            Matrix(rows: rows, columns: inputs + 1, values: (0..<(rows * (inputs + 1))).map { _ in random.symmetric() })
        }
        let network = Network(
            layerSizes: setup.layers, activations: setup.activations, loss: setup.loss, weights: weights)
        let m = 7
        // Every third input is 0, so some samples keep their pass when a first-layer weight moves.
        let inputs = Matrix(
            rows: m, columns: setup.layers[0],
            values: (0..<(m * setup.layers[0])).map { $0 % 3 == 0 ? 0 : random.symmetric() })
        let outputs = setup.layers[setup.layers.count - 1]
        let targets = Matrix(
            rows: m, columns: outputs,
            values: (0..<(m * outputs)).map { $0 % outputs == ($0 / outputs) % outputs ? 1 : 0 })
        let d = network.gradients(inputs: inputs, targets: targets, lambda: setup.lambda).D
        let check = GradientCheck.run(
            network: network, inputs: inputs, targets: targets, lambda: setup.lambda, gradients: d)
        let plain = centralDifferences(
            of: network, inputs: inputs, targets: targets, lambda: setup.lambda, epsilon: check.epsilon)
        for (fast, full) in zip(check.numericalGradient, plain) {
            for (a, b) in zip(fast.values, full.values) {
                expectClose(a, b, relative: 1e-12, absolute: 1e-15)
                // Every sum runs in the full pass's order, so the numbers are the same bits.
                #expect(a.bitPattern == b.bitPattern)
            }
        }
    }

    @Test("a checked subset (above fullCheckLimit) equals the full-forward central differences")
    func subset() throws {
        let layers = [50, 40, 3]
        let network = Network(
            layerSizes: layers, activations: [.sigmoid, .sigmoid], loss: .crossEntropy,
            weights: WeightInitialization.uniform(epsilon: 0.12, seed: 3).weights(layerSizes: layers))
        var random = TestRandom(seed: 9)
        let inputs = Matrix(rows: 6, columns: 50, values: (0..<300).map { $0 % 4 == 1 ? 0 : random.unit() })
        let targets = Matrix(rows: 6, columns: 3, values: (0..<18).map { $0 % 4 == 0 ? 1 : 0 })
        let d = network.gradients(inputs: inputs, targets: targets, lambda: 1).D
        let check = GradientCheck.run(network: network, inputs: inputs, targets: targets, lambda: 1, gradients: d)
        let entries = try #require(check.checkedEntries)
        var probe = network
        for entry in entries {
            let original = network.weights[entry.layer][entry.row, entry.column]
            probe.weights[entry.layer][entry.row, entry.column] = original + check.epsilon
            let plus = probe.cost(inputs: inputs, targets: targets, lambda: 1)
            probe.weights[entry.layer][entry.row, entry.column] = original - check.epsilon
            let minus = probe.cost(inputs: inputs, targets: targets, lambda: 1)
            probe.weights[entry.layer][entry.row, entry.column] = original
            let estimate = check.numericalGradient[entry.layer][entry.row, entry.column]
            #expect(estimate.bitPattern == ((plus - minus) / (2 * check.epsilon)).bitPattern)
        }
    }
}
