import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Prose numbers layers the notation's way (`Notation.layerName`): in Mazur's notation no
/// sentence, heading, caption or table says "layer 2"; his layers are i, h and o.
@Suite struct LayerNameTests {
    @Test(arguments: LessonFixtures.names)
    func mazurNamesLayersByTheirUnits(_ name: String) throws {
        let narrator = Fixtures.narrator(try LessonFixtures.lesson(name), notation: .mazur)
        // The steps, not the preface: the lesson's own summary may number layers as it likes.
        let text = Step.allCases.map { TextRenderer(width: 200).fragment(narrator.section($0)) }.joined()
        let numbered = text.split(separator: "\n").filter { line in
            line.contains(/[Ll]ayer [0-9]/)
        }
        #expect(numbered.isEmpty, "\(name): \(numbered.prefix(3))")
        #expect(text.contains("layer o") || text.contains("Layer o"))
    }

    @Test("the default names are Ng's numbers")
    func defaultNames() {
        let ng = NgNotation(layerSizes: [2, 3, 1])
        #expect(ng.layerName(2) == "layer 2")
        let mazur = MazurNotation(layerSizes: [2, 3, 1])
        #expect((1...3).map(mazur.layerName) == ["layer i", "layer h", "layer o"])
    }
}
