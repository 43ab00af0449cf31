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
        #expect(!first.isEmpty)
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
}
