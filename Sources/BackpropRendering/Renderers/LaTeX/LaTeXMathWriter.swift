import BackpropCore

/// Writes `Math` as LaTeX math-mode source, for pdflatex or for KaTeX/MathJax in Markdown.
///
/// Shared by `LaTeXRenderer`, `BeamerRenderer` and `MarkdownRenderer` so every format spells
/// an expression the same way. Numbers go through `NumberFormat`, the same rounding as the
/// terminal, with an ASCII `-` for negatives.
struct LaTeXMathWriter: MathVisitor, Sendable {
    /// Which engine reads the output.
    enum Flavor: Sendable {
        /// pdflatex with amsmath and amssymb.
        case pdflatex
        /// KaTeX or MathJax on a web page: `\text{…}` holds only letters, digits and spaces,
        /// everything else is written as math symbols.
        case web
    }

    var format: NumberFormat
    var flavor: Flavor
    /// Fractions written on one line, ∂E/∂w and λ/(2m), at the text's size: for running text on
    /// slides, where a `\frac` would shrink its digits or, in display style, spread the lines
    /// apart (review N11).
    var slashesFractions = false
    /// The font of multi-letter names (net, output): `\mathrm`, or `\mathsf` on slides, whose
    /// text and math letters are sans-serif (review N11: no serif "net" beside a sans x).
    var namesFont = "\\mathrm"

    init(decimals: Int, flavor: Flavor) {
        self.format = NumberFormat(decimals: decimals)
        self.flavor = flavor
    }

    /// Delimiters grow (`\left( … \right)`) around content taller than this many lines.
    static let tallestPlainDelimited = 1.3
    /// amsmath's `bmatrix` holds at most this many columns (MaxMatrixCols); wider matrices
    /// are written as an `array`.
    static let widestBMatrix = 10

    /// The LaTeX for `m`.
    func write(_ m: Math) -> String {
        walk(m)
    }

    func visitIdentifier(_ name: String) -> String { identifier(name) }
    func visitText(_ words: String) -> String { text(words) }
    func visitNumber(_ value: Double, style: NumberStyle) -> String { number(value, style: style) }
    func visitInteger(_ value: Int) -> String { String(value) }
    func visitOperator(_ op: MathOperator) -> String { op.latex }

    func visitRow(_ items: [Math]) -> String {
        // A control word such as \alpha must not run into a following letter (\alphaD).
        items.map(write).reduce("", LaTeXEscaping.joined)
    }

    func visitSubscripted(_ base: Math, _ sub: Math) -> String { scriptBase(base) + "_{" + write(sub) + "}" }
    func visitSuperscripted(_ base: Math, _ sup: Math) -> String { scriptBase(base) + "^{" + write(sup) + "}" }
    func visitScripted(_ base: Math, sub: Math, sup: Math) -> String {
        scriptBase(base) + "^{" + write(sup) + "}_{" + write(sub) + "}"
    }

    func visitFraction(_ numerator: Math, _ denominator: Math) -> String {
        if slashesFractions { return slashed(numerator) + "/" + slashed(denominator) }
        return "\\frac{" + write(numerator) + "}{" + write(denominator) + "}"
    }

    /// A part of a one-line fraction, in parentheses unless it is one symbol or number.
    private func slashed(_ part: Math) -> String {
        Self.standsBareInSlashedFraction(part) ? write(part) : "(" + write(part) + ")"
    }

    /// Whether a numerator or denominator is one symbol or number, written without parentheses
    /// in a one-line fraction (λ/m, but λ/(2m)).
    static func standsBareInSlashedFraction(_ part: Math) -> Bool {
        switch part {
        case .identifier, .number, .integer, .subscripted, .superscripted, .scripted, .parenthesized, .norm:
            return true
        default:
            return false
        }
    }

    func visitParenthesized(_ inner: Math) -> String {
        // Plain parentheses around flat content (Ng's (2)), growing ones around a matrix.
        isTall(inner) ? "\\left(" + write(inner) + "\\right)" : "(" + write(inner) + ")"
    }

    func visitBracketed(_ inner: Math) -> String {
        isTall(inner) ? "\\left[" + write(inner) + "\\right]" : "[" + write(inner) + "]"
    }

    func visitNorm(_ inner: Math) -> String { "\\left\\lVert " + write(inner) + "\\right\\rVert " }

    func visitMatrix(_ rows: [[Math]]) -> String {
        let body = rows.map { $0.map(write).joined(separator: " & ") }.joined(separator: " \\\\ ")
        let columns = rows.map(\.count).max() ?? 0
        switch flavor {
        case .pdflatex where columns > Self.widestBMatrix:
            let spec = String(repeating: "c", count: columns)
            return "\\left[\\begin{array}{" + spec + "} " + body + " \\end{array}\\right]"
        case .pdflatex, .web:
            return "\\begin{bmatrix} " + body + " \\end{bmatrix}"
        }
    }

    func visitTranspose(_ operand: Math) -> String { scriptBase(operand) + "^{\\mathsf{T}}" }
    func visitPrime(_ base: Math) -> String { scriptBase(base) + "'" }

    func visitPartial(_ numerator: Math, _ denominator: Math) -> String {
        if slashesFractions { return "\\partial " + write(numerator) + "/\\partial " + write(denominator) }
        return "\\frac{\\partial " + write(numerator) + "}{\\partial " + write(denominator) + "}"
    }

    func visitSum(_ index: Math, _ body: Math) -> String { "\\sum_{" + write(index) + "} " + write(body) }

