/// The names learners give their values, read as quantities of a network with L layers.
///
/// Accepted (layer numbers are Ng's, as ex4's code follows the network's depth):
/// - ex4's variables: `a1 z2 a2 … a3`, `delta3 d3 delta_3`, `Delta1 Delta_1`, `Theta1_grad`,
///   `J`, the unrolled `grad` (split into `Theta1_grad`, `Theta2_grad`, … column by column, as
///   `[Theta1_grad(:); Theta2_grad(:)]`), and `Theta1_new`/`Theta1_updated` for the weights
///   after one step;
/// - the tool's printed names, Unicode or ASCII: `a⁽²⁾`, `z⁽³⁾`, `δ⁽³⁾`, `Δ⁽¹⁾`, `D⁽¹⁾`, `D1`,
///   `a(2)`, `delta(3)`, `cost`.
public enum QuantityNames {
    /// The quantity `name` stands for, or nil. `grad` is handled by `unrolled(_:)`.
    public static func quantity(named name: String, layerCount L: Int) -> Quantity? {
        let plain = normalized(name)
        if ["j", "cost", "jcost", "j_cost"].contains(plain.lowercased()) { return .cost }
        guard let match = plain.wholeMatch(of: /([A-Za-zδΔΘ]+?)_?(\d+)(_?(grad|new|updated|next))?/),
            let l = Int(match.2)
        else { return nil }
        let base = String(match.1)
        let suffix = match.4.map(String.init)
        let quantity: Quantity?
        switch (base, suffix) {
        case ("a", nil): quantity = .activation(l)
        case ("z", nil): quantity = .weightedInput(l)
        case ("delta", nil), ("d", nil), ("δ", nil): quantity = .delta(l)
        case ("Delta", nil), ("Δ", nil), ("DELTA", nil): quantity = .accumulator(l)
        case ("Theta", "grad"?), ("Θ", "grad"?), ("D", nil), ("grad", nil), ("theta", "grad"?): quantity = .gradient(l)
        case ("Theta", "new"?), ("Theta", "updated"?), ("Theta", "next"?), ("Θ", "new"?), ("Θ", "updated"?):
            quantity = .updatedWeights(l)
        default: quantity = nil
        }
        guard let quantity, isValid(quantity, layerCount: L) else { return nil }
        return quantity
    }

    /// Whether the layer number fits a network of L layers.
    static func isValid(_ q: Quantity, layerCount L: Int) -> Bool {
        switch q {
        case .activation(let l): return (1...L).contains(l)
        case .weightedInput(let l), .delta(let l): return (2...L).contains(l)
        case .accumulator(let l), .gradient(let l), .updatedWeights(let l): return (1..<L).contains(l)
        case .cost: return true
        }
    }

    /// Superscript digits and parentheses folded to plain text: `δ⁽³⁾` → `δ3`, `a(2)` → `a2`.
    static func normalized(_ name: String) -> String {
        let superscripts: [Character: Character] = [
            "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        ]
        var result = ""
        for c in name where !"()⁽⁾{}^ ".contains(c) {
            result.append(superscripts[c] ?? c)
        }
        return result
    }

    /// Whether `name` is ex4's unrolled gradient vector.
    public static func isUnrolledGradient(_ name: String) -> Bool { ["grad", "gradient"].contains(name) }
}
