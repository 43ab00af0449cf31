/// Runs a lesson through the engine and records every intermediate into a `Trace`.
public enum Tracer {
    /// Ng's probe points for g and g′ (ex4's sigmoidGradient check).
    public static let probePoints: [Double] = [-1, -0.5, 0, 0.5, 1]

    /// Traces `lesson`, computing the parts `options` asks for.
    ///
    /// The totals (J, Δ, D, the one-step update, the slope example, the activation table)
    /// always cover all m samples. The per-sample records, the numerical gradient check and the
    /// training run are computed only when asked; the parts left out are `nil` (or, for
    /// samples, absent from `Trace.samples`). The numbers of a part do not depend on which
    /// other parts are asked for.
    public static func trace(_ lesson: Lesson, options: TraceOptions = .everything) -> Trace {
        let streaming = streamingTrace(lesson, options: options)
        var trace = streaming.frame
        trace.samples = streaming.sampleIndices.map(streaming.record)
        return trace
    }

    /// Traces `lesson` like `trace(_:options:)`, but leaves the per-sample records to be made
    /// one at a time (`StreamingTrace.record(_:)`): a writer prints each and drops it, so
    /// memory does not grow with samples × weights (each record holds two copies of the
    /// weights). The frame's `samples` is empty; its sensitivity probes cover the selected samples.
    public static func streamingTrace(_ lesson: Lesson, options: TraceOptions = .everything) -> StreamingTrace {
        let network = lesson.network
        // Built once here: `Lesson.inputs` and `targets` build an m-row matrix on each call.
        let inputs = lesson.inputs
        let targets = lesson.targets
        let m = lesson.samples.count

        let pass = network.backward(
            network.forward(inputs: inputs, targets: targets), targets: targets, keepsPropagatedErrors: true)
        let accumulated = network.accumulatedGradients(of: pass)
        let d = network.averagedGradients(accumulated, sampleCount: m, lambda: lesson.lambda)
        let check =
            options.includesGradientCheck
            ? GradientCheck.run(
                network: network, inputs: inputs, targets: targets, lambda: lesson.lambda,
                gradients: d, all: options.checksEveryParameter)
            : nil

        var updated = network
        updated.weights = network.updatedWeights(
            gradients: d, learningRate: lesson.learningRate, updatesBiases: lesson.updatesBiases)
        let epochs = shortRunEpochs(lesson)
        let run =
            options.includesTraining
            ? network.trained(
                inputs: inputs, targets: targets, lambda: lesson.lambda, learningRate: lesson.learningRate,
                updatesBiases: lesson.updatesBiases, epochs: epochs)
            : nil

        let sampleIndices = options.samples.indices(sampleCount: m)
        let outputs = pass.activations[network.layerCount - 1]
        let misclassified = (0..<m).filter { k in
            predictedClass(outputs.row(k)) != predictedClass(targets.row(k))
        }.count

        let frame = Trace(
            format: Trace.formatTag,
            lesson: info(lesson),
            m: m,
            weights: network.weights,
            samples: [],
            cost: network.cost(of: pass, lambda: lesson.lambda),
            unregularizedCost: pass.sampleLosses.reduce(0, +) / Double(m),
            regularization: network.regularization(lambda: lesson.lambda, sampleCount: m),
            Delta: accumulated,
            D: d,
            accumulation: accumulationExample(pass: pass, weights: network.weights),
            numericalGradient: check?.numericalGradient,
            gradientCheck: check.map { check in
                .init(
                    epsilon: check.epsilon, relativeDifference: check.relativeDifference,
                    checkedParameters: check.checkedEntries?.count ?? network.parameterCount,
                    totalParameters: network.parameterCount, checkedEntries: check.checkedEntries,
                    kinkEntries: check.kinkEntries.isEmpty ? nil : check.kinkEntries,
                    roundoffFloor: check.isInconclusive ? check.roundoffFloor : nil,
                    differenceNorm: check.isInconclusive ? check.differenceNorm : nil)
            },
            updatedWeights: updated.weights,
            costAfterUpdate: updated.cost(inputs: inputs, targets: targets, lambda: lesson.lambda),
            classificationError: Double(misclassified) / Double(m),
            regressionError: regressionError(outputs: outputs, targets: targets),
            slopeExample: slopeExample(
                PerturbedCost(network: network, inputs: inputs, targets: targets, lambda: lesson.lambda, pass: pass)),
            activationTable: probes(for: network.activations),
            training: run.map {
                .init(
                    epochs: epochs, costs: $0.costs, finalWeights: $0.network.weights,
                    requestedEpochs: epochs < lesson.epochs ? lesson.epochs : nil,
                    divergence: Trace.Divergence.find(inCosts: $0.costs))
            }
        )
        var probed = frame.probed(by: network, samples: sampleIndices, pass: pass, targets: targets)
        if let (index, sample) = options.heldOutSample {
            // Its own one-row pass: the same per-row arithmetic as the batched one.
            let heldInputs = Matrix([sample.x])
            let heldTargets = Matrix([sample.y])
            let heldPass = network.backward(
                network.forward(inputs: heldInputs, targets: heldTargets), targets: heldTargets,
                keepsPropagatedErrors: true)
            var record = sampleTrace(k: 0, pass: heldPass, targets: heldTargets, lesson: lesson)
            record.index = index
            probed.heldOutSample = record
        }
        return StreamingTrace(
            frame: probed,
            sampleIndices: sampleIndices, pass: pass, targets: targets, lesson: lesson)
    }

    /// The work one epoch of the short run may cost at most, all epochs together, in units of
    /// max(m, 16) × (weights + 200): about 2 s in a release build on one of the 2-core machines
    /// of README's Performance section (0.55 ns a unit: 198k weights × 20,000 samples is one
    /// epoch, 2-2-1 × 20,000 samples 950 epochs). The 16 and 200 are the per-epoch and
    /// per-sample overheads that dominate small batches and small networks.
    public static let shortRunWorkBudget = 4_000_000_000.0

