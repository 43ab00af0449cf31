import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

@Suite("LaTeX renderer")
struct LaTeXRendererTests {
    let renderer = LaTeXRenderer()

    @Test("the hostile title is escaped character by character")
    func hostileTitle() {
        #expect(
            LaTeXEscaping.text(Fixtures.hostileTitle)
                == ##"50\% of \textbackslash{}input\{secret.txt\} \& \$x\_1\$ \{\#\} \textasciitilde{}\textasciicircum{}"##
        )
    }

    @Test(
        "commands that read, write or recode files arrive inert",
        arguments: [#"\write18"#, #"\input"#, #"\include"#, #"\openin"#, #"\catcode"#])
    func inertCommands(command: String) {
        let escaped = LaTeXEscaping.text(command + "{x}")
        #expect(escaped == #"\textbackslash{}"# + String(command.dropFirst()) + #"\{x\}"#)
        // No backslash survives except those of the escapes themselves.
        let stripped = escaped.replacingOccurrences(of: #"\textbackslash{}"#, with: "").replacingOccurrences(
            of: #"\{"#, with: ""
        ).replacingOccurrences(of: #"\}"#, with: "")
        #expect(!stripped.contains("\\"))
    }

    @Test(
        "every TeX special is escaped",
        arguments: [
            ("\\", #"\textbackslash{}"#), ("{", #"\{"#), ("}", #"\}"#), ("$", #"\$"#), ("&", #"\&"#), ("#", ##"\#"##),
            ("^", #"\textasciicircum{}"#), ("_", #"\_"#), ("%", #"\%"#), ("~", #"\textasciitilde{}"#),
        ])
    func specials(character: String, expected: String) {
        #expect(LaTeXEscaping.text(character) == expected)
    }

    @Test(
        "Unicode symbols become math",
        arguments: [
            ("δ", #"\ensuremath{\delta}"#), ("Θ", #"\ensuremath{\Theta}"#), ("⊙", #"\ensuremath{\odot}"#),
            ("−", #"\ensuremath{-}"#), ("′", #"\ensuremath{'}"#),
            ("Θ⁽²⁾", #"\ensuremath{\Theta}\textsuperscript{\ensuremath{(2)}}"#),
            ("a₁₀", #"a\textsubscript{\ensuremath{10}}"#), ("ε", #"\ensuremath{\varepsilon}"#), ("—", "---"),
            ("é", "é"),
            ("😀", #"\texttt{[U+1F600]}"#), ("µ½€", "µ½€"), ("Ж", #"\texttt{[U+0416]}"#), ("a--b", "a-{}-b"),
            ("line\nbreak", "line break"),
        ])
    func unicode(input: String, expected: String) {
        #expect(LaTeXEscaping.text(input) == expected)
    }

    @Test(
        "identifiers: one letter as a symbol, several upright",
        arguments: [
            ("Θ", #"\Theta"#), ("δ", #"\delta"#), ("Δ", #"\Delta"#), ("α", #"\alpha"#), ("η", #"\eta"#),
            ("λ", #"\lambda"#),
            ("σ", #"\sigma"#), ("ε", #"\varepsilon"#), ("Σ", #"\sum"#), ("∇", #"\nabla"#), ("∂", #"\partial"#),
            ("x", "x"),
            ("net", #"\mathrm{net}"#), ("error_vector", #"\mathrm{error\_vector}"#),
            ("activation_diff", #"\mathrm{activation\_diff}"#),
            ("ΔW", #"\mathrm{\Delta W}"#),
        ])
    func identifiers(name: String, expected: String) {
        #expect(renderer.math(.identifier(name)) == expected)
    }

    @Test("math structure")
    func mathStructure() {
        let theta = Fixtures.theta2
        #expect(renderer.math(theta) == #"\Theta^{(2)}"#)
        #expect(renderer.math(.transpose(theta)) == #"{\Theta^{(2)}}^{\mathsf{T}}"#)
        #expect(renderer.math(.prime(.identifier("g"))) == "g'")
        #expect(renderer.math(.partial(.identifier("J"), .identifier("z"))) == #"\frac{\partial J}{\partial z}"#)
        #expect(renderer.math(.sum(.identifier("i"), .identifier("x"))) == #"\sum_{i} x"#)
        #expect(renderer.math(.norm(.identifier("v"))) == #"\left\lVert v\right\rVert "#)
        #expect(renderer.math(.column([0.5, -0.25])) == #"\begin{bmatrix} 0.5000 \\ -0.2500 \end{bmatrix}"#)
        #expect(
            renderer.math(.matrix([[.ellipsis(.horizontal), .ellipsis(.vertical), .ellipsis(.diagonal)]]))
                == #"\begin{bmatrix} \cdots & \vdots & \ddots \end{bmatrix}"#)
        #expect(renderer.math(.text("50% & more")) == #"\text{50\% \& more}"#)
        #expect(
            renderer.math(.scripted(.identifier("Θ"), sub: .identifier("ij"), sup: .integer(1)))
                == #"\Theta^{1}_{\mathrm{ij}}"#)
    }

    @Test("numbers use the one formatter: same rounding as the terminal, no -0")
    func numbers() {
        #expect(renderer.math(.number(-0.0)) == "0.0000")
        #expect(renderer.math(.number(-0.00001)) == #"-1.00 \times 10^{-5}"#)
        #expect(LaTeXRenderer(decimals: 2).math(.number(0.125)) == NumberFormat(decimals: 2).string(0.125))
        #expect(renderer.math(.number(-.infinity)) == #"-\infty"#)
    }

    @Test("equations are align* with one relation per line")
    func equation() {
        let text = renderer.fragment(
            Section(
                number: 3, title: "t",
                blocks: [.equation(Equation(.identifier("z"), equals: [.identifier("a"), .number(1)]))]))
        #expect(text.contains("\\begin{align*}\nz &= a \\\\\n &= 1.0000\n\\end{align*}"))
    }

    @Test("a wide equation is broken before operators, then set smaller or shrunk to the line")
    func wideEquation() {
        let text = renderer.block(.equation(Fixtures.wideEquation))
        #expect(text.hasPrefix("{\\scriptsize") || text.contains("\\resizebox{\\ifdim\\width>\\linewidth"))
        #expect(text.contains("&\\quad {} \\cdot "))
    }

    @Test("a narrow equation is neither shrunk nor resized")
    func narrowEquation() {
        let text = renderer.block(.equation(Equation(.identifier("z"), equals: [.column([0.5, 0.25])])))
        #expect(text.hasPrefix("\\begin{align*}"))
        #expect(!text.contains("resizebox"))
    }

    @Test("the fragment has no preamble; the document has one")
    func fragmentAndDocument() {
        let fragment = renderer.fragment(Fixtures.section)
        #expect(
            fragment.hasPrefix(
                "\\section*{Step 12: The error of a hidden layer: \\ensuremath{\\delta}\\textsuperscript{\\ensuremath{(2)}} \\& friends}"
            ))
        #expect(!fragment.contains("\\documentclass"))
        #expect(fragment.contains("\\emph{Why:}"))
        #expect(fragment.contains("\\begin{tikzpicture}"))
        let document = renderer.document(Narrative(title: Fixtures.hostileTitle, sections: [Fixtures.section]))
        #expect(document.hasPrefix("% Generated by backprop-tutor"))
        #expect(document.contains("\\documentclass[10pt]{article}"))
        #expect(
            document.contains("% fontenc (T1), inputenc (utf8), lmodern, geometry, amsmath, amssymb, graphicx, tikz."))
        #expect(!document.contains(#"\input{"#))
        #expect(document.hasSuffix("\\end{document}\n"))
    }

    @Test("a small figure labels its edges with the weights; a large one lists them in tables")
    func figures() {
        let small = renderer.block(.figure(Fixtures.figure))
        #expect(small.contains("node[weight, pos=0.190] {$0.1500$}"))
        #expect(small.contains("{$+1$}"))
        #expect(small.contains("$a = 0.5933$\\\\$\\delta = -0.0123$"))
        #expect(small.contains("layer 2 (output)"))
        let big = NetworkFigure(
            layers: [
                (0..<5).map { .init(label: .subscripted(.identifier("x"), .integer($0))) },
                (0..<3).map { .init(label: .subscripted(.identifier("y"), .integer($0))) },
            ],
            layerCaptions: ["in", "out"], weights: [Matrix(rows: 3, columns: 6, repeating: 0.25)],
            weightSymbols: [Fixtures.theta2])
        let text = renderer.block(.figure(big))
        #expect(!text.contains("node[weight"))
        #expect(text.contains("\\emph{Weights} $\\Theta^{(2)}$"))
        #expect(text.contains("\\begin{tabular}{lrrrrrr}"))
    }

    @Test("beamer uncovers an equation's lines in turn and gives the figure its own frame")
    func beamer() {
        let text = BeamerRenderer().document(Narrative(title: "t", sections: [Fixtures.section]))
        #expect(text.contains("\\documentclass[11pt]{beamer}"))
        #expect(text.contains("\\uncover<2->{{}= "))
        #expect(text.contains("\\uncover<3->{{}\\approx "))
        #expect(text.contains("\\onslide<3->"))
        #expect(!text.contains("fragile"))
        let figureFrame = text.components(separatedBy: "\\begin{frame}").first { $0.contains("tikzpicture") } ?? ""
        #expect(!figureFrame.contains("aligned"))
        #expect(!figureFrame.contains("tabular"))
    }

    @Test("golden: the hand-built step as a LaTeX fragment")
    func golden() {
        GoldenFile.check(renderer.fragment(Fixtures.section), named: "handbuilt-step12.tex")
    }

    @Test("golden diff shows changed lines")
    func goldenDiff() {
        #expect(GoldenFile.diff("a\nb\nc", "a\nB\nc") == "-2: b\n+2: B")
    }
}
