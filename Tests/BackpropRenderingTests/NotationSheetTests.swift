import BackpropCore
import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

/// `export --format cheatsheet` (issue 12): the lesson's network in every notation side by
/// side, on one page, each column made from its `Notation` type.
@Suite("Notation sheet", .serialized)
struct NotationSheetTests {
    static func trace(_ lesson: String) throws -> Trace {
        Tracer.trace(
            try LessonFixtures.lesson(lesson),
            options: Narrator.traceOptions(for: Narrator.notationSheetSteps, sampleIndex: 0))
    }

    static func table(_ narrative: Narrative) throws -> Table {
        for block in narrative.preface {
            if case .table(let table) = block { return table }
        }
        Issue.record("the sheet has no table")
        throw CancellationError()
    }

    @Test("a column per notation given, in order, each cell from that notation's own symbols")
    func columnsFromNotations() throws {
        let trace = try Self.trace("ng-lecture")
        let types: [any Notation.Type] = [MazurNotation.self, NgNotation.self]
        let table = try Self.table(Narrator.notationSheet(trace: trace, notations: types))
        #expect(table.header.count == 3)
        #expect(table.header.dropFirst().map { $0 } == types.map { [Inline.text($0.source)] })
        #expect(table.rows.count == NotationSheetRow.allCases.count)
        let weightsRow = try #require(NotationSheetRow.allCases.firstIndex(of: .weights))
        let oneWeightRow = try #require(NotationSheetRow.allCases.firstIndex(of: .oneWeight))
        for (column, type) in types.enumerated() {
            let notation = type.init(layerSizes: trace.lesson.layers)
            #expect(table.rows[weightsRow][column + 1].contains(.math(notation.weights(1))))
            #expect(
                table.rows[oneWeightRow][column + 1].contains(.math(notation.weightEntry(layer: 1, i: 1, j: 1))))
        }
        // Mazur's and Ng's columns differ where their notations differ.
        #expect(table.rows[weightsRow][1] != table.rows[weightsRow][2])
    }

    @Test("by default every registered notation has a column")
    func everyRegisteredNotation() throws {
        let table = try Self.table(Narrator.notationSheet(trace: try Self.trace("mazur")))
        #expect(table.header.count == NotationRegistry.all.count + 1)
        for row in table.rows {
            for cell in row.dropFirst() { #expect(!cell.isEmpty, "\(row[0]) has an empty cell") }
        }
    }

    @Test("the update and the sign follow each notation's delta sign")
    func signs() throws {
        let table = try Self.table(Narrator.notationSheet(trace: try Self.trace("15-steps")))
        let signRow = try #require(NotationSheetRow.allCases.firstIndex(of: .sign))
        for (column, type) in NotationRegistry.all.enumerated() {
            let notation = type.init(layerSizes: [4, 3])
            let words = table.rows[signRow][column + 1].compactMap { inline -> String? in
                if case .text(let text) = inline { return text }
                return nil
            }.joined()
            switch notation.deltaSign {
            case .lossGradient: #expect(words.contains("output minus target"))
            case .negatedLossGradient: #expect(words.contains("target minus output; updates add"))
            }
        }
    }

    @Test("compiles to one page naming every notation", arguments: ["ng-lecture", "mazur", "15-steps"])
    func compiles(lesson: String) throws {
        guard LaTeXCompileTests.requirePDFLaTeX() else { return }
        let source = NotationSheetRenderer().document(Narrator.notationSheet(trace: try Self.trace(lesson)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-sheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = LaTeXCompileTests.compile(.init(name: lesson, source: source), keepingIn: folder)
        #expect(result.problems.isEmpty, "\(result.problems)")
        // README promises one pdflatex run: nothing may ask for a second (issue 23, N13).
        let log = try String(contentsOf: folder.appendingPathComponent("doc.log"), encoding: .isoLatin1)
        #expect(!log.contains("Rerun to get"), "the first run asks for a rerun")
        _ = LaTeXCompileTests.run(
            "sh", ["-c", "pdfinfo doc.pdf > info.txt; pdftotext doc.pdf doc.txt"], in: folder, timeout: 30)
        let info = try String(contentsOf: folder.appendingPathComponent("info.txt"), encoding: .utf8)
        #expect(info.contains("Pages:           1\n"), "\(info)")
        // pdflatex typesets ' as a right quote.
        let text = try String(contentsOf: folder.appendingPathComponent("doc.txt"), encoding: .utf8)
            .replacingOccurrences(of: "’", with: "'")
        for type in NotationRegistry.all {
            let firstWord = String(type.source.prefix { $0 != " " })
            #expect(text.contains(firstWord), "the sheet does not name \(type.source)")
        }
    }
}
