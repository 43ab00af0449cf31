import BackpropCore
import Foundation

/// The gradient check run on a backprop that makes a mistake (`check --inject`): the analytic
/// gradient is the mistake's D, the numerical one central differences of the mistake's own
/// cost, as ex4's checkNNGradients would see a learner's nnCostFunction.
public enum InjectedCheck {
    /// `trace` (made with the gradient check) with `D`, `numericalGradient` and the relative
    /// difference replaced by those of `mistake`'s pass over the same checked entries. A
    /// gradient of the wrong shape is read back as ex4 unrolls it, column by column.
    public static func apply(_ mistake: any Mistake, to trace: Trace, lesson: Lesson) -> Trace {
        guard var summary = trace.gradientCheck else { return trace }
        let weights = lesson.network.weights
        let pass = DiagnosisPass(lesson: lesson, mistake: mistake)
        let analytic = weights.indices.map { index -> Matrix in
            let d = pass.values[.gradient(index + 1)] ?? Matrix(rows: 0, columns: 0)
            return reshaped(d, like: weights[index])
        }
        let entries =
            summary.checkedEntries
            ?? weights.indices.flatMap { l in
                (0..<weights[l].columns).flatMap { j in
                    (0..<weights[l].rows).map { i in GradientCheck.CheckedEntry(layer: l, row: i, column: j) }
                }
            }
        var numerical = weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        let epsilon = summary.epsilon
        func cost(_ shift: Double, _ entry: GradientCheck.CheckedEntry) -> Double {
            var shifted = lesson
            shifted.network.weights[entry.layer][entry.row, entry.column] += shift
            return DiagnosisPass(lesson: shifted, mistake: mistake).values[.cost]?[0, 0] ?? .nan
        }
        var difference = 0.0
        var total = 0.0
        for entry in entries {
            let slope = (cost(epsilon, entry) - cost(-epsilon, entry)) / (2 * epsilon)
            numerical[entry.layer][entry.row, entry.column] = slope
            let bp = analytic[entry.layer][entry.row, entry.column]
            difference += (slope - bp) * (slope - bp)
            total += (slope + bp) * (slope + bp)
        }
        summary.relativeDifference = total == 0 ? 0 : (difference / total).squareRoot()
        var result = trace
        result.D = analytic
        result.numericalGradient = numerical
        result.gradientCheck = summary
        return result
    }

    /// `m`'s numbers in `theta`'s shape, read column by column (ex4's `(:)`), when the shapes differ.
    static func reshaped(_ m: Matrix, like theta: Matrix) -> Matrix {
        guard m.rows != theta.rows || m.columns != theta.columns, m.values.count == theta.values.count else { return m }
        var columnMajor: [Double] = []
        for j in 0..<m.columns { for i in 0..<m.rows { columnMajor.append(m[i, j]) } }
        var result = Matrix(rows: theta.rows, columns: theta.columns)
        var k = 0
        for j in 0..<theta.columns {
            for i in 0..<theta.rows {
                result[i, j] = columnMajor[k]
                k += 1
            }
        }
        return result
    }
}
