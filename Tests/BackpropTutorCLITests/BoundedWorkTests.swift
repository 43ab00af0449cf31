import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// Work the commands do on the largest lessons the limits allow (issue 25, F4): step 15's
/// short run is cut to a work budget and says so, and a command silent for a second says on
/// a terminal's standard error that it is working.
@Suite("bounded work")
struct BoundedWorkTests {
    static func lesson(layers: [Int], samples: Int, epochs: Int) -> Lesson {
        let network = Network(
            layerSizes: layers, activations: Array(repeating: .sigmoid, count: layers.count - 1), loss: .crossEntropy,
            weights: zip(layers.dropFirst(), layers).map { Matrix(rows: $0, columns: $1 + 1, repeating: 0.1) })
        let sample = Lesson.Sample(x: Array(repeating: 0, count: layers[0]), y: Array(repeating: 1, count: layers.last!))
        var lesson = Lesson(
            title: "big", network: network, samples: Array(repeating: sample, count: samples), learningRate: 0.5)
        lesson.epochs = epochs
        return lesson
    }

    @Test(
        "F4: the short run of the largest lessons stays within the budget (the review's: 217 s and 61 h)",
        arguments: [
            ([2, 2, 1], 20_000, 100_000, 956), ([2, 1024, 190, 1], 20_000, 100_000, 1),
            ([2, 1024, 190, 1], 1, 100_000, 1261), ([2, 1024, 190, 1], 20_000, 20, 1),
        ])
    func budget(_ layers: [Int], _ samples: Int, _ epochs: Int, _ expected: Int) {
        let lesson = Self.lesson(layers: layers, samples: samples, epochs: epochs)
        #expect(Tracer.shortRunEpochs(lesson) == expected)
    }

    @Test("every built-in lesson runs all its epochs", arguments: LessonFixtures.allNames)
    func builtInUncut(_ name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        #expect(Tracer.shortRunEpochs(lesson) == lesson.epochs)
    }

    @Test("F4: a cut run: step 15 says how many of the lesson's epochs it ran, the JSON trace records both")
    func cutRunIsTold() throws {
        var lesson = try LessonLibrary.load("xor")
        lesson.epochs = 100_000
        let trace = Tracer.$shortRunWorkBudgetOverride.withValue(16 * 209 * 300) {
            Tracer.trace(lesson, options: TraceOptions(samples: .first(1), includesGradientCheck: false))
        }
        let training = try #require(trace.training)
        #expect(training.epochs == 300)
        #expect(training.costs.count == 301)
        #expect(training.requestedEpochs == 100_000)
        #expect(trace.jsonText.contains("\"requestedEpochs\": 100000"))
        let text = TextRenderer(decimals: 4, usesColor: false).render(
            Narrator(trace: trace, notation: NotationName(rawValue: "ng")).narrative(steps: [.gradientDescent]))
        let paragraph = text.split(separator: "\n\n").first { $0.contains("Repeating the step") }
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") } ?? ""
        #expect(paragraph.contains("the lesson asks for 100000 epochs"), "\(paragraph)")
        #expect(paragraph.contains("stops after 300"), "\(paragraph)")
    }

    @Test(
        "F4: a command silent for a second says on a terminal's standard error that it works, then erases the line")
    func workIndicator() throws {
        let binary = try #require(BinaryTests.binary)
        var lesson = try String(contentsOf: Fixtures.lessonsDirectory.appendingPathComponent("xor.json"), encoding: .utf8)
        // The most epochs a lesson may ask (about 2.4 s of work in a debug build), so the command is
        // silent for more than the indicator's second however fast the machine.
        lesson = lesson.replacingOccurrences(of: "\"epochs\": 2000", with: "\"epochs\": 100000")
        let file = try TemporaryFile(contents: lesson)
        defer { file.remove() }
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        let null = try #require(FileHandle(forWritingAtPath: "/dev/null"))
        try terminal.start(binary, ["step", "15", "--lesson", file.path], standardOutput: null)
        #expect(terminal.wait(for: "backprop-tutor: working… 1 s (Ctrl-C stops)", after: 0, timeout: 30))
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0, "\(terminal.text())")
        #expect(terminal.text().hasSuffix("\r\u{1B}[K"), "\(terminal.text().debugDescription)")
    }
}
