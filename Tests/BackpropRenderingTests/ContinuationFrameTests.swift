import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// No derivation cut from its left side (issue 23, N2): a frame never opens with a bare
/// "= result" whose left-hand side stayed on the frame before.
@Suite("Beamer continuation frames")
struct ContinuationFrameTests {
    /// The review's lessons with the tallest derivations (a 4-6-5-3 net, six layers, softmax).
    static let reviewLessons = ["wide-4-6-5-3", "deep-6-layers", "tanh-softmax", "special-chars"]

    /// The frames of a deck whose first displayed line has no left-hand side: the first
    /// `aligned` row starts with `&` and nothing but size commands comes before it.
    static func orphanedResults(_ tex: String) -> [Int] {
        var orphans: [Int] = []
        let frames = tex.components(separatedBy: "\\begin{frame}").dropFirst()
        for (index, frame) in frames.enumerated() {
            let body = frame.components(separatedBy: "\\end{frame}")[0]
            guard let aligned = body.range(of: "\\begin{aligned}\n") else { continue }
            let before = body[..<aligned.lowerBound].split(separator: "\n").filter { line in
                !line.hasPrefix("\\frametitle") && !line.hasPrefix("{\\") && line != "\\[" && line != "\\begin{center}"
                    && !line.hasPrefix("\\setlength") && !line.hasPrefix("\\resizebox")
            }
            let firstRow = body[aligned.upperBound...].prefix { $0 != "\n" }
            if before.isEmpty, firstRow.trimmingPrefix(" ").hasPrefix("&") { orphans.append(index + 1) }
        }
        return orphans
    }

    @Test("the counter finds a bare continuation and passes one that repeats its left-hand side")
    func counter() {
        let bare = "\\begin{frame}\n\\frametitle{Step 11 (cont.)}\n{\\scriptsize\n\\[\n\\begin{aligned}\n &= x\n\\end{aligned}\n\\]\n}\n\\end{frame}\n"
        #expect(Self.orphanedResults(bare) == [1])
        #expect(Self.orphanedResults(bare.replacingOccurrences(of: " &= x", with: "\\delta &= x")).isEmpty)
        // Text before the display says what follows.
        #expect(Self.orphanedResults(bare.replacingOccurrences(of: "{\\scriptsize\n", with: "Then:\\par\n{\\scriptsize\n")).isEmpty)
    }

    @Test(
        "no frame of any built-in or review lesson × notation × aspect opens with an orphaned result",
        arguments: LessonFixtures.names + reviewLessons)
    func noOrphanedResult(lesson: String) throws {
        let trace =
            LessonFixtures.names.contains(lesson)
            ? try LessonFixtures.trace(lesson) : Tracer.trace(try LessonFixtures.reviewLesson(lesson))
        var frames = 0
        for notation in NotationName.allCases {
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            for aspect in BeamerAspect.allCases {
                let tex = BeamerRenderer(aspect: aspect).document(narrative)
                frames += tex.components(separatedBy: "\\begin{frame}").count - 1
                let orphans = Self.orphanedResults(tex)
                #expect(orphans.isEmpty, "\(lesson) \(notation) \(aspect.rawValue): frames \(orphans)")
            }
        }
        #expect(frames > 0)
    }

    @Test("a derivation taller than a frame is cut between steps, and the next frame repeats its left-hand side")
    func repeatsLeftHandSide() {
        let column = Math.matrix((0..<10).map { row in (0..<6).map { .number(Double(row + $0) / 10) } })
        let equation = Equation(
            .superscripted(.identifier("δ"), .integer(2)),
            equals: [.hadamard(.identifier("a"), .identifier("b")), .hadamard(column, column), column])
        let renderer = BeamerRenderer(aspect: .sixteenNine)
        let chunks = renderer.lineChunks(equation, room: BeamerAspect.sixteenNine.frameLines)
        #expect(chunks.count >= 2)
        let tex = renderer.document(
            Narrative(title: "t", preface: [], sections: [Section(number: 11, title: "x", blocks: [.equation(equation)])]))
        #expect(Self.orphanedResults(tex).isEmpty)
        let lhs = LaTeXMathWriter(decimals: 4, flavor: .pdflatex).write(equation.lhs)
        #expect(tex.components(separatedBy: "\n\(lhs) &").count - 1 == chunks.count)
    }
}

/// The PDF reader that counts a deck's number frames at 8 pt (issue 23, N1).
@Suite("Small number frames")
struct SmallNumberFrameTests {
    static func word(_ text: String, y: Double, size: Double) -> String {
        "<word xMin=\"10\" yMin=\"\(y)\" xMax=\"20\" yMax=\"\(y + size * 0.885)\">\(text)</word>"
    }

    @Test("frames are told apart by their footline number, overlays count once, and 8 pt numbers are found")
    func counts() {
        func page(_ frame: Int, numberSize: Double) -> String {
            "<page width=\"400\" height=\"225\">\n" + Self.word("0.5146", y: 50, size: numberSize) + "\n"
                + Self.word("\(frame)", y: 210, size: 6) + "\n" + Self.word("/", y: 210, size: 6) + "\n"
                + Self.word("1", y: 210, size: 6) + "\n</page>\n"
        }
        let html = page(2, numberSize: 11) + page(3, numberSize: 8) + page(3, numberSize: 8) + page(4, numberSize: 10)
        let (count, small) = PDFLayoutCheck.smallNumberFrames(html: html)
        #expect(count == 3)
        #expect(small == ["3"])
        #expect(!PDFLayoutCheck.smallNumberProblems(html: html).isEmpty)
        #expect(PDFLayoutCheck.smallNumberProblems(html: page(2, numberSize: 11) + page(3, numberSize: 9)).isEmpty)
    }
}
