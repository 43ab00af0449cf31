import BackpropTestSupport
import BackpropTutorCLI
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// `export --format markdown -o FILE.md` of a network too large for Mermaid writes the figure as
/// SVG beside it (review N12); small networks and printed Markdown keep Mermaid.
@Suite("Markdown figure file")
struct MarkdownFigureFileTests {
    /// A fresh temporary directory for `body`, removed afterwards.
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-figure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Reads an SVG with Foundation's XML parser: the `data-unit` of every unit group and the
    /// number of circles inside unit groups.
    final class UnitCounter: NSObject, XMLParserDelegate {
        var units: [String] = []
        var unitCircles = 0
        var depthInUnit = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if depthInUnit > 0 {
                depthInUnit += 1
                if name == "circle" { unitCircles += 1 }
            } else if name == "g", attributes["class"] == "unit" {
                units.append(attributes["data-unit"] ?? "?")
                depthInUnit = 1
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depthInUnit > 0 { depthInUnit -= 1 }
        }
    }

    @Test("wide-4-6-5-3 to w.md writes w.figure.svg beside it, linked, one circle per unit")
    func wideNetwork() throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("w.md").path
            let lesson = LessonFixtures.reviewURL("wide-4-6-5-3").path
            let output = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown", "-o", file])
            #expect(output.exitCode == 0, "\(output.standardError)")
            #expect(try files(in: directory) == ["w.figure.svg", "w.md"])
            let markdown = try String(contentsOfFile: file, encoding: .utf8)
            #expect(markdown.contains("![The network: 4-6-5-3 units, input first](w.figure.svg)"))
            #expect(!markdown.contains("```mermaid"))
            let svg = try Data(contentsOf: directory.appendingPathComponent("w.figure.svg"))
            let parser = XMLParser(data: svg)
            let counter = UnitCounter()
            parser.delegate = counter
            #expect(parser.parse(), "the SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            let expected = [4, 6, 5, 3].enumerated().flatMap { l, count in (0..<count).map { "\(l)-\($0)" } }
            #expect(counter.units == expected)
            #expect(counter.unitCircles == expected.count)
        }
    }

    @Test("printed, a large network keeps Mermaid and says how to get the SVG")
    func printed() {
        let lesson = LessonFixtures.reviewURL("wide-4-6-5-3").path
        let output = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown"])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("```mermaid"))
        #expect(output.standardOutput.contains("<!-- This network is too large for Mermaid"))
    }

    @Test("small networks keep Mermaid and write no figure file", arguments: ["ng-lecture", "xor", "mazur"])
    func smallNetwork(lesson: String) throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("\(lesson).md").path
            let output = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown", "-o", file])
            #expect(output.exitCode == 0, "\(output.standardError)")
            #expect(try files(in: directory) == ["\(lesson).md"])
            let markdown = try String(contentsOfFile: file, encoding: .utf8)
            #expect(markdown.contains("```mermaid") && !markdown.contains(".svg"))
        }
    }

    @Test("an existing figure file stops the export before anything is written, unless --force")
    func existingFigure() throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("w.md").path
            let figure = directory.appendingPathComponent("w.figure.svg")
            try Data("keep me".utf8).write(to: figure)
            let lesson = LessonFixtures.reviewURL("wide-4-6-5-3").path
            let refused = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown", "-o", file])
            #expect(refused.exitCode == 1)
            #expect(refused.standardError.contains("w.figure.svg") && refused.standardError.contains("--force"))
            #expect(try files(in: directory) == ["w.figure.svg"], "no Markdown without its figure")
            #expect(try String(contentsOf: figure, encoding: .utf8) == "keep me")
            let forced = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown", "-o", file, "--force"])
            #expect(forced.exitCode == 0, "\(forced.standardError)")
            #expect(try String(contentsOf: figure, encoding: .utf8).contains("<svg"))
        }
    }
}
