/// Runs a lesson through the engine and records every intermediate into a `Trace`.
public enum Tracer {
    /// Ng's probe points for g and g′ (ex4's sigmoidGradient check).
    public static let probePoints: [Double] = [-1, -0.5, 0, 0.5, 1]

    /// Traces `lesson`.
    ///
    /// - Parameters:
    ///   - recordedSamples: record per-sample passes for only the first K samples (totals
    ///     still cover all m); `nil` records every sample.
    ///   - checkingEveryParameter: run the numerical check on every parameter even above
    ///     `GradientCheck.fullCheckLimit`.
    public static func trace(_ lesson: Lesson, recordedSamples: Int? = nil, checkingEveryParameter: Bool = false)
        -> Trace
    {
        let network = lesson.network
        let inputs = lesson.inputs
        let targets = lesson.targets
        let m = lesson.samples.count

        let pass = network.backward(network.forward(inputs: inputs, targets: targets), targets: targets)
        let accumulated = network.accumulatedGradients(of: pass)
        let d = network.averagedGradients(accumulated, sampleCount: m, lambda: lesson.lambda)
        let check = GradientCheck.run(
            network: network, inputs: inputs, targets: targets, lambda: lesson.lambda,
            gradients: d, all: checkingEveryParameter)

        var updated = network
        updated.weights = network.updatedWeights(
            gradients: d, learningRate: lesson.learningRate, updatesBiases: lesson.updatesBiases)
        let run = network.trained(
            inputs: inputs, targets: targets, lambda: lesson.lambda, learningRate: lesson.learningRate,
            updatesBiases: lesson.updatesBiases, epochs: lesson.epochs)

        let recorded = min(recordedSamples ?? m, m)
        let samples = (0..<recorded).map { sampleTrace(k: $0, pass: pass, lesson: lesson) }
        let misclassified = (0..<m).filter { k in
            predictedClass(pass.activations[network.layerCount - 1].row(k)) != predictedClass(targets.row(k))
        }.count

        return Trace(
            format: Trace.formatTag,
            lesson: info(lesson),
            m: m,
            weights: network.weights,
            samples: samples,
            cost: network.cost(of: pass, lambda: lesson.lambda),
            unregularizedCost: pass.sampleLosses.reduce(0, +) / Double(m),
            regularization: network.regularization(lambda: lesson.lambda, sampleCount: m),
            Delta: accumulated,
            D: d,
            numericalGradient: check.numericalGradient,
            gradientCheck: .init(
                epsilon: check.epsilon, relativeDifference: check.relativeDifference,
                checkedParameters: check.checkedEntries?.count ?? network.parameterCount,
                totalParameters: network.parameterCount, checkedEntries: check.checkedEntries),
            updatedWeights: updated.weights,
            costAfterUpdate: updated.cost(inputs: inputs, targets: targets, lambda: lesson.lambda),
            classificationError: Double(misclassified) / Double(m),
            slopeExample: slopeExample(network: network, inputs: inputs, targets: targets, lambda: lesson.lambda),
            activationTable: probes(for: network.activations),
            training: .init(epochs: lesson.epochs, costs: run.costs, finalWeights: run.network.weights))
    }

    /// The predicted class of an output (or target) vector: the index of its largest entry
    /// (the first on ties); for a single output, 1 when it is at least 0.5.
    public static func predictedClass(_ output: [Double]) -> Int {
        if output.count == 1 { return output[0] >= 0.5 ? 1 : 0 }
        var best = 0
        for index in output.indices where output[index] > output[best] { best = index }
        return best
    }

    private static func sampleTrace(k: Int, pass: BatchPass, lesson: Lesson) -> Trace.SampleTrace {
        let network = lesson.network
        let targets = lesson.targets
        let a = pass.activations.map { $0.row(k) }
        let z = pass.weightedInputs.map { $0.row(k) }
        let delta = pass.deltas.map { $0.row(k) }
        let slopes = z.indices.map { network.activations[$0].derivatives(z: z[$0], a: a[$0 + 1]) }
        let gradient = network.weights.indices.map { Matrix.outer(delta[$0], [1] + a[$0]) }
        // (Θ⁽ˡ⁾ without column 0)ᵀ δ⁽ˡ⁺¹⁾ for hidden layers l = 2…L−1 (Θ⁽ˡ⁾ = weights[l − 1]).
        let propagated = (2..<network.layerCount).map { l in
            let theta = network.weights[l - 1]
            let next = delta[l - 1]
            return (1..<theta.columns).map { j in
                var sum = 0.0
                for i in 0..<theta.rows { sum += theta[i, j] * next[i] }
                return sum
            }
        }
        let y = targets.row(k)
        return Trace.SampleTrace(
            x: a[0], y: y, a: a, z: z, activationDerivative: slopes,
            outputError: zip(a[a.count - 1], y).map(-), propagatedError: propagated, delta: delta,
            gradient: gradient,
            stepWeights: network.updatedWeights(
                gradients: gradient, learningRate: lesson.learningRate, updatesBiases: lesson.updatesBiases),
            loss: pass.sampleLosses[k],
            predictedClass: predictedClass(a[a.count - 1]), targetClass: predictedClass(targets.row(k)))
    }

    /// Step 8's example weight: the first non-bias weight into the output layer
    /// (Mazur's w5 in his network), moved by ±1e-4.
    private static func slopeExample(network: Network, inputs: Matrix, targets: Matrix, lambda: Double)
        -> Trace.SlopeExample
    {
        let layer = network.weights.count - 1
        let epsilon = 1e-4
        var probe = network
        let original = network.weights[layer][0, 1]
        probe.weights[layer][0, 1] = original + epsilon
        let plus = probe.cost(inputs: inputs, targets: targets, lambda: lambda)
        probe.weights[layer][0, 1] = original - epsilon
        let minus = probe.cost(inputs: inputs, targets: targets, lambda: lambda)
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
        var method = "given"
        var epsilon: Double?
        var seed: UInt64?
        if case .generated(let initialization) = lesson.weightSource {
            switch initialization {
            case .ngDebug: method = "ng-debug"
            case .uniform(let e, let s):
                method = "uniform"
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
            validationCount: lesson.validationSamples.count, testCount: lesson.testSamples.count)
    }
}
