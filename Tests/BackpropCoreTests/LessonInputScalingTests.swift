import BackpropCore
import Testing

/// `"inputScaling"`: recorded, written back by `jsonText`, and checked like every field.
@Suite("Lesson input scaling")
struct LessonInputScalingTests {
    static func lesson(_ scaling: String) -> String {
        """
        {"title": "t", "layers": [2, 1], "activation": "sigmoid", "weights": [[[0, 1, 1]]],
         "inputScaling": \(scaling), "samples": [{"x": [0.5, 1], "y": [1]}]}
        """
    }

    @Test("a rule is read, not applied to the samples, and written back")
    func roundTrip() throws {
        let lesson = try Lesson.decode(
            Self.lesson(#"{"method": "min-max", "features": ["a", "b"], "offset": [1, -2], "scale": [4, 0.5]}"#),
            file: "l.json")
        let scaling = try #require(lesson.inputScaling)
        #expect(scaling == .init(method: .minMax, features: ["a", "b"], offset: [1, -2], scale: [4, 0.5]))
        #expect(scaling.scaled([3, -1]) == [0.5, 2])
        #expect(lesson.samples[0].x == [0.5, 1])
        #expect(try Lesson.decode(lesson.jsonText, file: "again.json") == lesson)
    }

    @Test(
        "wrong rules name the path and the fix",
        arguments: [
            (
                #"{"method": "min-max", "offset": [0, 0], "scale": [1, 0]}"#,
                "inputScaling.scale[1]: a scale must be above 0"
            ),
            (#"{"method": "minmax", "offset": [0, 0], "scale": [1, 1]}"#, "inputScaling.method: unknown value"),
            (#"{"method": "min-max", "offset": [0], "scale": [1, 1]}"#, "inputScaling.offset"),
            (#"{"method": "min-max", "offset": [0, 0]}"#, "inputScaling: needs \"method\", \"offset\" and \"scale\""),
            (
                #"{"method": "min-max", "offset": [0, 0], "scale": [1, 1], "mean": 0}"#,
                "inputScaling.mean: unknown field"
            ),
        ])
    func refused(_ scaling: String, _ fragment: String) {
        do {
            _ = try Lesson.decode(Self.lesson(scaling), file: "l.json")
            Issue.record("accepted \(scaling)")
        } catch {
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.description.contains("fix: "))
        }
    }
}
