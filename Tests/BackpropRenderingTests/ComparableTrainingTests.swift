import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropRendering

/// Training you can compare (classroom review F14–F16): the log axis when the cost spans
/// decades, validation drawn apart from training without colour, progress digits.
@Suite("Comparable training plots")
struct ComparableTrainingTests {
    static func plot(from high: Double, to low: Double, validation: Bool = false) -> CurvePlot {
        let points = (0...40).map { (x: Double($0), y: high * Foundation.pow(low / high, Double($0) / 40)) }
        var series = [CurveSeries(name: "training cost", id: "training-cost", points: points, stroke: .solid)]
        if validation {
            series.append(
                CurveSeries(
                    name: "validation cost", id: "validation-cost", points: points.map { ($0.x, $0.y * 1.05) },
                    stroke: .dashed))
        }
        return CurvePlot(title: "cost", xLabel: "epochs", series: series)
    }

    @Test("a cost spanning 2 decades or more gets a log axis ticked at powers of 10; less stays linear")
    func logAxis() {
        let wide = Self.plot(from: 7.2, to: 0.05)  // ratio 144
        #expect(wide.yAxis.isLogarithmic)
        #expect(wide.yAxis.ticks == [0.01, 0.1, 1, 10])
        #expect(wide.yAxis.ticks.map(wide.yAxis.label) == ["0.01", "0.1", "1", "10"])
        #expect(wide.yName == "cost (log scale)")
        // 0.1 is a third of the way from 0.01 to 10 on a log axis.
        expectClose(wide.yAxis.fraction(0.1), 1.0 / 3, relative: 1e-12)
        let narrow = Self.plot(from: 0.41, to: 0.0042)  // ratio 97.6
        #expect(!narrow.yAxis.isLogarithmic)
        #expect(narrow.yName == "cost")
        // Eleven decades are ticked every 2nd power.
        let many = Self.plot(from: 3e4, to: 2e-7)
        #expect(many.yAxis.ticks.map(many.yAxis.label) == ["1e-7", "1e-5", "0.001", "0.1", "10", "1000", "1e5"])
    }

    @Test("the Braille plot's log axis: each point's dot row follows log₁₀ of its value")
    func brailleLogRows() {
        let plot = Self.plot(from: 10, to: 0.01)
        let renderer = BrailleCurvePlot()
        let grid = renderer.dots(plot.series[0], plot: plot)
        for point in plot.series[0].points {
            let column = Int((point.x / 40 * 119).rounded())
            // By hand: 10 → top row 0, 0.01 → row 47, log-linear between (the axis is 0.01…10).
            let row = Int(((1 - (Foundation.log10(point.y) + 2) / 3) * 47).rounded())
            #expect(grid[row][column], "(\(point.x), \(point.y))")
        }
        let text = renderer.render(plot)
        #expect(text.hasPrefix("cost (log scale)  "))
        #expect(text.contains("0.01 ┤"))
    }

    @Test(
        "validation is drawn as • in its own cells, on top of training, so overlapping curves stay apart without colour"
    )
    func validationMarkers() {
        let plot = Self.plot(from: 0.5, to: 0.2, validation: true)
        let text = BrailleCurvePlot(usesColor: false).render(plot)
        let rows = text.split(separator: "\n").dropFirst().prefix(12)
        let markers = rows.map { $0.filter { $0 == "•" }.count }.reduce(0, +)
        #expect(markers > 10)
        // Two cells on, two off: no three markers in a row.
        #expect(!rows.contains { $0.contains("•••") })
        // The training line is still Braille where validation is not.
        #expect(rows.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        #expect(text.hasPrefix("cost  ⠤⠤⠤⠤ training cost   ••  •• validation cost"))
    }

    @Test("progress lines keep 3 significant digits of a small cost (review F16: not 0.0001)")
    func progressDigits() throws {
        let lesson = try LessonFixtures.lesson("mazur")
        let text = TrainingText(lesson: lesson, plan: .fullBatch(epochs: 10))
        let small = TrainingCheckpoint(
            updates: 5000, epoch: 5000, trainingCost: 0.000116, trainingRegressionError: 0.000116,
            trainingClassificationError: 0)
        #expect(text.progressLine(small) == "epoch 5000  cost 0.000116  training regression error 0.000116\n")
        let smaller = TrainingCheckpoint(
            updates: 9000, epoch: 9000, trainingCost: 4.2712e-05, trainingRegressionError: 4.2712e-05,
            trainingClassificationError: 0)
        #expect(text.progressLine(smaller).contains("cost 4.27e-05"))
    }
}
