import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// The narrator's prose and symbols are all known to the LaTeX and Markdown escapers: an
/// unknown character would print as "?" (the escaper's stand-in) in a worked example.
@Suite("Every character the narrator writes has a LaTeX and Markdown form")
struct UnicodeCoverageTests {
    @Test("no '?' stand-ins in any exported document", arguments: LessonFixtures.names)
    func noStandIns(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        for notation in NotationName.allCases {
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            let documents = [
                ("latex", LaTeXRenderer().document(narrative)),
                ("beamer", BeamerRenderer().document(narrative)),
                ("markdown", MarkdownRenderer().document(narrative)),
            ]
            for (format, text) in documents {
                for (number, line) in text.split(separator: "\n").enumerated() where line.contains("?") {
                    Issue.record("\(lesson) \(notation) \(format) line \(number + 1): \(line.prefix(160))")
                }
            }
        }
    }

    @Test("every character Script raises or lowers is typeset by LaTeX, never as '?'")
    func scriptCharacters() {
        let produced = Array(Script.superscripts.values) + Array(Script.subscripts.values)
        for character in produced {
            let text = LaTeXEscaping.text("x" + String(character))
            let math = LaTeXEscaping.math("x" + String(character))
            #expect(!text.contains("?"), "\(character) in text: \(text)")
            #expect(!math.contains("?") && !math.contains("\\text"), "\(character) in math: \(math)")
        }
        #expect(LaTeXEscaping.text("xₜₒₑ") == #"x\textsubscript{\ensuremath{toe}}"#)
    }
}
