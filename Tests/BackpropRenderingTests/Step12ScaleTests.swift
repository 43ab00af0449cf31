import BackpropCore
import BackpropRendering
import Testing

/// `step 12` on Ng's ex4 shape (400-25-10, m = 5,000) records only what step 12 shows: the
/// chosen sample's record, no gradient check and no training run. Not a timing test (timings
/// are `backprop-bench`'s); this pins what is computed, which is what makes the step fast.
@Suite("Step 12 on Ng's ex4 shape")
struct Step12ScaleTests {
    /// A 400-25-10 sigmoid lesson with 5,000 samples, made in memory (seeded, no file).
    static func ex4Lesson() -> Lesson {
        let layers = [400, 25, 10]
        var generator = SplitMix64(seed: 17)
        let samples = (0..<5_000).map { k in
            Lesson.Sample(
                x: (0..<400).map { _ in generator.nextUnitInterval() }, y: (0..<10).map { $0 == k % 10 ? 1.0 : 0.0 })
        }
        let initialization = WeightInitialization.uniform(epsilon: 0.12, seed: 17)
        let network = Network(
            layerSizes: layers, activations: [.sigmoid, .sigmoid], loss: .crossEntropy,
            weights: initialization.weights(layerSizes: layers))
        return Lesson(
            title: "ex4 shape", network: network, weightSource: .generated(initialization), samples: samples,
            learningRate: 0.5, lambda: 1)
    }

    @Test("the trace step 12 asks for holds one sample's record and neither the check nor training")
    func recordsOnlyWhatStep12Needs() throws {
        let lesson = Self.ex4Lesson()
        let options = Narrator.traceOptions(for: [.backpropagation], sampleIndex: 0)
        #expect(options.samples.indices(sampleCount: lesson.samples.count) == [0])
        #expect(!options.includesGradientCheck && !options.includesTraining)

        let trace = Tracer.trace(lesson, options: options)
        #expect(trace.m == 5_000)
        #expect(trace.samples.map(\.index) == [0])
        #expect(trace.numericalGradient == nil && trace.gradientCheck == nil)
        #expect(trace.training == nil)
        // The totals still cover every sample: Δ⁽²⁾'s bias column is Σₖ δ⁽³⁾ₖ over all 5,000.
        #expect(trace.Delta.map(\.rows) == [25, 10] && trace.Delta.map(\.columns) == [401, 26])

        // And step 12 is told from it, for sample 1.
        let section = Narrator(trace: trace, notation: .ng).section(.backpropagation)
        let text = TextRenderer(decimals: 4, usesColor: false).render(section)
        #expect(text.contains("δ⁽³⁾"))
    }
}
