import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// The narrator's prose and symbols are all known to the LaTeX and Markdown escapers: an
/// unknown character would print as a `[U+…]` stand-in in a worked example.
@Suite("Every character the narrator writes has a LaTeX and Markdown form")
struct UnicodeCoverageTests {
    /// Every built-in lesson, and every review lesson (six layers deep: Mazur's h‴).
    static let lessons: [String] = LessonFixtures.names + LessonFixtures.reviewNames.map { "review/" + $0 }

    @Test("no stand-ins for characters the narrator or a notation writes, in any exported document", arguments: lessons)
    func noStandIns(lesson: String) throws {
        let isReview = lesson.hasPrefix("review/")
        let name = isReview ? String(lesson.dropFirst("review/".count)) : lesson
        let loaded = isReview ? try LessonFixtures.reviewLesson(name) : try LessonFixtures.lesson(name)
        // A lesson's own strings may hold characters pdflatex's fonts lack; nothing else may.
        let lessonText = loaded.title + (loaded.summary ?? "") + (loaded.classes ?? []).joined()
        let trace = Tracer.trace(loaded)
        for notation in NotationName.allCases {
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            for (format, text) in [
                ("latex", LaTeXRenderer().document(narrative)), ("beamer", BeamerRenderer().document(narrative)),
            ] {
                for character in LaTeXTextCoverage.replacedCharacters(in: text) where !lessonText.contains(character) {
                    Issue.record(
                        "\(lesson) \(notation) \(format): \(character) (\(LaTeXTextCoverage.codePoints(character)))")
                }
            }
            let markdown = MarkdownRenderer().document(narrative)
            for (number, line) in markdown.split(separator: "\n").enumerated() where line.contains("?") {
                Issue.record("\(lesson) \(notation) markdown line \(number + 1): \(line.prefix(160))")
            }
        }
    }

    @Test("every character Script raises or lowers is typeset by LaTeX, never as '?'")
    func scriptCharacters() {
        let produced = Array(Script.superscripts.values) + Array(Script.subscripts.values)
        for character in produced {
            let text = LaTeXEscaping.text("x" + String(character))
            let math = LaTeXEscaping.math("x" + String(character))
            #expect(!text.contains("?") && !text.contains("[U+"), "\(character) in text: \(text)")
            #expect(!math.contains("?") && !math.contains("\\text"), "\(character) in math: \(math)")
        }
        #expect(LaTeXEscaping.text("xₜₒₑ") == #"x\textsubscript{\ensuremath{toe}}"#)
    }
}
