import BackpropCore

/// Everything the lesson says about one activation function, in one place per activation:
/// its formula, the forms of its derivative, the sentence about its slope, whether it is
/// bounded and whether it saturates. A new activation is its case in `Activation` (value and
/// derivative side by side) plus its arm of `narration(written:)`; the compiler points here.
struct ActivationNarration {
    /// g(z) in terms of z (softmax: output i, in terms of zᵢ and the zₖ).
    var definition: Math
    /// g′(z) written out, left to right as step 4 prints them (in z, then in a where that is
    /// simpler). Softmax has no element-wise derivative: its Jacobian entry.
    var derivativeForms: [Math]
    /// How step 4 writes a layer's g′ with that layer's numbers.
    var layerSlope: LayerSlope
    /// The lead-in of step 4's table of g and g′ at z = −1, −0.5, 0, 0.5, 1.
    var probeHeading: String
    /// One true sentence about the slope, for step 4's "why".
    var slopeFact: String
    /// Whether every value lies in a bounded interval (so the sum is "squashed").
    var isBounded: Bool
    /// Whether the slope goes to 0 for large |z| (flat ends that small weights avoid).
    var saturates: Bool
    /// What the slope does to cross-entropy's output error when this is the output activation.
    var crossEntropyOutput: CrossEntropyOutput

    /// How a layer's derivative is written with numbers in step 4.
    enum LayerSlope {
        /// From the activations: a ⊙ (1 − a) (sigmoid; softmax's Jacobian diagonal).
        case fromActivation
        /// 1 − a ⊙ a (tanh).
        case oneMinusSquare
        /// g′ applied to the weighted inputs z.
        case ofWeightedInput
    }

    /// The output activation's effect on cross-entropy's output error.
    enum CrossEntropyOutput {
        /// The slope a(1 − a) cancels the loss's denominator: δ = a − y (sigmoid).
        case slopeCancels
        /// The whole Jacobian gives δ = a − y when targets sum to 1 (softmax).
        case throughJacobian
        /// No cancellation: step 10 derives δ from the loss and the slope.
        case none
    }
}

extension Activation {
    /// What the lesson says about this activation; `g` is how the notation writes the function
    /// (g, σ, f, activation), used where a derivative form mentions g itself.
    func narration(written g: Math) -> ActivationNarration {
        let z = Math.identifier("z")
        let a = Math.identifier("a")
        let one = Math.integer(1)
        let tanh = MathFunction.activation(.tanh, written: .identifier("tanh"))
        let atCheckPoints = "At z = −1, −0.5, 0, 0.5, 1:"
        switch self {
        case .sigmoid:
            let gOfZ = Math.call(.activation(.sigmoid, written: g), [z])
            return ActivationNarration(
                definition: .divide(one, .add([one, .superscripted(.identifier("e"), .negate(z))])),
                derivativeForms: [.juxtaposed(gOfZ, .subtract(one, gOfZ)), .juxtaposed(a, .subtract(one, a))],
                layerSlope: .fromActivation,
                probeHeading: "At Ng's check points (ex4 evaluates sigmoidGradient at −1, −0.5, 0, 0.5, 1):",
                slopeFact: "the sigmoid's slope is largest, 0.25, at z = 0 and tiny for large |z|",
                isBounded: true, saturates: true, crossEntropyOutput: .slopeCancels)
        case .tanh:
            return ActivationNarration(
                definition: .call(tanh, [z]),
                derivativeForms: [
                    .subtract(one, .superscripted(.call(tanh, [z]), .integer(2))),
                    .subtract(one, .superscripted(a, .integer(2))),
                ],
                layerSlope: .oneMinusSquare, probeHeading: atCheckPoints,
                slopeFact: "tanh's slope is largest, 1, at z = 0 and tiny for large |z|",
                isBounded: true, saturates: true, crossEntropyOutput: .none)
        case .relu:
            return ActivationNarration(
                definition: .call(.named("max"), [.integer(0), z]),
                derivativeForms: [.text("1 if z > 0, else 0 (0 at z = 0 by convention)")],
                layerSlope: .ofWeightedInput, probeHeading: atCheckPoints,
                slopeFact:
                    "relu's slope is 1 for z > 0 and 0 for z < 0, so a unit with negative z passes no error back (at z = 0 exactly the tool uses 0)",
                isBounded: false, saturates: false, crossEntropyOutput: .none)
        case .linear:
            return ActivationNarration(
                definition: z, derivativeForms: [one], layerSlope: .ofWeightedInput, probeHeading: atCheckPoints,
                slopeFact: "a linear unit's slope is 1 everywhere, so it passes the error back unchanged",
                isBounded: false, saturates: false, crossEntropyOutput: .none)
        case .scaledTanh:
            let tanhSquared = MathFunction(.superscripted(.identifier("tanh"), .integer(2)), meaning: nil)
            return ActivationNarration(
                definition: .divide(.add([.call(tanh, [z]), one]), .integer(2)),
                derivativeForms: [.divide(.subtract(one, .call(tanhSquared, [z])), .integer(2))],
                layerSlope: .ofWeightedInput, probeHeading: atCheckPoints,
                slopeFact: "scaled-tanh's slope, (1 − tanh²(z))/2, is largest, 0.5, at z = 0 and tiny for large |z|",
                isBounded: true, saturates: true, crossEntropyOutput: .none)
        case .softmax:
            let i = Math.identifier("i")
            let k = Math.identifier("k")
            return ActivationNarration(
                definition: .divide(
                    .superscripted(.identifier("e"), .subscripted(z, i)),
                    .sum(k, .superscripted(.identifier("e"), .subscripted(z, k)))),
                derivativeForms: [
                    .juxtaposed(.subscripted(a, i), .parenthesized(.subtract(.text("[i = k]"), .subscripted(a, k))))
                ],
                layerSlope: .fromActivation,
                probeHeading:
                    "At z = (−1, −0.5, 0, 0.5, 1), softmax of the whole vector (the last column is the Jacobian's diagonal):",
                slopeFact:
                    "softmax's slope is a matrix, because each output depends on every z; the diagonal in the table is one part of it",
                isBounded: true, saturates: false, crossEntropyOutput: .throughJacobian)
        }
    }

    /// Whether step 4 and step 10 talk about this activation's values and slope: the
    /// properties above without a notation.
    var isBounded: Bool { narration(written: .identifier("g")).isBounded }
    /// Whether the slope vanishes for large |z|.
    var saturates: Bool { narration(written: .identifier("g")).saturates }
}
