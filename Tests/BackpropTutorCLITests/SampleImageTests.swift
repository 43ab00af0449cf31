import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

/// Step 3 and the demo draw the chosen sample of an image lesson; formats without a terminal
/// get their own plain versions.
@Suite("A sample's image")
struct SampleImageTests {
    static func withLesson(_ body: (String) throws -> Void) throws {
        let file = try TemporaryFile(contents: ImageLessonFixture.json, name: "plus.json")
        defer { file.remove() }
        try body(file.path)
    }

    /// The lines of `text` from the image's top edge to its bottom edge.
    static func picture(in text: String) -> [String] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let top = all.firstIndex(where: { $0.hasPrefix("┌") }),
            let bottom = all[top...].firstIndex(where: { $0.hasPrefix("└") })
        else { return [] }
        return Array(all[top...bottom])
    }

    @Test("step 3 draws the chosen sample, row by row, with the range its shades stand for")
    func stepThree() throws {
        try Self.withLesson { path in
            let first = BackpropTutor.execute(["step", "3", "--lesson", path])
            #expect(first.exitCode == 0, "\(first.standardError)")
            #expect(Self.picture(in: first.standardOutput) == ImageLessonFixture.plusPicture)
            let prose = first.standardOutput.replacingOccurrences(of: "\n", with: " ")
            #expect(prose.contains("Sample 1's input x as its 3 × 3 image, row by row (input 1 top left"))
            #expect(prose.contains("(none for 0.0000, full for 1.0000)"))
            let second = BackpropTutor.execute(["step", "3", "--lesson", path, "--sample", "2"])
            #expect(Self.picture(in: second.standardOutput) == ImageLessonFixture.crossPicture)
            // Lessons without an image show none.
            #expect(Self.picture(in: BackpropTutor.execute(["step", "3"]).standardOutput).isEmpty)
        }
    }

    @Test("Markdown gets the same picture in a code block; JSON the pixels; LaTeX grey boxes")
    func otherFormats() throws {
        try Self.withLesson { path in
            let markdown = BackpropTutor.execute(["step", "3", "--lesson", path, "--format", "markdown"]).standardOutput
            #expect(markdown.contains("```text\n" + ImageLessonFixture.plusPicture.joined(separator: "\n") + "\n```"))
            let json = BackpropTutor.execute(["step", "3", "--lesson", path, "--format", "json"]).standardOutput
            #expect(json.contains("\"kind\": \"image\"") || json.contains("\"kind\":\"image\""), "\(json.suffix(800))")
            let latex = BackpropTutor.execute(["step", "3", "--lesson", path, "--format", "latex"]).standardOutput
            // The plus: five black squares, the four corners left white.
            #expect(latex.components(separatedBy: "\\fill[black!100]").count - 1 == 5)
            #expect(latex.contains("\\fill[black!100] (1,0) rectangle ++(1,-1);"))
            #expect(!latex.contains("(0,0) rectangle ++(1,-1)"))
        }
    }

    @Test("shades: 0 → none, 1 → full, in between to the nearest of five; the range stretches to cover every pixel")
    func shades() {
        let image = SampleImage(width: 5, height: 1, pixels: [0, 0.25, 0.5, 0.75, 1])
        #expect((0..<5).map { image.shade(row: 0, column: $0, levels: 5) } == [0, 1, 2, 3, 4])
        let wide = SampleImage(width: 3, height: 1, pixels: [-2, 0, 2])
        #expect(wide.low == -2 && wide.high == 2)
        #expect((0..<3).map { wide.shade(row: 0, column: $0, levels: 5) } == [0, 2, 4])
        let odd = SampleImage(width: 1, height: 1, pixels: [.nan])
        #expect(odd.shade(row: 0, column: 0, levels: 5) == 0)
    }

    @Test("the demo's step 3 shows the picture too, whole on a 100 × 30 screen")
    func demo() throws {
        let lesson = try Lesson.decode(ImageLessonFixture.json, file: "plus.json")
        let narrator = Narrator(trace: Tracer.trace(lesson), notation: NotationName(rawValue: "ng"))
        let screen = DemoScreen(size: WindowSize(columns: 100, rows: 30), usesColor: false)
        let step = TextRenderer(width: screen.textWidth).revealed(narrator.section(.data))
        let frame = screen.frame(DemoState(step: 3), revealed: step, stepCount: 15, previousNumbers: nil)
        #expect(Self.picture(in: frame.joined(separator: "\n")) == ImageLessonFixture.plusPicture)
    }
}
