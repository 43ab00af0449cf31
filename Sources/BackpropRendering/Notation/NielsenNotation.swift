/// Michael Nielsen's notation ("Neural Networks and Deep Learning", also Wikipedia's matrix
/// form): wˡ and bˡ lead into layer l (Ng's Θ⁽ˡ⁻¹⁾ without and with its column 0), zˡ = wˡaˡ⁻¹ + bˡ,
/// δˡ = ∂Cₓ/∂zˡ with Ng's sign, the four equations BP1–BP4; w → w − η∂C/∂w.
public struct NielsenNotation: Notation {
    public static let name = NotationName.nielsen
    public static let source = "Nielsen's Neural Networks and Deep Learning (and Wikipedia)"

    public let layerSizes: [Int]
    public init(layerSizes: [Int]) { self.layerSizes = layerSizes }

    public var vectorsAreRows: Bool { false }
    public var biasLayout: BiasLayout { .separateVector }
    public var deltaSign: DeltaSign { .lossGradient }
    public var squaredErrorDifference: SquaredErrorDifference { .outputMinusTarget }

    /// baseˡ: Nielsen writes layer numbers as plain superscripts.
    private func indexed(_ base: String, _ l: LayerIndex) -> Math { .superscripted(.identifier(base), l.math) }

    public func weights(_ l: LayerIndex) -> Math { indexed("w", l.shifted(by: 1)) }
    public func bias(_ l: LayerIndex) -> Math { indexed("b", l.shifted(by: 1)) }
    public func activation(_ l: LayerIndex) -> Math { indexed("a", l) }
    public func weightedInput(_ l: LayerIndex) -> Math { indexed("z", l) }
    public func delta(_ l: LayerIndex) -> Math { indexed("δ", l) }

    public func weightEntry(layer l: Int, i: UnitIndex, j: Int) -> Math {
        switch i {
        case .number(let i):
            if j == 0 { return .scripted(.identifier("b"), sub: .integer(i), sup: .integer(l + 1)) }
            return .scripted(.identifier("w"), sub: .text(indexPair(i, j)), sup: .integer(l + 1))
        case .symbol(let s):
            if j == 0 { return .scripted(.identifier("b"), sub: .identifier(s), sup: .integer(l + 1)) }
            return .scripted(.identifier("w"), sub: .row([.identifier(s), .integer(j)]), sup: .integer(l + 1))
        }
    }

    public func accumulator(_ l: Int) -> Math { .sum(.identifier("x"), .partial(sampleCost, weights(l))) }
    public func gradient(_ l: Int) -> Math { .partial(cost, weights(l)) }
    public func sampleGradient(_ l: Int) -> Math { .partial(sampleCost, weights(l)) }
    public var cost: Math { .identifier("C") }
    public var sampleCost: Math { .subscripted(.identifier("C"), .identifier("x")) }
    public var activationFunction: Math { .identifier("σ") }
    public var activationDerivative: Math { .prime(activationFunction) }
    /// σˡ, the layer as a plain superscript like wˡ (σ alone is the sigmoid in Nielsen's book).
    public func activationFunction(layer l: Int) -> Math { .superscripted(activationFunction, .integer(l)) }
    public var learningRate: Math { .identifier("η") }
    public var target: Math { .identifier("y") }
    public var sampleCount: Math { .identifier("n") }
    public var weightLetter: String { "w" }

    public func convention(roundingNote: String) -> [Inline] {
        [
            .text("Nielsen — "), .math(.superscripted(.identifier("w"), .identifier("l"))), .text(" and "),
            .math(.superscripted(.identifier("b"), .identifier("l"))),
            .text(" lead into layer l ("), .math(.superscripted(.identifier("w"), .identifier("l"))),
            .text(" is Ng's "),
            .math(
                .superscripted(.identifier("Θ"), .parenthesized(.row([.identifier("l"), .op(.minus), .integer(1)])))),
            .text(" without its column 0, "), .math(.superscripted(.identifier("b"), .identifier("l"))),
            .text(" is that column); "),
            .math(
                .binary(
                    .superscripted(.identifier("δ"), .identifier("l")), .equals,
                    .partial(sampleCost, .superscripted(.identifier("z"), .identifier("l"))))),
            .text(" for one sample x, the same sign as Ng's; C averages the "), .math(sampleCost),
            .text(". A superscript is a layer, not a power: "),
            .math(.superscripted(.identifier("w"), .integer(2))),
            .text(" is the weights into layer 2, and a square is written on parentheses, (w)². " + roundingNote),
        ]
    }

    public var weightsMeaning: String { "the weights into layer 2 (row j = unit j of layer 2)" }

    public func ruleLabel(_ rule: BackpropRule) -> String? {
        switch rule {
        case .outputError: return "BP1"
        case .hiddenError: return "BP2"
        case .biasGradient: return "BP3"
        case .weightGradient: return "BP4"
        }
    }
}

extension NotationName {
    /// Nielsen's notation.
    public static let nielsen = NotationName(rawValue: "nielsen")
}
