import BackpropCore
import Foundation

/// Steps 8 and 9: why derivatives (a slope measured by two cost evaluations), and the chain rule
/// for one weight.
extension Narrator {
    func stepWhyDerivatives() -> [Block] {
        let slope = trace.slopeExample
        let probeDecimals = probeCostDecimals(slope.costPlus, slope.costMinus, slope: slope.slope)
        let l = slope.layer + 1
        let weight = weightEntry(layer: l, i: slope.row + 1, j: slope.column)
        let cost = notation.cost
        let epsilon = Math.identifier("ε")
        let backprop = trace.D[slope.layer][slope.row, slope.column]
        return [
            .paragraph([
                .t(
                    "Training means changing the weights so that the cost goes down. Gradient descent moves every weight a small step against the slope of the cost along it:"
                )
            ]),
            .equation(
                Equation(
                    notation.weights(1),
                    [
                        .init(
                            .assign,
                            .subtract(
                                notation.weights(1),
                                .juxtaposed(notation.learningRate, .partial(cost, notation.weights(1)))))
                    ])),
            .paragraph([
                .t("A slope can be measured with two cost evaluations. Take the weight "), .m(weight),
                .t(", move it by "),
                // ε is a constant of the method: printed in full at every precision.
                .m(.binary(epsilon, .equals, .number(slope.epsilon, .roundTrip))),
                .t(" up and down, and recompute the cost over all samples:"),
            ]),
            .equation(
                Equation(
                    .partial(cost, weight),
                    [
                        .init(.approximately, centralDifference(cost, at: weight)),
                        // The two costs differ in the 5th decimal or later: shown to the digits
                        // their difference needs.
                        .init(
                            .equals,
                            .divide(
                                .subtract(
                                    .number(slope.costPlus, .fixed(probeDecimals)),
                                    .number(slope.costMinus, .fixed(probeDecimals))),
                                .times(.integer(2), .number(slope.epsilon, .roundTrip)))),
                        .init(.equals, .number(slope.slope)),
                    ])),
            .paragraph([
                .t(
                    "Backpropagation (steps 9–13) computes this slope exactly, and for every weight at once; the two-point estimate above only approximates it, with an error that shrinks like ε². Backprop's value for "
                ), .m(weight),
                .t(" is "), .m(.number(backprop)), .t(". Step 14 compares the two for every weight."),
            ]),
            .why([
                .t(
                    "Backprop computes the gradient of the cost, the direction in which it rises fastest; stepping against it lowers the cost. Two cost evaluations per weight would also give it, but each evaluation is a forward pass over \(trace.m == 1 ? "the one sample" : "all \(trace.m) samples"), two per weight; backprop gets every weight's slope from one forward and one backward pass."
                )
            ]),
        ]
    }

    /// Decimals of two probe costs (steps 8 and 11), which differ only in the 5th decimal or
    /// later: enough that their printed difference keeps two significant digits more than the
    /// printed slope (`slope`, in the document's style), so the slope can be redone from them
    /// (0.298379325 − 0.298362892 = 1.6433e-5 for 0.0822), and no more (issue 23, N7: not
    /// 12 decimals in a 4-decimal document).
    func probeCostDecimals(_ plus: Double, _ minus: Double, slope: Double) -> Int {
        let difference = abs(plus - minus)
        guard difference.isFinite, difference > 0 else { return Self.mostProbeDecimals }
        let printed = NumberFormat(decimals: decimals).string(slope)
        let mantissa = printed.prefix { $0 != "e" }
        let significant = mantissa.drop { !("1"..."9").contains($0) }.filter(\.isNumber).count
        let leading = Int(log10(difference).rounded(.down))
        return min(Self.mostProbeDecimals, max(decimals, significant + 2 - 1 - leading))
    }
    /// Decimals of two probe costs that do not differ at all (or not within a Double).
    static let mostProbeDecimals = 12

    /// The central difference (cost(w + ε) − cost(w − ε)) / 2ε, symbolically; the cost is
    /// written as a function of the one weight `weight`.
    func centralDifference(_ cost: Math, at weight: Math) -> Math {
        let epsilon = Math.identifier("ε")
        let costOf = MathFunction(cost, meaning: nil)
        return .divide(
            .subtract(.call(costOf, [.add([weight, epsilon])]), .call(costOf, [.subtract(weight, epsilon)])),
            .juxtaposed(.integer(2), epsilon))
    }

