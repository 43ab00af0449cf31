import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@Suite("Training")
struct TrainingTests {
    @Test("XOR: the cost falls at every epoch, ends below 0.05, and all 4 samples are classified")
    func xor() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let trace = Tracer.trace(lesson)
        let training = try #require(trace.training)
        let costs = training.costs
        #expect(costs.count == lesson.epochs + 1)
        #expect(costs.first == trace.cost)
        for (before, after) in zip(costs, costs.dropFirst()) {
            #expect(after <= before, "cost rose from \(before) to \(after)")
        }
        let final = try #require(costs.last)
        #expect(final < 0.05)
        #expect(costs[0] > 0.6, "it starts near log 2, so the fall is real")

        var trained = lesson.network
        trained.weights = training.finalWeights
        let pass = trained.forward(inputs: lesson.inputs, targets: lesson.targets)
        for k in 0..<4 {
            let output = pass.activations[2][k, 0]
            let expected = lesson.samples[k].y[0]
            #expect((output >= 0.5 ? 1.0 : 0.0) == expected, "sample \(lesson.samples[k].x): output \(output)")
        }
        // The last cost is the trained network's cost, recomputed here.
        expectClose(trained.cost(inputs: lesson.inputs, targets: lesson.targets, lambda: 0), final, relative: 1e-12)
    }

    @Test("trained returns epochs + 1 costs; 0 epochs leaves the network alone")
    func epochs() throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")
        let none = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: 1,
            updatesBiases: true, epochs: 0)
        #expect(none.costs.count == 1)
        #expect(none.network == lesson.network)
        let three = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: 1,
            updatesBiases: true, epochs: 3)
        #expect(three.costs.count == 4)
        #expect(three.costs[0] == none.costs[0])
        #expect(three.costs[3] < three.costs[0])
    }

    @Test("one epoch equals one step of Θ − αD")
    func oneEpochIsOneStep() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        let trace = Tracer.trace(lesson)
        let one = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: 0, learningRate: lesson.learningRate,
            updatesBiases: false, epochs: 1)
        #expect(one.network.weights == trace.updatedWeights)
        #expect(one.costs[1] == trace.costAfterUpdate)
    }

    @Test("with updatesBiases false, the bias column never moves")
    func frozenBiases() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        let trace = Tracer.trace(lesson)
        let training = try #require(trace.training)
        for (initial, final) in zip(trace.weights, training.finalWeights) {
            #expect(initial.column(0) == final.column(0))
            #expect(initial != final)
        }
    }

    @Test("trainingEpochs yields exactly trained's costs and final network, epoch by epoch", arguments: [0, 1, 7])
    func epochSequence(_ epochs: Int) throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")
        let sequence = lesson.network.trainingEpochs(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: 0.8,
            updatesBiases: true, epochs: epochs)
        let states = Array(sequence)
        let trained = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: 0.8,
            updatesBiases: true, epochs: epochs)
        // The loop `trained` ran before it was built on the sequence, written out here.
        var network = lesson.network
        var costs: [Double] = []
        for _ in 0..<epochs {
            let (pass, d) = network.gradients(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda)
            costs.append(network.cost(of: pass, lambda: lesson.lambda))
            network.weights = network.updatedWeights(gradients: d, learningRate: 0.8, updatesBiases: true)
        }
        costs.append(network.cost(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda))
        #expect(states.map(\.cost) == costs, "bit for bit the old loop's costs")
        #expect(states.last?.network == network)
        #expect(states.map(\.epoch) == Array(0...epochs))
        #expect(states.map(\.cost) == trained.costs)
        #expect(states.last?.network == trained.network)
        #expect(states.first?.network == lesson.network)
        if epochs > 0 { #expect(states[1].network != lesson.network) }
        // Each state's cost is that state's network's cost, recomputed here.
        for state in states {
            #expect(
                state.cost == state.network.cost(inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda))
        }
    }

    @Test("reading fewer states stops training early; the states read are the same")
    func earlyStop() throws {
        let lesson = try LessonFixtures.lesson("xor")
        let sequence = lesson.network.trainingEpochs(
            inputs: lesson.inputs, targets: lesson.targets, lambda: 0, learningRate: lesson.learningRate,
            updatesBiases: true, epochs: 1_000)
        var seen: [Double] = []
        for state in sequence {
            seen.append(state.cost)
            if state.epoch == 3 { break }
        }
        let three = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: 0, learningRate: lesson.learningRate,
            updatesBiases: true, epochs: 3)
        #expect(seen == three.costs)
        #expect(Array(sequence.prefix(2)).map(\.cost) == Array(three.costs.prefix(2)))
    }

    @Test("the trace's training run is trained's, and its costs start at the trace's cost")
    func traceTrainingIsTrained() throws {
        let lesson = try LessonFixtures.lesson("ng-gradcheck-lambda3")
        let training = try #require(Tracer.trace(lesson).training)
        let trained = lesson.network.trained(
            inputs: lesson.inputs, targets: lesson.targets, lambda: lesson.lambda, learningRate: lesson.learningRate,
            updatesBiases: lesson.updatesBiases, epochs: lesson.epochs)
        #expect(training.costs == trained.costs)
        #expect(training.finalWeights == trained.network.weights)
    }
}
