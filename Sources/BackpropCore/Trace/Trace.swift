/// Everything one forward and backward pass computed for a lesson, at full precision.
///
/// Index conventions follow Ng (list index 0 = layer 1): `weights[0]` is Θ⁽¹⁾,
/// `SampleTrace.a[0]` is a⁽¹⁾ = x, `SampleTrace.z[0]` and `delta[0]` are z⁽²⁾ and δ⁽²⁾, and
/// `gradient[0]` is δ⁽²⁾[1; a⁽¹⁾]ᵀ. δ = ∂J/∂z with the output-minus-target sign. Every number
/// a renderer shows is read from here; renderers never compute.
public struct Trace: Equatable, Codable, Sendable {
    /// The format tag, `backprop-tutor/trace@1`.
    public var format: String
    /// What the lesson set up.
    public var lesson: LessonInfo
    /// m, the number of training samples (all of them, even when fewer are recorded).
    public var m: Int
    /// Θ⁽¹⁾…Θ⁽ᴸ⁻¹⁾ as used (given or generated).
    public var weights: [Matrix]
    /// Per-sample records of the samples the trace was asked to record, in ascending sample
    /// order (all of them by default; see `TraceOptions.samples`). Find one with `sample(at:)`.
    public var samples: [SampleTrace]
    /// The record of a held-out (validation or test) sample when one was asked for
    /// (`TraceOptions.heldOutSample`), its `index` its position in its own set; the same
    /// quantities as a training sample's record, from the same weights. `jsonText` leaves it out.
    public var heldOutSample: SampleTrace? = nil
    /// J(Θ) over all m samples, regularisation included.
    public var cost: Double
    /// (1/m) Σ per-sample losses: J without regularisation.
    public var unregularizedCost: Double
    /// (λ/2m) Σ Θᵢⱼ² over non-bias weights.
    public var regularization: Double
    /// Δ⁽ˡ⁾ = Σ over samples δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ.
    public var Delta: [Matrix]
    /// D⁽ˡ⁾ = Δ⁽ˡ⁾/m + (λ/m)Θ⁽ˡ⁾ (bias column unregularised) = ∂J/∂Θ⁽ˡ⁾.
    public var D: [Matrix]
    /// One weight's accumulator filling up sample by sample (step 13); `nil` in traces written
    /// before it existed.
    public var accumulation: AccumulationExample? = nil
    /// Central-difference estimates of ∂J/∂Θ, same shapes as D; `nil` when the check was not
    /// run (`TraceOptions.includesGradientCheck`).
    public var numericalGradient: [Matrix]?
    /// The check's settings and its result; `nil` when the check was not run.
    public var gradientCheck: GradientCheckSummary?
    /// Θ⁽ˡ⁾ − αD⁽ˡ⁾ (bias column kept when the lesson freezes biases).
    public var updatedWeights: [Matrix]
    /// J(updatedWeights).
    public var costAfterUpdate: Double
    /// Fraction of training samples whose predicted class differs from the target's class.
    public var classificationError: Double
    /// The 15 Steps' regression error Σ(t − o)²/(samples · outputs) over all m training samples
    /// (`Tracer.regressionError`); `nil` in traces written before it was recorded.
    public var regressionError: Double? = nil
    /// The slope of J along one weight by two cost evaluations (step 8's example).
    public var slopeExample: SlopeExample
    /// g and g′ at Ng's probe points for each activation the lesson uses.
    public var activationTable: [ActivationProbe]
    /// A short run of full-batch gradient descent from the initial weights; `nil` when it was
    /// not run (`TraceOptions.includesTraining`).
    public var training: TrainingRun?
    /// Step 11's sensitivity probes, one per recorded sample (`probed(by:)`); `nil` when the
    /// network has no hidden layer or the trace was read from a file without them.
    public var sensitivityProbes: [SensitivityProbe]? = nil

    /// The record of sample `index` (0-based, as in the lesson), if the trace recorded it.
    public func sample(at index: Int) -> SampleTrace? {
        if samples.indices.contains(index), samples[index].index == index { return samples[index] }
        // Records are in ascending sample order: binary search.
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < samples.count && samples[low].index == index ? samples[low] : nil
    }
}

