import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// The terminal output fits 80 columns, and large layers are abbreviated rather than wrapped.
@Suite("80 columns")
struct TerminalWidthTests {
    /// A 20-12-3 network with relu and softmax: big enough that every matrix is abbreviated.
    static let bigLesson = """
        {"title": "big", "layers": [20, 12, 3], "activation": ["relu", "softmax"],
         "init": {"method": "uniform", "epsilon": 0.5, "seed": 3},
         "samples": [\((0..<10).map { k in
            "{\"x\": [\((0..<20).map { j in String(Double((k * 7 + j * 3) % 11) / 10 - 0.5) }.joined(separator: ", "))], \"y\": [\(k % 3 == 0 ? 1 : 0), \(k % 3 == 1 ? 1 : 0), \(k % 3 == 2 ? 1 : 0)]}"
         }.joined(separator: ", "))],
         "learningRate": 0.3, "lambda": 0.2}
        """

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test("no line of any step is wider than 80 columns", arguments: LessonFixtures.names + ["big"])
    func width(lesson: String) throws {
        let trace =
            lesson == "big"
            ? Tracer.trace(try Lesson.decode(Self.bigLesson, file: "big.json"))
            : try LessonFixtures.trace(lesson)
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                for line in Self.lines(TextRenderer().render(narrator.section(step))) where line.count > 80 {
                    Issue.record("\(lesson) step \(step) (\(notation)): \(line.count) columns: \(line)")
                }
            }
        }
    }

    @Test("a layer of more than 8 units is abbreviated with ⋯ and ⋮")
    func abbreviation() throws {
        let trace = Tracer.trace(try Lesson.decode(Self.bigLesson, file: "big.json"))
        let text = TextRenderer().render(Narrator(trace: trace, notation: .ng).section(.feedforward))
        #expect(text.contains("⋯"))
        #expect(text.contains("⋮"))
        // The first input and the last are shown; the 20 inputs are not all printed.
        let x = trace.samples[0].x
        let format = NumberFormat(decimals: 4)
        #expect(text.contains(format.string(x[0])))
        #expect(text.contains(format.string(x[19])))
    }
}

@Suite("Large layers in the diagrams")
struct LargeFigureTests {
    @Test("the TikZ and Mermaid figures draw 3 units, a gap and the last of a 20-unit layer")
    func abbreviated() throws {
        let trace = Tracer.trace(try Lesson.decode(TerminalWidthTests.bigLesson, file: "big.json"))
        let narrative = Narrator(trace: trace, notation: .ng).narrative(steps: [.network])
        let latex = LaTeXRenderer().document(narrative)
        #expect(latex.contains("{$a^{(1)}_{20}$};"))
        #expect(latex.contains("{$a^{(1)}_{3}$};"))
        #expect(!latex.contains("{$a^{(1)}_{11}$};"))
        #expect(latex.contains("\\vdots"))
        let markdown = MarkdownRenderer().document(narrative)
        #expect(markdown.contains("u0_gap"))
        #expect(markdown.contains("u0_19"))
        #expect(!markdown.contains("u0_10"))
    }
}
