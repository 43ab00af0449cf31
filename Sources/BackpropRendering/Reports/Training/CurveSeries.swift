import Foundation

/// One curve of a training plot: its name for the legend and its points (x = updates or
/// epochs, y = a cost or an accuracy). The terminal plot and the SVG draw the same series.
public struct CurveSeries: Equatable, Sendable {
    /// How the curve is drawn, so two curves stay apart without colour too.
    public enum Stroke: Equatable, Sendable {
        /// A continuous line (training).
        case solid
        /// A dashed line (validation).
        case dashed
    }

    /// The legend text, e.g. `training cost`.
    public var name: String
    /// An id for SVG and tests, e.g. `training-cost`.
    public var id: String
    /// (x, y) in order of x; points whose y is not finite are left out of the drawing.
    public var points: [(x: Double, y: Double)]
    /// Solid or dashed.
    public var stroke: Stroke

    /// A series.
    public init(name: String, id: String, points: [(x: Double, y: Double)], stroke: Stroke) {
        self.name = name
        self.id = id
        self.points = points
        self.stroke = stroke
    }

    /// Equal names, ids, strokes and points.
    public static func == (lhs: CurveSeries, rhs: CurveSeries) -> Bool {
        lhs.name == rhs.name && lhs.id == rhs.id && lhs.stroke == rhs.stroke
            && lhs.points.map(\.x) == rhs.points.map(\.x) && lhs.points.map(\.y) == rhs.points.map(\.y)
    }
}

/// A plot of curves: its title, axis names and series, plus the axes' ranges and ticks
/// computed once from the data (so every view uses the same scale).
public struct CurvePlot: Equatable, Sendable {
    /// Shown above the plot, e.g. `cost`.
    public var title: String
    /// The x axis's name, e.g. `updates`.
    public var xLabel: String
    /// The curves, drawn in order.
    public var series: [CurveSeries]
    /// The x axis: from the first to the last x of any series, with round ticks inside.
    public var xAxis: PlotAxis
    /// The y axis: round ticks at both ends enclosing every finite y.
    public var yAxis: PlotAxis

    /// A y axis follows the data on a log scale when every y is positive and the largest is at
    /// least this many times the smallest (2 decades): a cost falling from 7 to 0.01 is then
    /// not a flat line at the bottom after the first epochs.
    public static let logarithmicRatio = 100.0

    /// The y axis's name with its scale: `cost`, or `cost (log scale)`.
    public var yName: String { yAxis.isLogarithmic ? title + " (log scale)" : title }

    /// A plot of `series`; `yRange` fixes the y axis (accuracy uses 0…1), else it follows the
    /// data, on a log scale when the data span `logarithmicRatio` or more.
    public init(title: String, xLabel: String, series: [CurveSeries], yRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.series = series
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        xAxis = PlotAxis.spanning(low: xs.min() ?? 0, high: xs.max() ?? 1, extendsToTicks: false)
        if let yRange {
            yAxis = PlotAxis.spanning(low: yRange.lowerBound, high: yRange.upperBound, extendsToTicks: true)
        } else if let low = ys.min(), let high = ys.max(), low > 0, high / low >= Self.logarithmicRatio {
            yAxis = PlotAxis.logarithmic(low: low, high: high)
        } else {
            yAxis = PlotAxis.spanning(low: ys.min() ?? 0, high: ys.max() ?? 1, extendsToTicks: true)
        }
    }
}

/// An axis: its range and round tick values, 1, 2 or 5 × 10ᵏ apart on a linear axis, powers
/// of 10 on a logarithmic one (`isLogarithmic`, where `fraction` is linear in log₁₀ of the value).
public struct PlotAxis: Equatable, Sendable {
    /// The value at the axis's start.
    public var low: Double
    /// The value at its end (above `low`).
    public var high: Double
    /// The tick values, ascending, all within low…high.
    public var ticks: [Double]
    /// The distance between ticks (on a log axis, the ratio between neighbouring ticks).
    public var step: Double
    /// Whether the axis is logarithmic: `fraction` grows with log₁₀ of the value.
    public var isLogarithmic = false

    /// An axis.
    init(low: Double, high: Double, ticks: [Double], step: Double, isLogarithmic: Bool = false) {
        self.low = low
        self.high = high
        self.ticks = ticks
        self.step = step
        self.isLogarithmic = isLogarithmic
    }

    /// Where `value` falls along the axis: 0 at `low`, 1 at `high` (on a log axis,
    /// (log₁₀ value − log₁₀ low)/(log₁₀ high − log₁₀ low); a value ≤ 0 gives −∞ or NaN).
    /// Halves first, so an axis wider than the largest double still gives a finite fraction.
    public func fraction(_ value: Double) -> Double {
        if isLogarithmic {
            return (Foundation.log10(value) - Foundation.log10(low)) / (Foundation.log10(high) - Foundation.log10(low))
        }
        return (value / 2 - low / 2) / (high / 2 - low / 2)
    }

