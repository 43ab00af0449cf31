import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Every printed equation is true: each substituted line (numbers and operations only) is
/// evaluated with `MathEvaluator` and compared with the line's result, for every step ×
/// notation × built-in lesson, review lesson and 60 seeded random lessons that cover every activation, both
/// losses, softmax, λ > 0, frozen biases, no hidden layer and five layers.
@Suite("Every printed equation is true")
struct EquationTruthTests {
    /// The relative tolerance: the numbers are the trace's at full precision, so only the
    /// order of floating-point operations differs.
    static let tolerance = 1e-9

    /// The counts one run checked, for the note and for a floor that proves the walk ran.
    struct Tally {
        var equations = 0
        var checked = 0
        var abbreviated = 0
        var failures: [String] = []
    }

    /// A random lesson; `seed` picks depth, sizes, activations, loss, λ and frozen biases, and
    /// the first few seeds pin the required shapes (no hidden layer, five layers, softmax, …).
    static func lesson(seed: UInt64) throws -> Lesson {
        var random = SplitMix64(seed: seed &+ 1000)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let hidden = Activation.allCases.filter(\.isElementwise)
        var depth = 2 + pick(4)
        if seed % 10 == 0 { depth = 2 }  // no hidden layer
        if seed % 10 == 1 { depth = 5 }  // five layers
        let sizes = (0..<depth).map { index in 1 + pick(index == depth - 1 ? 4 : 5) }
        var usesSoftmax = sizes[depth - 1] > 1 && pick(3) == 0
        if seed % 10 == 2 && sizes[depth - 1] > 1 { usesSoftmax = true }
        let loss: Loss = usesSoftmax || pick(2) == 0 ? .crossEntropy : .squaredError
        var activations = (0..<(depth - 2)).map { _ in hidden[pick(hidden.count)] }
        activations.append(
            usesSoftmax ? .softmax : (loss == .crossEntropy ? .sigmoid : hidden[pick(hidden.count)]))
        let m = 1 + pick(5)
        let samples = (0..<m).map { k -> String in
            let x = (0..<sizes[0]).map { _ in String(Double(pick(200)) / 100 - 1) }
            let classIndex = k % sizes[depth - 1]
            let y = (0..<sizes[depth - 1]).map { $0 == classIndex ? "1" : "0" }
            return "{\"x\": [\(x.joined(separator: ", "))], \"y\": [\(y.joined(separator: ", "))]}"
        }
        let lambda = seed % 10 == 3 ? "0.5" : (pick(2) == 0 ? "0" : "0.1")
        let frozen = seed % 10 == 4 || pick(4) == 0
        let json = """
            {"title": "truth \(seed)", "layers": [\(sizes.map(String.init).joined(separator: ", "))],
             "activation": [\(activations.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))],
             "loss": "\(loss.rawValue)", "init": {"method": "uniform", "epsilon": 0.7, "seed": \(seed)},
             "samples": [\(samples.joined(separator: ", "))], "learningRate": 0.3, "lambda": \(lambda),
             "updateBiases": \(!frozen), "epochs": 3}
            """
        return try Lesson.decode(json, file: "truth-\(seed).json")
    }

    /// Whether a tree holds an ellipsis (an abbreviated matrix cannot be evaluated).
    static func isAbbreviated(_ math: Math) -> Bool {
        if case .ellipsis = math { return true }
        return math.children.contains(where: isAbbreviated)
    }

    /// Checks every equation of every step of `trace` in every notation into `tally`.
    static func check(_ trace: Trace, name: String, into tally: inout Tally) {
        let evaluator = MathEvaluator()
        for notation in NotationName.allCases {
            let narrator = Narrator(trace: trace, notation: notation)
            for step in Step.allCases {
                for block in narrator.section(step).blocks {
                    guard case .equation(let equation) = block else { continue }
                    tally.equations += 1
                    let roles = equation.roles
                    guard roles.last == .result, let result = equation.steps.last?.expression else { continue }
                    for (index, role) in roles.enumerated() where role == .substituted {
                        let line = equation.steps[index]
                        let label = "\(name) step \(step.number) \(notation) line \(index + 1)"
                        if isAbbreviated(line.expression) || isAbbreviated(result) {
                            tally.abbreviated += 1
                            continue
                        }
                        do {
                            let computed = try evaluator.value(of: line.expression)
                            let expected = try evaluator.value(of: result)
                            tally.checked += 1
                            guard computed.rowCount == expected.rowCount, computed.columnCount == expected.columnCount
                            else {
                                tally.failures.append("\(label): shape \(computed.rows) ≠ \(expected.rows)")
                                continue
                            }
                            for (a, b) in zip(computed.entries, expected.entries)
                            where !isClose(a, b, relative: tolerance, absolute: 1e-12) {
                                tally.failures.append("\(label): \(a) ≠ \(b)")
                                break
                            }
                        } catch {
                            tally.failures.append("\(label): \(error)")
                        }
                    }
                }
            }
        }
    }

    @Test("built-in lessons: every substituted line gives its result", arguments: LessonFixtures.names)
    func builtIn(_ name: String) throws {
        var tally = Tally()
        Self.check(try LessonFixtures.trace(name), name: name, into: &tally)
        print(
            "equation truth, \(name): \(tally.checked) substituted lines of \(tally.equations) equations checked, \(tally.abbreviated) abbreviated"
        )
        #expect(tally.checked >= 40, "\(name): only \(tally.checked) lines checked of \(tally.equations) equations")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("review lessons (Tests/ReviewLessons): every substituted line gives its result", arguments: LessonFixtures.reviewNames)
    func review(_ name: String) throws {
        var tally = Tally()
        Self.check(Tracer.trace(try LessonFixtures.reviewLesson(name)), name: name, into: &tally)
        #expect(tally.checked >= 40, "\(name): only \(tally.checked) lines checked of \(tally.equations) equations")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("60 random lessons: every substituted line gives its result", arguments: Array(UInt64(0)..<6))
    func random(batch: UInt64) throws {
        var tally = Tally()
        for seed in (batch * 10)..<(batch * 10 + 10) {
            Self.check(Tracer.trace(try Self.lesson(seed: seed)), name: "seed \(seed)", into: &tally)
        }
        print(
            "equation truth, random batch \(batch): \(tally.checked) substituted lines of \(tally.equations) equations checked, \(tally.abbreviated) abbreviated"
        )
        #expect(tally.checked >= 200, "only \(tally.checked) lines checked")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(20).joined(separator: "\n"))")
    }
}
