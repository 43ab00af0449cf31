import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// `step` traces only what a step shows (`Narrator.traceOptions`); what it prints must be what
/// a full trace prints.
@Suite("Lazy traces for the step commands")
struct TraceNeedsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// A built-in lesson's name, or `nil` for `gridLesson`.
        var lesson: String?
        var sample: Int
        var testDescription: String { "\(lesson ?? "30-sample grid"), sample \(sample + 1)" }
    }

    /// A 2-2-1 lesson with 30 samples: more than the tables' 12, so a lazy trace records fewer
    /// samples than m (no built-in lesson has more than 12).
    static let gridLesson: String = {
        let samples = (0..<30).map { k in
            "{\"x\": [\(Double(k % 6) / 5), \(Double(k / 6) / 4)], \"y\": [\(k % 3 == 0 ? 1 : 0)]}"
        }
        return """
            {"title": "grid", "layers": [2, 2, 1], "activation": "sigmoid", "lambda": 0.5,
             "init": {"method": "uniform", "epsilon": 0.5, "seed": 5}, "epochs": 30,
             "samples": [\(samples.joined(separator: ", "))]}
            """
    }()

    static let cases: [Case] =
        LessonFixtures.names.map { Case(lesson: $0, sample: 0) } + [
            Case(lesson: "15-steps", sample: 5), Case(lesson: "ng-gradcheck", sample: 4),
            Case(lesson: nil, sample: 0), Case(lesson: nil, sample: 20), Case(lesson: nil, sample: 29),
        ]

    @Test("every step, through the CLI's lazy trace, equals the narrator over a full trace", arguments: cases)
    func lazyEqualsFull(_ testCase: Case) throws {
        let file = try TemporaryFile(contents: Self.gridLesson, name: "grid.json")
        defer { file.remove() }
        let reference = testCase.lesson ?? file.path
        let lesson = try LessonLibrary.load(reference)
        let notation = try #require(NotationChoice.notation(named: lesson.notation))
        let full = Narrator(trace: Tracer.trace(lesson), notation: notation, sampleIndex: testCase.sample)
        for step in Step.allCases {
            let output = BackpropTutor.execute([
                "step", "\(step.number)", "--lesson", reference, "--sample", "\(testCase.sample + 1)",
            ])
            #expect(output.exitCode == 0, "\(output.standardError)")
            #expect(
                output.standardOutput == TextRenderer().render(full.section(step)),
                "step \(step.number) differs from the full trace's")
        }
    }

    @Test("the lesson command and export, through lazy traces, equal the full trace's documents")
    func documentsEqualFull() throws {
        let file = try TemporaryFile(contents: Self.gridLesson, name: "grid.json")
        defer { file.remove() }
        let lesson = try LessonLibrary.load(file.path)
        let full = Narrator(trace: Tracer.trace(lesson), notation: .ng, sampleIndex: 24)
        let text = BackpropTutor.execute(["lesson", "--lesson", file.path, "--sample", "25"])
        #expect(text.standardOutput == TextRenderer().render(full.narrative()))
        let first = Narrator(trace: Tracer.trace(lesson), notation: .ng)
        let markdown = BackpropTutor.execute([
            "export", "--lesson", file.path, "--format", "markdown", "--steps", "3,14",
        ])
        #expect(
            markdown.standardOutput
                == MarkdownRenderer().document(
                    first.narrative(steps: [.data, .gradientCheck], includingAlgorithm: true)))
    }

    @Test("step 1 asks for no gradient check, no training and only the chosen sample")
    func stepOneNeedsLittle() {
        let options = Narrator.traceOptions(for: [.network], sampleIndex: 6)
        #expect(!options.includesGradientCheck)
        #expect(!options.includesTraining)
        #expect(options.samples.indices(sampleCount: 1_797) == [6])
    }

    @Test("steps 14 and 15 ask for the check and the training; the tables for the first 12 samples")
    func laterSteps() {
        #expect(Narrator.traceOptions(for: [.gradientCheck], sampleIndex: 0).includesGradientCheck)
        #expect(!Narrator.traceOptions(for: [.gradientCheck], sampleIndex: 0).includesTraining)
        #expect(Narrator.traceOptions(for: [.gradientDescent], sampleIndex: 0).includesTraining)
        let data = Narrator.traceOptions(for: [.data], sampleIndex: 500)
        #expect(data.samples.indices(sampleCount: 1_000) == Array(0..<12) + [500])
        let all = Narrator.traceOptions(for: Step.allCases, sampleIndex: 0)
        #expect(all.includesGradientCheck && all.includesTraining)
    }

    @Test("a lesson's unknown notation is a usage error naming the valid ones, never a silent ng")
    func unknownLessonNotation() {
        #expect(throws: CLIError.self) {
            try NotationChoice.resolve(given: nil, lessonNotation: "bishop", command: "step")
        }
        do {
            _ = try NotationChoice.resolve(given: nil, lessonNotation: "bishop", command: "export")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.description.contains(NotationChoice.names.joined(separator: ", ")))
        }
        #expect((try? NotationChoice.resolve(given: .nielsen, lessonNotation: "bishop", command: "step")) == .nielsen)
        #expect((try? NotationChoice.resolve(given: nil, lessonNotation: "tulleken", command: "step")) == .tulleken)
    }
}
