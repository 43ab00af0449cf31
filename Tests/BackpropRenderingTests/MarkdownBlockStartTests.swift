import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Testing

/// Markdown that renders on GitHub and KaTeX (issue 12, review D2): no line of displayed math
/// may be taken for a block start by a CommonMark parser.
@Suite("Markdown block starts")
struct MarkdownBlockStartTests {
    @Test(
        "the checker knows CommonMark's block starts",
        arguments: [
            "- \\frac{a}{b}", "-", "+ x", "* x", "1. x", "3) x", "# h", "###### h", ">q", "    code", "\tcode",
            "```", "~~~ math", "<div>", "***", "- - -", "___", "===", "---", "| --- | :-: |", "", "   ",
        ])
    func startsBlock(line: String) {
        #expect(CommonMarkBlockStarts.blockStart(line) != nil, "'\(line)' starts a block")
    }

    @Test(
        "the checker lets paragraph text through",
        arguments: [
            "\\begin{aligned} -\\frac{a}{b} &= 1", "\\\\ &= 2", " &= 3", "-\\frac{a}{b}", "+1", "1.5 x", "#x",
            "1234567890. x", "a | b", "   x", "$$x$$",
        ])
    func continuesParagraph(line: String) {
        #expect(CommonMarkBlockStarts.blockStart(line) == nil, "'\(line)' continues a paragraph")
    }

    @Test("the checker finds the review's D2 line in a display")
    func findsReviewLine() {
        let document = "text\n\n$$\n\\begin{aligned}\n- \\frac{\\partial E}{\\partial W} &= 1\n\\end{aligned}\n$$\n"
        let problems = CommonMarkBlockStarts.problems(in: document)
        #expect(problems.map(\.line) == [5])
        #expect(CommonMarkBlockStarts.problems(in: "```\n$$\n```\n").isEmpty, "code fences are skipped")
    }

    /// Every built-in lesson and every review lesson, in every notation.
    static let documents: [(name: String, lesson: Lesson)] = {
        var lessons: [(String, Lesson)] = []
        for name in LessonFixtures.names {
            if let lesson = try? LessonFixtures.lesson(name) { lessons.append((name, lesson)) }
        }
        for name in LessonFixtures.reviewNames {
            if let lesson = try? LessonFixtures.reviewLesson(name) { lessons.append(("review/" + name, lesson)) }
        }
        return lessons
    }()

    @Test("every built-in and review lesson loads")
    func everyLessonLoads() {
        #expect(Self.documents.count == LessonFixtures.names.count + LessonFixtures.reviewNames.count)
    }

    @Test("no line of displayed math starts a block, in any lesson × notation", arguments: NotationName.allCases)
    func exports(notation: NotationName) {
        var displays = 0
        for (name, lesson) in Self.documents {
            let narrator = Fixtures.narrator(lesson, notation: notation)
            let document = MarkdownRenderer(decimals: 4).document(narrator.narrative())
            displays += document.components(separatedBy: "\n").filter { $0 == "$$" }.count / 2
            for problem in CommonMarkBlockStarts.problems(in: document) {
                Issue.record("\(name) in \(notation.rawValue): \(problem)")
            }
        }
        #expect(displays > 100, "the documents hold displayed math to check")
    }
}
