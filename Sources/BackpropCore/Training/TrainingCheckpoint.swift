/// The state of a training run at one checkpoint: how far it is, and how the network does on
/// the training and validation sets there (checkpoint 0 is the starting network).
public struct TrainingCheckpoint: Equatable, Sendable {
    /// Weight updates so far.
    public var updates: Int
    /// Epochs so far: training samples used / m (fractional for stochastic updates).
    public var epoch: Double
    /// J over the training set, regularisation included (the cost gradient descent lowers).
    public var trainingCost: Double
    /// The training set's regression error Σ(t − o)²/(m · outputs).
    public var trainingRegressionError: Double
    /// The training set's classification error (fraction wrong).
    public var trainingClassificationError: Double
    /// The validation set's mean loss (no regularisation); `nil` without validation samples.
    public var validationCost: Double?
    /// The validation set's regression error; `nil` without validation samples.
    public var validationRegressionError: Double?
    /// The validation set's classification error; `nil` without validation samples.
    public var validationClassificationError: Double?

    /// A checkpoint.
    public init(
        updates: Int, epoch: Double, trainingCost: Double, trainingRegressionError: Double,
        trainingClassificationError: Double, validationCost: Double? = nil, validationRegressionError: Double? = nil,
        validationClassificationError: Double? = nil
    ) {
        self.updates = updates
        self.epoch = epoch
        self.trainingCost = trainingCost
        self.trainingRegressionError = trainingRegressionError
        self.trainingClassificationError = trainingClassificationError
        self.validationCost = validationCost
        self.validationRegressionError = validationRegressionError
        self.validationClassificationError = validationClassificationError
    }
}

/// Why a training run ended.
public enum TrainingStop: Equatable, Sendable {
    /// The validation regression error fell below the plan's threshold.
    case validationThreshold(Double)
    /// The plan's update limit was reached.
    case updateLimit(Int)
    /// The plan's epoch limit was reached.
    case epochLimit(Int)
    /// The caller asked to stop (Ctrl-C).
    case interrupted
    /// The training cost became NaN or ±∞, or rose above 1000 × its starting value (step 15's
    /// rule, `Trace.Divergence`).
    case diverged
}

/// A finished (or stopped) training run: its checkpoints, why it ended and the final network.
public struct TrainingResult: Equatable, Sendable {
    /// The plan that was followed.
    public var plan: TrainingPlan
    /// Every checkpoint in order; the first is the starting network, the last the final one.
    public var checkpoints: [TrainingCheckpoint]
    /// Why training ended.
    public var stop: TrainingStop
    /// The network after the last update.
    public var network: Network
    /// The weights kept along the way (`Trainer.snapshotUpdates`), in order, the final ones
    /// last; empty when none were asked for.
    public var snapshots: [TrainingSnapshot] = []
}
