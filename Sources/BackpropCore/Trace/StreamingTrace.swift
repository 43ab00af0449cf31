/// A trace whose per-sample records are made on demand, one at a time.
///
/// `frame` is the whole trace except `samples` (empty): the totals, the check, the training
/// run and the sensitivity probes of the selected samples. `record(_:)` computes one selected
/// sample's record from the batched pass, so `trace` can write each record and drop it: the
/// memory for records stays one record's (two copies of the weights), however many samples
/// are printed. `Tracer.trace` is this with every record collected into `samples`.
public struct StreamingTrace: Sendable {
    /// The trace without its per-sample records.
    public var frame: Trace
    /// The 0-based samples whose records `record(_:)` makes, ascending.
    public let sampleIndices: [Int]
    let pass: BatchPass
    let targets: Matrix
    let lesson: Lesson

    /// The record of sample `k` (0-based; one of `sampleIndices`).
    public func record(_ k: Int) -> Trace.SampleTrace {
        Tracer.sampleTrace(k: k, pass: pass, targets: targets, lesson: lesson)
    }

    /// The records, made one by one as the sequence is walked.
    public var records: LazyMapSequence<[Int], Trace.SampleTrace> {
        sampleIndices.lazy.map(record)
    }

    /// Writes the trace's JSON text, the same bytes as `Trace.jsonText` of the full trace,
    /// making each sample record only when it is written.
    public func writeJSON<Failure: Error>(_ write: (String) throws(Failure) -> Void) throws(Failure) {
        let isPrefix = sampleIndices.enumerated().allSatisfy { $0.offset == $0.element }
        try frame.writeJSON(records: records, count: sampleIndices.count, writingIndex: !isPrefix, write)
    }
}
