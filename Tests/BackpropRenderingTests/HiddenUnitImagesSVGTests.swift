import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// HiddenUnitImagesSVG: one image per hidden unit with the image's pixel count, ex4's greys.
@Suite("Hidden-unit images SVG")
struct HiddenUnitImagesSVGTests {
    @Test("hidden-unit images: one per hidden unit, width × height pixels each, greys scaled per unit as ex4")
    func hiddenImages() throws {
        // A 3 × 2 image, two hidden units with weights worked out by hand.
        let weights = Matrix([
            [9, -2, -1, 0, 1, 2, 0.5],  // bias 9 is left out; largest |w| = 2
            [0, 0, 0, 0, 0, 0, 0],  // all zero: mid grey
        ])
        let figure = HiddenUnitImagesSVG(
            title: "Digits & <weights>", shape: .init(width: 3, height: 2), weights: weights)
        let parsed = try #require(SVGElements.parse(figure.document()))
        #expect(SVGElements.parse(figure.element()) != nil)
        #expect(!figure.element().contains("<?xml"))
        #expect(parsed.texts.first { $0.name == "title" }?.text == "Digits & <weights>")
        #expect(parsed.elements.filter { $0.depth == 1 }.prefix(2).map(\.name) == ["title", "desc"])
        let units = parsed.withClass("hidden-unit")
        #expect(units.count == 2)
        #expect(units.map { $0["data-scale"] } == ["2", "0"])
        let pixels = parsed.withClass("pixel")
        #expect(pixels.count == 2 * 6)
        // −2 → black, −1 → 63, 0 → 127, 1 → 191, 2 → white, 0.5 → 159; row by row.
        #expect(
            pixels.prefix(6).map { $0["fill"] } == ["#000000", "#3f3f3f", "#7f7f7f", "#bfbfbf", "#ffffff", "#9f9f9f"])
        #expect(pixels.suffix(6).allSatisfy { $0["fill"] == "#808080" })
        // Pixel (row 1, column 0) is below pixel (row 0, column 0).
        #expect(pixels[3]["x"] == pixels[0]["x"])
        #expect(Double(pixels[3]["y"] ?? "")! > Double(pixels[0]["y"] ?? "")!)
    }

    @Test("digits: 25 images of 8 × 8 pixels")
    func digitsImages() throws {
        let lesson = try LessonFixtures.lesson("digits")
        let shape = try #require(lesson.imageShape)
        let figure = HiddenUnitImagesSVG(lessonTitle: lesson.title, shape: shape, network: lesson.network)
        let parsed = try #require(SVGElements.parse(figure.document()))
        #expect(parsed.withClass("hidden-unit").count == 25)
        #expect(parsed.withClass("pixel").count == 25 * 64)
    }
}
