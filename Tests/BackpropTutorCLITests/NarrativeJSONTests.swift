import BackpropCore
import BackpropTestSupport
import BackpropTutorCLI
import Foundation
import Testing

/// `step N --format json` and `lesson --format json`: the narrative as `backprop-tutor/narrative@1`,
/// read back with Foundation's parser.
@Suite("Narrative JSON")
struct NarrativeJSONTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let output = BackpropTutor.execute(arguments)
        #expect(output.exitCode == 0, "\(output.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
        return try #require(object as? [String: Any])
    }

    @Test("step 12 of the default lesson decodes: format, lesson, notation, one section of kinds")
    func step12() throws {
        let document = try json(["step", "12", "--format", "json"])
        #expect(document["format"] as? String == "backprop-tutor/narrative@1")
        #expect(document["lesson"] as? String == "A four-layer network in Ng's notation")
        #expect(document["notation"] as? String == "ng")
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.count == 1)
        #expect(sections[0]["step"] as? Int == 12)
        #expect(sections[0]["title"] as? String == "Backpropagation for one sample")
        let blocks = try #require(sections[0]["blocks"] as? [[String: Any]])
        let kinds = blocks.compactMap { $0["kind"] as? String }
        // The convention opens step 1 only (classroom review F2).
        #expect(kinds.first == "paragraph")
        #expect(!kinds.contains("convention"))
        #expect(kinds.contains("equation") && kinds.contains("paragraph") && kinds.contains("why"))
        let known: Set = ["paragraph", "equation", "why", "convention", "table", "bullets", "figure", "heading"]
        #expect(Set(kinds).isSubset(of: known))
        // Every equation has an lhs and lines with a relation, a role and an expression node.
        let equations = blocks.filter { $0["kind"] as? String == "equation" }
        #expect(equations.count >= 6)
        for equation in equations {
            #expect((equation["lhs"] as? [String: Any])?["node"] != nil)
            let lines = try #require(equation["lines"] as? [[String: Any]])
            for line in lines {
                #expect(["=", "≈", ":="].contains(line["relation"] as? String ?? ""))
                #expect(["symbolic", "substituted", "result"].contains(line["role"] as? String ?? ""))
                #expect((line["expression"] as? [String: Any])?["node"] != nil)
            }
        }
    }

    @Test("numbers are the trace's at full precision: δ⁽⁴⁾ of sample 1 is in step 12's result lines")
    func fullPrecision() throws {
        let trace = try LessonFixtures.trace("ng-lecture")
        let output = BackpropTutor.execute(["step", "12", "--format", "json"]).standardOutput
        let delta = try #require(trace.samples.first?.delta.last)
        for value in delta {
            #expect(output.contains("\"value\": \(value.description)"), "δ⁽⁴⁾ entry \(value)")
        }
    }

    @Test("lesson --format json holds all 15 steps in order and the preface")
    func wholeLesson() throws {
        let document = try json(["lesson", "--lesson", "mazur", "--notation", "mazur", "--format", "json"])
        #expect(document["notation"] as? String == "mazur")
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["step"] as? Int } == Array(1...15))
        #expect((document["preface"] as? [[String: Any]])?.isEmpty == false)
    }
}