extension Trace {
    /// The lesson's settings, as recorded in the trace.
    public struct LessonInfo: Equatable, Codable, Sendable {
        /// The lesson's title.
        public var title: String
        /// The lesson's summary, if any.
        public var summary: String?
        /// The notation the lesson asks for (`ng`, `nielsen`, `tulleken`).
        public var notation: String
        /// s₁…s_L, input first.
        public var layers: [Int]
        /// Activation of layers 2…L.
        public var activations: [Activation]
        /// The loss averaged into J.
        public var loss: Loss
        /// α (η).
        public var learningRate: Double
        /// λ.
        public var lambda: Double
        /// Whether gradient descent changes the bias weights.
        public var updateBiases: Bool
        /// Where the initial weights came from.
        public var initialization: InitializationMethod
        /// The ε of `uniform` initialisation.
        public var initEpsilon: Double?
        /// The seed of `uniform` initialisation.
        public var initSeed: UInt64?
        /// Class names, one per output unit, if the lesson has them.
        public var classes: [String]?
        /// Sizes of the held-out sets (0 when the lesson has none).
        public var validationCount: Int
        /// Held-out test samples (not in J).
        public var testCount: Int
        /// The shape of the input image, when the lesson's inputs are pixels.
        public var image: Lesson.ImageShape? = nil
    }

    /// How a lesson's initial weights were made; the raw value is the trace JSON's string.
    public enum InitializationMethod: String, Equatable, Codable, CaseIterable, Sendable {
        /// Listed in the lesson file.
        case given
        /// Ng's debugInitializeWeights (`WeightInitialization.ngDebug`).
        case ngDebug = "ng-debug"
        /// Uniform in [−ε, ε] from a seeded SplitMix64 (`WeightInitialization.uniform`).
        case uniform
    }

    /// One sample's forward and backward pass.
    public struct SampleTrace: Equatable, Codable, Sendable {
        /// Which sample this is: its 0-based position in the lesson's samples.
        public var index: Int
        /// The input a⁽¹⁾.
        public var x: [Double]
        /// The target.
        public var y: [Double]
        /// a⁽¹⁾ (= x) … a⁽ᴸ⁾, without bias units.
        public var a: [[Double]]
        /// z⁽²⁾ … z⁽ᴸ⁾.
        public var z: [[Double]]
        /// g′(z⁽²⁾) … g′(z⁽ᴸ⁾) (softmax: the Jacobian's diagonal).
        public var activationDerivative: [[Double]]
        /// a⁽ᴸ⁾ − y, the output error before any g′ factor (∂loss/∂a for squared error).
        public var outputError: [Double]
        /// (Θ⁽ˡ⁾ without column 0)ᵀ δ⁽ˡ⁺¹⁾ for the hidden layers l = 2…L−1: δ⁽ˡ⁾ before ⊙ g′(z⁽ˡ⁾).
        public var propagatedError: [[Double]]
        /// δ⁽²⁾ … δ⁽ᴸ⁾ = ∂loss/∂z.
        public var delta: [[Double]]
        /// δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ for l = 1…L−1: this sample's ∂loss/∂Θ⁽ˡ⁾.
        public var gradient: [Matrix]
        /// Θ⁽ˡ⁾ − α·gradient⁽ˡ⁾: the one-sample (stochastic) update, data term only, bias column
        /// kept when the lesson freezes biases.
        public var stepWeights: [Matrix]
        /// This sample's loss (its term in J before the 1/m).
        public var loss: Double
        /// The largest output's index (0-based); for one output, 1 if a ≥ 0.5 else 0.
        public var predictedClass: Int
        /// The target's class by the same rule.
        public var targetClass: Int
    }

