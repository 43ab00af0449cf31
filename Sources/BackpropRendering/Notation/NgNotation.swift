/// Andrew Ng's notation (Machine Learning course, ex4): Θ⁽ˡ⁾ maps layer l to l + 1 with the
/// bias weights in column 0, column vectors with a 1 stacked on top, δ⁽ˡ⁾ = ∂loss/∂z⁽ˡ⁾
/// (output minus target), Δ⁽ˡ⁾ accumulates and D⁽ˡ⁾ = ∂J/∂Θ⁽ˡ⁾; Θ := Θ − αD.
public struct NgNotation: Notation {
    public static let name = NotationName.ng
    public static let source = "Ng's Machine Learning course (ex4)"

    public let layerSizes: [Int]
    public init(layerSizes: [Int]) { self.layerSizes = layerSizes }

    public var vectorsAreRows: Bool { false }
    public var biasLayout: BiasLayout { .firstColumn }
    public var deltaSign: DeltaSign { .lossGradient }
    public var squaredErrorDifference: SquaredErrorDifference { .outputMinusTarget }

    /// base⁽ˡ⁾: Ng writes layer numbers as parenthesised superscripts.
    private func indexed(_ base: String, _ l: LayerIndex) -> Math {
        .superscripted(.identifier(base), .parenthesized(l.math))
    }

    public func weights(_ l: LayerIndex) -> Math { indexed("Θ", l) }
    public func bias(_ l: LayerIndex) -> Math { .subscripted(indexed("Θ", l), .integer(0)) }
    public func activation(_ l: LayerIndex) -> Math { indexed("a", l) }
    public func weightedInput(_ l: LayerIndex) -> Math { indexed("z", l) }
    public func delta(_ l: LayerIndex) -> Math { indexed("δ", l) }

    public func weightEntry(layer l: Int, i: UnitIndex, j: Int) -> Math {
        switch i {
        case .number(let i):
            return .scripted(.identifier("Θ"), sub: .text(indexPair(i, j)), sup: .parenthesized(.integer(l)))
        case .symbol(let s):
            return .scripted(
                .identifier("Θ"), sub: .row([.identifier(s), .integer(j)]), sup: .parenthesized(.integer(l)))
        }
    }

    public func accumulator(_ l: Int) -> Math { indexed("Δ", .number(l)) }
    public func gradient(_ l: Int) -> Math { indexed("D", .number(l)) }
    public func sampleGradient(_ l: Int) -> Math { indexed("∇", .number(l)) }
    public var cost: Math { .identifier("J") }
    /// The loss of sample i, J⁽ⁱ⁾ (Ng's cost(i)): J averages it over the m samples.
    public var sampleCost: Math { .superscripted(.identifier("J"), .parenthesized(.identifier("i"))) }
    public var activationFunction: Math { .identifier("g") }
    public var activationDerivative: Math { .prime(activationFunction) }
    public var learningRate: Math { .identifier("α") }
    public var target: Math { .identifier("y") }
    public var weightLetter: String { "Θ" }

    public func convention(roundingNote: String) -> [Inline] {
        let l = Math.parenthesized(.identifier("l"))
        return [
            .text("Ng — layers l = 1…L; "), .math(.superscripted(.identifier("Θ"), l)),
            .text(" maps layer l to l + 1, column 0 multiplies the bias unit a₀ = 1; "),
            .math(
                .binary(
                    .superscripted(.identifier("δ"), l), .equals,
                    .partial(sampleCost, .superscripted(.identifier("z"), l)))),
            .text(" (sign convention: output minus target, the opposite of the 15 Steps' delta), where "),
            .math(sampleCost),
            .text(" is the loss of sample i alone and J the cost, their average plus any regularisation. " + roundingNote),
        ]
    }

    public var weightsMeaning: String { "the weights from layer 1 to layer 2; column 0 holds the bias weights" }
}

extension NotationName {
    /// Ng's notation.
    public static let ng = NotationName(rawValue: "ng")
}
