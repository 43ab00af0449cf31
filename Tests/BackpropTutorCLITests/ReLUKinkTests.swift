import BackpropCore
import BackpropTutorCLI
import BackpropTestSupport
import Foundation
import Testing

/// A ReLU unit at z = 0 (the review's relu-dead lesson): the central difference straddles the
/// kink, so the check leaves the weights that move that unit's z across 0 out of its verdict,
/// names them and passes, where it used to report "backprop and the cost disagree" with exit 1.
@Suite("ReLU kinks in the gradient check")
struct ReLUKinkTests {
    static let json = """
        {"title": "relu at z = 0", "layers": [2, 3, 1], "activation": ["relu", "sigmoid"],
         "weights": [[[0.1, 0.5, 0.25], [-0.5, 0.1, 0.1], [-0.5, 0.5, 0.0]], [[0.2, 0.7, -0.6, 0.4]]],
         "samples": [{"x": [1.0, 0.0], "y": [1]}]}
        """

    @Test("the trace lists the straddling weights (bias and x₁ into unit 3, not x₂ = 0) and leaves them out")
    func trace() throws {
        let trace = Tracer.trace(try Lesson.decode(Self.json, file: "kink.json"))
        let check = try #require(trace.gradientCheck)
        #expect(
            check.kinkEntries
                == [.init(layer: 0, row: 2, column: 0), .init(layer: 0, row: 2, column: 1)])
        #expect(check.relativeDifference < GradientCheck.passingBar)
    }

    @Test("check exits 0 and names the left-out weights; step 14 explains the corner")
    func command() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kink-\(UUID().uuidString).json").path
        try Self.json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = BackpropTutor.execute(["check", "--lesson", path])
        #expect(check.exitCode == 0, "\(check.standardError)")
        let checkText = check.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(checkText.contains("left out (a ReLU kink"))
        #expect(checkText.contains("Θ⁽¹⁾₃₀ (+1 → z⁽²⁾₃), Θ⁽¹⁾₃₁ (a⁽¹⁾₁ → z⁽²⁾₃)"), "\(check.standardOutput)")
        let step = BackpropTutor.execute(["step", "14", "--lesson", path])
        let text = step.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("moves a ReLU unit's weighted input across 0"))
        #expect(!text.contains("backprop and the cost disagree"))
    }

    @Test("no ReLU, no kinks: every built-in lesson's check leaves nothing out")
    func noKinks() throws {
        for name in LessonFixtures.names {
            let trace = Tracer.trace(try LessonLibrary.load(name))
            #expect(trace.gradientCheck?.kinkEntries == nil, "\(name)")
        }
    }
}
