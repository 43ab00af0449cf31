import BackpropCore
import BackpropRendering
import Foundation

/// libFuzzer's entry point: one input, as bytes, through the whole pipeline.
///
/// Built for fuzzing with the sanitizer flags and `-DFUZZING` (libFuzzer then supplies
/// `main`); see README.md, "Fuzzing". Built normally (`swift build`), the same code runs as a
/// replay tool: `LessonFuzzer FILE…` feeds each file through `LessonFuzzer.run`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    LessonFuzzer.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Feeds bytes to the lesson decoder and, when a lesson decodes, traces it cheaply, renders
/// every step with every renderer in one notation chosen from the input, and trains it
/// briefly through `train`'s report, plots and saved lesson.
///
/// Nothing may crash: a decoding error is formatted (and escaped, as the CLI prints it); a
/// lesson is traced with options that keep one input well under a second (two recorded
/// samples, at most 5 epochs, the gradient check only for small networks, and lessons with
/// more work than `maximumWork` skipped); a trace that overflows is refused as the CLI
/// refuses it.
enum LessonFuzzer {
    /// Weights × samples above which an input is decoded but not traced.
    static let maximumWork = 200_000

    static func run(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let lesson: Lesson
        do {
            lesson = try Lesson.decode(text, file: "fuzz.json")
        } catch {
            let message = ControlCharacters.escaped(error.description)
            precondition(!message.unicodeScalars.contains(where: ControlCharacters.isEscaped))
            return
        }
        var cheap = lesson
        cheap.epochs = min(lesson.epochs, 5)
        let parameters = lesson.network.parameterCount
        guard parameters * lesson.samples.count <= maximumWork else { return }
        let m = lesson.samples.count
        let options = TraceOptions(
            samples: .indices([0, m - 1]), includesGradientCheck: parameters <= 400, includesTraining: true)
        let trace = Tracer.trace(cheap, options: options)
        _ = trace.jsonText
        _ = TraceTextRenderer.render(trace)
        guard trace.cost.isFinite, trace.D.allSatisfy({ $0.values.allSatisfy(\.isFinite) }) else { return }
        if trace.gradientCheck != nil { _ = GradientCheckTable.render(trace, passes: true) }
        let hash = bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
        let notations = NotationName.allCases
        let notation = notations[hash % notations.count]
        let sampleIndex = hash % 2 == 0 ? 0 : m - 1
        let narrator = Narrator(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: hash % 13)
        let narrative = narrator.narrative()
        _ = TextRenderer(decimals: narrator.decimals, usesColor: hash % 3 == 0).render(narrative)
        _ = LaTeXRenderer(decimals: narrator.decimals).document(narrative)
        _ = BeamerRenderer(decimals: narrator.decimals).document(narrative)
        _ = MarkdownRenderer(decimals: narrator.decimals).document(narrative)
        for section in narrative.sections {
            _ = LaTeXRenderer(decimals: narrator.decimals).fragment(section)
            _ = MarkdownRenderer(decimals: narrator.decimals).fragment(section)
        }
        train(lesson, hash: hash)
    }

    /// What `train` prints and writes, for a short run of the lesson's own plan: the head, the
    /// progress lines, the summary (stop line, Braille cost plot, table, confusion matrix,
    /// outputs), the SVG of the curves and the saved lesson, which must decode again whenever
    /// `train --save` would write it (the run did not diverge and every weight is finite).
    static func train(_ lesson: Lesson, hash: Int) {
        var plan = lesson.trainingPlan
        plan.stop.epochs = min(plan.stop.epochs ?? 5, 5)
        plan.stop.updates = plan.stop.updates.map { min($0, 50) }
        let text = TrainingText(lesson: lesson, plan: plan, decimals: hash % 13, usesColor: hash % 3 == 0)
        _ = text.head()
        let result = Trainer(lesson: lesson, plan: plan).run(onCheckpoint: { _ = text.progressLine($0) })
        let evaluations = [
            ("training", SetEvaluation.evaluate(result.network, on: lesson.samples)),
            ("validation", SetEvaluation.evaluate(result.network, on: lesson.validationSamples)),
            ("test", SetEvaluation.evaluate(result.network, on: lesson.testSamples)),
        ].map { (name: $0.0, evaluation: $0.1) }
        _ = text.summary(result, evaluations: evaluations)
        let panels = [text.costPlot(result)] + (text.accuracyPlot(result).map { [$0] } ?? [])
        _ = TrainingCurvesSVG().document(title: "Training: " + lesson.title, panels: panels)
        let finite = result.network.weights.allSatisfy { $0.values.allSatisfy(\.isFinite) }
        guard result.stop != .diverged, finite else { return }
        var saved = lesson
        saved.network = result.network
        saved.weightSource = .given
        do {
            _ = try Lesson.decode(saved.jsonText, file: "saved.json")
        } catch {
            preconditionFailure("a saved lesson does not load: \(error.description)")
        }
    }
}

#if FUZZING
    /// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links).
    @_extern(c, "LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The fuzzing build's entry point. SwiftPM links every executable with its entry point
    /// renamed (`main` = `LessonFuzzer_main`), so libFuzzer's own `main` is not used; this one
    /// hands the command line to libFuzzer's driver instead.
    @main
    enum LessonFuzzerMain {
        static func main() {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
            exit(status)
        }
    }
#else

    /// The replay tool (normal builds): runs each file named on the command line through
    /// `LessonFuzzer.run`, so a crash found by the fuzzer reproduces without the sanitizers.
    @main
    enum LessonFuzzerReplay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    continue
                }
                LessonFuzzer.run(Array(data))
                print("ok \(path)")
            }
        }
    }
#endif