    /// The gradient check's settings and result.
    public struct GradientCheckSummary: Equatable, Codable, Sendable {
        /// The step ε of the central differences.
        public var epsilon: Double
        /// ‖num − D‖ / ‖num + D‖ over the checked parameters.
        public var relativeDifference: Double
        /// How many parameters were perturbed.
        public var checkedParameters: Int
        /// How many parameters the network has.
        public var totalParameters: Int
        /// The (layer, row, column) entries checked when only a subset was; absent otherwise.
        public var checkedEntries: [GradientCheck.CheckedEntry]?
        /// Entries whose ±ε straddles a ReLU kink, left out of `relativeDifference`; absent
        /// when there are none.
        public var kinkEntries: [GradientCheck.CheckedEntry]? = nil
        /// The most ‖num − D‖ rounding alone explains (`GradientCheck.roundoffFloor`), present
        /// only when the check is inconclusive: the difference is above the bar but within it.
        public var roundoffFloor: Double? = nil
        /// ‖num − D‖ over the judged entries, present with `roundoffFloor`.
        public var differenceNorm: Double? = nil

        /// Whether the gradients are below what central differences resolve, so the check
        /// cannot judge (`GradientCheck.isInconclusive`).
        public var isInconclusive: Bool { roundoffFloor != nil }

        /// How many parameters the relative difference covers: those checked, less the ones
        /// left out at a ReLU kink.
        public var judgedParameters: Int { checkedParameters - (kinkEntries?.count ?? 0) }
    }

    /// J at Θ ± ε along one weight, `weights[layer][row, column]` (0-based).
    public struct SlopeExample: Equatable, Codable, Sendable {
        /// Index into `weights` (0 = Θ⁽¹⁾).
        public var layer: Int
        /// Row of Θ, 0-based.
        public var row: Int
        /// Column of Θ, 0-based (0 = bias).
        public var column: Int
        /// The step ε.
        public var epsilon: Double
        /// J with the weight raised by ε.
        public var costPlus: Double
        /// J with the weight lowered by ε.
        public var costMinus: Double
        /// (costPlus − costMinus) / 2ε.
        public var slope: Double
    }

    /// An activation evaluated at fixed probe points (Ng's −1, −0.5, 0, 0.5, 1).
    public struct ActivationProbe: Equatable, Codable, Sendable {
        /// The activation evaluated.
        public var activation: Activation
        /// The probe points.
        public var z: [Double]
        /// g(z) at each point.
        public var value: [Double]
        /// g′(z) at each point (softmax: the Jacobian's diagonal).
        public var derivative: [Double]
    }

    /// A short gradient-descent run.
    public struct TrainingRun: Equatable, Codable, Sendable {
        /// How many full-batch steps were taken.
        public var epochs: Int
        /// J before the first epoch and after each one (epochs + 1 values).
        public var costs: [Double]
        /// The weights after the last epoch.
        public var finalWeights: [Matrix]
        /// The lesson's `epochs` when the run was cut to fewer (`Tracer.shortRunEpochs`);
        /// `nil` when it ran them all.
        public var requestedEpochs: Int? = nil
        /// The first epoch at which the run diverged, and why (`Divergence`); `nil` when the
        /// cost stayed finite and below 1000 × J(0) throughout. The run is not cut short: the
        /// costs after it are kept as computed (often NaN).
        public var divergence: Divergence? = nil
    }

    /// The format tag written by this version.
    public static let formatTag = "backprop-tutor/trace@1"
}

extension Trace.SampleTrace {
    /// Reads a sample record. The trace JSON writes `index` only when the records are not
    /// samples 1, 2, 3, … in order (see `Trace.jsonText`); without it, a record's index is its
    /// position in the `samples` list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index =
            try container.decodeIfPresent(Int.self, forKey: .index) ?? decoder.codingPath.last?.intValue ?? 0
        x = try container.decode([Double].self, forKey: .x)
        y = try container.decode([Double].self, forKey: .y)
        a = try container.decode([[Double]].self, forKey: .a)
        z = try container.decode([[Double]].self, forKey: .z)
        activationDerivative = try container.decode([[Double]].self, forKey: .activationDerivative)
        outputError = try container.decode([Double].self, forKey: .outputError)
        propagatedError = try container.decode([[Double]].self, forKey: .propagatedError)
        delta = try container.decode([[Double]].self, forKey: .delta)
        gradient = try container.decode([Matrix].self, forKey: .gradient)
        stepWeights = try container.decode([Matrix].self, forKey: .stepWeights)
        loss = try container.decode(Double.self, forKey: .loss)
        predictedClass = try container.decode(Int.self, forKey: .predictedClass)
        targetClass = try container.decode(Int.self, forKey: .targetClass)
    }
}
