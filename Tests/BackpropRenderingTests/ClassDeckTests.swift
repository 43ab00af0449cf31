import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// A deck a teacher can lecture from (issue 23, N3, N9, N13): speaker notes, a section (PDF
/// bookmark) per step, a title frame with the summary and the network, and the algorithm at a
/// glance. The handout's page counts are checked with pdflatex in `LaTeXCompileTests`.
@Suite("Beamer class decks")
struct ClassDeckTests {
    static func narrative(_ lesson: String, notation: NotationName = .ng, steps: [Step] = Step.allCases) throws
        -> Narrative
    {
        Narrator(trace: try LessonFixtures.trace(lesson), notation: notation).narrative(
            steps: steps, includingAlgorithm: true)
    }

    static func count(_ text: String, in tex: String) -> Int { tex.components(separatedBy: text).count - 1 }

    @Test("speaker notes hold every Why and the comparison of notations only with --notes", arguments: ["mazur", "ng-lecture"])
    func notes(lesson: String) throws {
        let narrative = try Self.narrative(lesson)
        let whys = narrative.sections.flatMap(\.blocks).filter { if case .why = $0 { true } else { false } }.count
        let plain = BeamerRenderer().document(narrative)
        let noted = BeamerRenderer(speakerNotes: true).document(narrative)
        #expect(Self.count("\\note{", in: plain) == 0)
        #expect(Self.count("\\emph{Why:}", in: plain) == whys)
        // Every Why and the one comparison paragraph become notes; none stays on a frame.
        #expect(Self.count("\\note{", in: noted) == whys + 1)
        #expect(Self.count("\\emph{Why:}", in: noted) == 0)
        #expect(!noted.replacingOccurrences(of: "\\note{Comparing notations", with: "").contains("Comparing notations"))
        #expect(plain.contains("Comparing notations"))
        // Notes take no room: never more frames than the deck without them.
        #expect(Self.count("\\begin{frame}", in: noted) <= Self.count("\\begin{frame}", in: plain))
    }

    @Test("each step is a \\section (a PDF bookmark), and the title frame holds the summary and the network")
    func navigation() throws {
        let narrative = try Self.narrative("mazur", notation: .mazur)
        let tex = BeamerRenderer().document(narrative)
        #expect(Self.count("\\section{Step ", in: tex) == 15)
        let titleFrame = try #require(tex.components(separatedBy: "\\end{frame}").first)
        #expect(titleFrame.contains("tikzpicture"))
        let summary = try #require(try LessonFixtures.lesson("mazur").summary)
        #expect(titleFrame.contains(String(summary.prefix(20))))
    }

    @Test("the algorithm at a glance ends an exported document's preface, five lines in the deck's notation", arguments: NotationName.allCases)
    func algorithm(notation: NotationName) throws {
        let narrative = try Self.narrative("ng-lecture", notation: notation)
        let heading = try #require(narrative.preface.firstIndex(of: .heading("The algorithm at a glance")))
        guard case .bullets(let lines) = narrative.preface[heading + 1] else {
            Issue.record("no list after the heading")
            return
        }
        #expect(lines.count == 5)
        // The output error is the notation's own rule (the notation sheet's cell).
        let narrator = Narrator(trace: try LessonFixtures.trace("ng-lecture"), notation: notation)
        #expect(Array(lines[1].dropFirst()) == narrator.cell(.outputError))
    }

    @Test("--steps lecture is one class: 20 to 40 frames for the built-in teaching lessons", arguments: LessonFixtures.names)
    func lecture(lesson: String) throws {
        let steps: [Step] = [.feedforward, .chainRule, .outputError, .hiddenError, .backpropagation, .gradientDescent]
        let narrative = try Self.narrative(lesson, steps: steps)
        for aspect in BeamerAspect.allCases {
            let frames = Self.count("\\begin{frame}", in: BeamerRenderer(aspect: aspect).document(narrative))
            print("\(lesson) \(aspect.rawValue): lecture deck of \(frames) frames")
            #expect((15...45).contains(frames), "\(lesson) \(aspect.rawValue): \(frames) frames")
        }
    }
}
