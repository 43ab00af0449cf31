import Foundation

/// An activation function g, applied to a layer's weighted input z to give a = g(z).
///
/// Each case defines its value and its derivative g′ side by side. All are element-wise except
/// `softmax`, which couples the units of a layer; it is allowed only on the output layer with
/// cross-entropy, where δ⁽ᴸ⁾ = a − y and its Jacobian is never needed by backprop.
public enum Activation: String, CaseIterable, Codable, Sendable {
    /// σ(z) = 1 / (1 + e⁻ᶻ); σ′(z) = σ(z)(1 − σ(z)) = a(1 − a).
    case sigmoid
    /// tanh z; tanh′(z) = 1 − tanh² z = 1 − a².
    case tanh
    /// max(0, z); derivative 1 for z > 0 and 0 for z ≤ 0 (g′(0) = 0 by convention).
    case relu
    /// z; derivative 1.
    case linear
    /// (tanh z + 1) / 2, the 15 Steps' activation; derivative (1 − tanh² z) / 2.
    case scaledTanh = "scaled-tanh"
    /// softmax(z)ᵢ = e^(zᵢ − max z) / Σₖ e^(zₖ − max z); ∂aᵢ/∂zₖ = aᵢ([i = k] − aₖ).
    case softmax

    /// Whether the function acts on each unit alone (all but softmax).
    public var isElementwise: Bool { self != .softmax }

    /// "sigmoid, tanh or relu": the names of `activations`, for messages.
    public static func spokenList(_ activations: [Activation]) -> String {
        let names = activations.map(\.rawValue)
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// g(z) for a whole layer. Stable for |z| up to at least 1e4: no overflow, no NaN.
    public func values(_ z: [Double]) -> [Double] {
        switch definition.value {
        case .unit(let g): z.map(g)
        case .pairs(let g): z.map { g(SIMD2(repeating: $0))[0] }
        case .layer(let g): g(z)
        }
    }

    /// g for one unit of an element-wise activation; nil for softmax, which needs the layer.
    var unitValue: ((Double) -> Double)? {
        switch definition.value {
        case .unit(let g): g
        case .pairs(let g): { g(SIMD2(repeating: $0))[0] }
        case .layer: nil
        }
    }

    /// g for two units at once, for the activations that have a vector form (the same bits as
    /// `unitValue` on each lane).
    var pairValue: ((SIMD2<Double>) -> SIMD2<Double>)? {
        if case .pairs(let g) = definition.value { return g }
        return nil
    }

    /// g′ for one unit, given its z and a = g(z) (softmax: the Jacobian's diagonal entry).
    var unitDerivative: (_ z: Double, _ a: Double) -> Double { definition.derivative }

    /// How g is computed: unit by unit, or over the whole layer at once (softmax).
    private enum Value {
        case unit((Double) -> Double)
        /// g for two units at once (on the vector unit); one unit is a lane of it.
        case pairs((SIMD2<Double>) -> SIMD2<Double>)
        case layer(([Double]) -> [Double])
    }

    /// g′(z) for a whole layer, given z and a = g(z) (of the same length).
    ///
    /// For `softmax` this is the diagonal of the Jacobian, aᵢ(1 − aᵢ): the full Jacobian
    /// aᵢ([i = k] − aₖ) is never needed, because softmax only meets cross-entropy.
    public func derivatives(z: [Double], a: [Double]) -> [Double] {
        zip(z, a).map(definition.derivative)
    }

    /// Each case's g and g′ side by side, as micrograd keeps an operation and its backward pass
    /// together. g acts on one unit, or on the whole layer for softmax; g′ takes one unit's z
    /// and a = g(z) and uses whichever gives the simpler formula.
    private var definition: (value: Value, derivative: (_ z: Double, _ a: Double) -> Double) {
        switch self {
        case .sigmoid:
            return (.pairs(Self.sigmoid), { _, a in a * (1 - a) })
        case .tanh:
            return (.unit { Foundation.tanh($0) }, { _, a in 1 - a * a })
        case .relu:
            return (.unit { max(0, $0) }, { z, _ in z > 0 ? 1 : 0 })
        case .linear:
            return (.unit { $0 }, { _, _ in 1 })
        case .scaledTanh:
            return (
                .unit { (Foundation.tanh($0) + 1) / 2 },
                { z, _ in
                    let t = Foundation.tanh(z)
                    return (1 - t * t) / 2
                }
            )
        case .softmax:
            return (.layer(Self.softmaxValues), { _, a in a * (1 - a) })
        }
    }

    /// e^(zᵢ − max z) / Σₖ e^(zₖ − max z): shifting by max z keeps every exponential ≤ 1.
    static func softmaxValues(_ z: [Double]) -> [Double] {
        let largest = z.max() ?? 0
        let exponentials = z.map { exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// σ(z) for two units at once, without overflow: 1 / (1 + e⁻ᶻ) for z ≥ 0 and eᶻ / (1 + eᶻ)
    /// for z < 0, so e^(−|z|) is formed, never e^|z|.
    @inline(__always)
    static func sigmoid(_ z: SIMD2<Double>) -> SIMD2<Double> {
        let e = Exponential.exp(z.replacing(with: -z, where: z .> 0))  // e^(−|z|), in [0, 1]
        return SIMD2(repeating: 1).replacing(with: e, where: z .< 0) / (1 + e)
    }
}
