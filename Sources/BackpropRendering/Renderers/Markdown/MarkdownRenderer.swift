import BackpropCore

/// Prints a `Narrative` as GitHub-flavoured Markdown with math.
///
/// Inline math is `$…$`, displayed equations are `$$\begin{aligned} … \end{aligned}$$` laid out
/// so no line can start a Markdown block (see `equation(_:)`), using
/// only commands that GitHub's MathJax and KaTeX both support (`bmatrix`, `\frac`, `\odot`, …);
/// `\text{…}` holds only letters, digits and spaces. Lesson strings are escaped so Markdown
/// specials (`* _ ` < > [ ] # | \ $ ~ &`) print literally. The network figure is a Mermaid
/// `graph LR` block whose node labels carry the activations and δ, and whose edge labels carry
/// the weights for small networks (a table of the weights follows for larger ones).
public struct MarkdownRenderer: NarrativeRenderer {
    public static let format = OutputFormat.markdown
    public static let fileExtension = "md"
    public static let abilities: FormatAbilities = [.singleSteps, .exportDocuments]
    public static let summary = "Markdown with KaTeX math and a Mermaid figure"
    public init(options: RenderOptions) { self.init(decimals: options.decimals, figureFile: options.figureFile) }
    /// Digits after the decimal point for every number shown.
    public var decimals: Int
    /// The SVG file beside the document that a network too large for Mermaid links to
    /// (`MarkdownRenderer+FigureFile`); nil when the document is printed, not written.
    public var figureFile: String?

    /// A renderer printing numbers with `decimals` digits after the point.
    public init(decimals: Int = 4, figureFile: String? = nil) {
        self.decimals = decimals
        self.figureFile = figureFile
    }

    var writer: LaTeXMathWriter { LaTeXMathWriter(decimals: decimals, flavor: .web) }

    /// `m` as KaTeX/MathJax source (no surrounding `$`).
    func math(_ m: Math) -> String {
        writer.write(m)
    }

    /// One step: `## Step N: Title` and its blocks.
    public func fragment(_ section: Section) -> String {
        "## Step \(section.number): \(Self.escape(section.title))\n\n" + blocks(section.blocks)
    }

    /// The whole narrative: `# Title`, the preface and every section.
    public func document(_ narrative: Narrative) -> String {
        var text = "# \(Self.escape(narrative.title))\n\n"
        text += blocks(narrative.preface)
        // The notation line once, where it first appears (review N12), as in the article.
        for section in LaTeXRenderer.once(narrative) {
            text += fragment(section)
        }
        return text
    }

    func blocks(_ blocks: [Block]) -> String {
        blocks.map(NumberFormat(decimals: decimals).displayed).map(block).joined()
    }

    func block(_ block: Block) -> String {
        switch block {
        case .heading(let title):
            return "### \(Self.escape(title))\n\n"
        case .paragraph(let items):
            return inline(items) + "\n\n"
        case .equation(let equation):
            return self.equation(equation)
        case .why(let items):
            return "*Why:* " + inline(items) + "\n\n"
        case .convention(let items):
            return "> *" + inline(items) + "*\n\n"
        case .table(let table):
            return self.table(table)
        case .bullets(let items):
            return items.map { "- " + inline($0) + "\n" }.joined() + "\n"
        case .figure(let figure):
            return self.figure(figure)
        case .image(let image):
            return "```text\n" + ImageShading.lines(image).joined(separator: "\n") + "\n```\n\n"
        }
    }

    /// Running text with inline math. Punctuation right after a formula is set inside it
    /// (`$1.0,$` rather than `$1.0$,`): browsers may break a line between MathJax's box and the
    /// text after it, which would start the next line with the comma (review N12).
    func inline(_ items: [Inline]) -> String {
        var text = ""
        var index = items.startIndex
        while index < items.endIndex {
            switch items[index] {
            case .text(let words): text += Self.escape(words)
            case .math(let m):
                if index + 1 < items.endIndex, case .text(let next) = items[index + 1] {
                    let (punctuation, rest) = Self.leadingPunctuation(next)
                    if !punctuation.isEmpty {
                        text += "$" + math(m) + Self.mathPunctuation(punctuation) + "$" + Self.escape(String(rest))
                        index += 2
                        continue
                    }
                }
                text += "$" + math(m) + "$"
            case .emphasis(let words): text += "*" + Self.escape(words) + "*"
            case .code(let words): text += Self.code(words)
            }
            index += 1
        }
        return text
    }

