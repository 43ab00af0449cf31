import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// `export --format worksheet`: the questions leave every worked-out number blank, the key has
/// every result, and the checkpoint is the cost (issue 21), on lessons unlike the built-in
/// ones and in every notation.
@Suite struct WorksheetTests {
    /// A tanh lesson, a softmax lesson, a ReLU regression and a one-sample lesson.
    static let lessons = ["h3-deep-tanh-sigmoid-ce", "h3-softmax4-frozen", "h3-relu-linear-2out", "h3-single-layer-linear"]

    static func narrative(_ name: String, _ notation: NotationName) throws -> (Trace, Narrative) {
        let trace = Tracer.trace(try LessonFixtures.reviewLesson(name))
        return (trace, Narrator(trace: trace, notation: notation).narrative(steps: Worksheet.defaultSteps.compactMap(Step.init(number:))))
    }

    /// Every number in a tree.
    static func numbers(_ math: Math) -> [(Double, NumberStyle)] {
        if case .number(let value, let style) = math { return [(value, style)] }
        return math.children.flatMap(numbers)
    }

    static func numbers(_ inlines: [Inline]) -> [(Double, NumberStyle)] {
        inlines.flatMap { inline -> [(Double, NumberStyle)] in
            if case .math(let m) = inline { return numbers(m) }
            return []
        }
    }

    static func numbers(_ block: Block) -> [(Double, NumberStyle)] {
        switch block {
        case .heading, .figure, .image: return []
        case .paragraph(let items), .why(let items), .convention(let items): return numbers(items)
        case .bullets(let items): return items.flatMap(numbers)
        case .equation(let e): return numbers(e.lhs) + e.steps.flatMap { numbers($0.expression) }
        case .table(let t): return t.rows.flatMap { $0.flatMap(numbers) }
        }
    }

    static func isCheckpoint(_ block: Block) -> Bool {
        if case .paragraph(let items) = block, case .emphasis("Checkpoint:")? = items.first { return true }
        return false
    }

    @Test("the questions show no number the pass computes, only given ones and blanks", arguments: lessons)
    func questionsHideResults(name: String) throws {
        for notation in NotationName.allCases {
            let (_, narrative) = try Self.narrative(name, notation)
            let questions = Worksheet.questions(narrative)
            var blanks = 0
            for section in questions.sections {
                for block in section.blocks where !Self.isCheckpoint(block) {
                    for (value, style) in Self.numbers(block) {
                        switch style {
                        case .blank: blanks += 1
                        case .given, .roundTrip: break
                        case .document, .fixed, .scientific:
                            Issue.record("\(name) \(notation) step \(section.number) shows computed \(value)")
                        }
                    }
                    if case .figure(let figure) = block {
                        #expect(figure.layers.dropFirst().allSatisfy { $0.allSatisfy { $0.activation == nil && $0.delta == nil } })
                    }
                }
            }
            #expect(blanks > 10, "\(name) \(notation): only \(blanks) blanks")
        }
    }

    @Test("every result line of the lesson is in the key, with its left side", arguments: lessons)
    func keyHasEveryResult(name: String) throws {
        for notation in NotationName.allCases {
            let (_, narrative) = try Self.narrative(name, notation)
            let key = Worksheet.answerKey(narrative)
            for section in narrative.sections {
                let keyed = key.first { $0.number == section.number }?.blocks ?? []
                for case .equation(let equation) in section.blocks where equation.roles.last == .result {
                    guard let result = equation.steps.last, result.expression.hasComputedNumber else { continue }
                    #expect(
                        keyed.contains(.equation(Equation(equation.lhs, [result]))),
                        "\(name) \(notation) step \(section.number): \(TextRenderer().render(equation.lhs)) missing")
                }
            }
        }
    }

    @Test("the checkpoint after step 7 is the lesson's cost", arguments: lessons)
    func checkpointIsTheCost(name: String) throws {
        let (trace, narrative) = try Self.narrative(name, .ng)
        let step7 = try #require(Worksheet.questions(narrative).sections.first { $0.number == 7 })
        let checkpoint = try #require(step7.blocks.last)
        #expect(Self.isCheckpoint(checkpoint))
        let shown = Self.numbers(checkpoint).map(\.0)
        #expect(shown == [trace.cost], "\(shown) against J = \(trace.cost)")
    }

    @Test("the LaTeX sheet: boxes in the questions, the key from a new page, every result in it")
    func latexSheet() throws {
        let (_, narrative) = try Self.narrative("h3-single-layer-linear", .mazur)
        let text = WorksheetRenderer(options: RenderOptions(lessonOptions: "--lesson x.json --variant 2")).document(narrative)
        let parts = text.components(separatedBy: "\\clearpage")
        #expect(parts.count == 2)
        #expect(parts[0].contains("\\boxed{\\phantom{"))
        #expect(!parts[1].contains("\\boxed{\\phantom{"))
        #expect(parts[1].contains("\\section*{Answer key}"))
        #expect(parts[0].contains("diagnose answers.txt -{}-lesson x.json -{}-variant 2"))
    }
}

extension WorksheetTests {
    @Test("the sheet compiles; the key starts a new page; the questions' pages hold no result the key gives")
    func compiledSheet() throws {
        guard LaTeXCompileTests.requirePDFLaTeX() else { return }
        let lesson = try LessonFixtures.lesson("mazur").variant(3)
        let trace = Tracer.trace(lesson)
        let narrative = Narrator(trace: trace, notation: .mazur)
            .narrative(steps: Worksheet.defaultSteps.compactMap(Step.init(number:)))
        let source = WorksheetRenderer(options: RenderOptions()).document(narrative)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("worksheet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = LaTeXCompileTests.compile(.init(name: "worksheet", source: source), keepingIn: folder)
        #expect(result.problems.isEmpty, "\(result.problems)")
        _ = LaTeXCompileTests.run("pdftotext", ["-layout", "doc.pdf", "doc.txt"], in: folder, timeout: 60)
        let text = try String(contentsOf: folder.appendingPathComponent("doc.txt"), encoding: .utf8)
        let pages = text.components(separatedBy: "\u{0C}")
        let keyStart = try #require(pages.firstIndex { $0.contains("Answer key") })
        #expect(pages[keyStart].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Answer key"))
        let questions = pages[..<keyStart].joined()
        let key = pages[keyStart...].joined()
        #expect(questions.contains("(variant 3)"))
        // Results with 4 significant digits that the key prints: none of them in the questions.
        let outputs = trace.samples[0].a.last!.map { String(format: "%.4f", abs($0)) }
        let hiddenErrors = trace.samples[0].delta[0].map { String(format: "%.3g", abs($0)) }
        for shown in outputs + hiddenErrors {
            #expect(key.contains(shown), "the key lacks \(shown)")
            #expect(!questions.contains(shown), "the questions give away \(shown)")
        }
    }
}