    func stepChainRule() -> [Block] {
        let L = layerCount
        let l = L - 1
        // The weight chosen with --weight when it leads into the output layer, else w(1, 1).
        let (i, j) = outputWeight
        let weight = weightEntry(layer: l, i: i, j: j)
        // One sample's loss: the chain rule below is this sample's, not the average's.
        let cost = notation.sampleCost
        let z = unit(.weightedInput, L, i)
        let a = unit(.activation, l, j)
        let deltaSymbol = unit(.delta, L, i)
        let gradient = sample.gradient[l - 1][i - 1, j]
        let deltaValue = sample.delta[L - 2][i - 1]
        let signedDelta = negatesDelta ? Math.negate(deltaSymbol) : deltaSymbol
        var blocks: [Block] = [
            .paragraph([
                .t("Take one weight into the output layer, "), .m(weight),
                .t(" (unit \(j) of \(notation.layerName(l)) to unit \(i) of \(notation.layerName(L))), and sample \(sampleNumber), whose loss is "),
                .m(cost),
                .t(". The weight affects that loss only through "),
                .m(z), .t(", so the chain rule splits the derivative in two:"),
            ]),
            // Symbols only: the first factor's value is derived below from the forward pass,
            // not quoted from step 10 before step 10 derives it (classroom review F3).
            .equation(
                Equation(
                    .partial(cost, weight),
                    equals: [
                        .times(.partial(cost, z), .partial(z, weight)),
                        .times(signedDelta, a),
                    ])),
            .paragraph(
                [
                    .t("The second factor is the activation the weight multiplies, because "), .m(z),
                    .t(" is a sum in which "), .m(weight), .t(" appears once, times "), .m(a), .t(". The first factor, "),
                    .m(.partial(cost, z)),
                ]
                    + (negatesDelta
                        ? [.t(", minus the 15 Steps' "), .m(deltaSymbol), .t(", is")]
                        : [.t(", the unit's error "), .m(deltaSymbol), .t(", is")])
                    + [.t(" how strongly this sample's loss reacts to its weighted input. Its value comes from the forward pass.")]),
        ]
        let output = unit(.activation, L, i)
        let target = unit(.target, L, i)
        let outputNarration = activation(ofLayer: L).narration(written: notation.activationFunction)
        if trace.lesson.loss == .crossEntropy && outputNarration.crossEntropyOutput != .none {
            // Cross-entropy with sigmoid or softmax outputs: ∂loss/∂z = a − y (step 10 shows why).
            blocks.append(
                .paragraph([
                    .t(
                        "With cross-entropy and \(activation(ofLayer: L).rawValue) outputs it is the output minus the target (step 10 shows why):"
                    )
                ]))
            blocks.append(
                .equation(
                    Equation(
                        .partial(cost, weight),
                        equals: [
                            .times(.subtract(output, target), a),
                            .times(
                                .subtract(.number(sample.a[L - 1][i - 1]), .number(sample.y[i - 1])),
                                .number(sample.a[l - 1][j - 1])),
                            .number(gradient),
                        ])))
            blocks += handRoundingNote([deltaValue, sample.a[l - 1][j - 1]], product: gradient)
        } else if trace.lesson.loss == .crossEntropy {
            blocks.append(
                .paragraph([
                    .t("Step 10 derives it from the loss and the activation's slope; it is "),
                    .m(.binary(deltaSymbol, .equals, .number(signed(deltaValue)))), .t(", so "),
                    .m(.binary(.partial(cost, weight), .equals, .number(gradient))), .t("."),
                ]))
        }
        if trace.lesson.loss == .squaredError {
            blocks.append(.paragraph([.t("With squared error the first factor splits again, as in Mazur's example:")]))
            blocks.append(
                .equation(
                    Equation(
                        .partial(cost, weight),
                        equals: [
                            .times(.times(.partial(cost, output), .partial(output, z)), .partial(z, weight)),
                            .times(
                                .times(
                                    outputErrorFactor(output: output, target: unit(.target, L, i)),
                                    .call(derivativeFunction(ofLayer: L), [z])), a),
                            .times(
                                .times(.number(sample.outputError[i - 1]), .number(sample.activationDerivative[L - 2][i - 1])),
                                .number(sample.a[l - 1][j - 1])),
                            .number(gradient),
                        ])))
            blocks.append(
                .paragraph([
                    .t("The first two factors together are "), .m(.partial(cost, z)),
                    .t(negatesDelta ? ", minus the unit's delta: " : ", the unit's error: "),
                    .m(.binary(signedDelta, .equals, .number(deltaValue))),
                    .t(". Step 10 computes it this way for every output unit."),
                ]))
            blocks += handRoundingNote(
                [sample.outputError[i - 1], sample.activationDerivative[L - 2][i - 1], sample.a[l - 1][j - 1]], product: gradient)
        }
        if trace.m > 1 {
            blocks.append(
                .paragraph([
                    .t("This is the derivative of sample \(sampleNumber)'s loss "), .m(cost),
                    .t(", not of the cost "), .m(notation.cost),
                    .t(
                        ": step 8's slope of the cost is the average of such derivatives over all \(trace.m) samples"
                            + (trace.lesson.lambda > 0 ? ", plus the regularisation term (step 13)." : " (step 13).")
                    ),
                ]))
        }
        blocks.append(
            .why([
                .t("Every weight's derivative has this form: "),
                .m(
                    .binary(
                        .partial(cost, weight), .equals,
                        .times(negatesDelta ? .negate(deltaSymbol) : deltaSymbol, a))),
                .t(
                    ". Once every unit's error is known, each weight's derivative is one product: the error of the unit the weight leads into times the activation it multiplies (1 for a bias weight)."
                ),
            ]))
        return blocks
    }

    /// A sentence saying that the factors shown are rounded and the product is not, when
    /// multiplying the rounded factors by hand gives a different last digit than the one shown.
    func handRoundingNote(_ factors: [Double], product: Double) -> [Block] {
        guard handProductDiffers(factors, product: product) else { return [] }
        return [
            .paragraph([
                .t(
                    "The factors are shown rounded to \(decimals) decimals; the tool multiplies them at full precision, so redoing the product with the rounded factors can differ in the last digit."
                )
            ])
        ]
    }

    /// Whether the product of the factors as printed differs from the product as printed. The
    /// display gives a line of factors the digits it needs to give its result
    /// (`NumberFormat.displayed(_:)`), so this holds only on a rounding tie.
    func handProductDiffers(_ factors: [Double], product: Double) -> Bool {
        let format = NumberFormat(decimals: decimals)
        let line = factors.dropFirst().reduce(Math.number(factors.first ?? 1)) { .times($0, .number($1)) }
        return !format.redoesByHand(format.displayed(Equation(.text("product"), equals: [line, .number(product)])))
    }
}
