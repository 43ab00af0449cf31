import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Elements of a parsed SVG: each start tag's name and attributes in order, and its texts.
final class SVGElements: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], depth: Int)] = []
    var texts: [(name: String, text: String)] = []
    private var depth = 0
    private var open: [(name: String, text: String)] = []

    /// Parses `text`; nil when it is not well-formed XML.
    static func parse(_ text: String) -> SVGElements? {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes, depth))
        depth += 1
        open.append((name, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !open.isEmpty { open[open.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if let last = open.popLast() { texts.append(last) }
    }

    /// Elements whose `class` is `name`.
    func withClass(_ name: String) -> [[String: String]] {
        elements.filter { $0.attributes["class"] == name }.map(\.attributes)
    }
}

/// DecisionMapSVG: well-formed, escaped, one mark per sample per panel, marks and cells where
/// the panel's stated scale puts them.
@Suite("Decision map SVG")
struct MapFigureTests {
    static func xorFigure(panels: Int) throws -> (DecisionMapSVG, Lesson) {
        var lesson = try LessonFixtures.lesson("xor")
        lesson.title = "XOR <&> \"quoted\""
        let ranges = DecisionMap.ranges(around: lesson.samples.map(\.x))
        let map = DecisionMap(network: lesson.network, x1Range: ranges.x1, x2Range: ranges.x2, columns: 30, rows: 30)
        let list = (0..<panels).map { DecisionMapSVG.Panel(caption: "epoch \($0)", map: map) }
        return (DecisionMapSVG(lesson: lesson, inputNames: ["x₁ <a>", "x₂"], panels: list), lesson)
    }

    @Test("the document and the bare element parse as XML, with a title, a desc, and one mark per sample per panel")
    func parsesWithMarks() throws {
        for panels in [1, 3] {
            let (figure, lesson) = try Self.xorFigure(panels: panels)
            let document = figure.document()
            #expect(document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
            let element = figure.element()
            #expect(element.hasPrefix("<svg "))
            #expect(!element.contains("<?xml"))
            let parsed = try #require(SVGElements.parse(document), "not well-formed")
            #expect(SVGElements.parse(element) != nil)
            #expect(parsed.elements.first?.name == "svg")
            // title and desc are the root's first children.
            #expect(parsed.elements.filter { $0.depth == 1 }.prefix(2).map(\.name) == ["title", "desc"])
            #expect(parsed.texts.first { $0.name == "title" }?.text == "What the network computes: XOR <&> \"quoted\"")
            #expect(document.contains("XOR &lt;&amp;&gt; &quot;quoted&quot;"))
            #expect(parsed.texts.contains { $0.name == "text" && $0.text == "x₁ <a>" })
            #expect(parsed.withClass("map-panel").count == panels)
            let marks = parsed.withClass("sample")
            #expect(marks.count == lesson.samples.count * panels)
            // A shape per class: class 0 (xor's 0 targets) circles, class 1 squares; the arcs of a circle.
            let classes = lesson.samples.map { Tracer.predictedClass($0.y) }
            #expect(marks.prefix(4).map { $0["data-class"] } == classes.map { "\($0)" })
            for mark in marks {
                let isCircle = mark["d"]?.contains("A") == true
                #expect(isCircle == (mark["data-class"] == "0"))
            }
        }
    }

    @Test("marks sit where the panel's data attributes put the samples; cells cover the square")
    func markPositions() throws {
        let (figure, lesson) = try Self.xorFigure(panels: 1)
        let parsed = try #require(SVGElements.parse(figure.document()))
        let panel = try #require(parsed.withClass("map-panel").first)
        func number(_ key: String) -> Double { Double(panel[key] ?? "") ?? .nan }
        let (left, top, size) = (number("data-left"), number("data-top"), number("data-size"))
        let x1 = number("data-x1-low")...number("data-x1-high")
        let x2 = number("data-x2-low")...number("data-x2-high")
        for (mark, sample) in zip(parsed.withClass("sample"), lesson.samples) {
            // The square's and the circle's paths start at a point whose centre we recover from the shape.
            let x = left + size * (sample.x[0] - x1.lowerBound) / (x1.upperBound - x1.lowerBound)
            let y = top + size * (1 - (sample.x[1] - x2.lowerBound) / (x2.upperBound - x2.lowerBound))
            let path = mark["d"] ?? ""
            let numbers = path.split(whereSeparator: { "MLAZ ,".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
            if path.contains("A") {
                // "M x−r,y A r,r 0 1,0 x+r,y …": the first point is r = 7 left of the centre.
                expectClose(numbers[0] + 7, x, absolute: 0.01)
                expectClose(numbers[1], y, absolute: 0.01)
            } else {
                expectClose((xs.min()! + xs.max()!) / 2, x, absolute: 0.01)
            }
        }
        // Each row of cells spans the square's width exactly.
        let rects = parsed.elements.filter {
            $0.name == "rect" && $0.attributes["fill"] != "none" && $0.attributes["class"] == nil
        }
        .map(\.attributes).dropFirst()  // the white background
        var widths: [String: Double] = [:]
        for rect in rects where rect["width"] != "26" {
            widths[rect["y"] ?? "", default: 0] += Double(rect["width"] ?? "") ?? 0
        }
        #expect(widths.count == 30)
        for (_, width) in widths { expectClose(width, size, absolute: 0.1) }
    }

    @Test("cell fills: white-ish at an output of 0.5, the class colour when sure, in 5 steps")
    func fills() throws {
        let (figure, _) = try Self.xorFigure(panels: 1)
        #expect(figure.fill((1, 0.5)) == figure.mix(DecisionMapSVG.colors[1], strength: 0))
        #expect(figure.fill((1, 1)) == figure.mix(DecisionMapSVG.colors[1], strength: 1))
        #expect(figure.fill((0, 0.0)) == figure.mix(DecisionMapSVG.colors[0], strength: 1))
        #expect(figure.fill((0, 0.45)) == figure.mix(DecisionMapSVG.colors[0], strength: 0.2))
        // 255 − (255 − c)·0.6 per channel: 0 → 102, 0x72 → 170.4, 0xb2 → 208.8.
        #expect(figure.mix("#0072b2", strength: 1) == "#66aad1")
        #expect(figure.mix("#000000", strength: 0) == "#f0f0f0")  // 255·0.94
    }
}
