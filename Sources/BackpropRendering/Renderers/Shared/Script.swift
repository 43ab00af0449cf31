/// Unicode superscripts and subscripts for indices such as Θ⁽²⁾ and a₀.
public enum Script {
    /// `text` with digits, signs and parentheses raised; other characters are kept.
    public static func superscript(_ text: String) -> String {
        String(text.map { superscripts[$0] ?? $0 })
    }

    /// `text` with digits, signs and parentheses lowered; other characters are kept.
    public static func `subscript`(_ text: String) -> String {
        String(text.map { subscripts[$0] ?? $0 })
    }

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "(": "⁽", ")": "⁾", "T": "ᵀ", "l": "ˡ", "L": "ᴸ", "i": "ⁱ", "j": "ʲ", "n": "ⁿ",
        "z": "ᶻ", "k": "ᵏ", "x": "ˣ",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "(": "₍", ")": "₎", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ",
        "x": "ₓ", "a": "ₐ", "m": "ₘ", "n": "ₙ", "t": "ₜ", "o": "ₒ", "e": "ₑ", "h": "ₕ",
    ]
}

extension Script {
    /// A script table turned round: each raised or lowered character to the plain one it
    /// stands for. Where two plain characters share a form (`-` and `−` both raise to `⁻`),
    /// the ASCII one is kept.
    static func inverse(_ table: [Character: Character]) -> [Character: Character] {
        var inverse: [Character: Character] = [:]
        for (plain, scripted) in table where inverse[scripted].map({ !$0.isASCII }) ?? true {
            inverse[scripted] = plain
        }
        return inverse
    }

    /// `text` raised, or nil when some character has no superscript form.
    public static func superscriptIfPossible(_ text: String) -> String? {
        text.allSatisfy { superscripts[$0] != nil || $0 == " " }
            ? superscript(text.replacingOccurrences(of: " ", with: "")) : nil
    }

    /// `text` lowered, or nil when some character has no subscript form; digits separated by
    /// commas are lowered with the commas kept.
    public static func subscriptIfPossible(_ text: String) -> String? {
        // No subscript comma exists; the plain one separates two-digit indices (Θ⁽¹⁾₁₁,₀).
        text.allSatisfy { subscripts[$0] != nil } || text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") })
            ? Script.`subscript`(text) : nil
    }
}
