import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// Backprop (forward, backward, Δ, D) against central differences computed in this file,
/// for small random-ish networks covering every activation and both losses.
@Suite("Backward pass against central differences")
struct BatchPassTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var layerSizes: [Int]
        var activations: [Activation]
        var loss: Loss
        var lambda: Double
        var sampleCount: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "sigmoid hidden, sigmoid/cross-entropy, λ = 0", layerSizes: [3, 4, 2],
            activations: [.sigmoid, .sigmoid], loss: .crossEntropy, lambda: 0, sampleCount: 4),
        Case(
            name: "tanh hidden, sigmoid/cross-entropy, λ = 1.5", layerSizes: [2, 5, 3],
            activations: [.tanh, .sigmoid], loss: .crossEntropy, lambda: 1.5, sampleCount: 3),
        Case(
            name: "relu hidden, linear/squared error, λ = 0.5", layerSizes: [3, 6, 2],
            activations: [.relu, .linear], loss: .squaredError, lambda: 0.5, sampleCount: 5),
        Case(
            name: "linear hidden, softmax/cross-entropy, λ = 0.3", layerSizes: [4, 3, 3],
            activations: [.linear, .softmax], loss: .crossEntropy, lambda: 0.3, sampleCount: 4),
        Case(
            name: "scaled-tanh hidden and output, squared error", layerSizes: [2, 3, 2],
            activations: [.scaledTanh, .scaledTanh], loss: .squaredError, lambda: 0, sampleCount: 3),
        Case(
            name: "tanh hidden, sigmoid/squared error, λ = 2", layerSizes: [3, 3, 1],
            activations: [.tanh, .sigmoid], loss: .squaredError, lambda: 2, sampleCount: 6),
        Case(
            name: "relu hidden, tanh/squared error", layerSizes: [2, 4, 2],
            activations: [.relu, .tanh], loss: .squaredError, lambda: 0.1, sampleCount: 3),
        Case(
            name: "five layers: tanh, relu, scaled-tanh, softmax; λ = 2", layerSizes: [3, 4, 4, 3, 3],
            activations: [.tanh, .relu, .scaledTanh, .softmax], loss: .crossEntropy, lambda: 2, sampleCount: 5),
        Case(
            name: "four layers of sigmoid, cross-entropy, λ = 1", layerSizes: [2, 3, 3, 2],
            activations: [.sigmoid, .sigmoid, .sigmoid], loss: .crossEntropy, lambda: 1, sampleCount: 2),
        Case(
            name: "no hidden layer (15 Steps): scaled-tanh, squared error", layerSizes: [4, 3],
            activations: [.scaledTanh], loss: .squaredError, lambda: 0, sampleCount: 5),
    ]

    struct Problem {
        var network: Network
        var inputs: Matrix
        var targets: Matrix
    }

    /// A network with weights in ±1, inputs in ±1 and targets that suit the loss.
    static func problem(_ c: Case, seed: UInt64) -> Problem {
        var random = TestRandom(seed: seed)
        let weights = zip(c.layerSizes.dropFirst(), c.layerSizes).map { rows, inputs in
            Matrix(rows: rows, columns: inputs + 1, values: (0..<(rows * (inputs + 1))).map { _ in random.symmetric() })
        }
        let network = Network(layerSizes: c.layerSizes, activations: c.activations, loss: c.loss, weights: weights)
        let inputRows = (0..<c.sampleCount).map { _ in (0..<c.layerSizes[0]).map { _ in random.symmetric() } }
        let outputs = c.layerSizes[c.layerSizes.count - 1]
        let targetRows: [[Double]] = (0..<c.sampleCount).map { k in
            switch (c.loss, c.activations.last) {
            case (.crossEntropy, .softmax):
                return (0..<outputs).map { $0 == k % outputs ? 1 : 0 }  // one-hot
            case (.crossEntropy, _):
                return (0..<outputs).map { _ in random.unit() }  // soft targets in [0, 1]
            case (.squaredError, _):
                return (0..<outputs).map { _ in random.symmetric() }
            }
        }
        return Problem(network: network, inputs: Matrix(inputRows), targets: Matrix(targetRows))
    }

    /// The smallest |z| feeding a relu layer (∞ when there is none): central differences
    /// are only valid away from the kink.
    static func smallestReluInput(_ p: Problem) -> Double {
        let pass = p.network.forward(inputs: p.inputs, targets: p.targets)
        var smallest = Double.infinity
        for (index, g) in p.network.activations.enumerated() where g == .relu {
            smallest = min(smallest, pass.weightedInputs[index].values.map(abs).min() ?? .infinity)
        }
        return smallest
    }

    @Test(
        "the propagated error (Θ⁽ˡ⁾ without column 0)ᵀδ⁽ˡ⁺¹⁾ kept by the backward pass is ∂loss/∂a⁽ˡ⁾ by central differences",
        arguments: cases.filter { $0.layerSizes.count > 2 })
    func propagatedErrorIsTheLossSlopeOfTheActivation(_ c: Case) throws {
        let p = Self.problem(c, seed: 11)
        let pass = p.network.backward(
            p.network.forward(inputs: p.inputs, targets: p.targets), targets: p.targets, keepsPropagatedErrors: true)
        #expect(pass.propagatedErrors.count == c.layerSizes.count - 2)
        let epsilon = 1e-6
        for l in 2..<c.layerSizes.count {
            // The network from layer l on, fed with a⁽ˡ⁾: its loss depends on a⁽ˡ⁾ only downstream.
            let rest = Network(
                layerSizes: Array(c.layerSizes[(l - 1)...]), activations: Array(p.network.activations[(l - 1)...]),
                loss: c.loss, weights: Array(p.network.weights[(l - 1)...]))
            let a = pass.activations[l - 1]
            for k in 0..<a.rows {
                for i in 0..<a.columns {
                    func loss(_ shift: Double) -> Double {
                        var row = a.row(k)
                        row[i] += shift
                        return rest.forward(inputs: Matrix([row]), targets: Matrix([p.targets.row(k)])).sampleLosses[0]
                    }
                    let slope = (loss(epsilon) - loss(-epsilon)) / (2 * epsilon)
                    let kept = pass.propagatedErrors[l - 2][k, i]
                    #expect(isClose(kept, slope, relative: 1e-6, absolute: 1e-9), "layer \(l) sample \(k) unit \(i)")
                }
            }
            // And δ⁽ˡ⁾ is that error times the slope, as step 11 says.
            let slopes = p.network.activations[l - 2].derivatives(
                z: pass.weightedInputs[l - 2].row(0), a: pass.activations[l - 1].row(0))
            for i in slopes.indices {
                #expect(isClose(pass.deltas[l - 2][0, i], pass.propagatedErrors[l - 2][0, i] * slopes[i], relative: 1e-12))
            }
        }
    }

    @Test("D = ∂J/∂Θ matches central differences (relative difference < 1e-7)", arguments: cases)
    func gradientMatchesCentralDifferences(_ c: Case) throws {
        // The first seed whose relu inputs all stay 1e-3 away from the kink (ε is 1e-5).
        let seed = try #require((UInt64(1)...50).first { Self.smallestReluInput(Self.problem(c, seed: $0)) > 1e-3 })
        let p = Self.problem(c, seed: seed)
        let (_, d) = p.network.gradients(inputs: p.inputs, targets: p.targets, lambda: c.lambda)
        #expect(d.map(\.rows) == p.network.weights.map(\.rows))
        #expect(d.map(\.columns) == p.network.weights.map(\.columns))
        let numerical = centralDifferences(of: p.network, inputs: p.inputs, targets: p.targets, lambda: c.lambda)
        let difference = relativeDifference(numerical, d)
        #expect(difference < 1e-7, "relative difference \(difference) (seed \(seed))")
        #expect(Matrix.norm(numerical) > 1e-6, "a vanishing gradient would make the check meaningless")
    }

    @Test("Δ is the sum of per-sample δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ, each matching central differences of one sample's loss")
    func perSampleGradients() throws {
        let c = Self.cases[1]
        let p = Self.problem(c, seed: 3)
        let pass = p.network.backward(p.network.forward(inputs: p.inputs, targets: p.targets), targets: p.targets)
        let accumulated = p.network.accumulatedGradients(of: pass)
        for k in 0..<p.inputs.rows {
            let input = Matrix([p.inputs.row(k)])
            let target = Matrix([p.targets.row(k)])
            // With one sample and λ = 0, J is that sample's loss.
            let numerical = centralDifferences(of: p.network, inputs: input, targets: target, lambda: 0)
            let single = p.network.gradients(inputs: input, targets: target, lambda: 0).D
            #expect(relativeDifference(numerical, single) < 1e-7)
        }
        // Summing the single-sample numerical gradients gives Δ.
        var sum = p.network.weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        for k in 0..<p.inputs.rows {
            let numerical = centralDifferences(
                of: p.network, inputs: Matrix([p.inputs.row(k)]), targets: Matrix([p.targets.row(k)]), lambda: 0)
            sum = zip(sum, numerical).map { $0 + $1 }
        }
        #expect(relativeDifference(sum, accumulated) < 1e-7)
    }

    @Test("δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾: perturbing one hidden unit's z moves the sample's loss by δ")
    func deltaIsSensitivityOfCost() throws {
        // Perturb z of hidden unit j by adding h to its bias weight: ∂z/∂Θⱼ₀ = 1, so with one
        // sample ∂loss/∂Θⱼ₀ = δⱼ.
        let c = Self.cases[0]
        let p = Self.problem(c, seed: 5)
        let input = Matrix([p.inputs.row(0)])
        let target = Matrix([p.targets.row(0)])
        let pass = p.network.backward(p.network.forward(inputs: input, targets: target), targets: target)
        let h = 1e-5
        for j in 0..<c.layerSizes[1] {
            var plus = p.network
            var minus = p.network
            plus.weights[0][j, 0] += h
            minus.weights[0][j, 0] -= h
            let numeric =
                (plus.cost(inputs: input, targets: target, lambda: 0)
                    - minus.cost(inputs: input, targets: target, lambda: 0)) / (2 * h)
            expectClose(pass.deltas[0][0, j], numeric, relative: 1e-7, absolute: 1e-11, "δ⁽²⁾[\(j)]")
        }
    }

    @Test("the forward pass computes z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾[1; a⁽ˡ⁾] with column 0 as the bias")
    func forwardBiasColumn() {
        let theta = Matrix([[0.5, 2, -1]])  // bias 0.5
        let network = Network(layerSizes: [2, 1], activations: [.linear], loss: .squaredError, weights: [theta])
        let pass = network.forward(inputs: Matrix([[3, 4], [0, 0]]), targets: Matrix([[0], [0]]))
        #expect(pass.weightedInputs[0].column(0) == [0.5 + 6 - 4, 0.5])
        #expect(pass.activations[0] == Matrix([[3, 4], [0, 0]]))
    }
}
