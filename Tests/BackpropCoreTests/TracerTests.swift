import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@Suite("Tracer")
struct TracerTests {
    @Test("tracing the same lesson twice gives identical JSON bytes", arguments: LessonFixtures.names)
    func deterministic(_ name: String) throws {
        let first = Tracer.trace(try LessonFixtures.lesson(name)).jsonText
        let second = Tracer.trace(try LessonFixtures.lesson(name)).jsonText
        #expect(Array(first.utf8) == Array(second.utf8))
        // And the bytes are a whole trace, not an empty or truncated one.
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(first.utf8))
        #expect(decoded == Tracer.trace(try LessonFixtures.lesson(name)))
    }

    @Test("per-sample gradients are δ⁽ˡ⁺¹⁾[1; a⁽ˡ⁾]ᵀ and sum to Δ; D = Δ/m + (λ/m)Θ off the bias column")
    func indexConventions() throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")
        let trace = Tracer.trace(lesson)
        #expect(trace.samples.count == lesson.samples.count)
        for sample in trace.samples {
            #expect(sample.a.count == 4 && sample.z.count == 3 && sample.delta.count == 3 && sample.gradient.count == 3)
            for l in 0..<3 {
                let expected = Matrix.outer(sample.delta[l], [1] + sample.a[l])
                #expect(sample.gradient[l] == expected)
                // z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾[1; a⁽ˡ⁾] and a⁽ˡ⁺¹⁾ = σ(z⁽ˡ⁺¹⁾), recomputed here.
                let theta = trace.weights[l]
                for i in 0..<theta.rows {
                    let z = (0..<theta.columns).reduce(0.0) { $0 + theta[i, $1] * ($1 == 0 ? 1 : sample.a[l][$1 - 1]) }
                    expectClose(sample.z[l][i], z, relative: 1e-14, absolute: 1e-16)
                    expectClose(sample.a[l + 1][i], 1 / (1 + exp(-z)), relative: 1e-14)
                }
            }
        }
        let m = Double(lesson.samples.count)
        for l in 0..<3 {
            let sum = trace.samples.dropFirst().reduce(trace.samples[0].gradient[l]) { $0 + $1.gradient[l] }
            for (a, b) in zip(sum.values, trace.Delta[l].values) { expectClose(a, b, relative: 1e-14, absolute: 1e-16) }
            let theta = trace.weights[l]
            for i in 0..<theta.rows {
                for j in 0..<theta.columns {
                    let regularization = j == 0 ? 0 : lesson.lambda / m * theta[i, j]
                    expectClose(
                        trace.D[l][i, j], trace.Delta[l][i, j] / m + regularization, relative: 1e-14, absolute: 1e-16)
                }
            }
        }
        expectClose(trace.cost, trace.unregularizedCost + trace.regularization, relative: 1e-15)
        #expect(trace.regularization > 0)
    }

    @Test("predicted classes: argmax, first on ties; a single output is 1 at 0.5 and above")
    func predictedClass() {
        #expect(Tracer.predictedClass([0.1, 0.7, 0.2]) == 1)
        #expect(Tracer.predictedClass([0.4, 0.4, 0.2]) == 0)
        #expect(Tracer.predictedClass([0.5]) == 1)
        #expect(Tracer.predictedClass([0.49]) == 0)
    }

    /// A 2-2-1 sigmoid lesson with `count` samples on a grid, uniform initial weights.
    static func gridLesson(samples count: Int, epochs: Int = 20) throws -> Lesson {
        let samples = (0..<count).map { k in
            let x = Double(k % 200) / 100 - 1
            let y = Double(k / 200) / 50 - 1
            return "{\"x\": [\(x), \(y)], \"y\": [\(x * y > 0 ? 1 : 0)]}"
        }
        return try Lesson.decode(
            """
            {"title": "grid", "layers": [2, 2, 1], "activation": "sigmoid",
             "init": {"method": "uniform", "epsilon": 0.5, "seed": 3}, "epochs": \(epochs),
             "samples": [\(samples.joined(separator: ", "))]}
            """, file: "grid.json")
    }

    @Test("step 1's options run no gradient check and no training, and record one sample")
    func stepOneOptions() throws {
        let lesson = try LessonFixtures.lesson("15-steps")
        let options = TraceOptions(samples: .indices([0]), includesGradientCheck: false, includesTraining: false)
        let lazy = Tracer.trace(lesson, options: options)
        #expect(lazy.gradientCheck == nil)
        #expect(lazy.numericalGradient == nil)
        #expect(lazy.training == nil)
        #expect(lazy.samples.map(\.index) == [0])
        let full = Tracer.trace(lesson)
        #expect(lazy.cost == full.cost && lazy.D == full.D && lazy.updatedWeights == full.updatedWeights)
        #expect(lazy.slopeExample == full.slopeExample && lazy.classificationError == full.classificationError)
    }

    @Test("recording only sample 7 gives that sample's numbers exactly as recording all does")
    func onlySampleSeven() throws {
        let lesson = try Self.gridLesson(samples: 10)
        let one = Tracer.trace(lesson, options: TraceOptions(samples: .indices([7])))
        let all = Tracer.trace(lesson)
        #expect(one.samples.count == 1)
        let seven = try #require(one.sample(at: 7))
        #expect(seven.index == 7)
        #expect(seven == all.samples[7])
        #expect(seven == all.sample(at: 7))
        #expect(seven.x == lesson.samples[7].x && seven.y == lesson.samples[7].y)
        #expect(one.sample(at: 6) == nil && one.sample(at: 8) == nil)
        #expect(one.cost == all.cost && one.D == all.D && one.gradientCheck == all.gradientCheck)
        #expect(one.training == all.training)
    }

    @Test("sample selections: first K, chosen indices sorted and unique, out-of-range ignored")
    func sampleSelection() {
        #expect(TraceOptions.SampleSelection.all.indices(sampleCount: 3) == [0, 1, 2])
        #expect(TraceOptions.SampleSelection.first(2).indices(sampleCount: 3) == [0, 1])
        #expect(TraceOptions.SampleSelection.first(9).indices(sampleCount: 3) == [0, 1, 2])
        #expect(TraceOptions.SampleSelection.first(0).indices(sampleCount: 3) == [])
        #expect(TraceOptions.SampleSelection.indices([5, 2, 2, -1, 0, 3]).indices(sampleCount: 4) == [0, 2, 3])
    }

    @Test("sample(at:) finds records by sample index, in a prefix and in a chosen set")
    func sampleLookup() throws {
        let lesson = try Self.gridLesson(samples: 9)
        let m = lesson.samples.count
        let trace = Tracer.trace(
            lesson,
            options: TraceOptions(
                samples: .indices([0, 2, 3, m - 1]), includesGradientCheck: false, includesTraining: false))
        for index in [0, 2, 3, m - 1] { #expect(trace.sample(at: index)?.index == index) }
        for index in [-1, 1, 4, m] { #expect(trace.sample(at: index) == nil) }
    }

    @Test("targets are built once: tracing 20,000 samples costs about 10× tracing 2,000, not 100×")
    func linearInSamples() throws {
        let small = try Self.gridLesson(samples: 2_000, epochs: 1)
        let large = try Self.gridLesson(samples: 20_000, epochs: 1)
        // Every sample recorded: the per-sample loop is what was quadratic.
        let options = TraceOptions(samples: .all, includesGradientCheck: false, includesTraining: false)
        let clock = ContinuousClock()
        var trace: Trace?
        let smallTime = clock.measure { trace = Tracer.trace(small, options: options) }
        #expect(trace?.samples.count == 2_000)
        let largeTime = clock.measure { trace = Tracer.trace(large, options: options) }
        #expect(trace?.samples.count == 20_000)
        #expect(trace?.samples.last?.y == large.samples.last?.y)
        // No absolute wall-clock bound (it fails on a loaded machine; README's benchmarks hold
        // the timings). Linear: 10× the samples costs about 10× the time; quadratic would be about 100×.
        #expect(largeTime < smallTime * 30, "2,000 samples: \(smallTime); 20,000: \(largeTime)")
    }
}
