import BackpropCore
import Foundation

/// A classic backprop mistake, described by the change it makes to one pass.
///
/// `DiagnosisPass` runs Ng's per-sample loop (ex4's loop form) and asks the mistake at each
/// point where learners go wrong; the defaults are the correct computation, so a mistake
/// overrides only its own point. A new mistake is one file with its type plus one line in
/// `MistakeCatalogue.all`. Index conventions are `Quantity`'s; vectors are one sample's,
/// without the bias unit.
public protocol Mistake: Sendable {
    /// A stable id, listed in README and `help diagnose` (`error-sign`).
    var id: String { get }
    /// What the learner did, in a sentence.
    var explanation: String { get }
    /// The quantity the mistake first changes, in Ng's names (`δ⁽ᴸ⁾`, `D`), for the evidence.
    var changes: String { get }

    /// The target vector the learner compares with, given the one-hot target and the class
    /// number (1-based).
    func target(oneHot: [Double], classNumber: Int) -> [Double]
    /// One sample's loss term from the output layer.
    func sampleLoss(z: [Double], a: [Double], y: [Double], network: Network) -> Double
    /// J from the sum of the sample losses and the weights.
    func cost(lossSum: Double, m: Int, lambda: Double, weights: [Matrix]) -> Double
    /// δ⁽ᴸ⁾ for one sample.
    func outputDelta(z: [Double], a: [Double], y: [Double], network: Network) -> [Double]
    /// The slope a hidden layer's propagated error is multiplied by: g′(z⁽ˡ⁾).
    func hiddenSlope(z: [Double], a: [Double], activation: Activation) -> [Double]
    /// Whether δ⁽ˡ⁾ of a hidden layer keeps the bias unit's entry δ₀ (ex4's delta_2(1)).
    var keepsBiasDelta: Bool { get }
    /// Whether δ is propagated back through weights already updated by this pass's own step.
    var backpropagatesUpdatedWeights: Bool { get }
    /// D⁽ˡ⁾ from Δ⁽ˡ⁾ and Θ⁽ˡ⁾.
    func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix
    /// One gradient-descent step.
    func update(theta: Matrix, gradient: Matrix, learningRate: Double, updatesBiases: Bool) -> Matrix
}

extension Mistake {
    public func target(oneHot: [Double], classNumber: Int) -> [Double] { oneHot }

    public func sampleLoss(z: [Double], a: [Double], y: [Double], network: Network) -> Double {
        network.loss.value(z: z, a: a, y: y, activation: network.outputActivation)
    }

    public func cost(lossSum: Double, m: Int, lambda: Double, weights: [Matrix]) -> Double {
        lossSum / Double(m) + CorrectPass.penalty(weights, lambda: lambda, m: m, includesBias: false)
    }

    public func outputDelta(z: [Double], a: [Double], y: [Double], network: Network) -> [Double] {
        network.loss.outputDelta(z: z, a: a, y: y, activation: network.outputActivation)
    }

    public func hiddenSlope(z: [Double], a: [Double], activation: Activation) -> [Double] {
        activation.derivatives(z: z, a: a)
    }

    public var keepsBiasDelta: Bool { false }

    public var backpropagatesUpdatedWeights: Bool { false }

    public func gradient(accumulator: Matrix, theta: Matrix, m: Int, lambda: Double) -> Matrix {
        CorrectPass.averaged(accumulator, theta: theta, m: m, lambda: lambda, biasRegularized: false, halfLambda: false)
    }

    public func update(theta: Matrix, gradient: Matrix, learningRate: Double, updatesBiases: Bool) -> Matrix {
        CorrectPass.step(theta, gradient, rate: learningRate, updatesBiases: updatesBiases)
    }
}

/// No mistake: the pass as ex4 and the engine compute it.
public struct CorrectPass: Mistake {
    public init() {}
    public var id: String { "none" }
    public var explanation: String { "the correct pass" }
    public var changes: String { "nothing" }

    /// (λ/2m) Σ Θᵢⱼ², over columns j ≥ 1 unless `includesBias`.
    static func penalty(_ weights: [Matrix], lambda: Double, m: Int, includesBias: Bool) -> Double {
        var sum = 0.0
        for theta in weights {
            for i in 0..<theta.rows {
                for j in (includesBias ? 0 : 1)..<theta.columns { sum += theta[i, j] * theta[i, j] }
            }
        }
        return lambda / (2 * Double(m)) * sum
    }

    /// (1/m)Δ + (λ/m)Θ on columns j ≥ 1 (or every column when `biasRegularized`; λ/2m with
    /// `halfLambda`).
    static func averaged(
        _ accumulator: Matrix, theta: Matrix, m: Int, lambda: Double, biasRegularized: Bool, halfLambda: Bool
    ) -> Matrix {
        var d = (1 / Double(m)) * accumulator
        let factor = lambda / (Double(m) * (halfLambda ? 2 : 1))
        for i in 0..<d.rows {
            for j in (biasRegularized ? 0 : 1)..<d.columns { d[i, j] += factor * theta[i, j] }
        }
        return d
    }

    /// Θ − αD, keeping column 0 when biases are frozen.
    static func step(_ theta: Matrix, _ gradient: Matrix, rate: Double, updatesBiases: Bool) -> Matrix {
        var result = theta
        for i in 0..<theta.rows {
            for j in (updatesBiases ? 0 : 1)..<theta.columns { result[i, j] -= rate * gradient[i, j] }
        }
        return result
    }
}
