import BackpropCore
import Testing

/// Core keeps no list of notations: the caller passes the names its registry knows, and a
/// lesson naming another one gets a located error whose fix lists them.
@Suite("Lesson notation names")
struct LessonNotationTests {
    static func json(notation: String) -> String {
        """
        {"title": "t", "notation": "\(notation)", "layers": [1, 1], "activation": "sigmoid",
         "weights": [[[0.1, 0.2]]], "samples": [{"x": [1], "y": [1]}]}
        """
    }

    @Test("without a list, any name is stored as given")
    func anyName() throws {
        #expect(try Lesson.decode(Self.json(notation: "fancy"), file: "t.json").notation == "fancy")
    }

    @Test("with the caller's list, a name on it decodes and another is refused at its place")
    func callersList() throws {
        let names = ["ng", "mazur"]
        #expect(try Lesson.decode(Self.json(notation: "mazur"), file: "t.json", notations: names).notation == "mazur")
        do {
            _ = try Lesson.decode(Self.json(notation: "fancy"), file: "t.json", notations: names)
            Issue.record("an unknown notation was accepted")
        } catch {
            guard case .invalid(let file, let line, _, let path, let problem, let fix) = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(file == "t.json" && line == 1 && path == "notation")
            #expect(problem.contains("fancy"))
            #expect(fix.contains("\"ng\"") && fix.contains("\"mazur\""))
        }
    }

    @Test("a lesson that names no notation gets the default")
    func defaultName() throws {
        let json =
            #"{"title": "t", "activation": "sigmoid", "layers": [1, 1], "weights": [[[0.1, 0.2]]], "samples": [{"x": [1], "y": [1]}]}"#
        #expect(try Lesson.decode(json, file: "t.json").notation == Lesson.defaultNotation)
    }
}
