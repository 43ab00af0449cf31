import BackpropCore
import Testing

@testable import BackpropRendering

/// Seeded random networks (1–5 layers deep, 1–10 units, every activation and loss that may be
/// combined) through every step, notation and format: no crash, no line over 80 columns, and
/// the gradient check passes. Guards the narrator's index juggling beyond the built-in lessons.
@Suite("Random lessons")
struct RandomLessonTests {
    static func lesson(seed: UInt64) throws -> Lesson {
        var random = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let depth = 2 + pick(4)
        let sizes = (0..<depth).map { _ in 1 + pick(10) }
        let hidden = Activation.allCases.filter(\.isElementwise)
        let usesSoftmax = sizes[depth - 1] > 1 && pick(3) == 0
        let loss: Loss = usesSoftmax || pick(2) == 0 ? .crossEntropy : .squaredError
        var activations = (0..<(depth - 2)).map { _ in hidden[pick(hidden.count)] }
        let output: Activation =
            usesSoftmax ? .softmax : (loss == .crossEntropy ? .sigmoid : hidden[pick(hidden.count)])
        activations.append(output)
        let m = 1 + pick(6)
        let samples = (0..<m).map { k -> String in
            let x = (0..<sizes[0]).map { _ in String(Double(pick(200)) / 100 - 1) }
            let classIndex = k % sizes[depth - 1]
            let y = (0..<sizes[depth - 1]).map { $0 == classIndex ? "1" : "0" }
            return "{\"x\": [\(x.joined(separator: ", "))], \"y\": [\(y.joined(separator: ", "))]}"
        }
        let json = """
            {"title": "random \(seed)", "layers": [\(sizes.map(String.init).joined(separator: ", "))],
             "activation": [\(activations.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))],
             "loss": "\(loss.rawValue)", "init": {"method": "uniform", "epsilon": 0.7, "seed": \(seed)},
             "samples": [\(samples.joined(separator: ", "))], "learningRate": 0.3, "lambda": \(pick(2)), "epochs": 5}
            """
        return try Lesson.decode(json, file: "random-\(seed).json")
    }

    @Test("every step, notation and format renders", arguments: Array(UInt64(1)...UInt64(24)))
    func renders(seed: UInt64) throws {
        let trace = Tracer.trace(try Self.lesson(seed: seed))
        #expect(
            (trace.gradientCheck?.relativeDifference ?? .infinity) < 1e-6,
            "seed \(seed): \(String(describing: trace.gradientCheck?.relativeDifference))")
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let section = narrator.section(step)
                let text = TextRenderer().render(section)
                for line in text.split(separator: "\n") where line.count > 80 {
                    Issue.record("seed \(seed) step \(step) \(notation): \(line.count) columns: \(line)")
                }
                let context = "seed \(seed) step \(step.number) \(notation)"
                Self.expectComplete(
                    LaTeXRenderer().fragment(section), section, format: "LaTeX", LaTeXRenderer().math, context)
                Self.expectComplete(
                    MarkdownRenderer().fragment(section), section, format: "Markdown", MarkdownRenderer().math, context)
            }
        }
    }

    /// A rendered step is complete: its title and every equation's left-hand side are printed,
    /// no character fell back to the escapers' "?" stand-in, and every LaTeX environment that
    /// opens is closed, in order (Markdown's `$$` display math comes in pairs).
    static func expectComplete(
        _ text: String, _ section: Section, format: String, _ math: (Math) -> String, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(text.contains(section.title), "\(context) \(format): no title", sourceLocation: sourceLocation)
        for equation in equations(in: section) {
            let lhs = math(equation.lhs)
            #expect(text.contains(lhs), "\(context) \(format): no '\(lhs)'", sourceLocation: sourceLocation)
        }
        for line in text.split(separator: "\n") where line.contains("?") {
            Issue.record("\(context) \(format): a '?' stand-in in \(line.prefix(120))", sourceLocation: sourceLocation)
        }
        var open: [String] = []
        for match in text.matches(of: /\\(begin|end)\{([^}]*)\}/) {
            let name = String(match.output.2)
            if match.output.1 == "begin" {
                open.append(name)
            } else {
                #expect(
                    open.popLast() == name, "\(context) \(format): \\end{\(name)} closes nothing open",
                    sourceLocation: sourceLocation)
            }
        }
        #expect(open.isEmpty, "\(context) \(format): unclosed \(open)", sourceLocation: sourceLocation)
        #expect(
            text.components(separatedBy: "$$").count % 2 == 1, "\(context) \(format): unpaired $$",
            sourceLocation: sourceLocation)
    }
}
