import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@Suite("Loss")
struct LossTests {
    static func loss(_ loss: Loss, z: [Double], y: [Double], _ g: Activation) -> Double {
        loss.value(z: z, a: g.values(z), y: y, activation: g)
    }

    @Test("squared error is ½Σ(a − y)²")
    func squaredError() {
        let value = Loss.squaredError.value(z: [0, 0], a: [0.75, 0.25], y: [1, 0], activation: .linear)
        expectClose(value, 0.5 * (0.0625 + 0.0625))
    }

    @Test("sigmoid cross-entropy is Σ −y log a − (1 − y) log(1 − a)")
    func sigmoidCrossEntropy() {
        let z = [0.3, -1.2]
        let y = [1.0, 0.25]
        let a = Activation.sigmoid.values(z)
        var expected = 0.0
        for k in 0..<2 { expected += -y[k] * log(a[k]) - (1 - y[k]) * log(1 - a[k]) }
        expectClose(Self.loss(.crossEntropy, z: z, y: y, .sigmoid), expected, relative: 1e-13)
    }

    @Test("softmax cross-entropy is −Σ y log a")
    func softmaxCrossEntropy() {
        let z = [0.3, -1.2, 2.0]
        let y = [0.0, 0.0, 1.0]
        let a = Activation.softmax.values(z)
        expectClose(Self.loss(.crossEntropy, z: z, y: y, .softmax), -log(a[2]), relative: 1e-13)
    }

    @Test(
        "output δ is ∂loss/∂z: central differences on z",
        arguments: [
            (Loss.crossEntropy, Activation.sigmoid), (.crossEntropy, .softmax), (.squaredError, .sigmoid),
            (.squaredError, .tanh), (.squaredError, .linear), (.squaredError, .scaledTanh), (.squaredError, .relu),
        ])
    func outputDelta(_ loss: Loss, _ g: Activation) {
        let z = [0.4, -0.9, 1.6]
        let y = g == .softmax ? [0.0, 1.0, 0.0] : [0.2, 1.0, 0.0]
        let delta = loss.outputDelta(z: z, a: g.values(z), y: y, activation: g)
        let h = 1e-5
        for k in z.indices {
            var plus = z
            var minus = z
            plus[k] += h
            minus[k] -= h
            let numeric = (Self.loss(loss, z: plus, y: y, g) - Self.loss(loss, z: minus, y: y, g)) / (2 * h)
            expectClose(delta[k], numeric, relative: 1e-7, absolute: 1e-10, "\(loss.rawValue)/\(g.rawValue) δ[\(k)]")
        }
    }

    @Test("cross-entropy's δ is a − y: output minus target, no g′ factor")
    func crossEntropyDeltaSign() {
        let z = [2.0]
        let a = Activation.sigmoid.values(z)
        let delta = Loss.crossEntropy.outputDelta(z: z, a: a, y: [1], activation: .sigmoid)
        #expect(delta[0] < 0, "output below target gives a negative δ (Ng's sign)")
        expectClose(delta[0], a[0] - 1)
    }

    static let extremes: [Double] = [1e4, -1e4, 700, -700, 40, -40]

    @Test("losses stay finite for |z| up to 1e4")
    func stability() {
        for z in Self.extremes {
            for y in [0.0, 1.0] {
                let sigmoidCE = Self.loss(.crossEntropy, z: [z], y: [y], .sigmoid)
                #expect(sigmoidCE.isFinite && sigmoidCE >= 0, "sigmoid CE at z = \(z), y = \(y): \(sigmoidCE)")
                let squared = Self.loss(.squaredError, z: [z], y: [y], .sigmoid)
                #expect(squared.isFinite, "squared error at z = \(z): \(squared)")
            }
        }
        let softmaxCE = Self.loss(.crossEntropy, z: Self.extremes, y: [0, 1, 0, 0, 0, 0], .softmax)
        #expect(softmaxCE.isFinite)
        expectClose(softmaxCE, 2e4, relative: 1e-12, "−log softmax(z)[1] = 1e4 − (−1e4)")
        let squaredSoftmax = Self.loss(.squaredError, z: Self.extremes, y: [1, 0, 0, 0, 0, 0], .softmax)
        #expect(squaredSoftmax.isFinite)
        let deltas = Loss.crossEntropy.outputDelta(
            z: Self.extremes, a: Activation.softmax.values(Self.extremes), y: [0, 1, 0, 0, 0, 0], activation: .softmax)
        #expect(deltas.allSatisfy { $0.isFinite })
    }

    @Test("cross-entropy at z = −1e4 with y = 1 is ≈ 1e4, not ∞ or NaN")
    func crossEntropyFarWrong() {
        let value = Self.loss(.crossEntropy, z: [-1e4], y: [1], .sigmoid)
        expectClose(value, 1e4, relative: 1e-12)
        let mirrored = Self.loss(.crossEntropy, z: [1e4], y: [0], .sigmoid)
        expectClose(mirrored, 1e4, relative: 1e-12)
        let right = Self.loss(.crossEntropy, z: [1e4], y: [1], .sigmoid)
        #expect(right >= 0 && right < 1e-300)
    }
}