    /// Replaces `shortRunWorkBudget` within `withValue` (tests use a tiny budget, so a small
    /// lesson shows the cut).
    @TaskLocal public static var shortRunWorkBudgetOverride: Double?

    /// The epochs of step 15's short run (`Trace.training`): the lesson's `epochs`, cut so the
    /// run stays within `shortRunWorkBudget` (at least 1). Every built-in lesson runs all its
    /// epochs; `train` is the command for long runs (progress, Ctrl-C, any number of epochs).
    public static func shortRunEpochs(_ lesson: Lesson) -> Int {
        let weights = Double(lesson.network.parameterCount)
        let perEpoch = Double(max(lesson.samples.count, 16)) * (weights + 200)
        let affordable = ((shortRunWorkBudgetOverride ?? shortRunWorkBudget) / perEpoch).rounded(.down)
        return max(1, min(lesson.epochs, affordable >= Double(Int.max / 2) ? lesson.epochs : Int(affordable)))
    }

    /// The predicted class of an output (or target) vector: the index of its largest entry
    /// (the first on ties); for a single output, 1 when it is at least 0.5.
    public static func predictedClass(_ output: [Double]) -> Int {
        if output.count == 1 { return output[0] >= 0.5 ? 1 : 0 }
        var best = 0
        for index in output.indices where output[index] > output[best] { best = index }
        return best
    }

    /// Sample k's record, read from the batched pass; `targets` is `lesson.targets`, built once
    /// by the caller (building it per sample made tracing quadratic in m).
    static func sampleTrace(k: Int, pass: BatchPass, targets: Matrix, lesson: Lesson) -> Trace.SampleTrace {
        let network = lesson.network
        let a = pass.activations.map { $0.row(k) }
        let z = pass.weightedInputs.map { $0.row(k) }
        let delta = pass.deltas.map { $0.row(k) }
        let slopes = z.indices.map { network.activations[$0].derivatives(z: z[$0], a: a[$0 + 1]) }
        let gradient = network.weights.indices.map { Matrix.outer(delta[$0], [1] + a[$0]) }
        // (Θ⁽ˡ⁾ without column 0)ᵀ δ⁽ˡ⁺¹⁾ for hidden layers l = 2…L−1, as the backward pass made it.
        let propagated = pass.propagatedErrors.map { $0.row(k) }
        let y = targets.row(k)
        return Trace.SampleTrace(
            index: k, x: a[0], y: y, a: a, z: z, activationDerivative: slopes,
            outputError: zip(a[a.count - 1], y).map(-), propagatedError: propagated, delta: delta,
            gradient: gradient,
            stepWeights: network.updatedWeights(
                gradients: gradient, learningRate: lesson.learningRate, updatesBiases: lesson.updatesBiases),
            loss: pass.sampleLosses[k],
            predictedClass: predictedClass(a[a.count - 1]), targetClass: predictedClass(y))
    }

    /// Step 8's example weight: the first non-bias weight into the output layer
    /// (Mazur's w5 in his network), moved by ±1e-4.
    /// J at the weight ± ε comes from the unperturbed pass (`PerturbedCost`): only that output
    /// unit's column of z and its loss terms are recomputed, the same numbers a full pass gives.
    private static func slopeExample(_ perturbed: PerturbedCost) -> Trace.SlopeExample {
        let network = perturbed.network
        let layer = network.weights.count - 1
        let epsilon = 1e-4
        let original = network.weights[layer][0, 1]
        let costs = perturbed.costs(
            layer: layer, row: 0, columns: [1], values: [[original + epsilon, original - epsilon]])
        let (plus, minus) = (costs[0][0], costs[0][1])
        return .init(
            layer: layer, row: 0, column: 1, epsilon: epsilon, costPlus: plus, costMinus: minus,
            slope: (plus - minus) / (2 * epsilon))
    }

    private static func probes(for activations: [Activation]) -> [Trace.ActivationProbe] {
        var seen: [Activation] = []
        for activation in activations where !seen.contains(activation) { seen.append(activation) }
        return seen.map { activation in
            if activation == .softmax {
                // softmax is not element-wise: probe it on the whole vector of points.
                let value = activation.values(probePoints)
                return .init(
                    activation: activation, z: probePoints, value: value,
                    derivative: activation.derivatives(z: probePoints, a: value))
            }
            let value = probePoints.map { activation.values([$0])[0] }
            let derivative = probePoints.indices.map { activation.derivatives(z: [probePoints[$0]], a: [value[$0]])[0] }
            return .init(activation: activation, z: probePoints, value: value, derivative: derivative)
        }
    }

    private static func info(_ lesson: Lesson) -> Trace.LessonInfo {
        var method = Trace.InitializationMethod.given
        var epsilon: Double?
        var seed: UInt64?
        if case .generated(let initialization) = lesson.weightSource {
            switch initialization {
            case .ngDebug: method = .ngDebug
            case .uniform(let e, let s):
                method = .uniform
                epsilon = e
                seed = s
            }
        }
        let network = lesson.network
        return Trace.LessonInfo(
            title: lesson.title, summary: lesson.summary, notation: lesson.notation,
            layers: network.layerSizes, activations: network.activations, loss: network.loss,
            learningRate: lesson.learningRate, lambda: lesson.lambda, updateBiases: lesson.updatesBiases,
            initialization: method, initEpsilon: epsilon, initSeed: seed, classes: lesson.classes,
            validationCount: lesson.validationSamples.count, testCount: lesson.testSamples.count,
            image: lesson.imageShape)
    }
}
