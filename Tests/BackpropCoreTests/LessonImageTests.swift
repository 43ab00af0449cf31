import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

/// The optional `image` field: inputs that are the pixels of a width × height image.
@Suite("Lesson image field")
struct LessonImageTests {
    @Test("a lesson with an image decodes with its shape, and the trace records it")
    func decodes() throws {
        let lesson = try Lesson.decode(ImageLessonFixture.json, file: "plus.json")
        #expect(lesson.imageShape == Lesson.ImageShape(width: 3, height: 3))
        let trace = Tracer.trace(lesson)
        #expect(trace.lesson.image == Lesson.ImageShape(width: 3, height: 3))
        let decoded = try JSONDecoder().decode(Trace.self, from: Data(trace.jsonText.utf8))
        #expect(decoded.lesson.image == Lesson.ImageShape(width: 3, height: 3), "the trace JSON carries the shape")
    }

    @Test("a lesson without one has none, and its trace says nothing of images")
    func absent() throws {
        let lesson = try LessonFixtures.lesson("xor")
        #expect(lesson.imageShape == nil)
        #expect(!Tracer.trace(lesson).jsonText.contains("\"image\""))
    }

    @Test(
        "a wrong image names image, its place and the fix",
        arguments: [
            ("{\"width\": 4, \"height\": 3}", "image", "a 4 × 3 image has 12 pixels but the network has 9 inputs"),
            ("{\"width\": 3}", "image.height", "missing field \"height\""),
            ("{\"width\": 3, \"height\": 3, \"depth\": 1}", "image.depth", "unknown field \"depth\""),
            ("{\"width\": 0, \"height\": 3}", "image.width", "whole number from 1 to 9"),
            ("{\"width\": 1.5, \"height\": 6}", "image.width", "whole number"),
            ("[3, 3]", "image", "expected an object"),
        ])
    func invalid(image: String, path: String, fragment: String) throws {
        let text = ImageLessonFixture.json.replacingOccurrences(of: "{\"width\": 3, \"height\": 3}", with: image)
        let error = try #require(decodingError(text, file: "plus.json"))
        let description = error.description
        #expect(description.hasPrefix("plus.json:2:"), "\(description)")
        #expect(description.contains(": \(path): "), "\(description)")
        #expect(description.contains(fragment) && description.contains("; fix: "), "\(description)")
        #expect(description.contains("w × h = 9") || description.contains("from 1 to 9"), "\(description)")
    }
}
