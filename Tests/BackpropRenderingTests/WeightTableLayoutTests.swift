import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// The figure's weight tables are laid out in the notation they are labelled in (issue 12,
/// review D13): Ng's Θ with the bias column first, Nielsen's w without the bias and b apart,
/// the 15 Steps' W = Θᵀ with the bias as its last row.
@Suite("Weight tables in each notation's layout")
struct WeightTableLayoutTests {
    /// ng-gradcheck is 3-5-3: 20 edges into layer 2, too many to label, so it has tables.
    static let trace = try? LessonFixtures.trace("ng-gradcheck")

    func tables(_ notation: NotationName) throws -> [NetworkFigure.WeightTable] {
        let trace = try #require(Self.trace)
        let narrative = Narrator(trace: trace, notation: notation).narrative(steps: [])
        for block in narrative.preface {
            if case .figure(let figure) = block {
                #expect(!figure.labelsEdges)
                return figure.weightTables
            }
        }
        Issue.record("the preface has no figure")
        return []
    }

    /// The table's body as numbers (nil for a label or ellipsis cell), header and row labels left out.
    func body(_ table: Table) -> [[Double?]] {
        table.rows.map { row in
            row.dropFirst().map { cell in
                if case .math(.number(let value, _)) = cell.first { return value }
                return nil
            }
        }
    }

    func header(_ table: Table) -> [String] {
        table.header.dropFirst().map { cell in
            if case .math(let m) = cell.first { return UnicodeMathWriter(format: NumberFormat(decimals: 4)).line(m) }
            return ""
        }
    }

    @Test("Ng: Θ⁽ˡ⁾ as it is, a row per unit fed, the bias column +1 first")
    func ng() throws {
        let theta = try #require(Self.trace).weights
        let tables = try tables(.ng)
        #expect(tables.count == theta.count)
        for (l, table) in tables.enumerated() {
            #expect(header(table.table).first == "+1")
            #expect(body(table.table) == theta[l].rowList.map { $0.map { Optional($0) } })
            #expect(table.caption.contains("column +1 holds the bias"))
        }
    }

    @Test("Nielsen: wˡ⁺¹ without the bias column, and bˡ⁺¹ as a table of its own")
    func nielsen() throws {
        let theta = try #require(Self.trace).weights
        let tables = try tables(.nielsen)
        #expect(tables.count == 2 * theta.count)
        for l in theta.indices {
            let w = tables[2 * l]
            let b = tables[2 * l + 1]
            #expect(w.noun == "Weights" && b.noun == "Biases")
            #expect(!header(w.table).contains("+1"))
            #expect(body(w.table) == theta[l].rowList.map { $0.dropFirst().map { Optional($0) } })
            #expect(body(b.table) == theta[l].rowList.map { [$0[0]] })
            #expect(b.symbol == NielsenNotation(layerSizes: [3, 5, 3]).bias(l + 1))
        }
    }

    @Test("Tulleken: W = Θᵀ, a row per unit feeding, the bias row +1 last")
    func tulleken() throws {
        let theta = try #require(Self.trace).weights
        let tables = try tables(.tulleken)
        #expect(tables.count == theta.count)
        for (l, table) in tables.enumerated() {
            // W[r][c] = Θ[c][r + 1] for the units, and the last row is Θ's bias column.
            var expected: [[Double?]] = []
            for r in 1..<theta[l].columns { expected.append((0..<theta[l].rows).map { theta[l][$0, r] }) }
            expected.append((0..<theta[l].rows).map { theta[l][$0, 0] })
            #expect(body(table.table) == expected)
            if case .math(let label) = table.table.rows.last?.first?.first {
                #expect(UnicodeMathWriter(format: NumberFormat(decimals: 4)).line(label) == "+1")
            } else {
                Issue.record("the last row has no label")
            }
            #expect(header(table.table).allSatisfy { $0.hasPrefix("output") })
            #expect(table.caption.contains("last row, +1, holds the bias"))
        }
    }

    @Test("every format that prints the tables says how they are laid out", arguments: NotationName.allCases)
    func formats(notation: NotationName) throws {
        let trace = try #require(Self.trace)
        let narrative = Narrator(trace: trace, notation: notation).narrative(steps: [])
        let captions = try tables(notation).map(\.caption)
        let markdown = MarkdownRenderer().document(narrative)
        let latex = LaTeXRenderer().document(narrative)
        let beamer = BeamerRenderer().document(narrative)
        for caption in captions {
            #expect(markdown.contains("(" + caption + "):"))
            #expect(latex.contains("(" + caption + "):"))
            #expect(beamer.contains("(" + caption + "):"))
        }
        #expect(!markdown.contains("(row: unit fed, column: unit feeding it):"))
    }

    /// The ellipsis a cell holds, if it is one.
    static func ellipsis(_ cell: [Inline]) -> Math.Ellipsis? {
        if case .math(.ellipsis(let direction)) = cell.first { return direction }
        return nil
    }

    @Test(
        "a left-out row is a ⋮ and a left-out column a ⋯ in every weight and bias table, whichever way the notation lays it out",
        arguments: NotationName.allCases)
    func gaps(notation: NotationName) throws {
        // digits is 64-25-10: both weight matrices leave out rows and columns.
        let trace = try LessonFixtures.trace("digits")
        let narrative = Narrator(trace: trace, notation: notation).narrative(steps: [])
        let figure = try #require(
            narrative.preface.lazy.compactMap { block -> NetworkFigure? in
                if case .figure(let figure) = block { return figure } else { return nil }
            }.first)
        var rowGaps = 0
        var columnGaps = 0
        for weightTable in figure.weightTables {
            let table = weightTable.table
            let gapColumns = Set(table.header.indices.filter { Self.ellipsis(table.header[$0]) != nil })
            for (index, cell) in table.header.enumerated() where gapColumns.contains(index) {
                #expect(Self.ellipsis(cell) == .horizontal, "\(notation) \(weightTable.symbol): header gap")
            }
            for row in table.rows {
                let isGapRow = Self.ellipsis(row[0]) != nil
                if isGapRow {
                    rowGaps += 1
                    #expect(Self.ellipsis(row[0]) == .vertical, "\(notation) \(weightTable.symbol): row label gap")
                }
                for (index, cell) in row.enumerated().dropFirst() {
                    switch (isGapRow, gapColumns.contains(index)) {
                    case (true, true): #expect(Self.ellipsis(cell) == .diagonal)
                    case (true, false): #expect(Self.ellipsis(cell) == .vertical, "\(notation): cell of a gap row")
                    case (false, true):
                        columnGaps += 1
                        #expect(Self.ellipsis(cell) == .horizontal, "\(notation): cell of a gap column")
                    case (false, false): #expect(Self.ellipsis(cell) == nil)
                    }
                }
            }
        }
        #expect(rowGaps > 0 && columnGaps > 0)
    }
}
