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
        let costs = trace.training.costs
        #expect(costs.count == lesson.epochs + 1)
        #expect(costs.first == trace.cost)
        for (before, after) in zip(costs, costs.dropFirst()) {
            #expect(after <= before, "cost rose from \(before) to \(after)")
        }
        let final = try #require(costs.last)
        #expect(final < 0.05)
        #expect(costs[0] > 0.6, "it starts near log 2, so the fall is real")

        var trained = lesson.network
        trained.weights = trace.training.finalWeights
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
        for (initial, final) in zip(trace.weights, trace.training.finalWeights) {
            #expect(initial.column(0) == final.column(0))
            #expect(initial != final)
        }
    }
}
