import BackpropCore
import BackpropRendering

/// `train`: trains the lesson by its training plan (or the options' changes to it), shows the
/// progress, then the cost curves, the final cost and every set's errors; `--plot` writes the
/// curves as SVG and `--save` the trained lesson, both atomically. Ctrl-C stops training,
/// prints the summary so far and exits 130.
public enum TrainCommand: Command {
    /// `--epochs N`.
    public static let epochs = TypedOption(
        name: "epochs", valueName: "N",
        summary: "train for N epochs (replaces the lesson's update and epoch limits; a validation threshold stays)")
    /// `--learning-rate A`.
    public static let learningRate = TypedOption(
        name: "learning-rate", valueName: "A", summary: "the learning rate α (η) (default: the lesson's)")
    /// `--lambda L`.
    public static let lambda = TypedOption(
        name: "lambda", valueName: "L", summary: "the regularisation strength λ (default: the lesson's)")
    /// `--seed S`.
    public static let seed = TypedOption(
        name: "seed", valueName: "S", summary: "seed for the random samples and shuffles (default: the lesson's, else 0)")
    /// `--scheme`.
    public static let scheme = TypedOption<String>(
        OptionSpec(
            name: "scheme", valueName: TrainingPlan.Scheme.names.joined(separator: "|"),
            allowedValues: TrainingPlan.Scheme.names,
            summary: "all samples per update, one random sample, or mini-batches (default: the lesson's, else batch)"),
        read: { $0 })
    /// `--batch-size B`.
    public static let batchSize = TypedOption(
        name: "batch-size", valueName: "B", summary: "samples per mini-batch (with --scheme minibatch)")
    /// `--every K`.
    public static let every = TypedOption(
        name: "every", valueName: "K",
        summary: "when not on a terminal, print a progress line every K checkpoints (default: about 10 lines)")
    /// `--plot FILE.svg`.
    public static let plot = TypedOption(
        name: "plot", valueName: "FILE.svg", summary: "write the cost (and accuracy) curves as SVG, atomically")
    /// `--save FILE.json`.
    public static let save = TypedOption(
        name: "save", valueName: "FILE.json", summary: "write the trained network as a lesson file, atomically")
    /// `--force`.
    public static let force = Flag(name: "force", summary: "replace the --plot and --save files if they exist")

    /// `train` and its options.
    public static let spec = CommandSpec(
        name: "train", summary: "train the network, showing progress, cost curves and every set's errors",
        options: [
            CommonOptions.lesson.spec, epochs.spec, learningRate.spec, lambda.spec, seed.spec, scheme.spec,
            batchSize.spec, every.spec, plot.spec, save.spec, force.spec, CommonOptions.color.spec,
        ])

