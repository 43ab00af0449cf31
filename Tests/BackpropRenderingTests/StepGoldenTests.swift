import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Testing

/// Golden files pin the text of the key steps, made from the lesson file, the tracer, the
/// narrator and the renderer with the CLI's defaults (see `Fixtures.step`), so they read exactly
/// as a learner's `backprop-tutor step N` prints them. Mazur's are printed at 9 decimals, the
/// precision of his post, so the goldens show his published numbers digit for digit
/// (0.593269992, 0.298371109, w5⁺ = 0.35891648, …).
@Suite("Step goldens")
struct StepGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lesson: String
        var step: Step
        var format: OutputFormat
        var precision: Int
        /// The notation, when not the lesson's own.
        var notation: NotationName? = nil
        /// The golden's name stem (default: the lesson's name).
        var stem: String? = nil
        var testDescription: String { "\(stem ?? lesson) step \(step.number) \(format.rawValue)" }
        var goldenName: String { "\(stem ?? lesson)-step\(step.number).\(Self.fileExtension(format))" }

        /// The golden's file extension: the format's own (beamer frames are `beamer.tex`, so
        /// they never share the article's name).
        static func fileExtension(_ format: OutputFormat) -> String { format.fileExtension }
    }

    static let cases: [Case] =
        [Step.feedforward, .outputError, .backpropagation, .accumulation, .gradientCheck].flatMap { step in
            [
                Case(lesson: "mazur", step: step, format: .text, precision: 9, notation: .nielsen),
                Case(lesson: "ng-lecture", step: step, format: .text, precision: 4),
            ]
        }
        + [Step.feedforward, .outputError, .backpropagation].flatMap { step in
            [
                Case(lesson: "mazur", step: step, format: .latex, precision: 9, notation: .nielsen),
                Case(lesson: "mazur", step: step, format: .markdown, precision: 9, notation: .nielsen),
            ]
        }
        + [Case(lesson: "15-steps", step: .backpropagation, format: .text, precision: 4)]
        // Mazur's lesson in its own notation: his names beside his numbers, as the post prints them.
        + [Step.feedforward, .chainRule, .hiddenError, .backpropagation].map { step in
            Case(lesson: "mazur", step: step, format: .text, precision: 9, stem: "mazur-notation")
        }

    @Test("steps match their golden files", arguments: cases)
    func golden(_ golden: Case) throws {
        let narrator = Fixtures.narrator(
            try LessonFixtures.lesson(golden.lesson), notation: golden.notation, decimals: golden.precision)
        GoldenFile.check(Fixtures.step(golden.step, of: narrator, format: golden.format), named: golden.goldenName)
    }

    @Test("every output format has its own golden file extension")
    func distinctExtensions() {
        let extensions = OutputFormat.allCases.map(Case.fileExtension)
        #expect(Set(extensions).count == extensions.count, "\(extensions)")
    }

    /// Mazur's published numbers and the step that shows each, as printed in his post.
    static let published: [(step: Step, value: String)] = [
        (.feedforward, "0.593269992"), (.feedforward, "0.596884378"), (.feedforward, "0.75136507"),
        (.feedforward, "0.772928465"), (.cost, "0.298371109"), (.chainRule, "0.082167041"),
        (.backpropagation, "0.35891648"), (.backpropagation, "0.408666186"), (.backpropagation, "0.511301270"),
        (.backpropagation, "0.561370121"), (.backpropagation, "0.149780716"), (.backpropagation, "0.19956143"),
        (.backpropagation, "0.24975114"), (.backpropagation, "0.29950229"), (.gradientDescent, "0.291027774"),
    ]

    @Test("Mazur's steps show his published numbers at the precision he printed them")
    func mazurPublishedNumbers() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        for (step, value) in Self.published {
            let decimals = value.split(separator: ".")[1].count
            let output = Fixtures.step(step, of: Fixtures.narrator(lesson, decimals: decimals), format: .text)
            #expect(output.contains(value), "step \(step.number) at \(decimals) decimals lacks Mazur's \(value)")
        }
    }
}
