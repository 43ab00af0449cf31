/// Writes `Math` as LaTeX math-mode source, for pdflatex or for KaTeX/MathJax in Markdown.
///
/// Shared by `LaTeXRenderer`, `BeamerRenderer` and `MarkdownRenderer` so every format spells
/// an expression the same way. Numbers go through `NumberFormat`, the same rounding as the
/// terminal, with an ASCII `-` for negatives.
struct LaTeXMathWriter: Sendable {
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

    init(decimals: Int, flavor: Flavor) {
        self.format = NumberFormat(decimals: decimals)
        self.flavor = flavor
    }

    /// The LaTeX for `m`.
    func write(_ m: Math) -> String {
        switch m {
        case .identifier(let name):
            return identifier(name)
        case .text(let words):
            return text(words)
        case .number(let value):
            return number(value)
        case .integer(let value):
            return String(value)
        case .op(let op):
            return op.latex
        case .row(let items):
            // A control word such as \alpha must not run into a following letter (\alphaD).
            return items.map(write).reduce("") { joined, next in
                let endsInControlWord = joined.range(of: #"\\[A-Za-z]+$"#, options: .regularExpression) != nil
                let startsWithLetter = next.first.map { $0.isLetter } ?? false
                return joined + (endsInControlWord && startsWithLetter ? " " : "") + next
            }
        case .subscripted(let base, let sub):
            return scriptBase(base) + "_{" + write(sub) + "}"
        case .superscripted(let base, let sup):
            return scriptBase(base) + "^{" + write(sup) + "}"
        case .scripted(let base, let sub, let sup):
            return scriptBase(base) + "^{" + write(sup) + "}_{" + write(sub) + "}"
        case .fraction(let numerator, let denominator):
            return "\\frac{" + write(numerator) + "}{" + write(denominator) + "}"
        case .parenthesized(let inner):
            // Plain parentheses around flat content (Ng's (2)), growing ones around a matrix.
            return MathWidth.lines(inner) > 1.3 ? "\\left(" + write(inner) + "\\right)" : "(" + write(inner) + ")"
        case .bracketed(let inner):
            return MathWidth.lines(inner) > 1.3 ? "\\left[" + write(inner) + "\\right]" : "[" + write(inner) + "]"
        case .norm(let inner):
            return "\\left\\lVert " + write(inner) + "\\right\\rVert "
        case .matrix(let rows):
            let body = rows.map { $0.map(write).joined(separator: " & ") }.joined(separator: " \\\\ ")
            let columns = rows.map(\.count).max() ?? 0
            if flavor == .pdflatex, columns > 10 {
                // amsmath's bmatrix stops at MaxMatrixCols = 10 columns; array has no limit.
                let spec = String(repeating: "c", count: columns)
                return "\\left[\\begin{array}{" + spec + "} " + body + " \\end{array}\\right]"
            }
            return "\\begin{bmatrix} " + body + " \\end{bmatrix}"
        case .transpose(let base):
            return scriptBase(base) + "^{\\mathsf{T}}"
        case .prime(let base):
            return scriptBase(base) + "'"
        case .partial(let numerator, let denominator):
            return "\\frac{\\partial " + write(numerator) + "}{\\partial " + write(denominator) + "}"
        case .sum(let index, let body):
            return "\\sum_{" + write(index) + "} " + write(body)
        case .ellipsis(let direction):
            switch direction {
            case .horizontal: return "\\cdots"
            case .vertical: return "\\vdots"
            case .diagonal: return "\\ddots"
            }
        }
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
        }
    }

    /// One letter as a math symbol (`δ` → `\delta`); several as upright `\mathrm{…}`.
    func identifier(_ name: String) -> String {
        if name.count == 1 { return LaTeXEscaping.math(name) }
        return "\\mathrm{" + LaTeXEscaping.math(name) + "}"
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
            // mathMode falls back to \text{\…} for a few characters; keep the web output free of it.
            return math.hasPrefix("\\text{") ? "?" : math + " "
        }
    }

    /// A trace value, rounded by the one formatter.
    func number(_ value: Double) -> String {
        let text = format.string(value)
        switch text {
        case "∞": return "\\infty"
        case "−∞": return "-\\infty"
        case "NaN": return "\\mathrm{NaN}"
        default: return text
        }
    }
}

/// Rough widths of typeset math in em, used to pick a font size or break a line before
/// LaTeX reports an overfull box.
enum MathWidth {
    /// The estimated width of `m` in em at the normal size.
    static func of(_ m: Math, format: NumberFormat) -> Double {
        switch m {
        case .identifier(let name): return name.count == 1 ? 0.6 : 0.5 * Double(name.count)
        case .text(let words): return 0.5 * Double(words.count)
        case .number(let value): return 0.5 * Double(format.string(value).count) + 0.3
        case .integer(let value): return 0.5 * Double(String(value).count)
        case .op(let op):
            switch op {
            case .comma, .semicolon: return 0.8
            case .equals, .approximately, .assign, .less, .lessOrEqual, .arrow: return 1.8
            case .plus, .minus, .times, .product, .hadamard, .outer: return 1.6
            }
        case .row(let items): return items.reduce(0) { $0 + of($1, format: format) }
        case .subscripted(let base, let script), .superscripted(let base, let script):
            return of(base, format: format) + 0.7 * of(script, format: format)
        case .scripted(let base, let sub, let sup):
            return of(base, format: format) + 0.7 * max(of(sub, format: format), of(sup, format: format))
        case .fraction(let numerator, let denominator):
            return max(of(numerator, format: format), of(denominator, format: format)) + 0.3
        case .parenthesized(let inner), .bracketed(let inner), .norm(let inner):
            return of(inner, format: format) + 1.0
        case .matrix(let rows):
            let columnCount = rows.map(\.count).max() ?? 0
            var total = 1.2
            for column in 0..<columnCount {
                total += rows.map { column < $0.count ? of($0[column], format: format) : 0 }.max() ?? 0
            }
            return total + Double(max(0, columnCount - 1)) * 1.0
        case .transpose(let base): return of(base, format: format) + 0.6
        case .prime(let base): return of(base, format: format) + 0.3
        case .partial(let numerator, let denominator):
            return max(of(numerator, format: format), of(denominator, format: format)) + 0.9
        case .sum(let index, let body): return max(1.3, 0.7 * of(index, format: format)) + of(body, format: format)
        case .ellipsis: return 1.2
        }
    }

    /// The number of text lines `m` is tall (a matrix of n rows is about n lines).
    static func lines(_ m: Math) -> Double {
        switch m {
        case .identifier, .text, .number, .integer, .op, .ellipsis: return 1
        case .row(let items): return items.map(lines).max() ?? 1
        case .subscripted(let base, _), .superscripted(let base, _), .scripted(let base, _, _), .transpose(let base),
            .prime(let base):
            return lines(base) + 0.2
        case .fraction(let numerator, let denominator): return lines(numerator) + lines(denominator)
        case .parenthesized(let inner), .bracketed(let inner), .norm(let inner): return lines(inner)
        case .matrix(let rows): return Double(rows.count) * 1.2
        case .partial: return 2
        case .sum(_, let body): return max(1.8, lines(body))
        }
    }
}
