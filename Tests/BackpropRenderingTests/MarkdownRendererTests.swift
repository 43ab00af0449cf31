import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test(
        "Markdown specials in lesson strings print literally",
        arguments: [
            ("*bold*", #"\*bold\*"#), ("snake_case", #"snake\_case"#), ("`code`", #"\`code\`"#), ("<b>", #"\<b\>"#),
            ("[link](x)", #"\[link\](x)"#), ("# h", ##"\# h"##), ("a|b", #"a\|b"#), (#"a\b"#, #"a\\b"#),
            (Fixtures.hostileTitle, ##"50% of \\input\{secret.txt\} \& \$x\_1\$ \{\#\} \~\^"##),
        ])
    func escaping(input: String, expected: String) {
        #expect(MarkdownRenderer.escape(input) == expected)
    }

    @Test("displayed equations use aligned inside $$, not align*")
    func equation() {
        let text = renderer.block(.equation(Equation(.identifier("z"), equals: [.identifier("a"), .column([1, -2])])))
        #expect(
            text
                == "$$\n\\begin{aligned} z &= a\n\\\\  &= \\begin{bmatrix} 1.0000 \\\\ -2.0000 \\end{bmatrix}\n\\end{aligned}\n$$\n\n"
        )
        #expect(!renderer.fragment(Fixtures.section).contains("align*"))
    }

    @Test(
        "\\text holds only plain characters on the web",
        arguments: [
            ("sample 1", #"\text{sample 1}"#), ("50% & $", #"\text{50}\% \text{ }\& \text{ }\$ "#),
            ("a_b", #"\text{a}\_ \text{b}"#),
        ])
    func webText(input: String, expected: String) {
        #expect(renderer.math(.text(input)) == expected)
    }

    @Test("the figure is a Mermaid flowchart, left to right, with values, biases and weights")
    func figure() {
        let text = renderer.block(.figure(Fixtures.figure))
        #expect(text.hasPrefix("```mermaid\nflowchart LR\n"))
        #expect(text.contains("u1_0((\"a⁽²⁾₁<br/>bias = 0.3500<br/>a = 0.5933<br/>δ = −0.0123\"))"))
        #expect(text.contains("u0_1 -- \"0.3000\" --> u1_1"))
        #expect(text.contains("subgraph L0[\"layer 1 (input)\"]"))
        #expect(!text.contains("((\"+1\"))"), "biases are in the units, not +1 nodes with edges of their own")
    }

    @Test("a notation's figure names every weight on its edge and every bias in its unit")
    func namedWeights() throws {
        let narrative = Narrator(trace: try LessonFixtures.trace("mazur"), notation: .mazur).narrative(steps: [])
        let text = renderer.document(narrative)
        #expect(text.contains("u1_0 -- \"w₅ = 0.4000\" --> u2_0"))
        #expect(text.contains("u0_1 -- \"w₂ = 0.2000\" --> u1_0"))
        // Each unit's bias under its own name (review N8).
        #expect(text.contains("u2_1((\"outₒ₂<br/>bₒ₂ = 0.6000<br/>out = 0.7729<br/>δ = −0.0381\"))"))
        let ng = renderer.document(
            Narrator(trace: try LessonFixtures.trace("mazur"), notation: .ng).narrative(steps: []))
        #expect(ng.contains("u1_0 -- \"Θ⁽²⁾₁₁ = 0.4000\" --> u2_0"))
    }

    @Test("inline code keeps backquotes")
    func code() {
        #expect(MarkdownRenderer.code("a`b") == "``a`b``")
    }

    @Test("golden: the hand-built step as Markdown")
    func golden() {
        GoldenFile.check(renderer.fragment(Fixtures.section), named: "handbuilt-step12.md")
    }
}
