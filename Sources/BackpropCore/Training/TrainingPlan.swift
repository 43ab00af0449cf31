/// How `train` updates the weights and when it stops: the update scheme, the seed of its
/// random choices and the stopping rule (a lesson's `"training"` field, README "Training").
public struct TrainingPlan: Equatable, Sendable {
    /// Which samples one weight update averages its gradient over.
    public enum Scheme: Equatable, Sendable {
        /// Every training sample (Ng): one update per epoch, D = ∂J/∂Θ.
        case batch
        /// One sample drawn at random, with replacement, per update (the 15 Steps).
        case stochastic
        /// Mini-batches of `size` samples (Nielsen): each epoch shuffles the training set and
        /// cuts it into consecutive batches (the last one may be smaller).
        case minibatch(size: Int)

        /// The scheme's name as a lesson file and `--scheme` write it.
        public var name: String { kind.rawValue }

        /// The scheme without its batch size.
        public var kind: Kind {
            switch self {
            case .batch: return .batch
            case .stochastic: return .stochastic
            case .minibatch: return .minibatch
            }
        }

        /// A scheme's name without its parameters, as `--scheme` and lesson files write it.
        public enum Kind: String, CaseIterable, Sendable {
            case batch, stochastic, minibatch
        }

        /// The names `--scheme` and lesson files accept, in the order README lists them.
        public static let names = Kind.allCases.map(\.rawValue)
    }

    /// When training stops: whichever comes first. At least one limit must be set.
    public struct StoppingRule: Equatable, Sendable {
        /// Stop at the first checkpoint where the validation set's regression error
        /// Σ(t − o)²/(samples · outputs) is below this (the 15 Steps' rule); needs validation samples.
        public var validationRegressionError: Double?
        /// At most this many weight updates.
        public var updates: Int?
        /// At most this many epochs (passes over the training set; for `stochastic`, m updates).
        public var epochs: Int?

        /// A rule; callers make sure `updates` or `epochs` is set.
        public init(validationRegressionError: Double? = nil, updates: Int? = nil, epochs: Int? = nil) {
            self.validationRegressionError = validationRegressionError
            self.updates = updates
            self.epochs = epochs
        }
    }

    /// The update scheme.
    public var scheme: Scheme
    /// Seeds SplitMix64 for the stochastic draws and the mini-batch shuffles.
    public var seed: UInt64
    /// When to stop.
    public var stop: StoppingRule

    /// A plan.
    public init(scheme: Scheme = .batch, seed: UInt64 = 0, stop: StoppingRule) {
        self.scheme = scheme
        self.seed = seed
        self.stop = stop
    }

    /// The plan of a lesson without a `"training"` field: full-batch gradient descent for the
    /// lesson's `epochs`, the same run step 15 and the trace show.
    public static func fullBatch(epochs: Int) -> TrainingPlan {
        TrainingPlan(scheme: .batch, seed: 0, stop: StoppingRule(epochs: epochs))
    }

    /// Weight updates in one epoch over `m` training samples: 1 for batch, m for stochastic,
    /// ⌈m/B⌉ for mini-batches of B.
    public func updatesPerEpoch(trainingCount m: Int) -> Int {
        switch scheme {
        case .batch: return 1
        case .stochastic: return max(m, 1)
        case .minibatch(let size): return max((m + size - 1) / size, 1)
        }
    }

    /// Updates between two checkpoints (where costs and errors are recorded and the validation
    /// rule is tested): one epoch for batch and mini-batches; for stochastic every update when
    /// m ≤ 100, else every ⌈m/100⌉ updates (about 100 checkpoints per epoch).
    public func checkpointInterval(trainingCount m: Int) -> Int {
        switch scheme {
        case .batch, .minibatch: return updatesPerEpoch(trainingCount: m)
        case .stochastic: return max((m + 99) / 100, 1)
        }
    }

    /// The most updates the limits allow (the validation rule may stop training sooner).
    public func updateLimit(trainingCount m: Int) -> Int {
        let byEpochs = stop.epochs.map { $0.multipliedReportingOverflow(by: updatesPerEpoch(trainingCount: m)) }
        let epochLimit = byEpochs.map { $0.overflow ? Int.max : $0.partialValue }
        switch (stop.updates, epochLimit) {
        case (let u?, let e?): return min(u, e)
        case (let u?, nil): return u
        case (nil, let e?): return e
        case (nil, nil): return 0
        }
    }
}
