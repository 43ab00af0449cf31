import BackpropCore
import BackpropRendering

/// `train`: trains the lesson by its training plan (or the options' changes to it), shows the
/// progress, then the cost curves, the final cost and every set's errors; `--plot` writes the
/// curves as SVG and `--save` the trained lesson, both atomically. Ctrl-C stops training,
/// prints the summary so far and exits 130.
public enum TrainCommand: Command {
    /// `--epochs N`.
    public static let epochs = TypedOption<Int>(
        name: "epochs", valueName: "N", range: 1...LessonLimits.maximumEpochs,
        summary: "train for N epochs (replaces the lesson's update and epoch limits; a validation threshold stays)")
    /// `--learning-rate A`.
    public static let learningRate = TypedOption<Double>(
        name: "learning-rate", valueName: "A", atLeast: 0, summary: "the learning rate α (η) (default: the lesson's)")
    /// `--lambda L`.
    public static let lambda = TypedOption<Double>(
        name: "lambda", valueName: "L", atLeast: 0, summary: "the regularisation strength λ (default: the lesson's)")
    /// `--seed S`.
    public static let seed = TypedOption<UInt64>(
        seedNamed: "seed", valueName: "S", summary: "seed for the random samples and shuffles (default: the lesson's, else 0)")
    /// `--scheme`.
    public static let scheme = TypedOption<TrainingPlan.Scheme.Kind>(
        name: "scheme",
        summary: "all samples per update, one random sample, or mini-batches (default: the lesson's, else batch)")
    /// `--batch-size B`.
    public static let batchSize = TypedOption<Int>(
        name: "batch-size", valueName: "B", range: 1...Int.max, summary: "samples per mini-batch (with --scheme minibatch)")
    /// `--every K`.
    public static let every = TypedOption<Int>(
        name: "every", valueName: "K", range: 1...Int.max,
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
            CommonOptions.lesson.spec, CommonOptions.variant.spec, epochs.spec, learningRate.spec, lambda.spec, seed.spec, scheme.spec,
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
        let everyCount = arguments.value(every)
        // The output files are checked first (they are written after training), so a run is
        // never lost to a missing directory or an existing file.
        for option in [plot, save] {
            if let path = arguments.value(option) { try OutputFile.check(path, replacing: arguments.isSet(force)) }
        }
        var lesson = try LessonLoading.lesson(arguments)
        if let rate = arguments.value(learningRate) { lesson.learningRate = rate }
        if let value = arguments.value(lambda) { lesson.lambda = value }
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
        let size = arguments.value(batchSize)
        switch arguments.value(scheme) {
        case .stochastic?: plan.scheme = .stochastic
        case .batch?: plan.scheme = .batch
        case .minibatch?:
            if let size {
                plan.scheme = .minibatch(size: size)
            } else if case .minibatch = plan.scheme {
            } else {
                throw .usage("'--scheme minibatch' needs '--batch-size B', e.g. --batch-size 10", command: spec.name)
            }
        case nil:
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
        if let count = arguments.value(epochs) {
            plan.stop.epochs = count
            plan.stop.updates = nil
        }
        if let value = arguments.value(seed) { plan.seed = value }
        return plan
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
