import BackpropCore

/// The variable names of the other tutorials, read as parts of quantities (`QuantityPart`).
/// Which table applies is the notation's (`diagnose --notation`, else the lesson's), since
/// the tutorials reuse names: Nielsen's `delta` is δ⁽ᴸ⁾, the 15 Steps' is −δ⁽ᴸ⁾.
///
/// - Nielsen's network.py (lists indexed from 0, negative indices from the end, as Python):
///   `activations[k]` = a⁽ᵏ⁺¹⁾, `zs[k]` = z⁽ᵏ⁺²⁾, `delta` = δ⁽ᴸ⁾, and after `update_mini_batch`'s
///   loop over the samples `nabla_w[k]` = Δ⁽ᵏ⁺¹⁾ without its bias column and `nabla_b[k]` its
///   bias column (sums over the samples, as network.py keeps them).
/// - The 15 Steps: `x`, `net`, `output`, `delta` for the output layer and `net(l)`,
///   `output(l)`, `delta(l)` (or `net2`) for layer l; `delta` is −δ. `ΔW` (`DeltaW`, `dW`;
///   `ΔW(l)` for layer l's) is the weight change summed over the samples before η, in W's
///   layout (Θᵀ, bias row last) and sign: −Δ⁽ˡ⁾ (one sample's ΔW when the lesson has one).
/// - Mazur's: `i1`, `net_h1`, `out_h1`, `net_o1`, `out_o1` (one unit each; h is the one
///   hidden layer), `dEtotal_dw5` (also `dE_dw5`, `dw5`) for one weight's gradient and `w5` (also
///   `w5_new`, `w5+`) for the weight after the update, numbered as his post numbers them.
public enum NotationQuantityNames {
    /// The notations with a table of their own.
    public static let notations = ["nielsen", "tulleken", "mazur"]

    /// The quantity and part `name` stands for in `notation`, or nil.
    public static func read(_ name: String, notation: String, layerSizes: [Int]) -> (Quantity, QuantityPart)? {
        let L = layerSizes.count
        let plain = name.filter { $0 != " " }
        switch notation {
        case "nielsen": return nielsen(plain, L: L)
        case "tulleken": return fifteenSteps(plain, L: L)
        case "mazur": return mazur(plain, layerSizes: layerSizes)
        default: return nil
        }
    }

    static func nielsen(_ name: String, L: Int) -> (Quantity, QuantityPart)? {
        if name == "delta" { return (.delta(L), .whole) }
        guard let match = name.wholeMatch(of: /(activations|zs|nabla_w|nabla_b)\[(-?\d+)\]/), let k = Int(match.2)
        else { return nil }
        let count: Int
        switch match.1 {
        case "activations": count = L
        case "zs": count = L - 1
        default: count = L - 1
        }
        let index = k < 0 ? count + k : k
        guard (0..<count).contains(index) else { return nil }
        switch match.1 {
        case "activations": return (.activation(index + 1), .whole)
        case "zs": return (.weightedInput(index + 2), .whole)
        case "nabla_w": return (.accumulator(index + 1), QuantityPart(.withoutBias))
        default: return (.accumulator(index + 1), QuantityPart(.biasColumn))
        }
    }

    static func fifteenSteps(_ name: String, L: Int) -> (Quantity, QuantityPart)? {
        let minusDelta = QuantityPart(negated: true)
        switch name {
        case "x": return (.activation(1), .whole)
        case "net": return (.weightedInput(L), .whole)
        case "output": return (.activation(L), .whole)
        case "delta": return (.delta(L), minusDelta)
        case "ΔW", "DeltaW", "dW" where L == 2: return (.accumulator(1), QuantityPart(.biasRowLast, negated: true))
        default: break
        }
        if let match = name.wholeMatch(of: /(?:ΔW|DeltaW|dW)_?\(?(\d+)\)?/), let l = Int(match.1), (1..<L).contains(l) {
            return (.accumulator(l), QuantityPart(.biasRowLast, negated: true))
        }
        guard let match = name.wholeMatch(of: /(net|output|delta)_?\(?(\d+)\)?/), let l = Int(match.2) else { return nil }
        switch match.1 {
        case "net" where (2...L).contains(l): return (.weightedInput(l), .whole)
        case "output" where (1...L).contains(l): return (.activation(l), .whole)
        case "delta" where (2...L).contains(l): return (.delta(l), minusDelta)
        default: return nil
        }
    }

    static func mazur(_ name: String, layerSizes: [Int]) -> (Quantity, QuantityPart)? {
        let L = layerSizes.count
        // Layer tags: i the inputs, h the one hidden layer, o the outputs.
        func layer(_ tag: Substring) -> Int? {
            switch tag {
            case "i": return 1
            case "h" where L == 3: return 2
            case "o": return L
            default: return nil
            }
        }
        if let match = name.wholeMatch(of: /i(\d+)/), let i = Int(match.1), (1...layerSizes[0]).contains(i) {
            return (.activation(1), QuantityPart(.unit(i)))
        }
        if let match = name.wholeMatch(of: /(net|out)_?([iho])(\d+)/), let l = layer(match.2), let i = Int(match.3),
            (1...layerSizes[l - 1]).contains(i)
        {
            if match.1 == "net" { return l >= 2 ? (.weightedInput(l), QuantityPart(.unit(i))) : nil }
            return (.activation(l), QuantityPart(.unit(i)))
        }
        if let match = name.wholeMatch(of: /(?:dEtotal_dw|dE_dw|dw)(\d+)/), let n = Int(match.1),
            let (l, i, j) = weight(numbered: n, layerSizes: layerSizes)
        {
            return (.gradient(l), QuantityPart(.weight(i: i, j: j)))
        }
        if let match = name.wholeMatch(of: /w(\d+)(?:_new|\+|plus)?/), let n = Int(match.1),
            let (l, i, j) = weight(numbered: n, layerSizes: layerSizes)
        {
            return (.updatedWeights(l), QuantityPart(.weight(i: i, j: j)))
        }
        return nil
    }

    /// Mazur's weight number n as Θ⁽ˡ⁾ᵢⱼ (l, i, j, all 1-based, j ≥ 1): the inverse of the one
    /// numbering rule, `WeightLayout.mazurWeightNumber`; biases are not numbered.
    static func weight(numbered n: Int, layerSizes: [Int]) -> (Int, Int, Int)? {
        for l in 1..<layerSizes.count {
            for i in 1...layerSizes[l] {
                for j in 1...layerSizes[l - 1]
                where WeightLayout.mazurWeightNumber(layerSizes: layerSizes, layer: l, i: i, j: j) == n {
                    return (l, i, j)
                }
            }
        }
        return nil
    }
}
