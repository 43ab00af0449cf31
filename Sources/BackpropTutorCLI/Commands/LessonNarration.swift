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
    /// The lesson as loaded (the HTML page trains it for its figures).
    var lesson: Lesson
    /// The options that choose this lesson, variant and sample, as a learner would type them.
    var lessonOptions: String

    /// Loads the lesson, checks the options and traces what `steps` need.
    init(_ arguments: ParsedArguments, steps: [Step], io: CommandIO) throws(CLIError) {
        let command = arguments.command.name
        // The scanner has checked that --precision is 0…12 and --sample at least 1.
        let decimals = arguments.value(CommonOptions.precision) ?? 4
        lesson = try LessonLoading.lesson(arguments)
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
        if let name = arguments.value(CommonOptions.weight) {
            narrator.chosenWeight = try Self.weight(named: name, lesson: lesson, notation: narrator.notation, command: command)
        }
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

    /// The weight `--weight NAME` names, which steps 9 and 11 can derive: one from a unit into
    /// the output layer or the last hidden layer. Anything else is a usage error naming a few
    /// weights that work, in the notation.
    static func weight(named name: String, lesson: Lesson, notation: any Notation, command: String)
        throws(CLIError) -> WeightIndex
    {
        let sizes = lesson.network.layerSizes
        let derivable = Narrator.derivableWeights(layerSizes: sizes)
        let writer = { (w: WeightIndex) in
            WeightName.plainText(notation.weightEntry(layer: w.layer, i: w.row, j: w.column))
        }
        let examples = (Array(derivable.suffix(2)) + Array(derivable.prefix(1))).map(writer).joined(separator: ", ")
        switch WeightName.read(name, candidates: derivable, layerSizes: sizes, notation: notation.name) {
        case .weight(let weight): return weight
        case .ambiguous(let weights):
            throw .usage(
                "'--weight \(name)' names \(weights.count) weights in different notations; write it in the \(notation.name) notation, e.g. \(weights.prefix(3).map(writer).joined(separator: " or "))",
                command: command)
        case .unknown:
            var all: [WeightIndex] = []
            for l in 1..<sizes.count {
                for i in 1...sizes[l] { for j in 0...sizes[l - 1] { all.append(WeightIndex(layer: l, row: i, column: j)) } }
            }
            let found: [WeightIndex]
            switch WeightName.read(name, candidates: all, layerSizes: sizes, notation: notation.name) {
            case .weight(let weight): found = [weight]
            case .ambiguous(let weights): found = weights
            case .unknown: found = []
            }
            let why =
                found.isEmpty
                ? "is no weight of this \(sizes.map(String.init).joined(separator: "-")) network"
                : found.allSatisfy({ $0.column == 0 })
                    ? "is a bias weight, whose derivative is the error of the unit it feeds (step 12 lists them)"
                    : "leads into an earlier layer; steps 9 and 11 derive a weight into the output layer or the last hidden layer"
            throw .usage("'--weight \(name)' \(why); choose one such as \(examples)", command: command)
        }
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
