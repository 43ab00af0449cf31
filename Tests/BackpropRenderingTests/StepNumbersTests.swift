import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Every decimal number printed in a step must be a trace value, printed the way it appears.
///
/// A fixed-point number with k decimals must be some trace value rounded to k decimals, at the
/// document's precision or any other (the narrator's 12-decimal costs, the round-trip learning
/// rate); a scientific number must be some trace value at its significant digits. Negated
/// values are accepted only in Tulleken's notation, whose delta is −δ. Whole numbers (indices,
/// counts) and literal powers such as 1e-9 are not values and are not checked.
@Suite("Numbers in the steps come from the trace")
struct StepNumbersTests {
    /// The trace's values, and lookups of their printed forms (cached per style, so a class).
    final class TraceValues {
        let values: [Double]
        let includesNegations: Bool
        private var printedForms: [String: Set<String>] = [:]

        /// Every number in the trace's JSON, negated as well when `includingNegations`.
        init(_ trace: Trace, includingNegations: Bool) throws {
            let json = trace.jsonText
            let pattern = try NSRegularExpression(pattern: #"-?\d+(\.\d+)?([eE][-+]?\d+)?"#)
            values = pattern.matches(in: json, range: NSRange(json.startIndex..., in: json)).compactMap { match in
                Range(match.range, in: json).flatMap { Double(json[$0]) }
            }
            includesNegations = includingNegations
        }

        /// Whether `printed` (with `-` for minus) is one of the values in that style.
        func contains(_ printed: String) -> Bool {
            let style: String
            let format: (Double) -> String
            if let exponent = printed.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                let significant = printed[..<exponent].filter(\.isNumber).count
                style = "e\(significant)"
                format = { NumberFormat().string($0, style: .scientific(significant)) }
            } else {
                let decimals = printed.split(separator: ".").last?.count ?? 0
                style = "f\(decimals)"
                format = { NumberFormat().string($0, style: .fixed(decimals)) }
            }
            if printedForms[style] == nil {
                let values = includesNegations ? values + values.map { -$0 } : values
                printedForms[style] = Set(values.map(format))
            }
            return printedForms[style]?.contains(printed) == true
        }
    }

    /// The decimal numbers in rendered text with exactly `decimals` decimals (`−` read as `-`),
    /// in order; nil `decimals` takes every decimal number, fixed or scientific.
    static func printedNumbers(_ text: String, decimals: Int? = nil) throws -> [String] {
        let fraction = decimals.map { #"\d{\#($0)}(?![\d.eE])"# } ?? #"\d+(?:e[-+]\d+)?(?![\d.])"#
        let pattern = try NSRegularExpression(pattern: #"(?<![\d.])[−-]?\d+\."# + fraction)
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]).replacingOccurrences(of: "−", with: "-") }
        }
    }

    @Test("step 12 of the default lesson prints δ⁽⁴⁾, δ⁽³⁾, δ⁽²⁾ and only trace values", arguments: [2, 4, 6])
    func defaultLessonStep12(decimals: Int) throws {
        let lesson = try LessonFixtures.lesson("ng-lecture")
        let narrator = Fixtures.narrator(lesson, decimals: decimals)
        let text = Fixtures.step(.backpropagation, of: narrator, format: .text)
        for symbol in ["δ⁽⁴⁾", "δ⁽³⁾", "δ⁽²⁾", "∇⁽³⁾", "∇⁽²⁾", "∇⁽¹⁾"] {
            #expect(text.contains(symbol), "step 12 does not show \(symbol)")
        }
        let trace = narrator.trace
        let allowed = try TraceValues(trace, includingNegations: false)
        // Every form: values too small for `decimals` print in scientific form, never as 0.
        let printed = try Self.printedNumbers(text)
        #expect(printed.count > 40, "too few numbers parsed: \(printed.count)")
        for number in try Self.printedNumbers(text) {
            #expect(allowed.contains(number), "\(number) in step 12 is not a trace value as printed")
        }
        // And the backward pass's own numbers are all there.
        let format = NumberFormat(decimals: decimals)
        let sample = trace.samples[0]
        // Each as its vector or matrix prints it: one style for the whole unit.
        for delta in sample.delta {
            let unit = format.style(for: delta)
            for value in delta {
                let text = format.string(value, style: unit)
                #expect(printed.contains(text), "δ entry \(text) is missing")
            }
        }
        for gradient in sample.gradient {
            let unit = format.style(for: gradient.values)
            for value in gradient.values {
                let text = format.string(value, style: unit)
                #expect(printed.contains(text), "gradient entry \(text) is missing")
            }
        }
    }

    @Test(
        "every step of every lesson in every notation prints only trace values",
        arguments: LessonFixtures.names)
    func everyStepOnlyTraceValues(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        for notation in NotationName.allCases {
            let allowed = try TraceValues(trace, includingNegations: notation == .tulleken)
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                let text = TextRenderer(decimals: 4).render(narrator.section(step))
                for number in try Self.printedNumbers(text) {
                    #expect(
                        allowed.contains(number),
                        "\(lesson) step \(step.number) (\(notation)): \(number) is not a trace value as printed")
                }
            }
        }
    }

    @Test("the number scanner reads every style the renderers print, and nothing else")
    func scanner() throws {
        let text = "a = 0.5933, −0.0123 and -1.25; 2.4669e-11 · 1e-9 (Θ⁽²⁾₁₀, 15 steps) 0.082167041 v1.2.3"
        #expect(
            try Self.printedNumbers(text) == ["0.5933", "-0.0123", "-1.25", "2.4669e-11", "0.082167041"])
        #expect(try Self.printedNumbers(text, decimals: 4) == ["0.5933", "-0.0123"])
        let values = try TraceValues(try LessonFixtures.trace("mazur"), includingNegations: false)
        #expect(values.contains("0.593269992"))
        #expect(!values.contains("0.593269993"))
        #expect(!values.contains("-0.593269992"))
    }

    @Test("the 15 Steps lesson's step 12 in tulleken notation is the tutorial's step 12 with numbers")
    func tullekenStep12() throws {
        let lesson = try LessonFixtures.lesson("15-steps")
        let text = Fixtures.step(
            .backpropagation, of: Fixtures.narrator(lesson, notation: .tulleken, decimals: 6), format: .text)
        for phrase in [
            "error_vector", "target − output", "delta", "activation_diff(net)", "W := W + η · ΔW", "no hidden layer",
        ] {
            #expect(text.contains(phrase), "missing '\(phrase)'")
        }
        // Recompute the tutorial's update independently from the lesson: W = Θᵀ (bias row last),
        // error = t − o, delta = error ⊙ (1 − tanh² net)/2, W⁺ = W + η [x, 1]ᵀ ⊗ delta.
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
