import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// The network where the equations are (issue 23, N6): steps 6 and 9–13 show the network,
/// beside the equations or on a frame of its own; the figure beside them never runs into the
/// equations; the figure's weights carry their names, each beside its own value.
@Suite("Beamer step figures", .serialized)
struct StepFigureTests {
    /// The steps that show the network, and the layers each highlights (none: no figure).
    static let figureSteps = [6, 9, 10, 11, 12, 13]

    /// Each `\section` of a deck by its step number, with the LaTeX up to the next section.
    static func sections(_ tex: String) -> [Int: String] {
        var result: [Int: String] = [:]
        for part in tex.components(separatedBy: "\\section{Step ").dropFirst() {
            if let step = Int(part.prefix { $0.isNumber }) { result[step] = part }
        }
        return result
    }

    @Test(
        "in every built-in lesson × notation × aspect, steps 6 and 9–13 each show the network, beside the equations or on a frame of its own",
        arguments: LessonFixtures.names)
    func everyStepShowsTheNetwork(lesson: String) throws {
        let trace = try LessonFixtures.trace(lesson)
        let layers = trace.weights.count + 1
        for notation in NotationName.allCases {
            let narrative = Narrator(trace: trace, notation: notation).narrative()
            for aspect in BeamerAspect.allCases {
                let sections = Self.sections(BeamerRenderer(aspect: aspect).document(narrative))
                for step in Self.figureSteps {
                    // Step 11 passes the error back to hidden layers: a network without one has none.
                    if step == 11 && layers < 3 { continue }
                    let section = try #require(sections[step], "\(lesson) \(notation) \(aspect.rawValue): no step \(step)")
                    let showsNetwork = section.contains("\\begin{tikzpicture}")
                    #expect(
                        showsNetwork,
                        "\(lesson) \(notation) \(aspect.rawValue): step \(step) shows no network")
                }
            }
        }
    }

    /// A deck compiled and read back: its source and its pages' words.
    static func compiled(_ arguments: [String]) throws -> (tex: String, pages: [PDFLayoutCheck.Page]) {
        guard LaTeXCompileTests.requirePDFLaTeX() else { throw CancellationError() }
        let tex = LaTeXCompileTests.export(arguments)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-stepfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(tex.utf8).write(to: folder.appendingPathComponent("doc.tex"))
        _ = LaTeXCompileTests.run(
            "pdflatex", ["-interaction=nonstopmode", "-no-shell-escape", "doc.tex"], in: folder, timeout: 120)
        _ = LaTeXCompileTests.run("pdftotext", ["-bbox", "doc.pdf", "doc.html"], in: folder, timeout: 60)
        let data = try Data(contentsOf: folder.appendingPathComponent("doc.html"))
        return (tex, PDFLayoutCheck.pages(html: String(decoding: data, as: UTF8.self)))
    }

    /// The frame number a page shows in its footline ("12 / 58"), if any.
    static func frameNumber(_ page: PDFLayoutCheck.Page) -> Int? {
        let words = page.words
        guard words.count >= 3, words[words.count - 2].text == "/" else { return nil }
        return Int(words[words.count - 3].text)
    }

    /// beamer's side margins (1 cm), in pt.
    static let margin = 28.35

    @Test(
        "beside the equations of steps 6 and 9–13, the figure and the equations do not overlap in the PDF, and the figure shows the highlighted layers' values",
        arguments: [
            ["--lesson", "mazur", "--notation", "mazur", "--aspect", "4:3"],
            ["--lesson", "ng-lecture", "--notation", "ng", "--aspect", "16:9"],
        ])
    func figureBesideEquations(arguments: [String]) throws {
        let (tex, pages) = try Self.compiled(["--format", "beamer"] + arguments)
        let trace = try LessonFixtures.trace(arguments[1])
        let frames = tex.components(separatedBy: "\\begin{frame}").dropFirst().map { $0.components(separatedBy: "\\end{frame}")[0] }
        var checked = 0
        var valued = 0
        for (index, frame) in frames.enumerated() {
            guard frame.contains("totalwidth="), let title = frame.components(separatedBy: "\\frametitle{").dropFirst().first,
                let step = Int(title.dropFirst("Step ".count).prefix { $0.isNumber }), Self.figureSteps.contains(step)
            else { continue }
            // The figure's column: its share of the text width, as the LaTeX asks for it.
            let shares = frame.components(separatedBy: "\\begin{column}{").dropFirst().compactMap { Double($0.prefix { $0 != "\\" }) }
            let figureShare = try #require(shares.last)
            for page in pages where Self.frameNumber(page) == index + 1 {
                let text = page.width - 2 * Self.margin
                // The column boundary: the figure's column starts at its share's distance from the right margin.
                let boundary = page.width - Self.margin - figureShare * text
                let body = page.words.filter { $0.minY > 30 && $0.maxY < page.height - 12 }
                let figure = body.filter { $0.minX >= boundary - 0.5 }
                let equations = body.filter { $0.minX < boundary - 0.5 }
                #expect(!figure.isEmpty, "\(arguments) frame \(index + 1): nothing right of \(boundary) pt")
                for word in equations where word.maxX > boundary {
                    Issue.record("\(arguments) frame \(index + 1): '\(word.text)' runs into the figure (\(word.maxX) > \(boundary))")
                }
                // Every box of the figure against every box of the equations.
                for a in figure {
                    for b in equations where a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY {
                        Issue.record("\(arguments) frame \(index + 1): '\(a.text)' overlaps '\(b.text)'")
                    }
                }
                if frame.contains("(black)") {
                    // The highlighted layers' activations, from the trace, under their units.
                    let active = try #require(BeamerRenderer.activeLayers(step: step, layerCount: trace.weights.count + 1))
                    let shown = Set(figure.map(\.text))
                    for l in active {
                        for a in trace.samples[0].a[l] {
                            let value = NumberFormat(decimals: 4).string(a)
                            #expect(shown.contains(value), "\(arguments) frame \(index + 1): \(value) not in the figure")
                        }
                    }
                    valued += 1
                }
                checked += 1
            }
        }
        #expect(checked > 0, "\(arguments): no frame has the figure beside its equations")
        _ = valued
    }

    /// Mazur's numbering of his 2-2-2 network's weights (his post's figure): w1…w4 into the
    /// hidden layer, w5…w8 into the output layer, counted by target unit and then by source
    /// unit; weight n is `weights[l][i][j]` of the lesson file (Ng's shape, column 0 = bias).
    static func mazurWeights() throws -> [Int: Double] {
        let data = try Data(contentsOf: LessonFixtures.url("mazur"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let weights = try #require(json["weights"] as? [[[Double]]])
        var result: [Int: Double] = [:]
        var number = 1
        for matrix in weights {
            for row in matrix {
                for value in row.dropFirst() {
                    result[number] = value
                    number += 1
                }
            }
        }
        return result
    }

    @Test("Mazur's overview figure names each weight above its own value, w1 = 0.15 … w8 = 0.55, as in mazur.json")
    func weightNamesBesideTheirValues() throws {
        let (_, pages) = try Self.compiled(["--format", "beamer", "--lesson", "mazur", "--notation", "mazur", "--aspect", "4:3"])
        let expected = try Self.mazurWeights()
        #expect(expected[5] == 0.40 && expected[1] == 0.15)
        // The overview's figure: the first page with w and its subscript 5.
        let page = try #require(
            pages.first { page in
                page.words.indices.dropLast().contains { page.words[$0].text == "w" && page.words[$0 + 1].text == "5" }
            }, "no page names w5")
        for (number, value) in expected.sorted(by: { $0.key < $1.key }) {
            let words = page.words
            let name = try #require(
                words.indices.dropLast().first { words[$0].text == "w" && words[$0 + 1].text == String(number) },
                "w\(number) is not on the figure")
            let (w, script) = (words[name], words[name + 1])
            let centre = (w.minX + script.maxX) / 2
            // The value set under the name: the nearest number below it, centred on it.
            let below = words.filter { PDFLayoutCheck.isNumber($0.text) && $0.minY >= w.maxY - 1 && $0.minY < w.maxY + 10 }
                .filter { abs(($0.minX + $0.maxX) / 2 - centre) < 12 }
                .min { $0.minY < $1.minY }
            let shown = try #require(below, "w\(number) has no value under it").text
            #expect(Double(shown) == value, "w\(number) shows \(shown), mazur.json gives \(value)")
        }
    }
}