    /// The punctuation that closes a clause (`, . ; : ? ! )`) at the start of `words`, up to a
    /// space or the end; empty when `words` goes on with a word (`'s`, `-th`).
    static func leadingPunctuation(_ words: String) -> (String, Substring) {
        let marks: Set<Character> = [",", ".", ";", ":", "?", "!", ")"]
        let run = words.prefix { marks.contains($0) }
        let rest = words.dropFirst(run.count)
        guard !run.isEmpty, rest.isEmpty || rest.first == " " else { return ("", Substring(words)) }
        return (String(run), rest)
    }

    /// Clause punctuation as math that looks like text's: a colon as an ordinary symbol
    /// (`{:}`, not a relation with space around it).
    static func mathPunctuation(_ run: String) -> String {
        run.map { $0 == ":" ? "{:}" : String($0) }.joined()
    }

    /// A displayed equation within `displayWidth` (wider ones: `wideLines`) whose every line begins with `$$`, `\begin`, `\\` or `\end`, so
    /// that no CommonMark parser can read a line of it as a list item, heading, quote, code or
    /// HTML block (the line break `\\` opens each line after the first instead of closing the
    /// line before):
    ///
    ///     $$
    ///     \begin{aligned} lhs &= first && \text{comment}
    ///     \\ &= second
    ///     \\ &\quad {}+ continued
    ///     \end{aligned}
    ///     $$
    func equation(_ equation: Equation) -> String {
        let layout = EquationLayout(equation, writer: writer, budget: Self.displayWidth, sizes: [.normal])
        var lines: [String] = []
        if layout.width * EquationLayout.safetyMargin > Self.displayWidth {
            // Too wide even broken before operators: a matrix wider than the column.
            lines = wideLines(equation)
        } else {
            for line in layout.lines {
                var text = line.lhs + " &" + line.body
                if let comment = line.comment { text += " && " + comment }
                lines.append(text)
            }
        }
        let opened = lines.enumerated().map { ($0 == 0 ? "\\begin{aligned} " : "\\\\ ") + $1 }
        return "$$\n" + opened.joined(separator: "\n") + "\n\\end{aligned}\n$$\n\n"
    }

    /// A pipe table; numeric columns right-aligned.
    func table(_ table: Table) -> String {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        func row(_ cells: [[Inline]]) -> String {
            "| " + (0..<columnCount).map { $0 < cells.count ? inline(cells[$0]) : "" }.joined(separator: " | ") + " |\n"
        }
        var text = row(table.header)
        text +=
            "|"
            + (0..<columnCount).map { column in
                column < table.rightAligned.count && table.rightAligned[column] ? " ---: |" : " --- |"
            }.joined() + "\n"
        text += table.rows.map(row).joined()
        return text + "\n"
    }

    /// `words` with Markdown's specials backslash-escaped, line breaks and tabs made spaces,
    /// and other control characters shown as `\u{1B}` (`ControlCharacters`), so a lesson
    /// string can neither start a Markdown line nor reach a terminal raw.
    ///
    /// Walks Unicode scalars, not `Character`s: `"\r\n"` is one `Character` and would slip
    /// past a match on `"\n"` or `"\r"`.
    public static func escape(_ words: String) -> String {
        var output = ""
        for scalar in words.unicodeScalars {
            switch scalar {
            case "\\", "*", "_", "`", "<", ">", "[", "]", "#", "|", "$", "~", "&", "{", "}", "^":
                output += "\\" + String(scalar)
            case "\n", "\r", "\t":
                output += " "
            default:
                if ControlCharacters.isEscaped(scalar) {
                    output += escape(ControlCharacters.visible(scalar))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `words` as an inline code span, with a fence longer than any run of backquotes inside.
    static func code(_ words: String) -> String {
        var longest = 0
        var run = 0
        for character in words {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let flat = ControlCharacters.escaped(
            String(String.UnicodeScalarView(words.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })))
        let padding = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + padding + flat + padding + fence
    }
}

extension OutputFormat {
    /// Markdown with GitHub/KaTeX math and a Mermaid figure.
    public static let markdown = OutputFormat(rawValue: "markdown")
}
