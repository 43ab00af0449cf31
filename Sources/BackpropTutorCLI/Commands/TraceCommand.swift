import BackpropCore
import BackpropRendering

/// `trace`: every number of one forward and backward pass, as JSON or text.
public enum TraceCommand: Command {
    /// `--format json|text`.
    public static let format = TypedOption<TraceFormat>(name: "format", summary: "output format (default: text)")
    /// `--samples K`: record the first K samples only.
    public static let samples = TypedOption<Int>(
        name: "samples", valueName: "K", range: 1...Int.max,
        summary: "record the per-sample passes of the first K samples only (totals still cover all)")

    /// `trace` and its options.
    public static let spec = CommandSpec(
        name: "trace", summary: "print every number of one forward and backward pass",
        options: [CommonOptions.lesson.spec, CommonOptions.variant.spec, format.spec, samples.spec, CommonOptions.all.spec])

    /// Traces everything (all samples unless `--samples`, the check, the training run) and
    /// writes it.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        try arguments.expectNoPositionals()
        let recorded = arguments.value(samples)
        let lesson = try LessonLoading.lesson(arguments)
        let options = TraceOptions(
            samples: recorded.map { .first($0) } ?? .all, checksEveryParameter: arguments.isSet(CommonOptions.all))
        // The per-sample records are made, written and dropped one at a time: memory does not
        // grow with samples × weights (each record holds two copies of the weights).
        let streaming = try LessonLoading.streamingTrace(lesson, options: options)
        switch arguments.value(format) ?? .text {
        case .json:
            // Streamed in pieces of about 64 KiB: no one string holds the whole document.
            var buffer = ""
            try streaming.writeJSON { (piece: String) throws(CLIError) in
                buffer += piece
                if buffer.utf8.count >= 1 << 16 {
                    try io.write(buffer)
                    buffer = ""
                }
            }
            try io.write(buffer)
        case .text:
            try TraceTextRenderer.render(streaming.frame, records: streaming.records) { (piece: String) throws(CLIError) in
                try io.write(piece)
            }
            if let note = divergenceNote(streaming.frame) { try io.write(note) }
        }
    }

    /// What `trace --format text` prints: the trace as text, and the divergence note when
    /// training diverged.
    static func text(_ trace: Trace) -> String {
        TraceTextRenderer.render(trace) + (divergenceNote(trace) ?? "")
    }

    /// The line `trace --format text` ends with when training diverged (exit status stays 0:
    /// a lesson may show divergence on purpose); `nil` otherwise.
    static func divergenceNote(_ trace: Trace) -> String? {
        guard let training = trace.training, let divergence = training.divergence else { return nil }
        let what: String
        switch divergence.reason {
        case .notFinite: what = "the cost became NaN or ∞ (the weights overflowed)"
        case .costRose:
            what = "the cost rose above \(Int(Trace.Divergence.riseFactor)) × its starting value"
        }
        return "training diverged at epoch \(divergence.epoch) of \(training.epochs): \(what); "
            + "the learning rate α = \(JSONWriter.number(trace.lesson.learningRate)) is too large, try a smaller one\n"
    }
}
