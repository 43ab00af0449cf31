import BackpropCore

/// Which units and weights each equation uses, said once for every step and notation: an
/// equation is recognised by what its left-hand side is in this notation (a⁽ˡ⁾, z⁽ˡ⁾, δ⁽ˡ⁾,
/// a unit's z, a layer's gradient, Θ⁽ˡ⁾ being updated, ∂cost/∂ one weight), asking the notation
/// for each symbol, never branching on its name. Layers and indices are Ng's
/// (`QuantityReference`).
extension Narrator {
    /// `blocks` with every equation's `uses` filled in.
    func annotatingUses(_ blocks: [Block], step: Step) -> [Block] {
        blocks.map { block in
            guard case .equation(var equation) = block else { return block }
            equation.uses = uses(of: equation, in: step)
            return .equation(equation)
        }
    }

    /// The quantities `equation` uses, or none when its left-hand side is none of the above.
    func uses(of equation: Equation, in step: Step) -> [QuantityReference] {
        let lhs = equation.lhs
        let L = layerCount
        typealias Q = QuantityReference
        for l in 1...L {
            if lhs == notation.activation(l) {
                return l == 1 ? [Q(.activation, layer: 1)] : [Q(.weightedInput, layer: l), Q(.activation, layer: l)]
            }
            guard l >= 2 else { continue }
            if lhs == notation.weightedInput(l) {
                return [Q(.activation, layer: l - 1), Q(.weight, layer: l - 1), Q(.weightedInput, layer: l)]
            }
            if lhs == notation.delta(l) {
                return l == L
                    ? [Q(.activation, layer: L), Q(.weightedInput, layer: L), Q(.delta, layer: L)]
                    : [Q(.delta, layer: l + 1), Q(.weight, layer: l), Q(.weightedInput, layer: l), Q(.delta, layer: l)]
            }
            if lhs == unit(.weightedInput, l, 1) {
                return [Q(.activation, layer: l - 1), Q(.weight, layer: l - 1, unit: 1), Q(.weightedInput, layer: l, unit: 1)]
            }
        }
        // One unit's error (steps 10, 11): the output unit's activation and z, or a hidden
        // unit's z, the errors of the units it feeds and the weights it feeds them through.
        let sizes = trace.lesson.layers
        for l in 2...L where sizes[l - 1] <= 16 {
            for i in 1...sizes[l - 1] where lhs == unit(.delta, l, i) {
                if l == L {
                    return [Q(.activation, layer: l, unit: i), Q(.weightedInput, layer: l, unit: i), Q(.delta, layer: l, unit: i)]
                }
                var used = [Q(.delta, layer: l + 1)]
                for k in 1...sizes[l] { used.append(Q(.weight, layer: l, unit: k, column: i)) }
                return used + [Q(.weightedInput, layer: l, unit: i), Q(.delta, layer: l, unit: i)]
            }
        }
        for l in 1..<L {
            if lhs == sampleGradientSymbol(l) || lhs == notation.gradient(l) {
                return [Q(.gradient, layer: l), Q(.delta, layer: l + 1), Q(.activation, layer: l)]
            }
            if step == .gradientDescent, lhs == notation.weights(l) {
                return [Q(.weight, layer: l), Q(.gradient, layer: l)]
            }
        }
        // ∂cost/∂ one weight (steps 8, 9, 11): the weight, its gradient, the error of the unit
        // it feeds and the activation it multiplies.
        if case .partial(_, let denominator) = lhs {
            for l in 1..<L where sizes[l] <= 16 && sizes[l - 1] <= 16 {
                for i in 1...sizes[l] {
                    for j in 0...sizes[l - 1] where denominator == weightEntry(layer: l, i: i, j: j) {
                        var used = [
                            Q(.weight, layer: l, unit: i, column: j), Q(.gradient, layer: l, unit: i, column: j),
                            Q(.weightedInput, layer: l + 1, unit: i), Q(.delta, layer: l + 1, unit: i),
                        ]
                        if j > 0 { used.append(Q(.activation, layer: l, unit: j)) }
                        return used
                    }
                }
            }
        }
        return []
    }
}
