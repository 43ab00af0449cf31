import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Articles at full size (issue 23, N4): a display is broken before operators at 10 pt rather
/// than shrunk, so the built-in lessons' articles set every display at the text's size (the
/// review found 23 shrunk displays in ng-lecture alone that fit at 10 pt). The LaTeX compile
/// tests check the same articles for overfull boxes in pdflatex.
@Suite("Article sizes")
struct ArticleSizeTests {
    /// The size commands `LaTeXRenderer.equation` puts around a display set smaller.
    static func shrunkDisplays(_ tex: String) -> Int {
        ["\\small", "\\footnotesize", "\\scriptsize"].reduce(0) { count, command in
            count + tex.components(separatedBy: "{" + command + "\n\\begin{align*}").count - 1
        }
    }

    @Test("the counter sees a display set smaller")
    func counter() {
        #expect(Self.shrunkDisplays("{\\footnotesize\n\\begin{align*}\nx &= 1\n\\end{align*}\n}") == 1)
        #expect(Self.shrunkDisplays("\\begin{align*}\nx &= 1\n\\end{align*}") == 0)
    }

    @Test(
        "every display of a built-in lesson's article is at 10 pt, in Ng's, Nielsen's and Mazur's notation",
        arguments: LessonFixtures.names)
    func fullSize(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        // Left out: the 15 Steps' transposed 6-column weight matrices, and ng-gradcheck-lambda3's
        // D⁽¹⁾ in Ng's notation (a matrix in scientific form): wider than the line even broken.
        for notation in [NotationName.ng, .nielsen, .mazur] where !(lesson == "ng-gradcheck-lambda3" && notation == .ng) {
            let tex = LaTeXRenderer().document(Narrator(trace: trace, notation: notation).narrative())
            #expect(Self.shrunkDisplays(tex) == 0, "\(lesson) \(notation)")
        }
    }
}
