import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// The class data sets outside the per-lesson loops (`LessonFixtures.largeDataSets`): the
/// steps a class looks at still print quickly and within 80 columns.
@Suite("Data set lessons")
struct DataSetLessonTests {
    @Test("digits: steps 1, 3, 6 and 12 print within 80 columns", arguments: [1, 3, 6, 12])
    func digitsSteps(_ step: Int) {
        let output = BackpropTutor.execute(["step", "\(step)", "--lesson", "digits"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        for line in lines(output.standardOutput) {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test("digits: the lesson decodes its integer pixels to inputs in [0, 1] and its image is 8 × 8")
    func digitsInputs() throws {
        let lesson = try LessonLibrary.load("digits")
        let text = try #require(LessonLibrary.builtInJSON(named: "digits"))
        #expect(text.contains("\"inputDivisor\": 16"))
        #expect(lesson.imageShape == .init(width: 8, height: 8))
        let values = Set(lesson.samples.flatMap(\.x))
        #expect(values.allSatisfy { ($0 * 16).rounded() == $0 * 16 && (0...1).contains($0) })
        #expect(lesson.isClassification && lesson.classNames == (0...9).map(String.init))
    }
}
