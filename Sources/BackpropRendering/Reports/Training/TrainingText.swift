import BackpropCore
import Foundation

/// The words and numbers `train` prints: the plan, the progress lines, the stop, the curves,
/// and the final table of every set. Numbers use `NumberFormat` (`decimals`); nothing here
/// depends on time, the terminal's width or the thread count.
public struct TrainingText: Sendable {
    /// The lesson being trained.
    public var lesson: Lesson
    /// The plan followed.
    public var plan: TrainingPlan
    /// Decimals for costs and errors.
    public var decimals: Int
    /// Whether the curves are coloured.
    public var usesColor: Bool

    /// Text for training `lesson` by `plan`.
    public init(lesson: Lesson, plan: TrainingPlan, decimals: Int = 4, usesColor: Bool = false) {
        self.lesson = lesson
        self.plan = plan
        self.decimals = decimals
        self.usesColor = usesColor
    }

    private var format: NumberFormat { NumberFormat(decimals: decimals) }
    private var m: Int { lesson.samples.count }

    /// Stochastic runs are counted in updates (the 15 Steps' iterations), the others in epochs.
    public var countsUpdates: Bool { plan.scheme == .stochastic }

    // MARK: Head

    /// What will happen: lesson, scheme, rates, seed, stopping rule; ends in a newline.
    public func head() -> String {
        var lines = ["Training: " + ControlCharacters.escaped(lesson.title)]
        let scheme: String
        switch plan.scheme {
        case .batch: scheme = "batch: every update uses all \(m) training samples (one update per epoch)"
        case .stochastic: scheme = "stochastic: every update uses one training sample drawn at random"
        case .minibatch(let size):
            scheme = "mini-batches of \(size), the \(m) training samples shuffled every epoch (\(plan.updatesPerEpoch(trainingCount: m)) updates per epoch)"
        }
        lines.append("scheme: " + scheme)
        lines.append(
            "learning rate \(JSONWriter.number(lesson.learningRate)), λ = \(JSONWriter.number(lesson.lambda)), seed \(plan.seed); "
                + "\(m) training, \(lesson.validationSamples.count) validation, \(lesson.testSamples.count) test samples")
        lines.append("stops: " + stoppingRuleWords())
        return lines.joined(separator: "\n") + "\n"
    }

    func stoppingRuleWords() -> String {
        var parts: [String] = []
        if let threshold = plan.stop.validationRegressionError {
            parts.append("when the validation regression error is below \(JSONWriter.number(threshold))")
        }
        if let updates = plan.stop.updates { parts.append("after \(counted(updates, "update"))") }
        if let epochs = plan.stop.epochs { parts.append("after \(counted(epochs, "epoch"))") }
        return parts.joined(separator: ", or ")
    }

    // MARK: Progress

    /// Where a checkpoint is: `update 120 (epoch 1.60)` or `epoch 5`.
    public func position(_ point: TrainingCheckpoint) -> String {
        if countsUpdates {
            return "update \(point.updates) (epoch \(String(format: "%.2f", point.epoch)))"
        }
        return "epoch \(Int(point.epoch.rounded()))"
    }

    /// The validation number progress shows: the regression error when the stopping rule
    /// watches it, else the classification error for class lessons, else the mean loss;
    /// the training set's when there is no validation set.
    public func watched(_ point: TrainingCheckpoint) -> String {
        let hasValidation = point.validationCost != nil
        let set = hasValidation ? "validation" : "training"
        if plan.stop.validationRegressionError != nil, let error = point.validationRegressionError {
            return "validation regression error \(format.string(error))"
        }
        if lesson.isClassification {
            let error = point.validationClassificationError ?? point.trainingClassificationError
            return "\(set) error \(percent(error))"
        }
        if let cost = point.validationCost { return "validation cost \(format.string(cost))" }
        return "training regression error \(format.string(point.trainingRegressionError))"
    }

    /// One plain progress line (no control characters), ending in a newline.
    public func progressLine(_ point: TrainingCheckpoint) -> String {
        "\(position(point))  cost \(format.string(point.trainingCost))  \(watched(point))\n"
    }

    // MARK: Result

    /// Why training stopped, one line ending in a newline.
    public func stopLine(_ result: TrainingResult) -> String {
        let last = result.checkpoints[result.checkpoints.count - 1]
        let done = "\(counted(last.updates, "update")) (\(epochs(last)))"
        switch result.stop {
        case .validationThreshold(let threshold):
            let error = last.validationRegressionError.map(format.string) ?? "?"
            return "stopped: the validation regression error \(error) fell below \(JSONWriter.number(threshold)) after \(done)\n"
        case .updateLimit: return "stopped: reached the limit of \(done)\n"
        case .epochLimit: return "stopped: reached the limit of \(epochs(last)) (\(counted(last.updates, "update")))\n"
        case .interrupted:
            return "stopped: interrupted (Ctrl-C) after \(done); everything below is for the weights at that point\n"
        case .diverged:
            let what =
                last.trainingCost.isFinite
                ? "the cost rose above \(Int(Trace.Divergence.riseFactor)) × its starting value"
                : "the cost became NaN or ∞"
            return "stopped: training diverged at \(position(last)): \(what) after \(done); try a smaller learning rate\n"
        }
    }

