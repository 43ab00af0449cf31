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
        if let value = arguments.value(CommonOptions.sample) {
            guard value <= lesson.samples.count else {
                throw .usage(
                    "'--sample' takes a sample number from 1 to \(lesson.samples.count) for this lesson, not '\(value)'",
                    command: command)
            }
            sampleIndex = value - 1
        }
        let notation = try NotationChoice.resolve(
            given: arguments.value(CommonOptions.notation), lessonNotation: lesson.notation, command: command)
        let trace = try LessonLoading.trace(
            lesson, options: Narrator.traceOptions(for: steps, sampleIndex: sampleIndex))
        narrator = Narrator(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: decimals)
        usesColor = io.terminal.usesColor(arguments.value(CommonOptions.color) ?? .auto)
        var options = ["--lesson", Self.shellWord(arguments.value(CommonOptions.lesson) ?? LessonLibrary.defaultLessonName)]
        if lesson.variant != 0 { options += ["--variant", String(lesson.variant)] }
        if sampleIndex != 0 { options += ["--sample", String(sampleIndex + 1)] }
        lessonOptions = options.joined(separator: " ")
    }

    /// `word` as one shell word: as written when it holds only safe characters, else in single
    /// quotes.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./+,:@".unicodeScalars.contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The text renderer for this narration.
    var textRenderer: TextRenderer { TextRenderer(options: renderOptions) }

    /// The renderer settings these options give (`--precision`, colour; the default aspect).
    var renderOptions: RenderOptions {
        RenderOptions(decimals: narrator.decimals, usesColor: usesColor, lessonOptions: lessonOptions)
    }
}
