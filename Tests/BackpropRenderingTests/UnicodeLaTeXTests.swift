import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

/// Unicode in lesson strings (issue 12, review D10): what a stock TeX Live typesets prints as
/// itself, the rest is a visible `[U+…]` stand-in listed by `replacedCharacters(in:)` (which
/// the command line turns into a warning), never a silent "?", and the PDF's title keeps λ and Σ.
@Suite("Unicode in LaTeX exports", .serialized)
struct UnicodeLaTeXTests {
    /// Typeset by pdflatex with T1, textcomp and amssymb: Latin, Greek (as math), € µ ½ ° ℝ.
    static let supported = "Café Müller Straße ł ț € µ ½ 3° λ Σ ℝ"
    /// Not typeset by the stock fonts: Cyrillic, CJK, emoji.
    static let unsupported: [Character] = ["Ж", "и", "学", "习", "🎓", "🐱"]

    static func lesson() throws -> Lesson {
        var json = try LessonFixtures.text("mazur")
        json = json.replacingOccurrences(
            of: "\"title\": \"Mazur's step-by-step backpropagation example\"",
            with: "\"title\": \"\(supported)\"")
        json = json.replacingOccurrences(
            of: "\"summary\": \"Matt Mazur's", with: "\"summary\": \"Жи 学习 🎓🐱 Matt Mazur's")
        return try Lesson.decode(json, file: "unicode.json")
    }

    @Test("the characters pdflatex cannot typeset are the stand-ins, and only those")
    func replaced() throws {
        let narrative = Narrator(trace: Tracer.trace(try Self.lesson()), notation: .ng).narrative()
        for document in [LaTeXRenderer().document(narrative), BeamerRenderer().document(narrative)] {
            let replaced = LaTeXTextCoverage.replacedCharacters(in: document)
            #expect(Set(replaced) == Set(Self.unsupported))
            #expect(replaced.count == Set(replaced).count, "each character is named once")
            #expect(document.contains("\\texttt{[U+0416]}"))
            #expect(!document.contains("?}"), "no character became a bare ?")
        }
    }

    @Test("the stand-ins can be told apart from lesson text, which cannot forge one")
    func forged() {
        let document = LaTeXEscaping.text(#"\texttt{[U+0416]} and Ж"#)
        #expect(LaTeXTextCoverage.replacedCharacters(in: document) == ["Ж"])
    }

    @Test("article and slides compile; the PDF shows the supported characters, no ?, and keeps λ and Σ in its title")
    func compiles() throws {
        guard LaTeXCompileTests.requirePDFLaTeX() else { return }
        let narrative = Narrator(trace: Tracer.trace(try Self.lesson()), notation: .ng).narrative(steps: [.network])
        for (name, source) in [
            ("article", LaTeXRenderer().document(narrative)), ("beamer", BeamerRenderer().document(narrative)),
        ] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "backprop-unicode-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = LaTeXCompileTests.compile(.init(name: name, source: source), keepingIn: folder)
            #expect(result.problems.isEmpty, "\(name): \(result.problems)")
            _ = LaTeXCompileTests.run("pdftotext", ["-l", "2", "doc.pdf", "doc.txt"], in: folder, timeout: 30)
            let text = try String(contentsOf: folder.appendingPathComponent("doc.txt"), encoding: .utf8)
            for word in ["Café", "Müller", "Straße", "ł", "€", "µ", "½", "λ", "Σ", "[U+0416]", "[U+1F393]"] {
                #expect(text.contains(word), "\(name): the PDF lacks \(word)")
            }
            #expect(!text.contains("?"), "\(name): a character became ?")
            _ = LaTeXCompileTests.run("sh", ["-c", "pdfinfo doc.pdf > info.txt"], in: folder, timeout: 30)
            let info = try String(contentsOf: folder.appendingPathComponent("info.txt"), encoding: .utf8)
            #expect(info.contains("Title:") && info.contains("λ Σ ℝ"), "\(name): the PDF title is \(info)")
        }
    }
}
