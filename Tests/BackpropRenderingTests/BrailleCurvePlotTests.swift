import BackpropCore
import Foundation
import Testing

@testable import BackpropRendering

/// The terminal plot: every data point's dot is where the axes put it, dashed curves have
/// gaps, the axes carry their labels, and the size never depends on the data.
@Suite("Braille curve plot")
struct BrailleCurvePlotTests {
    static let plot = CurvePlot(
        title: "cost", xLabel: "epochs",
        series: [
            CurveSeries(
                name: "training cost", id: "training-cost",
                points: (0...30).map { (x: Double($0), y: 2 * Foundation.exp(-Double($0) / 8)) }, stroke: .solid),
            CurveSeries(
                name: "validation cost", id: "validation-cost",
                points: (0...30).map { (x: Double($0), y: 2.2 * Foundation.exp(-Double($0) / 9)) }, stroke: .dashed),
        ])

    /// The Braille bits of the character at plot cell (row, column) of the rendered text.
    static func bits(_ lines: [Substring], row: Int, column: Int, labelWidth: Int) -> UInt32 {
        let characters = Array(lines[row + 1])  // line 0 is the title and legend
        let index = labelWidth + 2 + column
        guard index < characters.count, let scalar = characters[index].unicodeScalars.first,
            (0x2800...0x28FF).contains(scalar.value)
        else { return 0 }
        return scalar.value - 0x2800
    }

    @Test("each point of the solid curve lights the dot the axes map it to")
    func pointsLand() {
        let renderer = BrailleCurvePlot(columns: 60, rows: 12)
        let text = renderer.render(Self.plot)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 12 + 3)
        let labelWidth = Self.plot.yAxis.ticks.map(Self.plot.yAxis.label).map(\.count).max()!
        for point in Self.plot.series[0].points {
            // Dot coordinates computed here from the axes' ranges.
            let dotColumn = Int(((point.x - Self.plot.xAxis.low) / (Self.plot.xAxis.high - Self.plot.xAxis.low) * 119).rounded())
            let dotRow = Int(((Self.plot.yAxis.high - point.y) / (Self.plot.yAxis.high - Self.plot.yAxis.low) * 47).rounded())
            let bit = BrailleCurvePlot.dotBits[dotColumn % 2][dotRow % 4]
            // A cell the dashed (validation) curve passes through shows its marker on top.
            let dashed = renderer.dots(Self.plot.series[1], plot: Self.plot)
            let covered = (0..<4).contains { dy in
                (0..<2).contains { dx in dashed[(dotRow / 4) * 4 + dy][(dotColumn / 2) * 2 + dx] }
            }
            if covered {
                let characters = Array(lines[dotRow / 4 + 1])
                #expect(String(characters[labelWidth + 2 + dotColumn / 2]) == BrailleCurvePlot.marker)
                continue
            }
            let cell = Self.bits(lines, row: dotRow / 4, column: dotColumn / 2, labelWidth: labelWidth)
            #expect(cell & bit != 0, "point \(point) → dot (\(dotRow), \(dotColumn))")
        }
    }

    @Test("the dashed curve has gaps, the solid one none, across its columns")
    func dashes() {
        let renderer = BrailleCurvePlot(columns: 60, rows: 12)
        let solid = renderer.dots(Self.plot.series[0], plot: Self.plot)
        let dashed = renderer.dots(Self.plot.series[1], plot: Self.plot)
        let solidColumns = (0..<120).filter { c in solid.contains { $0[c] } }
        let dashedColumns = (0..<120).filter { c in dashed.contains { $0[c] } }
        #expect(solidColumns == Array(0..<120))
        #expect(dashedColumns.count < 80 && dashedColumns.count > 40)
    }

    @Test("axes: y tick labels, an x axis with ticks, its labels and its name; 73 columns at most")
    func axes() {
        let text = BrailleCurvePlot().render(Self.plot)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("cost  ") && lines[0].contains("training cost") && lines[0].contains("validation cost"))
        #expect(text.contains("2.5 ┤") || text.contains("2.5 ┤"))
        #expect(text.contains("0.0 ┤"))
        #expect(lines[13].contains("└┬"))
        #expect(lines[14].contains("0") && lines[14].contains("30"))
        #expect(lines[15].trimmingCharacters(in: .whitespaces) == "epochs")
        #expect(lines.allSatisfy { $0.count <= 73 })
    }

    @Test("round ticks: 1, 2 or 5 × 10ᵏ apart, enclosing the data")
    func ticks() {
        let axis = PlotAxis.spanning(low: 0.0531, high: 0.4145, extendsToTicks: true)
        #expect(axis.step == 0.1)
        #expect(axis.low == 0 && axis.high == 0.5)
        #expect(axis.ticks.map(axis.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        let flat = PlotAxis.spanning(low: 3, high: 3, extendsToTicks: true)
        #expect(flat.low < 3 && flat.high > 3)
    }

    @Test(
        "F3: any finite data gives finite axes, finite ticks and a plot (subnormal costs, costs near the largest double)",
        arguments: [
            [1e-323, 0, 0], [4.9e-324, 4.9e-324], [0, 5e-324], [1.7e308, 1.7e308, 1.7e308], [1.7e308, 1e300, 0],
            [Double.greatestFiniteMagnitude, 0], [-1.7e308, 1.7e308], [1e300, 1e300 * (1 + 1e-15)],
        ])
    func extremeData(_ ys: [Double]) {
        for extends in [true, false] {
            let axis = PlotAxis.spanning(low: ys.min()!, high: ys.max()!, extendsToTicks: extends)
            #expect(axis.low.isFinite && axis.high.isFinite && axis.high > axis.low, "\(ys): \(axis)")
            #expect(axis.low <= ys.min()! && axis.high >= ys.max()!, "\(ys): \(axis)")
            #expect(axis.ticks.allSatisfy(\.isFinite) && !axis.ticks.isEmpty, "\(ys): \(axis)")
            #expect(axis.ticks.map(axis.label).allSatisfy { $0.count <= 24 }, "\(axis.ticks.map(axis.label))")
        }
        let plot = CurvePlot(
            title: "cost", xLabel: "epochs",
            series: [
                CurveSeries(
                    name: "training cost", id: "training-cost",
                    points: ys.enumerated().map { (x: Double($0.offset), y: $0.element) }, stroke: .solid)
            ])
        let text = BrailleCurvePlot().render(plot)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(text)")
        #expect(TrainingCurvesSVG().document(title: "t", panels: [plot]).contains("</svg>"))
    }
}
