import BackpropCore
import BackpropTutorCLI
import Foundation
import Testing

@testable import BackpropRendering

/// Every decimal number printed in a step must be a trace value at the displayed precision.
@Suite("Numbers in the steps come from the trace")
struct StepNumbersTests {
    /// Every number in the trace's JSON, formatted as the renderer formats numbers.
    static func traceValues(_ trace: Trace, decimals: Int, includingNegations: Bool) throws -> Set<String> {
        let json = trace.jsonText
        let pattern = try NSRegularExpression(pattern: #"-?\d+(\.\d+)?([eE][-+]?\d+)?"#)
        let range = NSRange(json.startIndex..., in: json)
        var values = Set<String>()
        let format = NumberFormat(decimals: decimals)
        for match in pattern.matches(in: json, range: range) {
            guard let r = Range(match.range, in: json), let value = Double(json[r]) else { continue }
            values.insert(format.string(value))
            if includingNegations { values.insert(format.string(-value)) }
        }
        return values
    }

    /// The decimal numbers in rendered text (with `−` or `-` signs), in order.
    static func printedNumbers(_ text: String, decimals: Int) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"[−-]?\d+\.\d{\#(decimals)}(?![\d.eE])"#)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]).replacingOccurrences(of: "−", with: "-") }
        }
    }

    @Test("step 12 of the default lesson prints δ⁽⁴⁾, δ⁽³⁾, δ⁽²⁾ and only trace values", arguments: [2, 4, 6])
    func defaultLessonStep12(decimals: Int) throws {
        let result = BackpropTutor.execute(["step", "12", "--precision", "\(decimals)"])
        #expect(result.exitCode == 0)
        let text = result.standardOutput
        for symbol in ["δ⁽⁴⁾", "δ⁽³⁾", "δ⁽²⁾", "∇⁽³⁾", "∇⁽²⁾", "∇⁽¹⁾"] {
            #expect(text.contains(symbol), "step 12 does not show \(symbol)")
        }
        let trace = try builtInTrace(LessonLibrary.defaultLessonName)
        let allowed = try Self.traceValues(trace, decimals: decimals, includingNegations: false)
        let printed = try Self.printedNumbers(text, decimals: decimals)
        #expect(printed.count > 40, "too few numbers parsed: \(printed.count)")
        for number in printed {
            #expect(allowed.contains(number), "\(number) in step 12 is not a trace value at \(decimals) decimals")
        }
        // And the backward pass's own numbers are all there.
        let format = NumberFormat(decimals: decimals)
        let sample = trace.samples[0]
        for delta in sample.delta {
            for value in delta {
                #expect(printed.contains(format.string(value)), "δ entry \(format.string(value)) is missing")
            }
        }
        for gradient in sample.gradient {
            for value in gradient.values {
                #expect(printed.contains(format.string(value)), "gradient entry \(format.string(value)) is missing")
            }
        }
    }

    @Test(
        "every step of every lesson in every notation prints only trace values",
        arguments: LessonLibrary.builtInNames)
    func everyStepOnlyTraceValues(lesson: String) throws {
        let trace = try builtInTrace(lesson)
        let allowed = try Self.traceValues(trace, decimals: 4, includingNegations: true)
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let text = TextRenderer(decimals: 4).render(narrator.section(step))
                for number in try Self.printedNumbers(text, decimals: 4) {
                    #expect(
                        allowed.contains(number), "\(lesson) step \(step) (\(notation)): \(number) is not a trace value"
                    )
                }
            }
        }
    }

    @Test("the 15 Steps lesson's step 12 in tulleken notation is the tutorial's step 12 with numbers")
    func tullekenStep12() throws {
        let result = BackpropTutor.execute([
            "step", "12", "--lesson", "15-steps", "--notation", "tulleken", "--precision", "6",
        ])
        #expect(result.exitCode == 0)
        let text = result.standardOutput
        for phrase in [
            "error_vector", "target − output", "delta", "activation_diff(net)", "W := W + η · ΔW", "no hidden layer",
        ] {
            #expect(text.contains(phrase), "missing '\(phrase)'")
        }
        // Recompute the tutorial's update independently from the lesson: W = Θᵀ (bias row last),
        // error = t − o, delta = error ⊙ (1 − tanh² net)/2, W⁺ = W + η [x, 1]ᵀ ⊗ delta.
        let lesson = try LessonLibrary.load("15-steps")
        let theta = lesson.network.weights[0]
        let x = lesson.samples[0].x
        let t = lesson.samples[0].y
        let input = x + [1]
        var expected: [Double] = []
        var deltas: [Double] = []
        for unit in 0..<theta.rows {
            var net = theta[unit, 0]
            for j in 0..<x.count { net += theta[unit, j + 1] * x[j] }
            let output = (Foundation.tanh(net) + 1) / 2
            let slope = (1 - Foundation.tanh(net) * Foundation.tanh(net)) / 2
            deltas.append((t[unit] - output) * slope)
        }
        for (row, value) in input.enumerated() {
            for unit in 0..<theta.rows {
                let w = row < x.count ? theta[unit, row + 1] : theta[unit, 0]
                expected.append(w + lesson.learningRate * value * deltas[unit])
            }
        }
        let printed = try Self.printedNumbers(text, decimals: 6)
        let format = NumberFormat(decimals: 6)
        for value in deltas + expected {
            #expect(printed.contains(format.string(value)), "\(format.string(value)) (delta or updated W) is missing")
        }
    }
}
