/// Reads a weight's name as a learner types it (`--weight`): the chosen notation's own name
/// (`w₆`, `Θ⁽²⁾₁₂`, `W[1,0]`), its ASCII spelling (`w6`, `Theta(2)_12`, `theta2_12`), or any
/// other registered notation's. Names are compared after folding: Greek letters spelt out
/// (Θ → theta), raised and lowered characters made plain, case, spaces, `_`, `^`, `(` and `)`
/// dropped; so `Theta(2)_12`, `theta2 12` and `Θ⁽²⁾₁₂` are one name.
public enum WeightName {
    /// What reading a name gave.
    public enum Reading: Equatable, Sendable {
        /// Exactly one weight has this name.
        case weight(WeightIndex)
        /// No weight of `candidates` has it.
        case unknown
        /// Several weights have it (in different notations); the chosen notation has none.
        case ambiguous([WeightIndex])
    }

    /// The weight of `candidates` called `text` in `notation` (preferred) or another notation.
    public static func read(_ text: String, candidates: [WeightIndex], layerSizes: [Int], notation: NotationName)
        -> Reading
    {
        let wanted = folded(text)
        guard !wanted.isEmpty else { return .unknown }
        var own: [WeightIndex] = []
        var others: [WeightIndex] = []
        for type in NotationRegistry.all {
            let named = type.init(layerSizes: layerSizes)
            let writer = UnicodeMathWriter(format: NumberFormat())
            for weight in candidates
            where folded(writer.line(named.weightEntry(layer: weight.layer, i: weight.row, j: weight.column))) == wanted {
                if type.name == notation { own.append(weight) } else if !others.contains(weight) { others.append(weight) }
            }
        }
        if own.count == 1 { return .weight(own[0]) }
        if own.count > 1 { return .ambiguous(own) }
        if others.count == 1 { return .weight(others[0]) }
        return others.isEmpty ? .unknown : .ambiguous(others)
    }

    /// A weight's symbol as one line of Unicode text, as a learner would copy it (`w₆`).
    public static func plainText(_ symbol: Math) -> String {
        UnicodeMathWriter(format: NumberFormat()).line(symbol)
    }

    /// `name` folded for comparison (see the type's note).
    public static func folded(_ name: String) -> String {
        let plain = Script.inverse(Script.superscripts).merging(Script.inverse(Script.subscripts)) { first, _ in first }
        var out = ""
        for character in name {
            let base = plain[character] ?? character
            if let spelt = greek[base] {
                out += spelt
            } else if !" _^()⁽⁾₍₎\t".contains(base) {
                out += base.lowercased()
            }
        }
        return out
    }

    static let greek: [Character: String] = [
        "Θ": "theta", "θ": "theta", "ϑ": "theta", "Δ": "delta", "δ": "delta", "α": "alpha", "η": "eta", "λ": "lambda",
        "σ": "sigma", "Σ": "sigma", "β": "beta", "γ": "gamma", "ω": "omega", "Ω": "omega",
    ]
}
