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
                == ##"50\% of \textbackslash{}input\{secret.txt\} \& \$x\_\allowbreak{}1\$ \{\#\} \textasciitilde{}\textasciicircum{}"##
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
            ("^", #"\textasciicircum{}"#), ("_", #"\_\allowbreak{}"#), ("%", #"\%"#), ("~", #"\textasciitilde{}"#),
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
        "identifiers: one letter as a symbol, several upright, one beside a symbol italic",
        arguments: [
            ("Θ", #"\Theta"#), ("δ", #"\delta"#), ("Δ", #"\Delta"#), ("α", #"\alpha"#), ("η", #"\eta"#),
            ("λ", #"\lambda"#),
            ("σ", #"\sigma"#), ("ε", #"\varepsilon"#), ("Σ", #"\sum"#), ("∇", #"\nabla"#), ("∂", #"\partial"#),
            ("x", "x"),
            ("net", #"\mathrm{net}"#), ("error_vector", #"\mathrm{error\_vector}"#),
            ("activation_diff", #"\mathrm{activation\_diff}"#),
            // One letter beside a symbol is a variable, italic as it is alone (review N11).
            ("ΔW", #"\Delta W"#), ("ΣΔW", #"\sum\Delta W"#), ("aΘb", #"a\Theta b"#), ("Δnet", #"\Delta\mathrm{net}"#),
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
        #expect(renderer.math(.number(-0.00001)) == #"-1.00{\times}10^{-5}"#)
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

    @Test("a small figure writes values under its circles and weights on its edges; a large one lists them in tables")
    func figures() {
        let small = renderer.block(.figure(Fixtures.figure))
        #expect(small.contains("{$0.1500$}"))
        #expect(small.contains("{$+1$}"))
        #expect(small.contains("{$0.5933$\\\\\\textcolor{red!70!black}{$-0.0123$}}"))
        #expect(small.contains("{layer 2\\\\(output)}"))
        #expect(small.contains("Under each unit"))
        // Circles that stay circles: no corner radius, no shape transformed by a scale.
        #expect(small.contains("unit/.style={circle"))
        #expect(!small.contains("rounded corners"))
        #expect(!small.contains("transform shape"))
        let big = NetworkFigure(
            layers: [
                (0..<5).map { .init(label: .subscripted(.identifier("x"), .integer($0))) },
                (0..<3).map { .init(label: .subscripted(.identifier("y"), .integer($0))) },
            ],
            layerCaptions: ["in", "out"], weights: [Matrix(rows: 3, columns: 6, repeating: 0.25)],
            weightSymbols: [Fixtures.theta2])
        let text = renderer.block(.figure(big))
        #expect(!text.contains("\\node[weight]"))
        #expect(text.contains("\\emph{Weights} ${\\Theta^{(2)}}$"))
        #expect(text.contains("\\begin{tabular}{lrrrrrr}"))
        #expect(text.contains("The weights are in the tables after the figure."))
    }

    @Test(
        "every built-in lesson's figure, on a page and on both slide shapes, has no edge through a value and no label over another",
        arguments: LessonFixtures.names)
    func figureGeometry(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        for notation in NotationName.allCases {
            let narrative = Narrator(trace: trace, notation: notation).narrative(steps: [])
            for block in narrative.preface {
                guard case .figure(let figure) = block else { continue }
                let styles =
                    [LaTeXRenderer.FigureStyle.article]
                    + BeamerAspect.allCases.map { BeamerRenderer(aspect: $0).figureStyle }
                for style in styles {
                    let plan = FigureGeometry.plan(
                        figure, style: style, writer: LaTeXMathWriter(decimals: 4, flavor: .pdflatex))
                    #expect(!plan.collides, "\(lesson) \(notation): a value or label is covered")
                    #expect(!plan.needsScaling, "\(lesson) \(notation): the figure is scaled")
                    for value in plan.values {
                        for edge in plan.edges {
                            #expect(!value.box.isCrossed(from: edge.from, to: edge.to))
                        }
                    }
                    #expect(plan.values.isEmpty || plan.valuesInFigure)
                }
            }
        }
    }

    @Test("a segment crosses a box only when it passes through it")
    func segmentCrossing() {
        let box = FigureGeometry.Box(minX: 0, minY: 0, maxX: 1, maxY: 1)
        #expect(box.isCrossed(from: .init(x: -1, y: 0.5), to: .init(x: 2, y: 0.5)))
        #expect(box.isCrossed(from: .init(x: -1, y: -1), to: .init(x: 2, y: 2)))
        #expect(!box.isCrossed(from: .init(x: -1, y: 1.5), to: .init(x: 2, y: 1.5)))
        #expect(!box.isCrossed(from: .init(x: -1, y: 0.5), to: .init(x: -0.1, y: 0.5)))
        #expect(!box.isCrossed(from: .init(x: 1.2, y: -1), to: .init(x: 3, y: 2)))
    }

    @Test("articles keep a lead-in with its display and never break a short formula or an identifier")
    func articleBreaks() throws {
        let trace = try LessonFixtures.trace("ng-gradcheck")
        let document = renderer.document(Narrator(trace: trace, notation: .ng).narrative())
        #expect(document.contains("${\\lambda = 0}$"))
        #expect(document.contains("\\mbox{debugInitializeWeights"))
        #expect(document.contains(":\\par\\nobreak"))
        #expect(document.contains("\\begin{minipage}{\\linewidth}\nThe symbols of this notation:"))
        // The notation line once, the figure's weight tables once.
        let convention = document.components(separatedBy: "{\\small\\itshape ").count - 1
        #expect(convention == 1)
        #expect(document.components(separatedBy: "\\emph{Weights}").count - 1 == trace.weights.count)
    }

    @Test("equations of one kind in a step share one size")
    func sharedSizes() {
        let narrow = Equation(.identifier("x"), [.init(.equals, .number(1))])
        let wideTerms = (0..<14).map { _ in Math.number(-0.1234) }
        let wide = Equation(
            .superscripted(.identifier("x"), .parenthesized(.integer(2))),
            [.init(.equals, .row([.matrix([wideTerms])]))])
        let narrowSibling = Equation(
            .superscripted(.identifier("x"), .parenthesized(.integer(3))), [.init(.equals, .number(1))])
        let sizes = EquationLayout.sharedSizes(
            [.equation(narrow), .equation(wide), .equation(narrowSibling)],
            writer: LaTeXMathWriter(decimals: 4, flavor: .pdflatex), budget: LaTeXRenderer.textWidth)
        #expect(sizes[0]?.first == .normal)
        #expect(sizes[1]?.first != .normal)
        #expect(sizes[2]?.first == sizes[1]?.first)
    }

    @Test("beamer uncovers an equation's lines in turn and gives the figure its own frame")
    func beamer() {
        let text = BeamerRenderer().document(Narrative(title: "t", sections: [Fixtures.section]))
        #expect(text.contains("\\documentclass[11pt,aspectratio=169]{beamer}"))
        #expect(text.contains("\\setbeamertemplate{footline}[frame number]"))
        #expect(
            BeamerRenderer(aspect: .fourThree).document(Narrative(title: "t", sections: [])).contains("aspectratio=43"))
        // Shrink only: an equation is never scaled up to the line.
        #expect(!text.contains("\\resizebox{\\linewidth}"))
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
