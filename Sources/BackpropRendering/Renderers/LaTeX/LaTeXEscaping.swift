import BackpropCore

/// Turns lesson strings into LaTeX that prints them literally and can never run a command.
///
/// Every string that comes from a lesson (titles, summaries, class names, paragraph text and
/// `Math.text`) goes through `text(_:)`. A backslash becomes `\textbackslash{}`, so `\input`,
/// `\write18`, `\include`, `\openin` and `\catcode` arrive as inert letters; the other specials
/// (`{ } $ & # ^ _ % ~`) are escaped, and Unicode symbols (δ, Θ, ⁽²⁾, ⊙, −, ′, …) become math
/// symbols so that pdflatex with its default UTF-8 input never stops on an unknown character.
/// One table, `symbols`, drives both text mode and math mode.
public enum LaTeXEscaping {
    /// `string` as LaTeX text-mode material that typesets the same characters.
    ///
    /// Runs of Unicode superscripts or subscripts (⁽²⁾, ₁₀) are grouped into one
    /// `\textsuperscript{…}` / `\textsubscript{…}`. Characters LaTeX cannot typeset with the
    /// T1 encoding print as a visible stand-in, `[U+1F393]` (see `LaTeXTextCoverage`). Line
    /// breaks and tabs become spaces.
    public static func text(_ string: String) -> String {
        var output = ""
        let characters = Array(string)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let script = scriptRun(characters, from: index) {
                output += script.text
                index = script.end
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            output += textMode(character, next: next)
            index += 1
        }
        return output
    }

    /// `string` as LaTeX math-mode material: Greek letters as commands (δ → `\delta`),
    /// Unicode operators as their commands, ASCII letters and digits as they are, other
    /// characters through `text(_:)` inside `\text{…}`.
    public static func math(_ string: String) -> String {
        var output = ""
        let characters = Array(string)
        var index = 0
        while index < characters.count {
            if let script = scriptRun(characters, from: index) {
                output += script.math
                index = script.end
                continue
            }
            output = joined(output, mathMode(characters[index]))
            index += 1
        }
        return output
    }

