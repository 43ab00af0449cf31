/// The lesson told in every registered notation, plus what the page shows beside the steps:
/// what `export --format html` renders (see `FormatAbilities.everyNotation`).
public struct NarrativeEditions: Equatable, Sendable {
    /// One narrative per notation, in `NotationRegistry.all`'s order; the first is the one the
    /// page opens in (the notation chosen with `--notation` or the lesson's own).
    public var narratives: [Narrative]
    /// Step 15's training run (the cost per epoch of the run the trace made), if any.
    public var trainingPlot: CurvePlot?

    /// Editions of the lesson.
    public init(narratives: [Narrative], trainingPlot: CurvePlot? = nil) {
        self.narratives = narratives
        self.trainingPlot = trainingPlot
    }
}
