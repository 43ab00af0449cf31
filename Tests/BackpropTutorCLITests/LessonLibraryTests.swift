import BackpropCore
import BackpropTutorCLI
import BackpropTestSupport
import Foundation
import Testing

@Suite("LessonLibrary")
struct LessonLibraryTests {
    @Test("the built-in lessons are exactly lessons/*.json, sorted, byte for byte")
    func builtInsMatchFiles() throws {
        let files = try Fixtures.lessonFileNames()
        #expect(!files.isEmpty)
        #expect(LessonLibrary.builtInNames == files)
        for name in files {
            let text = try String(
                contentsOf: Fixtures.lessonsDirectory.appendingPathComponent(name + ".json"), encoding: .utf8)
            #expect(LessonLibrary.builtInJSON(named: name) == text, "\(name)")
        }
        #expect(LessonLibrary.builtInNames.contains(LessonLibrary.defaultLessonName))
    }

    @Test("every built-in lesson loads and passes its gradient check", arguments: LessonFixtures.names)
    func gradientCheck(_ name: String) throws {
        let lesson = try LessonLibrary.load(name)
        let trace = Tracer.trace(lesson)
        let bar = name.hasPrefix("ng-") ? 1e-9 : 1e-7
        let check = try #require(trace.gradientCheck)
        #expect(check.relativeDifference < bar, "\(name): \(check.relativeDifference)")
        #expect(check.relativeDifference <= GradientCheck.passingBar)
        #expect(check.checkedParameters == lesson.network.parameterCount)
        let numerical = try #require(trace.numericalGradient)
        #expect(numerical.map(\.values).joined().contains { $0 != 0 })
    }

    @Test("no reference means the default lesson")
    func defaultLesson() throws {
        #expect(try LessonLibrary.load(nil) == LessonLibrary.load(LessonLibrary.defaultLessonName))
    }

    @Test("a path loads the file; an unknown name lists the built-in lessons")
    func pathsAndUnknownNames() throws {
        let path = Fixtures.lessonsDirectory.appendingPathComponent("mazur.json").path
        #expect(try LessonLibrary.load(path) == LessonLibrary.load("mazur"))
        do {
            _ = try LessonLibrary.load("no-such-lesson")
            Issue.record("an unknown lesson loaded")
        } catch {
            #expect(error == .unknownLesson(name: "no-such-lesson", available: LessonLibrary.builtInNames))
            for name in LessonLibrary.builtInNames { #expect(error.description.contains(name)) }
        }
    }
}