    /// `string` as a hyperref PDF string (the PDF's title and bookmarks): the same escapes as
    /// `text(_:)` for TeX's specials, every other character as itself in UTF-8 (hyperref
    /// writes Unicode strings, so λ, Σ and even emoji keep their form in the PDF's metadata),
    /// control and bidirectional characters left out. Use it as the second argument of
    /// `\texorpdfstring`.
    public static func pdfString(_ string: String) -> String {
        var output = ""
        for character in string {
            if character.unicodeScalars.contains(where: ControlCharacters.isEscaped) {
                output += character == "\n" || character == "\t" || character == "\r\n" ? " " : ""
            } else if character.isASCII {
                output += textMode(character, next: nil)
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// `string` as a title: typeset as `text(_:)` writes it, and in the PDF's metadata and
    /// bookmarks as `pdfString(_:)` writes it (`\texorpdfstring{…}{…}`, which hyperref needs
    /// because math such as `\ensuremath{\lambda}` is not allowed in a PDF string).
    public static func title(_ string: String) -> String {
        "\\texorpdfstring{" + text(string) + "}{" + pdfString(string) + "}"
    }

    /// The LaTeX for one character in text mode.
    static func textMode(_ character: Character, next: Character?) -> String {
        switch character {
        case "\\": return "\\textbackslash{}"
        case "{": return "\\{"
        case "}": return "\\}"
        case "$": return "\\$"
        case "&": return "\\&"
        case "#": return "\\#"
        case "^": return "\\textasciicircum{}"
        // An identifier such as setosa_long_class_name may break after its underscores.
        case "_": return "\\_\\allowbreak{}"
        case "%": return "\\%"
        case "~": return "\\textasciitilde{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        case "`": return "\\textasciigrave{}"
        case "\"": return "\\textquotedbl{}"
        // Break the -- and --- ligatures so dashes print as typed.
        case "-": return next == "-" ? "-{}" : "-"
        // ?` and !` are ligatures (¿ ¡) only before a backquote, which is escaped above.
        case "\n", "\r", "\r\n", "\t": return " "
        default: break
        }
        if let symbol = symbols[character] {
            return symbol.text ?? "\\ensuremath{\(symbol.math)}"
        }
        if character.isASCII {
            return character.asciiValue.map { $0 >= 32 && $0 < 127 } == true ? String(character) : ""
        }
        // Latin letters, currency and punctuation the T1 and textcomp fonts have; anything
        // else is a visible stand-in that the command line warns about.
        return LaTeXTextCoverage.isTypesetAsIs(character) ? String(character) : LaTeXTextCoverage.standIn(character)
    }

    /// The LaTeX for one character in math mode.
    static func mathMode(_ character: Character) -> String {
        if let symbol = symbols[character] { return symbol.math }
        if character.isASCII, character.isLetter || character.isNumber || mathSafe.contains(character) {
            return String(character)
        }
        switch character {
        case "_": return "\\_"
        case "#": return "\\#"
        case "$": return "\\$"
        case "%": return "\\%"
        case "&": return "\\&"
        case "{": return "\\{"
        case "}": return "\\}"
        case "\\": return "\\backslash "
        case " ": return "\\ "
        default: return "\\text{\(textMode(character, next: nil))}"
        }
    }

    private static let mathSafe: Set<Character> = [
        "(", ")", "[", "]", ".", ",", ";", ":", "!", "?", "'", "+", "-", "=", "/", "*", "<", ">", "|", "@",
    ]

    /// A run of Unicode superscript or subscript characters starting at `start`, if any.
    private static func scriptRun(_ characters: [Character], from start: Int) -> (text: String, math: String, end: Int)?
    {
        for (table, textCommand, mathPrefix) in [
            (superscripts, "\\textsuperscript", "^"), (subscripts, "\\textsubscript", "_"),
        ] {
            var end = start
            var plain = ""
            while end < characters.count, let lowered = table[characters[end]] {
                plain.append(lowered)
                end += 1
            }
            if end > start {
                let mathText = plain == "T" && mathPrefix == "^" ? "\\mathsf{T}" : math(plain)
                return ("\(textCommand){\\ensuremath{\(mathText)}}", "\(mathPrefix){\(mathText)}", end)
            }
        }
        return nil
    }

    /// A symbol's math-mode command and, where it differs from `\ensuremath{math}`, its
    /// text-mode spelling.
    struct Symbol {
        var math: String
        var text: String?
        init(_ math: String, text: String? = nil) {
            self.math = math
            self.text = text
        }
    }

    /// The one table of non-ASCII characters a lesson or notation may use.
    static let symbols: [Character: Symbol] = [
        // Greek, lower case (ε is Ng's and Nielsen's ε: the curly form).
        "α": Symbol("\\alpha"), "β": Symbol("\\beta"), "γ": Symbol("\\gamma"), "δ": Symbol("\\delta"),
        "ε": Symbol("\\varepsilon"), "ϵ": Symbol("\\epsilon"), "ζ": Symbol("\\zeta"), "η": Symbol("\\eta"),
        "θ": Symbol("\\theta"), "ι": Symbol("\\iota"), "κ": Symbol("\\kappa"), "λ": Symbol("\\lambda"),
        "μ": Symbol("\\mu"), "ν": Symbol("\\nu"), "ξ": Symbol("\\xi"), "π": Symbol("\\pi"), "ρ": Symbol("\\rho"),
        "σ": Symbol("\\sigma"), "ς": Symbol("\\varsigma"), "τ": Symbol("\\tau"), "υ": Symbol("\\upsilon"),
        "φ": Symbol("\\varphi"), "ϕ": Symbol("\\phi"), "χ": Symbol("\\chi"), "ψ": Symbol("\\psi"),
        "ω": Symbol("\\omega"),
        // Greek, upper case (Σ as an identifier is the summation sign).
        "Γ": Symbol("\\Gamma"), "Δ": Symbol("\\Delta"), "Θ": Symbol("\\Theta"), "Λ": Symbol("\\Lambda"),
        "Ξ": Symbol("\\Xi"), "Π": Symbol("\\Pi"), "Σ": Symbol("\\sum", text: "\\ensuremath{\\Sigma}"),
        "Υ": Symbol("\\Upsilon"), "Φ": Symbol("\\Phi"), "Ψ": Symbol("\\Psi"), "Ω": Symbol("\\Omega"),
        // Operators and relations.
        "∑": Symbol("\\sum"), "∇": Symbol("\\nabla"), "∂": Symbol("\\partial"), "⊙": Symbol("\\odot"),
        "⊗": Symbol("\\otimes"), "∘": Symbol("\\circ"), "×": Symbol("\\times"), "·": Symbol("\\cdot"),
        "⋅": Symbol("\\cdot"), "−": Symbol("-"), "±": Symbol("\\pm"), "÷": Symbol("\\div"),
        "′": Symbol("'"), "″": Symbol("''"), "‴": Symbol("'''"), "≈": Symbol("\\approx"), "≤": Symbol("\\le"),
        "≥": Symbol("\\ge"),
        "≠": Symbol("\\ne"), "≡": Symbol("\\equiv"), "→": Symbol("\\to"), "←": Symbol("\\leftarrow"),
        "⇒": Symbol("\\Rightarrow"), "↦": Symbol("\\mapsto"), "∈": Symbol("\\in"), "∞": Symbol("\\infty"),
        "√": Symbol("\\surd"), "‖": Symbol("\\Vert", text: "\\ensuremath{\\Vert}"), "∝": Symbol("\\propto"),
        "⋯": Symbol("\\cdots"), "⋮": Symbol("\\vdots"), "⋱": Symbol("\\ddots"),
        "…": Symbol("\\ldots", text: "\\ldots{}"), "°": Symbol("^{\\circ}", text: "\\textdegree{}"),
        "ℝ": Symbol("\\mathbb{R}"), "ℕ": Symbol("\\mathbb{N}"), "ℤ": Symbol("\\mathbb{Z}"),
        // Typography.
        "–": Symbol("\\text{--}", text: "--"), "—": Symbol("\\text{---}", text: "---"),
        "‘": Symbol("`", text: "`"), "’": Symbol("'", text: "'"),
        "“": Symbol("\\text{``}", text: "``"), "”": Symbol("\\text{''}", text: "''"),
        "\u{00A0}": Symbol("~", text: "~"),
    ]

    /// Unicode superscripts and the characters they raise: the inverse of `Script`'s table,
    /// so every superscript the text renderer writes is typeset here too.
    static let superscripts = Script.inverse(Script.superscripts)
    /// Unicode subscripts and the characters they lower (the inverse of `Script`'s table).
    static let subscripts = Script.inverse(Script.subscripts)

    /// `left` and `right` run together, with a space between when `left` ends in a control
    /// word and `right` starts with a letter: `\Delta W`, not `\DeltaW`, which TeX would read
    /// as one unknown command. The one place this rule lives (math escaping and
    /// `LaTeXMathWriter` rows both use it); it looks back only over the trailing letters.
    static func joined(_ left: String, _ right: String) -> String {
        guard let first = right.first, first.isLetter, left.endsInControlWord else { return left + right }
        return left + " " + right
    }
}

extension String {
    /// Whether the text ends in a control word such as `\Delta` (a backslash and ASCII letters).
    var endsInControlWord: Bool {
        var index = endIndex
        var sawLetter = false
        while index > startIndex {
            let before = self.index(before: index)
            let character = self[before]
            guard character.isASCII, character.isLetter else { return sawLetter && character == "\\" }
            sawLetter = true
            index = before
        }
        return false
    }
}
