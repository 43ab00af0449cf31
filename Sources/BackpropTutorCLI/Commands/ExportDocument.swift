import BackpropCore
import BackpropRendering

/// The narrative `export` prints: the Narrator's lesson (preface with the setup and the
/// network figure, then the chosen steps), so every format shows the same numbers.
enum ExportDocument {
    /// The narrative of `lesson` in `notation`, with the sections of `steps` (each 1…15).
    static func narrative(for lesson: Lesson, notation name: NotationName, steps: [Step], decimals: Int = 4)
        throws(CLIError) -> Narrative
    {
        Narrator(trace: try Commands.traced(lesson), notation: name, decimals: decimals).narrative(steps: steps)
    }
}
