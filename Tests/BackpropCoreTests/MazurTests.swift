import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// Matt Mazur's "A Step by Step Backpropagation Example" (lessons/mazur.json), checked against
/// the numbers the post prints, each to every digit it prints.
@Suite("Mazur's 2-2-2 example")
struct MazurTests {
    let trace: Trace

    init() throws {
        trace = Tracer.trace(try LessonFixtures.lesson("mazur"))
    }

    @Test("forward pass: out_h1, out_h2, out_o1, out_o2")
    func forwardPass() throws {
        let sample = try #require(trace.samples.first)
        try #require(sample.a.count == 3)
        expectMatchesPublished(sample.a[1][0], "0.593269992", "out_h1")
        expectMatchesPublished(sample.a[1][1], "0.596884378", "out_h2")
        expectMatchesPublished(sample.a[2][0], "0.75136507", "out_o1")
        expectMatchesPublished(sample.a[2][1], "0.772928465", "out_o2")
    }

    @Test("E_total = 0.298371109")
    func totalError() {
        expectMatchesPublished(trace.cost, "0.298371109", "E_total")
        #expect(trace.m == 1)
    }

    @Test("∂E/∂w5 = 0.082167041 is D⁽²⁾[0,1]")
    func gradientOfW5() {
        expectMatchesPublished(trace.D[1][0, 1], "0.082167041", "∂E/∂w5")
    }

    @Test("output-layer weights after one step: w5⁺…w8⁺")
    func updatedOutputWeights() {
        let theta = trace.updatedWeights[1]
        expectMatchesPublished(theta[0, 1], "0.35891648", "w5+")
        expectMatchesPublished(theta[0, 2], "0.408666186", "w6+")
        expectMatchesPublished(theta[1, 1], "0.511301270", "w7+")
        expectMatchesPublished(theta[1, 2], "0.561370121", "w8+")
    }

    @Test("hidden-layer weights after one step: w1⁺…w4⁺")
    func updatedHiddenWeights() {
        let theta = trace.updatedWeights[0]
        expectMatchesPublished(theta[0, 1], "0.149780716", "w1+")
        expectMatchesPublished(theta[0, 2], "0.19956143", "w2+")
        expectMatchesPublished(theta[1, 1], "0.24975114", "w3+")
        expectMatchesPublished(theta[1, 2], "0.29950229", "w4+")
    }

    @Test("biases stay at b1 = 0.35 and b2 = 0.60 (updateBiases is false)")
    func biasesUnchanged() {
        #expect(trace.lesson.updateBiases == false)
        for i in 0..<2 {
            #expect(trace.updatedWeights[0][i, 0] == 0.35)
            #expect(trace.updatedWeights[1][i, 0] == 0.60)
        }
        // The bias gradients themselves are not zero, so a frozen bias is a real choice.
        #expect(trace.D[1][0, 0] != 0)
    }

    @Test("error after the first update = 0.291027774 (biases frozen)")
    func costAfterUpdate() {
        expectMatchesPublished(trace.costAfterUpdate, "0.291027774", "E_total after one step")
        #expect(trace.costAfterUpdate < trace.cost)
    }

    @Test("the same network written inline decodes to the same trace")
    func inlineLessonMatchesFile() throws {
        let inline = """
            {"title": "Mazur's step-by-step backpropagation example", "layers": [2, 2, 2],
             "activation": "sigmoid", "loss": "squared-error",
             "weights": [[[0.35, 0.15, 0.20], [0.35, 0.25, 0.30]], [[0.60, 0.40, 0.45], [0.60, 0.50, 0.55]]],
             "samples": [{"x": [0.05, 0.10], "y": [0.01, 0.99]}],
             "learningRate": 0.5, "updateBiases": false}
            """
        let lesson = try Lesson.decode(inline, file: "inline")
        let inlineTrace = Tracer.trace(lesson)
        #expect(inlineTrace.cost == trace.cost)
        #expect(inlineTrace.D == trace.D)
        #expect(inlineTrace.updatedWeights == trace.updatedWeights)
    }
}
