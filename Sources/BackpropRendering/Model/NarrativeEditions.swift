import BackpropCore
import Foundation

/// The lesson told in every registered notation, plus what the page shows beside the steps:
/// what `export --format html` renders (see `FormatAbilities.everyNotation`).
public struct NarrativeEditions: Sendable {
    /// One narrative per notation, in `NotationRegistry.all`'s order; the first is the one the
    /// page opens in (the notation chosen with `--notation` or the lesson's own).
    public var narratives: [Narrative]
    /// Step 15's training run (the cost per epoch of the run the trace made), if any.
    public var trainingPlot: CurvePlot?
    /// What the trained network computes, from a run of the lesson's training plan made at
    /// export time, if one was made.
    public var trained: TrainedViews?
    /// Per narrative, every weight's chain rule with the sample's numbers (small networks),
    /// shown when a weight on the figure is clicked.
    public var derivations: [[WeightDerivation]] = []

    /// Editions of the lesson.
    public init(narratives: [Narrative], trainingPlot: CurvePlot? = nil, trained: TrainedViews? = nil) {
        self.narratives = narratives
        self.trainingPlot = trainingPlot
        self.trained = trained
    }
}

/// The figures of a run of the lesson's own training plan (`Trainer`, the engine `train` uses):
/// its cost (and accuracy) curves, for a network with 2 inputs its decision map at each of the
/// trainer's snapshots (the start, geometric checkpoints, the end), and for an image lesson each
/// hidden unit's incoming weights as an image, after training.
public struct TrainedViews: Sendable {
    /// What the run was, in words ("500 epochs of full-batch gradient descent, …").
    public var summary: String
    /// The run's curves (cost; accuracy for class lessons), each on a log axis when it spans
    /// decades (`CurvePlot`).
    public var curves: [CurvePlot]
    /// One single-panel map per snapshot, in order (empty unless the network has 2 inputs).
    public var maps: [DecisionMapSVG]
    /// The hidden units as images (image lessons with a hidden layer).
    public var hiddenUnits: HiddenUnitImagesSVG?

    /// Runs `lesson`'s training plan and keeps the figures it can show.
    public init(lesson: Lesson) {
        var trainer = Trainer(lesson: lesson)
        let plan = trainer.plan
        let m = lesson.samples.count
        let twoInputs = lesson.network.layerSizes.first == 2
        if twoInputs { trainer.snapshotUpdates = plan.snapshotUpdates(trainingCount: m) }
        let result = trainer.run(shouldStop: { false }, onCheckpoint: { _ in })
        let text = TrainingText(lesson: lesson, plan: plan)
        summary = text.stopLine(result).trimmingCharacters(in: .whitespacesAndNewlines)
        curves = [text.costPlot(result)] + (text.accuracyPlot(result).map { [$0] } ?? [])
        maps = []
        if twoInputs {
            let ranges = DecisionMap.ranges(
                around: (lesson.samples + lesson.validationSamples + lesson.testSamples).map(\.x))
            for (index, snapshot) in result.snapshots.enumerated() {
                var network = result.network
                network.weights = snapshot.weights
                let map = DecisionMap(network: network, x1Range: ranges.x1, x2Range: ranges.x2, columns: 40, rows: 40)
                let panel = DecisionMapSVG.Panel(
                    caption: text.caption(snapshot, isLast: index == result.snapshots.count - 1), map: map)
                maps.append(DecisionMapSVG(lesson: lesson, inputNames: InputNames.of(lesson), panels: [panel]))
            }
        }
        hiddenUnits = nil
        if let shape = lesson.imageShape, lesson.network.layerSizes.count > 2 {
            hiddenUnits = HiddenUnitImagesSVG(lessonTitle: lesson.title, shape: shape, network: result.network)
        }
    }
}
