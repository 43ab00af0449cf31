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
        summary: "train for N epochs (replaces the lesson's update and epoch limits; a validation threshold stays unless --no-stop)")
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
    /// `--map FILE.svg`.
    public static let map = TypedOption(
        name: "map", valueName: "FILE.svg",
        summary: "for 2-input networks: write the decision map with the samples, at the start, a few epochs and the end, as SVG")
    /// `--hidden-images FILE.svg`.
    public static let hiddenImages = TypedOption(
        name: "hidden-images", valueName: "FILE.svg",
        summary: "for image lessons: write each hidden unit's incoming weights as an image (ex4's hidden layer), as SVG")
    /// `--no-stop`.
    public static let noStop = Flag(
        name: "no-stop", summary: "train to the epoch or update limit, past the lesson's validation stop rule")
    /// `--force`.
    public static let force = Flag(name: "force", summary: "replace the output files (--plot, --save, --map, --hidden-images) if they exist")

    /// The options that name output files, written after training.
    static let outputOptions = [plot, save, map, hiddenImages]
    /// Cells across and down of the terminal's decision map and of the SVG's maps.
    static let blockMapCells = 20
    static let svgMapCells = (single: 60, multiple: 40)

    /// `train` and its options.
    public static let spec = CommandSpec(
        name: "train", summary: "train the network, showing progress, cost curves and every set's errors",
        options: [
            CommonOptions.lesson.spec, CommonOptions.variant.spec, epochs.spec, learningRate.spec, lambda.spec, seed.spec, scheme.spec,
            batchSize.spec, noStop.spec, every.spec, plot.spec, save.spec, map.spec, hiddenImages.spec, force.spec,
            CommonOptions.color.spec,
        ])

    /// Trains and reports; see the type's summary.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        for option in outputOptions {
            if let path = arguments.value(option), path.isEmpty {
                throw .usage("'\(option.spec.spelling)' needs a file name, not an empty one", command: spec.name)
            }
            if let path = arguments.value(option), path.hasPrefix("-") {
                throw .usage(
                    "'\(option.spec.spelling)' needs a file name, not the option-like '\(path)'; for a file of that name write ./\(path)",
                    command: spec.name)
            }
        }
        for (index, first) in outputOptions.enumerated() {
            for second in outputOptions[(index + 1)...] {
                if let one = arguments.value(first), let two = arguments.value(second), OutputFile.sameFile(one, two) {
                    throw .usage(
                        "'\(first.spec.spelling)' and '\(second.spec.spelling)' name the same file, \(two); give each its own",
                        command: spec.name)
                }
            }
        }
        let everyCount = arguments.value(every)
        // The output files are checked first (they are written after training), so a run is
        // never lost to a missing directory or an existing file.
        for option in outputOptions {
            if let path = arguments.value(option) { try OutputFile.check(path, replacing: arguments.isSet(force)) }
        }
        var lesson = try LessonLoading.lesson(arguments)
        try checkFigures(arguments, lesson: lesson)
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
        var trainer = Trainer(lesson: lesson, plan: plan)
        if arguments.value(map) != nil { trainer.snapshotUpdates = plan.snapshotUpdates(trainingCount: m) }
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
        let hasTwoInputs = lesson.network.layerSizes[0] == 2
        let ranges = DecisionMap.ranges(around: (lesson.samples + lesson.validationSamples + lesson.testSamples).map(\.x))
        func decisionMap(_ network: Network, cells: Int) -> DecisionMap {
            DecisionMap(network: network, x1Range: ranges.x1, x2Range: ranges.x2, columns: cells, rows: cells)
        }
        let blockMap = hasTwoInputs ? decisionMap(result.network, cells: blockMapCells) : nil
        try io.write(text.summary(result, evaluations: evaluations, map: blockMap))

        if let path = arguments.value(plot) {
            let panels = [text.costPlot(result)] + (text.accuracyPlot(result).map { [$0] } ?? [])
            let svg = TrainingCurvesSVG().document(title: "Training: " + lesson.title, panels: panels)
            try OutputFile.write(svg, to: path, replacing: arguments.isSet(force))
        }
        if let path = arguments.value(map) {
            let snapshots = result.snapshots
            let cells = snapshots.count == 1 ? svgMapCells.single : svgMapCells.multiple
            let panels = snapshots.enumerated().map { index, snapshot in
                var network = result.network
                network.weights = snapshot.weights
                return DecisionMapSVG.Panel(
                    caption: text.caption(snapshot, isLast: index == snapshots.count - 1),
                    map: decisionMap(network, cells: cells))
            }
            let figure = DecisionMapSVG(lesson: lesson, inputNames: InputNames.of(lesson), panels: panels)
            try OutputFile.write(figure.document(), to: path, replacing: arguments.isSet(force))
        }
        if let path = arguments.value(hiddenImages), let shape = lesson.imageShape {
            let figure = HiddenUnitImagesSVG(lessonTitle: lesson.title, shape: shape, network: result.network)
            try OutputFile.write(figure.document(), to: path, replacing: arguments.isSet(force))
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

    /// Refuses `--map` for a network without exactly 2 inputs and `--hidden-images` for a
    /// lesson without an image shape or without a hidden layer, before training.
    static func checkFigures(_ arguments: ParsedArguments, lesson: Lesson) throws(CLIError) {
        let inputs = lesson.network.layerSizes[0]
        if arguments.value(map) != nil, inputs != 2 {
            let image = lesson.imageShape == nil ? "" : "; for this image lesson, --hidden-images FILE.svg draws what the hidden units look for"
            throw .usage(
                "'--map' draws networks with 2 inputs over their input plane; this lesson has \(inputs) inputs\(image)",
                command: spec.name)
        }
        if arguments.value(hiddenImages) != nil {
            guard lesson.imageShape != nil else {
                throw .usage(
                    "'--hidden-images' needs a lesson whose inputs are an image (an \"image\": {\"width\": …, \"height\": …} field, as digits has)\(inputs == 2 ? "; for this 2-input lesson, --map FILE.svg draws the decision map" : "")",
                    command: spec.name)
            }
            guard lesson.network.layerCount > 2 else {
                throw .usage(
                    "'--hidden-images' draws the hidden units' weights, and this lesson's network has no hidden layer",
                    command: spec.name)
            }
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
        if arguments.isSet(noStop) { plan.stop.validationRegressionError = nil }
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
