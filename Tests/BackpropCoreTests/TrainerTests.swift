import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// The training schemes, seeds, stopping rules and evaluations of `Trainer`, each checked
/// against an independent computation (the existing full-batch run, a hand-made loop, counts
/// made here).
@Suite("Trainer")
struct TrainerTests {
    @Test("batch training repeats the trace's full-batch run bit for bit")
    func batchEqualsFullBatchRun() throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")  // λ = 0.1: the regularisation path too
        let plan = TrainingPlan.fullBatch(epochs: 12)
        let result = Trainer(lesson: lesson, plan: plan).run()
        let reference = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: lesson.learningRate,
            updatesBiases: lesson.updatesBiases, epochs: 12)
        #expect(result.checkpoints.map(\.trainingCost) == reference.costs)
        #expect(result.network == reference.network)
        #expect(result.stop == .epochLimit(12))
        #expect(result.checkpoints.map(\.updates) == Array(0...12))
    }

    @Test("mini-batches of the whole set are full-batch steps (the shuffle changes no sum's terms' set)")
    func minibatchOfAllIsBatch() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let batch = Trainer(lesson: lesson, plan: .fullBatch(epochs: 5)).run()
        let whole = Trainer(lesson: lesson, plan: TrainingPlan(scheme: .minibatch(size: 4), seed: 3, stop: .init(epochs: 5)))
            .run()
        // Sums over a shuffled order may differ in the last bits; the weights agree closely.
        for (a, b) in zip(batch.network.weights, whole.network.weights) {
            for (x, y) in zip(a.values, b.values) { expectClose(x, y, relative: 1e-12) }
        }
        #expect(whole.checkpoints.count == 6)
    }

    @Test("one stochastic update is the 15 Steps' W := W + η·[x, 1]ᵀ ⊗ ((t − o) ⊙ f′(net)), computed here")
    func stochasticUpdateIsTulleken() throws {
        let lesson = try LessonFixtures.lesson("iris")
        let plan = TrainingPlan(scheme: .stochastic, seed: 15, stop: .init(updates: 1))
        let result = Trainer(lesson: lesson, plan: plan).run()
        var generator = SplitMix64(seed: 15)
        let k = generator.nextIndex(below: lesson.samples.count)
        let sample = lesson.samples[k]
        let theta = lesson.network.weights[0]  // 3 × 5, bias first
        var expected = theta
        for i in 0..<3 {
            var net = theta[i, 0]
            for j in 0..<4 { net += theta[i, j + 1] * sample.x[j] }
            let t = Foundation.tanh(net)
            let output = (t + 1) / 2
            let delta = (sample.y[i] - output) * (1 - t * t) / 2
            expected[i, 0] += 0.1 * delta
            for j in 0..<4 { expected[i, j + 1] += 0.1 * delta * sample.x[j] }
        }
        for (x, y) in zip(result.network.weights[0].values, expected.values) { expectClose(x, y, relative: 1e-12) }
        #expect(result.stop == .updateLimit(1))
    }

    @Test("the same seed gives the same run; another seed another")
    func seeds() throws {
        let lesson = try LessonFixtures.lesson("iris")
        func run(_ seed: UInt64) -> TrainingResult {
            Trainer(lesson: lesson, plan: TrainingPlan(scheme: .stochastic, seed: seed, stop: .init(updates: 60))).run()
        }
        #expect(run(4) == run(4))
        #expect(run(4).network != run(5).network)
    }

    @Test("mini-batch epochs use every training sample exactly once (counted through a linear probe)")
    func minibatchEpochCoversAll() throws {
        // With a learning rate of 0 nothing moves, but `updates` counts ⌈m/B⌉ per epoch.
        var lesson = try LessonFixtures.lesson("iris")
        lesson.learningRate = 0
        let plan = TrainingPlan(scheme: .minibatch(size: 10), seed: 1, stop: .init(epochs: 2))
        let result = Trainer(lesson: lesson, plan: plan).run()
        #expect(result.checkpoints.map(\.updates) == [0, 8, 16])
        #expect(result.checkpoints.map(\.epoch) == [0, 1, 2])
        var generator = SplitMix64(seed: 1)
        let order = generator.shuffled(Array(0..<75))
        #expect(order.sorted() == Array(0..<75))
        #expect(order != Array(0..<75))
    }

    @Test("the validation threshold stops at the first checkpoint below it")
    func validationThreshold() throws {
        let lesson = try LessonFixtures.lesson("iris")
        let plan = TrainingPlan(scheme: .stochastic, seed: 15, stop: .init(validationRegressionError: 0.15, updates: 500))
        let result = Trainer(lesson: lesson, plan: plan).run()
        guard case .validationThreshold(0.15) = result.stop else {
            Issue.record("stopped by \(result.stop)")
            return
        }
        let errors = result.checkpoints.compactMap(\.validationRegressionError)
        #expect(errors.last! < 0.15)
        #expect(errors.dropLast().allSatisfy { $0 >= 0.15 })
        // Recompute the last one here: Σ(t − o)² / (samples · outputs) over the validation set.
        var squares = 0.0
        for sample in lesson.validationSamples {
            let output = result.network.forward(inputs: Matrix([sample.x]), targets: Matrix([sample.y])).activations[1]
            for (o, t) in zip(output.row(0), sample.y) { squares += (t - o) * (t - o) }
        }
        expectClose(squares / Double(lesson.validationSamples.count * 3), errors.last!, relative: 1e-12)
    }

    @Test("the update limit, and a stop request after the third update")
    func limitsAndInterrupt() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let limited = Trainer(lesson: lesson, plan: TrainingPlan(scheme: .stochastic, stop: .init(updates: 7, epochs: 100)))
            .run()
        #expect(limited.stop == .updateLimit(7))
        #expect(limited.checkpoints.last?.updates == 7)
        var asked = 0
        var seen: [Int] = []
        let stopped = Trainer(lesson: lesson, plan: .fullBatch(epochs: 1000)).run(
            shouldStop: {
                asked += 1
                return asked >= 3
            }, onCheckpoint: { seen.append($0.updates) })
        #expect(stopped.stop == .interrupted)
        #expect(seen == [0, 1, 2, 3])
        #expect(stopped.checkpoints.map(\.updates) == [0, 1, 2, 3])
        let reference = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: 0, learningRate: lesson.learningRate,
            updatesBiases: true, epochs: 3)
        #expect(stopped.network == reference.network)
    }

    @Test("a learning rate far too large stops as diverged, at the epoch step 15's rule names (cost over 1000 × J(0))")
    func divergence() throws {
        // One linear unit, squared error: each step multiplies the error by 1 − 2α = −199.
        let network = Network(
            layerSizes: [1, 1], activations: [.linear], loss: .squaredError, weights: [Matrix([[0.5, 0.5]])])
        let lesson = Lesson(
            title: "diverges", network: network, samples: [.init(x: [1], y: [0])], learningRate: 100)
        let result = Trainer(lesson: lesson, plan: .fullBatch(epochs: 1000)).run()
        #expect(result.stop == .diverged)
        #expect(result.checkpoints.count < 1001)
        let costs = network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: 0, learningRate: 100, updatesBiases: true,
            epochs: 1000
        ).costs
        let divergence = try #require(Trace.Divergence.find(inCosts: costs))
        #expect(result.checkpoints.count - 1 == divergence.epoch)
        #expect(result.checkpoints.dropLast().allSatisfy { $0.trainingCost <= 1000 * result.checkpoints[0].trainingCost })
    }

    @Test("xor trains from its seed to all four outputs on the right side of 0.5")
    func xorTrains() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let result = Trainer(lesson: lesson).run()
        let evaluation = SetEvaluation.evaluate(result.network, on: lesson.samples)
        for (output, sample) in zip(evaluation.outputs, lesson.samples) {
            #expect((output[0] >= 0.5) == (sample.y[0] == 1), "x = \(sample.x): \(output[0])")
        }
        #expect(evaluation.misclassified == 0)
        #expect(evaluation.confusion == [[2, 0], [0, 2]])
    }

    @Test("a set's evaluation: counts and errors recomputed sample by sample")
    func evaluation() throws {
        let lesson = try LessonFixtures.lesson("iris")
        let result = Trainer(lesson: lesson).run()
        let test = SetEvaluation.evaluate(result.network, on: lesson.testSamples)
        var confusion = Array(repeating: Array(repeating: 0, count: 3), count: 3)
        var loss = 0.0
        for sample in lesson.testSamples {
            let z = (0..<3).map { i in
                (0..<4).reduce(result.network.weights[0][i, 0]) { $0 + result.network.weights[0][i, $1 + 1] * sample.x[$1] }
            }
            let o = z.map { (Foundation.tanh($0) + 1) / 2 }
            loss += zip(o, sample.y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 2
            let predicted = o.firstIndex(of: o.max()!)!
            confusion[sample.y.firstIndex(of: 1)!][predicted] += 1
        }
        #expect(test.confusion == confusion)
        #expect(test.misclassified == test.count - (0..<3).reduce(0) { $0 + confusion[$1][$1] })
        expectClose(test.cost, loss / Double(lesson.testSamples.count), relative: 1e-12)
        #expect(test.count == 37)
    }

    @Test("digits, a small run in debug: 2 mini-batch epochs on 300 samples beat chance (10 %) by far")
    func digitsSmall() throws {
        var lesson = try LessonFixtures.lesson("digits")
        lesson.samples = Array(lesson.samples.prefix(300))
        let plan = TrainingPlan(scheme: .minibatch(size: 10), seed: 1998, stop: .init(epochs: 2))
        let result = Trainer(lesson: lesson, plan: plan).run()
        let test = SetEvaluation.evaluate(result.network, on: lesson.testSamples)
        #expect(test.accuracy > 0.35, "accuracy \(test.accuracy)")
        #expect(result.checkpoints.last!.trainingCost < result.checkpoints[0].trainingCost / 2)
    }

    @Test("a lesson saved as JSON loads back with the same network, samples and plan")
    func savedLessonRoundTrip() throws {
        for name in ["iris", "ng-lecture", "xor"] {
            var lesson = try LessonFixtures.lesson(name)
            lesson.network = Trainer(lesson: lesson, plan: .fullBatch(epochs: 3)).run().network
            lesson.weightSource = .given
            let loaded = try Lesson.decode(lesson.jsonText, file: "saved.json")
            #expect(loaded == lesson, "\(name)")
        }
        let digits = try LessonFixtures.lesson("digits")
        let reloaded = try Lesson.decode(digits.jsonText, file: "saved.json")
        #expect(reloaded.samples == digits.samples)
        #expect(reloaded.imageShape == digits.imageShape && reloaded.training == digits.training)
    }
}
