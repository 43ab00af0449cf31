/// Which parts of a `Trace` the `Tracer` computes.
///
/// The totals (J, Δ, D, the one-step update, the slope example, the activation table) are
/// always computed over all m samples: they cost one batched pass. What can be left out is
/// what grows: the per-sample records (each holds two copies of the weights), the numerical
/// gradient check (two cost evaluations per checked weight) and the training run (one
/// batched pass per epoch). A caller asks only for what it prints.
public struct TraceOptions: Equatable, Sendable {
    /// Which samples get a per-sample record (`Trace.samples`).
    public enum SampleSelection: Equatable, Sendable {
        /// Every sample.
        case all
        /// Samples 0…K−1 (0-based); K above m means all of them.
        case first(Int)
        /// These samples (0-based); out-of-range indices are ignored, repeats recorded once,
        /// and the records kept in ascending sample order.
        case indices([Int])

        /// The 0-based sample indices selected among `sampleCount` samples, ascending and
        /// without repeats.
        public func indices(sampleCount: Int) -> [Int] {
            switch self {
            case .all:
                return Array(0..<max(sampleCount, 0))
            case .first(let count):
                return Array(0..<max(min(count, sampleCount), 0))
            case .indices(let chosen):
                var result: [Int] = []
                for index in chosen.sorted() where (0..<sampleCount).contains(index) && result.last != index {
                    result.append(index)
                }
                return result
            }
        }
    }

    /// Which samples get a per-sample record.
    public var samples: SampleSelection
    /// Whether to run the numerical gradient check (`Trace.numericalGradient`,
    /// `Trace.gradientCheck`).
    public var includesGradientCheck: Bool
    /// Whether the check covers every parameter even above `GradientCheck.fullCheckLimit`.
    public var checksEveryParameter: Bool
    /// Whether to run the lesson's training epochs (`Trace.training`).
    public var includesTraining: Bool
    /// A sample outside the training set (a validation or test sample) to record as
    /// `Trace.heldOutSample`, and its 0-based position in its own set (the record's `index`).
    /// It takes no part in the totals, which stay the training set's.
    public var heldOutSample: (index: Int, sample: Lesson.Sample)? {
        get { heldOut.map { ($0.index, $0.sample) } }
        set { heldOut = newValue.map { HeldOut(index: $0.index, sample: $0.sample) } }
    }
    private var heldOut: HeldOut?
    private struct HeldOut: Equatable, Sendable {
        var index: Int
        var sample: Lesson.Sample
    }

    /// Options; the defaults compute everything.
    public init(
        samples: SampleSelection = .all, includesGradientCheck: Bool = true, checksEveryParameter: Bool = false,
        includesTraining: Bool = true
    ) {
        self.samples = samples
        self.includesGradientCheck = includesGradientCheck
        self.checksEveryParameter = checksEveryParameter
        self.includesTraining = includesTraining
    }

    /// Every part: all samples, the gradient check (a subset above the full-check limit) and
    /// the training run. `trace --format json` uses this.
    public static let everything = TraceOptions()
}
