import BackpropTutorCLI
import Testing

@testable import BackpropRendering

/// Golden files pin the text of the key steps, produced through the CLI exactly as a learner
/// runs them. Mazur's are printed at 9 decimals, the precision of his post, so the goldens show
/// his published numbers digit for digit (0.593269992, 0.298371109, w5⁺ = 0.35891648, …).
@Suite("Step goldens")
struct StepGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lesson: String
        var step: Int
        var format: String
        var precision: Int
        var testDescription: String { "\(lesson) step \(step) \(format)" }
        var goldenName: String {
            let suffix = format == "text" ? "txt" : (format == "latex" ? "tex" : "md")
            return "\(lesson)-step\(step).\(suffix)"
        }
    }

    static let cases: [Case] =
        [6, 10, 12, 13, 14].flatMap { step in
            [
                Case(lesson: "mazur", step: step, format: "text", precision: 9),
                Case(lesson: "ng-lecture", step: step, format: "text", precision: 4),
            ]
        }
        + [6, 10, 12].flatMap { step in
            [
                Case(lesson: "mazur", step: step, format: "latex", precision: 9),
                Case(lesson: "mazur", step: step, format: "markdown", precision: 9),
            ]
        }
        + [Case(lesson: "15-steps", step: 12, format: "text", precision: 4)]

    @Test("steps match their golden files", arguments: cases)
    func golden(_ golden: Case) {
        let result = BackpropTutor.execute([
            "step", "\(golden.step)", "--lesson", golden.lesson, "--format", golden.format,
            "--precision", "\(golden.precision)",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        GoldenFile.check(result.standardOutput, named: golden.goldenName)
    }

    /// Mazur's published numbers and the step that shows each, as printed in his post.
    static let published: [(step: Int, value: String)] = [
        (6, "0.593269992"), (6, "0.596884378"), (6, "0.75136507"), (6, "0.772928465"),
        (7, "0.298371109"), (9, "0.082167041"),
        (12, "0.35891648"), (12, "0.408666186"), (12, "0.511301270"), (12, "0.561370121"),
        (12, "0.149780716"), (12, "0.19956143"), (12, "0.24975114"), (12, "0.29950229"),
        (15, "0.291027774"),
    ]

    @Test("Mazur's steps show his published numbers at the precision he printed them")
    func mazurPublishedNumbers() {
        for (step, value) in Self.published {
            let decimals = value.split(separator: ".")[1].count
            let output = BackpropTutor.execute(["step", "\(step)", "--lesson", "mazur", "--precision", "\(decimals)"])
                .standardOutput
            #expect(output.contains(value), "step \(step) at \(decimals) decimals lacks Mazur's \(value)")
        }
    }
}