    private func epochs(_ point: TrainingCheckpoint) -> String {
        if countsUpdates {
            let text = String(format: "%.2f", point.epoch)
            return "\(text) epochs"
        }
        return counted(Int(point.epoch.rounded()), "epoch")
    }

    /// The cost curves (training J, validation mean loss) over the run.
    public func costPlot(_ result: TrainingResult) -> CurvePlot {
        var series = [
            CurveSeries(
                name: "training cost", id: "training-cost",
                points: result.checkpoints.map { (x: xValue($0), y: $0.trainingCost) }, stroke: .solid)
        ]
        if !lesson.validationSamples.isEmpty {
            series.append(
                CurveSeries(
                    name: "validation cost", id: "validation-cost",
                    points: result.checkpoints.map { (x: xValue($0), y: $0.validationCost ?? .nan) }, stroke: .dashed))
        }
        return CurvePlot(title: "cost", xLabel: xLabel, series: series)
    }

    /// The accuracy curves (1 − classification error), for class lessons.
    public func accuracyPlot(_ result: TrainingResult) -> CurvePlot? {
        guard lesson.isClassification else { return nil }
        var series = [
            CurveSeries(
                name: "training accuracy", id: "training-accuracy",
                points: result.checkpoints.map { (x: xValue($0), y: 1 - $0.trainingClassificationError) },
                stroke: .solid)
        ]
        if !lesson.validationSamples.isEmpty {
            series.append(
                CurveSeries(
                    name: "validation accuracy", id: "validation-accuracy",
                    points: result.checkpoints.map { (x: xValue($0), y: 1 - ($0.validationClassificationError ?? .nan)) },
                    stroke: .dashed))
        }
        return CurvePlot(title: "accuracy", xLabel: xLabel, series: series, yRange: 0...1)
    }

    /// A snapshot's caption in the decision map's small multiples: `start`, `epoch 5`, or
    /// `update 120` for stochastic runs; the last one adds `(end)`.
    public func caption(_ snapshot: TrainingSnapshot, isLast: Bool) -> String {
        let place =
            snapshot.updates == 0
            ? "start" : countsUpdates ? "update \(snapshot.updates)" : "epoch \(Int(snapshot.epoch.rounded()))"
        return isLast && snapshot.updates > 0 ? place + " (end)" : place
    }

    /// The x axis's name: `updates` or `epochs`.
    public var xLabel: String { countsUpdates ? "updates" : "epochs" }

    private func xValue(_ point: TrainingCheckpoint) -> Double {
        countsUpdates ? Double(point.updates) : point.epoch
    }

    /// Everything after the run: the stop, the cost plot, the decision map (when given), the
    /// final cost, the table of sets, the confusion matrix and, for a handful of samples, each
    /// output. Ends in a newline.
    public func summary(
        _ result: TrainingResult, evaluations: [(name: String, evaluation: SetEvaluation)], map: DecisionMap? = nil
    ) -> String {
        var text = stopLine(result) + "\n"
        text += BrailleCurvePlot(usesColor: usesColor).render(costPlot(result)) + "\n\n"
        if let map {
            let samples = (lesson.samples + lesson.validationSamples + lesson.testSamples).map {
                (x: $0.x, targetClass: Tracer.predictedClass($0.y))
            }
            text += DecisionMapBlocks(classNames: lesson.classNames, inputNames: InputNames.of(lesson))
                .render(map, samples: samples) + "\n\n"
        }
        let first = result.checkpoints[0]
        let last = result.checkpoints[result.checkpoints.count - 1]
        text += "final cost J = \(format.string(last.trainingCost)) on the training set (it started at \(format.string(first.trainingCost)))"
        text += lesson.lambda > 0 ? "; the table's mean loss leaves out the (λ/2m)ΣΘ² term\n\n" : "\n\n"
        text += table(evaluations) + "\n"
        if lesson.network.loss == .squaredError {
            text += "regression error = Σ(t − o)²/(samples · outputs), as the 15 Steps measures it\n"
        }
        if lesson.isClassification {
            text +=
                lesson.network.layerSizes.last == 1
                ? "a sample is in class 1 when its output is at least 0.5, else in class 0\n"
                : "a sample is classified by its largest output\n"
            if let (name, evaluation) = evaluations.last(where: { $0.evaluation.count > 0 }) {
                text += "\n" + confusion(evaluation, setName: name) + "\n"
            }
            if let test = evaluations.first(where: { $0.name == "test" })?.evaluation, test.misclassified > 0 {
                text += "\n" + misclassifiedList(test) + "\n"
            }
        }
        if let training = evaluations.first, training.evaluation.count <= 16 {
            text += "\n" + outputs(training.evaluation) + "\n"
        }
        return text
    }

