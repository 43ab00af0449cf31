import Foundation
import BackpropCore
import BackpropRendering

/// The lesson as `step` and `lesson` tell it: `--precision`, `--sample` and `--notation`
/// checked, and a trace of only what the chosen steps show.
struct LessonNarration {
    /// The narrator over the trace.
    var narrator: Narrator
    /// Whether text output is coloured.
    var usesColor: Bool
    /// The options that choose this lesson, variant and sample, as a learner would type them.
    var lessonOptions: String

    /// Loads the lesson, checks the options and traces what `steps` need.
    init(_ arguments: ParsedArguments, steps: [Step], io: CommandIO) throws(CLIError) {
        let command = arguments.command.name
        // The scanner has checked that --precision is 0…12 and --sample at least 1.
        let decimals = arguments.value(CommonOptions.precision) ?? 4
        let lesson = try LessonLoading.lesson(arguments)
        var sampleIndex = 0
        var heldOut: (set: String, index: Int, sample: Lesson.Sample)?
        if let reference = arguments.value(CommonOptions.sample) {
            let value = reference.number
            switch reference.set {
            case .training:
                guard value <= lesson.samples.count else {
                    throw .usage(
                        "'--sample' takes a sample number from 1 to \(lesson.samples.count) for this lesson, not '\(value)'\(Self.heldOutHint(lesson))",
                        command: command)
                }
            case .validation, .test:
                let set = reference.set == .test ? lesson.testSamples : lesson.validationSamples
                let name = reference.set.rawValue
                guard value <= set.count else {
                    let range = set.isEmpty ? "this lesson has no \(name) samples" : "this lesson's \(name) samples are 1 to \(set.count)"
                    throw .usage("'--sample \(name):\(value)': \(range)", command: command)
                }
                heldOut = (name, value - 1, set[value - 1])
            }
            sampleIndex = value - 1
        }
        let notation = try NotationChoice.resolve(
            given: arguments.value(CommonOptions.notation), lessonNotation: lesson.notation, command: command)
        // A held-out sample is traced beside the totals, which stay the training set's; the
        // training sample of the same number is not needed.
        var options = Narrator.traceOptions(for: steps, sampleIndex: heldOut == nil ? sampleIndex : 0)
        if let heldOut { options.heldOutSample = (heldOut.index, heldOut.sample) }
        let trace = try LessonLoading.trace(lesson, options: options)
        var narrator = Narrator(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: decimals)
        narrator.heldOutSet = heldOut?.set
        self.narrator = narrator
        usesColor = io.terminal.usesColor(arguments.value(CommonOptions.color) ?? .auto)
        var chosen = ["--lesson", Self.shellWord(arguments.value(CommonOptions.lesson) ?? LessonLibrary.defaultLessonName)]
        if lesson.variant != 0 { chosen += ["--variant", String(lesson.variant)] }
        if let text = arguments.text(CommonOptions.sample), heldOut != nil || sampleIndex != 0 {
            chosen += ["--sample", Self.shellWord(text)]
        }
        lessonOptions = chosen.joined(separator: " ")
    }

    /// `word` as one shell word: as written when it holds only safe characters, else in single
    /// quotes.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./+,:@".unicodeScalars.contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// For a lesson with held-out samples, how to name one (appended to the range message).
    static func heldOutHint(_ lesson: Lesson) -> String {
        var sets: [String] = []
        if !lesson.validationSamples.isEmpty { sets.append("validation:1…\(lesson.validationSamples.count)") }
        if !lesson.testSamples.isEmpty { sets.append("test:1…\(lesson.testSamples.count)") }
        return sets.isEmpty ? "" : " (held-out samples: " + sets.joined(separator: ", ") + ")"
    }

    /// The text renderer for this narration.
    var textRenderer: TextRenderer { TextRenderer(options: renderOptions) }

    /// The renderer settings these options give (`--precision`, colour; the default aspect).
    var renderOptions: RenderOptions {
        RenderOptions(decimals: narrator.decimals, usesColor: usesColor, lessonOptions: lessonOptions)
    }
}
