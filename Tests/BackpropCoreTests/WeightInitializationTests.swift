import BackpropCore
import Testing

@Suite("WeightInitialization")
struct WeightInitializationTests {
    static let layerSizes = [4, 6, 3]

    @Test("uniform(epsilon: 0.12, seed: 7) is the same on every call")
    func deterministic() {
        let first = WeightInitialization.uniform(epsilon: 0.12, seed: 7).weights(layerSizes: Self.layerSizes)
        let second = WeightInitialization.uniform(epsilon: 0.12, seed: 7).weights(layerSizes: Self.layerSizes)
        #expect(first == second)
        #expect(first.map(\.rows) == [6, 3])
        #expect(first.map(\.columns) == [5, 7])
    }

    @Test("every weight lies in [−ε, ε], and both signs occur", arguments: [0.12, 1.0, 0.5])
    func withinRange(_ epsilon: Double) {
        let values = WeightInitialization.uniform(epsilon: epsilon, seed: 7).weights(layerSizes: Self.layerSizes)
            .flatMap(\.values)
        #expect(values.count == 6 * 5 + 3 * 7)
        #expect(values.allSatisfy { $0 >= -epsilon && $0 <= epsilon })
        #expect(values.contains { $0 < 0 } && values.contains { $0 > 0 })
        #expect(Set(values).count == values.count, "no repeated values")
    }

    @Test("different seeds give different weights")
    func seedsDiffer() {
        let seven = WeightInitialization.uniform(epsilon: 0.12, seed: 7).weights(layerSizes: Self.layerSizes)
        let eight = WeightInitialization.uniform(epsilon: 0.12, seed: 8).weights(layerSizes: Self.layerSizes)
        let zero = WeightInitialization.uniform(epsilon: 0.12, seed: 0).weights(layerSizes: Self.layerSizes)
        #expect(seven != eight)
        #expect(seven != zero)
        #expect(zero != eight)
    }

    @Test("weights are (2u − 1)ε for SplitMix64's unit draws, Θ⁽¹⁾ first, row-major")
    func documentedRule() {
        var generator = SplitMix64(seed: 7)
        let expected = (0..<(6 * 5 + 3 * 7)).map { _ in (2 * generator.nextUnitInterval() - 1) * 0.12 }
        let values = WeightInitialization.uniform(epsilon: 0.12, seed: 7).weights(layerSizes: Self.layerSizes)
            .flatMap(\.values)
        #expect(values == expected)
    }

    @Test("a lesson with \"init\": uniform records its rule and gets those weights")
    func lessonInit() throws {
        let lesson = try Lesson.decode(
            """
            {"title": "t", "layers": [4, 6, 3], "activation": "sigmoid",
             "init": {"method": "uniform", "epsilon": 0.12, "seed": 7},
             "samples": [{"x": [1, 2, 3, 4], "y": [0, 1, 0]}]}
            """, file: "t.json")
        #expect(lesson.weightSource == .generated(.uniform(epsilon: 0.12, seed: 7)))
        #expect(
            lesson.network.weights
                == WeightInitialization.uniform(epsilon: 0.12, seed: 7).weights(layerSizes: [4, 6, 3]))
        let trace = Tracer.trace(lesson)
        #expect(trace.lesson.initialization == .uniform)
        #expect(trace.lesson.initEpsilon == 0.12)
        #expect(trace.lesson.initSeed == 7)
    }
}
