/// Trains a lesson's network by its `TrainingPlan`: the update schemes, the seeded draws and
/// the stopping rule, recording a `TrainingCheckpoint` as it goes.
///
/// Every update is Θ⁽ˡ⁾ := Θ⁽ˡ⁾ − α D⁽ˡ⁾ with D the gradient averaged over the update's b
/// samples, D⁽ˡ⁾ = (1/b)Σ δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ + (λ/m)Θ⁽ˡ⁾ (bias column unregularised), m the size
/// of the training set: each update follows an estimate of ∂J/∂Θ of the same cost J (for
/// batch, b = m and it is exactly Ng's D). With one sample and squared error this is the
/// 15 Steps' W := W + η·[x, 1]ᵀ ⊗ delta, whose delta = −δ. The same lesson, plan and seed give
/// the same numbers on every run and thread count.
public struct Trainer: Sendable {
    /// The network training starts from.
    public var start: Network
    /// The plan.
    public var plan: TrainingPlan
    /// α (η).
    public var learningRate: Double
    /// λ.
    public var lambda: Double
    /// Whether updates change the bias weights.
    public var updatesBiases: Bool
    /// The update counts after which to keep the weights in `TrainingResult.snapshots` (0: the
    /// starting network), e.g. `plan.snapshotUpdates(trainingCount:)`; empty keeps none. When
    /// any are kept, the final weights are kept too, wherever the run stops.
    public var snapshotUpdates: [Int] = []
    let trainingInputs: Matrix
    let trainingTargets: Matrix
    let validationInputs: Matrix
    let validationTargets: Matrix

    /// A trainer for `lesson` following `plan` (the lesson's own by default).
    public init(lesson: Lesson, plan: TrainingPlan? = nil) {
        start = lesson.network
        self.plan = plan ?? lesson.trainingPlan
        learningRate = lesson.learningRate
        lambda = lesson.lambda
        updatesBiases = lesson.updatesBiases
        trainingInputs = lesson.inputs
        trainingTargets = lesson.targets
        validationInputs = Matrix(lesson.validationSamples.map(\.x))
        validationTargets = Matrix(lesson.validationSamples.map(\.y))
    }

    /// m, the number of training samples.
    public var trainingCount: Int { trainingTargets.rows }

    /// Runs the plan.
    ///
    /// - Parameters:
    ///   - shouldStop: asked after every update; `true` ends the run as `.interrupted`, with a
    ///     checkpoint of the weights so far (Ctrl-C).
    ///   - onCheckpoint: called with each checkpoint as it is recorded (progress reports).
    public func run(
        shouldStop: () -> Bool = { false }, onCheckpoint: (TrainingCheckpoint) -> Void = { _ in }
    ) -> TrainingResult {
        let m = trainingCount
        let interval = plan.checkpointInterval(trainingCount: m)
        let updateLimit = plan.updateLimit(trainingCount: m)
        let perEpoch = plan.updatesPerEpoch(trainingCount: m)
        var generator = SplitMix64(seed: plan.seed)
        var network = start
        var checkpoints: [TrainingCheckpoint] = []
        var updates = 0
        var samplesUsed = 0
        var order: [Int] = []
        var position = 0

        func record() -> TrainingCheckpoint {
            let point = checkpoint(network, updates: updates, epoch: Double(samplesUsed) / Double(max(m, 1)))
            checkpoints.append(point)
            onCheckpoint(point)
            return point
        }

        var snapshots: [TrainingSnapshot] = []
        let wanted = snapshotUpdates
        func keep(always: Bool) {
            guard !wanted.isEmpty, always || wanted.contains(updates), snapshots.last?.updates != updates else { return }
            snapshots.append(
                TrainingSnapshot(updates: updates, epoch: Double(samplesUsed) / Double(max(m, 1)), weights: network.weights))
        }
        func result(_ stop: TrainingStop) -> TrainingResult {
            keep(always: true)
            return TrainingResult(plan: plan, checkpoints: checkpoints, stop: stop, network: network, snapshots: snapshots)
        }

        var stop: TrainingStop
        keep(always: false)
        var last = record()
        let startCost = last.trainingCost
        if let reason = stopReason(at: last, startCost: startCost) {
            return result(reason)
        }
        while true {
            if updates >= updateLimit {
                stop = limitReason(updates: updates, perEpoch: perEpoch)
                break
            }
            // Pick this update's samples.
            let batch: [Int]
            switch plan.scheme {
            case .batch:
                batch = []
            case .stochastic:
                batch = [generator.nextIndex(below: m)]
            case .minibatch(let size):
                if position >= order.count {
                    order = generator.shuffled(Array(0..<m))
                    position = 0
                }
                let end = min(position + size, m)
                batch = Array(order[position..<end])
                position = end
            }
            network.weights = updatedWeights(network, batch: batch)
            updates += 1
            samplesUsed += batch.isEmpty ? m : batch.count
            keep(always: false)

            let atLimit = updates >= updateLimit
            let interrupted = shouldStop()
            if updates % interval == 0 || atLimit || interrupted {
                last = record()
                if let reason = stopReason(at: last, startCost: startCost) {
                    stop = reason
                    break
                }
            }
            if interrupted {
                stop = .interrupted
                break
            }
        }
        return result(stop)
    }