    /// One row per non-empty set: samples, mean loss, regression error (squared error),
    /// wrong samples, classification error and accuracy (class lessons).
    func table(_ evaluations: [(name: String, evaluation: SetEvaluation)]) -> String {
        let regression = lesson.network.loss == .squaredError
        let classes = lesson.isClassification
        var header = ["set", "samples", "mean loss"]
        if regression { header.append("regression error") }
        if classes { header += ["classification error", "accuracy"] }
        var rows = [header]
        for (name, evaluation) in evaluations where evaluation.count > 0 {
            var row = [name, "\(evaluation.count)", format.string(evaluation.cost)]
            if regression { row.append(format.string(evaluation.regressionError)) }
            if classes {
                row += [
                    "\(format.string(evaluation.classificationError)) = \(evaluation.misclassified)/\(evaluation.count)",
                    percent(evaluation.accuracy),
                ]
            }
            rows.append(row)
        }
        return TextTable.render(rows, rightAligned: [false] + Array(repeating: true, count: header.count - 1))
    }

    /// The confusion matrix of one set: rows are true classes, columns predicted ones.
    func confusion(_ evaluation: SetEvaluation, setName: String) -> String {
        // One name per row of the matrix; a name list of another length (it cannot happen for a
        // decoded lesson) falls back to the class numbers rather than indexing past its end.
        var names = lesson.classNames.map(ControlCharacters.escaped)
        if names.count != evaluation.confusion.count { names = evaluation.confusion.indices.map { "\($0)" } }
        var rows = [["true \\ predicted"] + names]
        for (index, counts) in evaluation.confusion.enumerated() {
            rows.append([names[index]] + counts.map { "\($0)" })
        }
        return "confusion matrix, \(setName) set (rows: true class, columns: predicted class)\n"
            + TextTable.render(rows, rightAligned: [false] + Array(repeating: true, count: names.count))
    }

    /// Test samples listed as misclassified, at most this many.
    public static let misclassifiedShown = 10

    /// The first misclassified test samples: number (from 1, as `--sample test:K` takes it),
    /// true and predicted class, and the winning output; then how to step through one.
    func misclassifiedList(_ evaluation: SetEvaluation) -> String {
        let names = lesson.classNames.map(ControlCharacters.escaped)
        func name(_ index: Int) -> String { index < names.count ? names[index] : "\(index)" }
        let shown = evaluation.misclassifiedIndices.prefix(Self.misclassifiedShown)
        var rows = [["test sample", "true class", "predicted", "its output"]]
        for index in shown where index < lesson.testSamples.count && index < evaluation.outputs.count {
            let output = evaluation.outputs[index]
            let predicted = Tracer.predictedClass(output)
            let value = output.count == 1 ? output[0] : output[predicted]
            rows.append([
                "\(index + 1)", name(Tracer.predictedClass(lesson.testSamples[index].y)), name(predicted), format.string(value),
            ])
        }
        let count = evaluation.misclassifiedIndices.count
        let heading =
            count > shown.count
            ? "misclassified test samples, the first \(shown.count) of \(count):"
            : "misclassified test samples (\(count)):"
        return heading + "\n" + TextTable.render(rows, rightAligned: [true, false, false, true]) + "\n"
            + "step through one with the trained weights: train … --save trained.json, then\n"
            + "step 6 --lesson trained.json --sample test:K"
    }

    /// Each training sample's input, target and output after training.
    func outputs(_ evaluation: SetEvaluation) -> String {
        var rows = [["sample", "x", "target y", "output"]]
        for (index, sample) in lesson.samples.enumerated() where index < evaluation.outputs.count {
            rows.append([
                "\(index + 1)", given(sample.x), given(sample.y), vector(evaluation.outputs[index]),
            ])
        }
        return "outputs after training (training set)\n" + TextTable.render(rows, rightAligned: [true, false, false, false])
    }

    private func vector(_ values: [Double]) -> String {
        "[" + values.map(format.string).joined(separator: "  ") + "]"
    }

    /// The lesson's own numbers (inputs, targets) as given: `[0  1]`, `[0.05  0.10]` (issue 20).
    private func given(_ values: [Double]) -> String {
        let style = format.givenStyle(for: values)
        return "[" + values.map { format.string($0, style: style) }.joined(separator: "  ") + "]"
    }

    private func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.1f%%", fraction * 100) : "–"
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
