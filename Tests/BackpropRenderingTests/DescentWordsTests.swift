import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Step 15's words follow the lesson's numbers: a step that lowers the cost is explained as
/// such, one that raises it is not called a fall, and a run that diverges says where and why.
@Suite("Step 15 says what the numbers do")
struct DescentWordsTests {
    static func lesson(rate: Double, output: String) throws -> Trace {
        let json = """
            {"title": "rate \(rate)", "layers": [2, 2, 1], "activation": ["tanh", "\(output)"],
             "loss": "squared-error", "weights": [[[0.1, 0.2, 0.3], [0.2, -0.1, 0.4]], [[0.1, 0.5, -0.5]]],
             "samples": [{"x": [1, 2], "y": [1]}, {"x": [2, 1], "y": [0]}], "learningRate": \(rate), "epochs": 30}
            """
        return Tracer.trace(try Lesson.decode(json, file: "rate.json"))
    }

    /// Step 15 as text with line wrapping undone (runs of spaces and newlines become one space).
    func text(_ trace: Trace) -> String {
        let text = TextRenderer().render(Narrator(trace: trace, notation: .ng).section(.gradientDescent))
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("a small learning rate: the cost falls and the text says it falls")
    func falls() throws {
        let trace = try Self.lesson(rate: 0.1, output: "linear")
        #expect(trace.costAfterUpdate < trace.cost)
        let text = text(trace)
        #expect(text.contains("lowers the cost, as the numbers show"))
        #expect(!text.contains("raised the cost") && !text.contains("diverged"))
    }

    @Test("a step that raises the cost is never described as lowering it")
    func rises() throws {
        let trace = try Self.lesson(rate: 1e6, output: "sigmoid")
        #expect(trace.costAfterUpdate > trace.cost)
        let text = text(trace)
        #expect(text.contains("Here the step raised the cost"))
        #expect(!text.contains("lowers the cost, as the numbers show"))
    }

    @Test("a diverging run names the epoch and the learning rate, in readable numbers")
    func diverges() throws {
        let trace = try Self.lesson(rate: 5, output: "linear")
        let text = text(trace)
        #expect(text.contains("Training diverged at epoch 2"))
        #expect(text.contains("e+"), "huge costs print in scientific form")
        #expect(!text.contains("lowers the cost, as the numbers show"))
    }
}