    /// The weights after one update on the training rows in `batch` (all rows when empty).
    func updatedWeights(_ network: Network, batch: [Int]) -> [Matrix] {
        let m = trainingCount
        let inputs = batch.isEmpty ? trainingInputs : trainingInputs.rows(at: batch)
        let targets = batch.isEmpty ? trainingTargets : trainingTargets.rows(at: batch)
        let b = targets.rows
        let pass = network.backward(network.forward(inputs: inputs, targets: targets), targets: targets)
        // averagedGradients adds (λ'/b)Θ; λ' = λ·b/m makes that the (λ/m)Θ of J's gradient
        // (λ itself for a full batch, so batch training repeats step 15's numbers bit for bit).
        let scaledLambda = b == m ? lambda : lambda * Double(b) / Double(m)
        let d = network.averagedGradients(
            network.accumulatedGradients(of: pass), sampleCount: b, lambda: scaledLambda)
        return network.updatedWeights(gradients: d, learningRate: learningRate, updatesBiases: updatesBiases)
    }

    /// The costs and errors of `network` on the training and validation sets.
    func checkpoint(_ network: Network, updates: Int, epoch: Double) -> TrainingCheckpoint {
        let training = SetEvaluation.evaluate(network, inputs: trainingInputs, targets: trainingTargets)
        let regularization = network.regularization(lambda: lambda, sampleCount: trainingCount)
        var point = TrainingCheckpoint(
            updates: updates, epoch: epoch, trainingCost: training.cost + regularization,
            trainingRegressionError: training.regressionError,
            trainingClassificationError: training.classificationError)
        if validationTargets.rows > 0 {
            let validation = SetEvaluation.evaluate(network, inputs: validationInputs, targets: validationTargets)
            point.validationCost = validation.cost
            point.validationRegressionError = validation.regressionError
            point.validationClassificationError = validation.classificationError
        }
        return point
    }

    /// Divergence or the validation rule, tested at every checkpoint. Divergence is step 15's
    /// rule (`Trace.Divergence`): a cost that is NaN or ±∞, or above 1000 × the starting cost.
    func stopReason(at point: TrainingCheckpoint, startCost: Double) -> TrainingStop? {
        if !point.trainingCost.isFinite { return .diverged }
        if startCost.isFinite, point.trainingCost > Trace.Divergence.riseFactor * startCost { return .diverged }
        if let threshold = plan.stop.validationRegressionError, let error = point.validationRegressionError,
            error < threshold
        {
            return .validationThreshold(threshold)
        }
        return nil
    }

    /// Which limit `updates` reached.
    func limitReason(updates: Int, perEpoch: Int) -> TrainingStop {
        if let limit = plan.stop.updates, updates >= limit { return .updateLimit(limit) }
        return .epochLimit(plan.stop.epochs ?? updates / max(perEpoch, 1))
    }
}