    /// A log axis from the power of 10 at or below `low` to the one at or above `high` (both
    /// positive), ticked at every power of 10, or every 2nd, 3rd … when there are more than 7.
    public static func logarithmic(low: Double, high: Double) -> PlotAxis {
        let first = Int(Foundation.log10(low).rounded(.down))
        var last = Int(Foundation.log10(high).rounded(.up))
        if last == first { last += 1 }
        let every = (last - first + 6) / 7
        let ticks = stride(from: first, through: last, by: every).map { Foundation.pow(10, Double($0)) }
        return PlotAxis(
            low: Foundation.pow(10, Double(first)), high: Foundation.pow(10, Double(last)), ticks: ticks,
            step: Foundation.pow(10, Double(every)), isLogarithmic: true)
    }

    /// Decimals that tell the ticks apart (0 for a step that is not a positive finite number).
    public var decimals: Int {
        guard step.isFinite, step > 0 else { return 0 }
        return max(0, Int((-Foundation.log10(step)).rounded(.up)))
    }

    /// Whether tick labels are written in scientific notation: steps below 10⁻⁶ or ticks of
    /// 10⁹ and more would otherwise take dozens to hundreds of digits.
    var isScientific: Bool {
        step < 1e-6 || max(Swift.abs(low), Swift.abs(high)) >= 1e9
    }

    /// Spans narrower than this are widened to it: below it the ticks' step would be a
    /// subnormal number (or 0) and lose its precision.
    static let minimumSpan = 1e-300

    /// An axis over low…high with about five round ticks; `extendsToTicks` widens the range to
    /// the round values just outside it (y axes), otherwise the range is the data's (x axes).
    /// An empty range is widened so the axis has a length.
    ///
    /// Any finite low and high give finite ends and ticks: a span under `minimumSpan` (costs
    /// among the subnormal numbers) is widened to it, and where padding or a round tick would
    /// pass the largest double the axis ends at the data instead. Non-finite ends give 0…1.
    public static func spanning(low: Double, high: Double, extendsToTicks: Bool) -> PlotAxis {
        guard low.isFinite, high.isFinite else { return spanning(low: 0, high: 1, extendsToTicks: extendsToTicks) }
        let largest = Double.greatestFiniteMagnitude
        var (low, high) = (min(low, high), max(low, high))
        if !(high > low) {
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.1
            low = max(low - pad, -largest)
            high = min(high + pad, largest)
        }
        // high − low may overflow; a fifth of each may not.
        if high / 2 - low / 2 < minimumSpan / 2 {
            if high <= largest - minimumSpan { high = low + minimumSpan } else { low = high - minimumSpan }
        }
        let step = niceStep(high / 5 - low / 5)
        // Ticks are whole multiples of the step, counted as integers so no rounding of
        // low/step loses the tick at either end.
        let slack = 1e-9
        let firstInside = (low / step - slack).rounded(.up)
        let lastInside = (high / step + slack).rounded(.down)
        // A step tiny next to the values (cannot happen above minimumSpan for doubles, whose
        // spacing is 2⁻⁵² of their size, but checked): no ticks rather than a trap.
        let limit = Double(Int.max / 2)
        guard step.isFinite, step > 0, Swift.abs(firstInside) < limit, Swift.abs(lastInside) < limit else {
            return PlotAxis(low: low, high: high, ticks: [], step: high - low)
        }
        var first = Int(firstInside)
        var last = Int(lastInside)
        if extendsToTicks {
            first = Int((low / step + slack).rounded(.down))
            last = max(Int((high / step - slack).rounded(.up)), first + 1)
            // Keep the ends finite: a round tick beyond the largest double is not used.
            if (Double(first) * step).isFinite { low = Double(first) * step } else { first += 1 }
            if (Double(last) * step).isFinite { high = Double(last) * step } else { last -= 1 }
        }
        let ticks = first <= last ? (first...last).map { Double($0) * step } : []
        return PlotAxis(low: low, high: high, ticks: ticks, step: step)
    }

    /// The round number (1, 2 or 5 × 10ᵏ) nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let magnitude = Foundation.pow(10, (Foundation.log10(rough)).rounded(.down))
        let scaled = rough / magnitude
        let factor: Double = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10
        return factor * magnitude
    }

    /// A tick's label: as many decimals as the step needs, `0` for zero, no `-0`; on a log
    /// axis, powers of 10 from 0.001 to 1000 written out, others as `1e-5`.
    public func label(_ value: Double) -> String {
        if isLogarithmic {
            let power = Int(Foundation.log10(value).rounded())
            if (-3...3).contains(power) { return String(format: "%.\(max(0, -power))f", value) }
            return "1e\(power)"
        }
        if isScientific {
            // Mantissa digits enough to tell ticks one step apart.
            let size = max(Swift.abs(low), Swift.abs(high))
            let ratio = (Foundation.log10(size) - Foundation.log10(step)).rounded(.up)
            let precision = ratio.isFinite ? Int(min(max(ratio, 1), 15)) : 2
            return value == 0 ? "0" : String(format: "%.\(precision)e", value)
        }
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }
}