    func visitEllipsis(_ direction: Math.Ellipsis) -> String {
        switch direction {
        case .horizontal: return "\\cdots"
        case .vertical: return "\\vdots"
        case .diagonal: return "\\ddots"
        }
    }

    /// Whether `m` is tall enough for growing delimiters.
    private func isTall(_ m: Math) -> Bool {
        MathHeight().walk(m) > Self.tallestPlainDelimited
    }

    /// A base that already carries a script gets braces, so `(Θ⁽¹⁾)ᵀ` never becomes the
    /// double superscript `\Theta^{(1)}^{T}`.
    private func scriptBase(_ base: Math) -> String {
        switch base {
        case .identifier, .text, .number, .integer, .op, .fraction, .parenthesized, .bracketed, .norm,
            .matrix, .partial, .ellipsis:
            return write(base)
        case .row, .subscripted, .superscripted, .scripted, .transpose, .prime, .sum:
            return "{" + write(base) + "}"
        case .add, .subtract, .negate, .multiply, .divide, .hadamard, .outer, .stackBias, .call:
            // As the layout it prints as.
            return scriptBase(base.layout)
        }
    }

    /// Function names TeX, KaTeX and MathJax all know as operators.
    static let operatorNames: Set<String> = ["log", "exp", "max", "min", "tanh"]

    /// One letter as a math symbol (`δ` → `\delta`); several as upright `namesFont{…}`, with
    /// Greek letters and symbols kept outside it (a sans-serif T1 font's slot for `\Delta`
    /// holds an acute accent), and a single letter beside them italic (`ΔW` → `\Delta W`, like W).
    func identifier(_ name: String) -> String {
        if name.count == 1 { return LaTeXEscaping.math(name) }
        // Named operators TeX sets upright with their own spacing (review D12: \log, not \mathrm{log}).
        if Self.operatorNames.contains(name) { return "\\" + name }
        var output = ""
        var letters = ""
        func closeLetters() {
            if letters.count == 1 {
                // One letter beside a symbol is a variable: ΔW as \Delta W, italic like W alone.
                output = LaTeXEscaping.joined(output, LaTeXEscaping.math(letters))
            } else if !letters.isEmpty {
                output += namesFont + "{" + LaTeXEscaping.math(letters) + "}"
            }
            letters = ""
        }
        for character in name {
            if LaTeXEscaping.symbols[character] != nil {
                closeLetters()
                output += LaTeXEscaping.math(String(character))
            } else {
                letters.append(character)
            }
        }
        closeLetters()
        return output
    }

    /// Words in math.
    func text(_ words: String) -> String {
        switch flavor {
        case .pdflatex:
            return "\\text{" + LaTeXEscaping.text(words) + "}"
        case .web:
            // MathJax prints \text{…} verbatim while KaTeX interprets it, so only plain
            // letters, digits and spaces go inside; every other character is a math symbol.
            var output = ""
            var run = ""
            func flush() {
                if !run.isEmpty { output += "\\text{" + run + "}" }
                run = ""
            }
            for character in words {
                if character.isASCII,
                    character.isLetter || character.isNumber || character == " " || ".,:;()'-".contains(character)
                {
                    run.append(character)
                } else if character.isLetter, LaTeXEscaping.symbols[character] == nil,
                    character.unicodeScalars.allSatisfy({ (0xC0...0x17F).contains($0.value) })
                {
                    run.append(character)
                } else {
                    flush()
                    output += webSymbol(character)
                }
            }
            flush()
            return output
        }
    }

    private func webSymbol(_ character: Character) -> String {
        switch character {
        case "^": return "\\hat{\\ }"
        case "~": return "\\sim "
        case "`": return "\\grave{\\ }"
        case "\"": return "{''}"
        case "\n", "\r", "\t": return "\\ "
        default:
            let math = LaTeXEscaping.mathMode(character)
            // mathMode falls back to \text{\…} for a few characters; keep the web output free
            // of it: KaTeX and MathJax print the character itself in \text (control and
            // bidirectional characters by their code point, so they cannot reorder the page).
            guard math.hasPrefix("\\text{") else { return math + " " }
            if character.unicodeScalars.contains(where: ControlCharacters.isEscaped) {
                return "\\text{" + LaTeXTextCoverage.codePoints(character) + "}"
            }
            return "\\text{" + String(character) + "}"
        }
    }

    /// A number in its style: `∞` as `\infty`, an exponent as `{\times}10^{…}` (the × set tight,
    /// as one number, so a matrix in scientific form stays narrow enough for a slide), an ASCII `-`.
    func number(_ value: Double, style: NumberStyle = .document) -> String {
        guard value.isFinite else { return value.isNaN ? "\\mathrm{NaN}" : (value > 0 ? "\\infty" : "-\\infty") }
        let text = format.string(value, style: style)
        // A worksheet's blank: a box as wide as the answer, sign included, so its width gives nothing away.
        if style == .blank { return "\\boxed{\\phantom{-" + text.replacingOccurrences(of: "-", with: "") + "}}" }
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        // A bar such as 1e-9 is a power of ten: 10^{-9}, not 1 × 10^{-9}.
        let mantissa = text[..<e]
        if mantissa == "1" || mantissa == "-1" {
            return mantissa.dropLast() + "10^{" + String(exponent) + "}"
        }
        return String(mantissa) + "{\\times}10^{" + String(exponent) + "}"
    }
}