    /// Trains and reports; see the type's summary.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        for option in [plot, save] {
            if let path = arguments.value(option), path.isEmpty {
                throw .usage("'\(option.spec.spelling)' needs a file name, not an empty one", command: spec.name)
            }
            if let path = arguments.value(option), path.hasPrefix("-") {
                throw .usage(
                    "'\(option.spec.spelling)' needs a file name, not the option-like '\(path)'; for a file of that name write ./\(path)",
                    command: spec.name)
            }
        }
        if let plotPath = arguments.value(plot), let savePath = arguments.value(save),
            OutputFile.sameFile(plotPath, savePath)
        {
            throw .usage("'--plot' and '--save' name the same file, \(savePath); give each its own", command: spec.name)
        }
        let everyCount = try LessonLoading.positiveInteger(arguments, every)
        // The output files are checked first (they are written after training), so a run is
        // never lost to a missing directory or an existing file.
        for option in [plot, save] {
            if let path = arguments.value(option) { try OutputFile.check(path, replacing: arguments.isSet(force)) }
        }
        var lesson = try LessonLoading.lesson(arguments)
        if let rate = try number(arguments, learningRate) { lesson.learningRate = rate }
        if let value = try number(arguments, lambda) { lesson.lambda = value }
        let plan = try trainingPlan(arguments, lesson: lesson)
        // As step and check do: a lesson whose starting cost or gradient overflows is refused
        // (training it would report NaN as an accuracy of 100%).
        _ = try LessonLoading.trace(
            lesson, options: TraceOptions(samples: .first(0), includesGradientCheck: false, includesTraining: false))
        let m = lesson.samples.count
        let text = TrainingText(
            lesson: lesson, plan: plan, usesColor: io.terminal.usesColor(arguments.value(CommonOptions.color) ?? .auto))

        try io.write(text.head() + "\n")
        let updateLimit = plan.updateLimit(trainingCount: m)
        let checkpoints = (updateLimit + plan.checkpointInterval(trainingCount: m) - 1) / plan.checkpointInterval(trainingCount: m)
        let progress = TrainingProgress(
            io: io, text: text, every: everyCount ?? max((checkpoints + 9) / 10, 1), updateLimit: updateLimit)
        let trainer = Trainer(lesson: lesson, plan: plan)
        let result = InterruptFlag.watch {
            trainer.run(shouldStop: { InterruptFlag.isRaised || progress.failure != nil }, onCheckpoint: progress.report)
        }
        try progress.finish()
        if io.terminal.isTerminal == false, progress.failure == nil { try io.write("\n") }

        let evaluations = [
            ("training", SetEvaluation.evaluate(result.network, on: lesson.samples)),
            ("validation", SetEvaluation.evaluate(result.network, on: lesson.validationSamples)),
            ("test", SetEvaluation.evaluate(result.network, on: lesson.testSamples)),
        ].map { (name: $0.0, evaluation: $0.1) }
        try io.write(text.summary(result, evaluations: evaluations))

        if let path = arguments.value(plot) {
            let panels = [text.costPlot(result)] + (text.accuracyPlot(result).map { [$0] } ?? [])
            let svg = TrainingCurvesSVG().document(title: "Training: " + lesson.title, panels: panels)
            try OutputFile.write(svg, to: path, replacing: arguments.isSet(force))
        }
        if let path = arguments.value(save) {
            // A lesson with NaN or ∞ weights does not load again: refuse rather than write it.
            let finite = result.network.weights.allSatisfy { $0.values.allSatisfy(\.isFinite) }
            guard result.stop != .diverged, finite else {
                throw .output(
                    path: path,
                    reason:
                        "not written: training diverged, so the weights reached are no lesson to load again; train with a smaller learning rate (now \(JSONWriter.number(lesson.learningRate)))"
                )
            }
            try OutputFile.write(savedLesson(lesson, result: result, text: text).jsonText, to: path, replacing: arguments.isSet(force))
        }
        if result.stop == .interrupted {
            throw .interrupted("training stopped by Ctrl-C; the summary above is for the weights reached so far")
        }
    }

    /// The lesson's plan with the options' changes.
    static func trainingPlan(_ arguments: ParsedArguments, lesson: Lesson) throws(CLIError) -> TrainingPlan {
        var plan = lesson.trainingPlan
        let m = lesson.samples.count
        let size = try LessonLoading.positiveInteger(arguments, batchSize)
        switch arguments.value(scheme) {
        case "stochastic"?: plan.scheme = .stochastic
        case "batch"?: plan.scheme = .batch
        case "minibatch"?:
            if let size {
                plan.scheme = .minibatch(size: size)
            } else if case .minibatch = plan.scheme {
            } else {
                throw .usage("'--scheme minibatch' needs '--batch-size B', e.g. --batch-size 10", command: spec.name)
            }
        default:
            if let size {
                guard case .minibatch = plan.scheme else {
                    throw .usage(
                        "'--batch-size' applies to mini-batches; add '--scheme minibatch' (this lesson trains by \(plan.scheme.name))",
                        command: spec.name)
                }
                plan.scheme = .minibatch(size: size)
            }
        }
        if case .minibatch(let size) = plan.scheme, size > m {
            throw .usage("'--batch-size' \(size) is more than the lesson's \(m) training samples", command: spec.name)
        }
        if let count = try LessonLoading.positiveInteger(arguments, epochs) {
            guard count <= LessonLimits.maximumEpochs else {
                throw .usage("'--epochs' takes at most \(LessonLimits.maximumEpochs), not \(count)", command: spec.name)
            }
            plan.stop.epochs = count
            plan.stop.updates = nil
        }
        if let text = arguments.value(seed) {
            guard let value = UInt64(text) else {
                throw .usage("'--seed' takes a whole number from 0 to \(UInt64.max), not '\(text)'", command: spec.name)
            }
            plan.seed = value
        }
        return plan
    }

    /// A finite number ≥ 0 given for `option`, if any.
    static func number(_ arguments: ParsedArguments, _ option: TypedOption<String>) throws(CLIError) -> Double? {
        guard let text = arguments.value(option) else { return nil }
        // Decimal numbers only, as in lesson files: Double("0x1p3") would read a hex float.
        let isDecimal = !text.isEmpty && text.allSatisfy { "0123456789.eE+-".contains($0) }
        guard isDecimal, let value = Double(text), value.isFinite, value >= 0 else {
            throw .usage(
                "'\(option.spec.spelling)' takes a number of at least 0, such as 0.1, not '\(text)'", command: spec.name)
        }
        return value
    }

    /// The lesson with the trained weights, its title and summary saying so.
    static func savedLesson(_ lesson: Lesson, result: TrainingResult, text: TrainingText) -> Lesson {
        var saved = lesson
        saved.network = result.network
        saved.weightSource = .given
        let suffix = " (trained)"
        if LessonLimits.fits(
            saved.title + suffix, characters: LessonLimits.maximumTitleCharacters, bytes: LessonLimits.maximumTitleBytes)
        {
            saved.title += suffix
        }
        let last = result.checkpoints[result.checkpoints.count - 1]
        let note =
            "Weights after `train`: \(text.position(last)), \(result.plan.scheme.name) updates, seed \(result.plan.seed), "
            + "learning rate \(JSONWriter.number(lesson.learningRate)); training cost \(JSONWriter.number(last.trainingCost))."
        // The note is added only while the summary stays within its limit, so the file loads.
        let noted = (lesson.summary.map { $0 + " " } ?? "") + note
        let fitsLimit = LessonLimits.fits(
            noted, characters: LessonLimits.maximumSummaryCharacters, bytes: LessonLimits.maximumSummaryBytes)
        saved.summary = fitsLimit ? noted : lesson.summary
        return saved
    }
}
