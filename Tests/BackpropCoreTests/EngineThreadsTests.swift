import BackpropCore
import Testing

/// The same bytes on one thread and on two: work is cut into fixed chunks and no sum is split
/// between threads, so the number of threads cannot change a result.
@Suite("Engine threads")
struct EngineThreadsTests {
    /// A 16-8-4 lesson with 2,000 samples: its first-layer products (2,000 × 8 × 16 = 256,000
    /// multiply-adds) are above the size at which the kernels share work between threads, and
    /// its 172 weights keep the full gradient check quick in a debug build.
    static func lesson() -> Lesson {
        var random = TestRandom(seed: 11)
        let layers = [16, 8, 4]
        let samples = (0..<2000).map { k in
            Lesson.Sample(x: (0..<16).map { _ in random.unit() }, y: (0..<4).map { $0 == k % 4 ? 1.0 : 0.0 })
        }
        let initialization = WeightInitialization.uniform(epsilon: 0.12, seed: 5)
        let network = Network(
            layerSizes: layers, activations: [.sigmoid, .sigmoid], loss: .crossEntropy,
            weights: initialization.weights(layerSizes: layers))
        return Lesson(
            title: "threads", network: network, weightSource: .generated(initialization), samples: samples,
            learningRate: 0.5, lambda: 1, epochs: 3)
    }

    @Test("the whole trace (pass, Δ, D, gradient check, training) is the same bytes on 1 and 2 threads")
    func oneThreadAndTwo() {
        let lesson = Self.lesson()
        let options = TraceOptions(samples: .first(3), includesGradientCheck: true, includesTraining: true)
        let one = EngineThreads.$override.withValue(1) { Tracer.trace(lesson, options: options).jsonText }
        let two = EngineThreads.$override.withValue(2) { Tracer.trace(lesson, options: options).jsonText }
        #expect(Array(one.utf8) == Array(two.utf8))
        #expect(EngineThreads.$override.withValue(2) { EngineThreads.count } == 2)
    }

    @Test("a batched pass's every bit agrees on 1, 2 and 3 threads")
    func passBits() {
        let lesson = Self.lesson()
        func gradients() -> [UInt64] {
            let (pass, d) = lesson.network.gradients(inputs: lesson.inputs, targets: lesson.targets, lambda: 1)
            let numbers = d.flatMap(\.values) + pass.deltas.flatMap(\.values) + pass.sampleLosses
            return numbers.map(\.bitPattern)
        }
        let one = EngineThreads.$override.withValue(1) { gradients() }
        #expect(EngineThreads.$override.withValue(2) { gradients() } == one)
        #expect(EngineThreads.$override.withValue(3) { gradients() } == one)
    }
}
