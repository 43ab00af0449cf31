import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// `--variant K`: each student's own starting weights (issue 21's worksheets).
@Suite struct LessonVariantTests {
    static let lessons = ["mazur", "xor", "ng-lecture"]

    @Test("variant 0 is the lesson as written", arguments: lessons)
    func zeroIsTheLesson(name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        #expect(lesson.variant(0) == lesson)
    }

    @Test("a variant keeps the network, data and settings, and draws weights of 2 decimals", arguments: lessons)
    func sameLessonOtherWeights(name: String) throws {
        let lesson = try LessonFixtures.lesson(name)
        let copy = lesson.variant(7)
        #expect(copy.network.layerSizes == lesson.network.layerSizes)
        #expect(copy.network.activations == lesson.network.activations)
        #expect(copy.samples == lesson.samples)
        #expect(copy.learningRate == lesson.learningRate && copy.lambda == lesson.lambda)
        #expect(copy.variant == 7 && copy.title.contains("variant 7"))
        #expect(copy.network.weights != lesson.network.weights)
        for (drawn, original) in zip(copy.network.weights, lesson.network.weights) {
            #expect(drawn.rows == original.rows && drawn.columns == original.columns)
            let radius = max(0.1, original.values.map(abs).max() ?? 0)
            for (value, given) in zip(drawn.values, original.values) {
                // Two decimals: 100·w is whole (to rounding of the decimal literal).
                #expect(abs(value * 100 - (value * 100).rounded()) < 1e-9, "\(name): \(value)")
                if given == 0 { #expect(value == 0) } else { #expect(value != 0) }
                #expect(abs(value) <= radius + 0.005, "\(name): \(value) outside ±\(radius)")
            }
        }
    }

    @Test("the same K gives the same weights; other Ks give others")
    func seeded() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        #expect(lesson.variant(3) == lesson.variant(3))
        let drawn = Set((1...20).map { lesson.variant($0).network.weights.flatMap(\.values) })
        #expect(drawn.count == 20)
    }

    @Test("a variant's summary warns that the weights it quotes are the original ones")
    func summaryConditioned() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        let summary = try #require(lesson.variant(2).summary)
        #expect(summary.contains("Variant 2") && summary.contains("lesson as written"))
    }
}
