import BackpropCore
import Foundation

/// `CurvePlot`s as one SVG document, panels stacked: axes, ticks, tick labels, axis names,
/// a legend and one `<polyline>` per series.
///
/// Each panel is a `<g class="panel">` whose `data-x-low`, `data-x-high`, `data-y-low` and
/// `data-y-high` give the axes' ranges and whose `data-left`, `data-top`, `data-width` and
/// `data-height` give the plot area in SVG units: a point (x, y) is drawn at
/// left + width·(x − x-low)/(x-high − x-low), top + height·(1 − (y − y-low)/(y-high − y-low)),
/// written with two decimals; a panel with `data-y-scale="log"` maps y by log₁₀ instead:
/// top + height·(1 − (log y − log y-low)/(log y-high − log y-low)). Validation curves are
/// dashed, so the plot reads in grey too.
public struct TrainingCurvesSVG: Sendable {
    /// Document width in SVG units (pixels).
    public var width = 720.0
    /// Height of one panel.
    public var panelHeight = 360.0
    /// Margins around each plot area: left, right, top, bottom.
    static let margins = (left: 72.0, right: 24.0, top: 56.0, bottom: 56.0)
    /// Okabe–Ito blue, vermilion, bluish green, reddish purple: colour-blind safe.
    static let colors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"]

    /// A writer with the default size.
    public init() {}

    /// The document for `panels`, titled `title`, ending in a newline.
    public func document(title: String, panels: [CurvePlot]) -> String {
        let height = panelHeight * Double(panels.count) + 40
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.n(width))" height="\(Self.n(height))" \
            viewBox="0 0 \(Self.n(width)) \(Self.n(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
            <title>\(Self.escaped(title))</title>
            <rect x="0" y="0" width="\(Self.n(width))" height="\(Self.n(height))" fill="#ffffff"/>
            <text x="\(Self.n(width / 2))" y="26" text-anchor="middle" font-size="16" font-weight="bold">\(Self.escaped(title))</text>

            """
        for (index, panel) in panels.enumerated() {
            out += self.panel(panel, top: 40 + panelHeight * Double(index))
        }
        out += "</svg>\n"
        return out
    }

    private func panel(_ plot: CurvePlot, top panelTop: Double) -> String {
        let m = Self.margins
        let left = m.left
        let top = panelTop + m.top
        let plotWidth = width - m.left - m.right
        let plotHeight = panelHeight - m.top - m.bottom
        func sx(_ x: Double) -> Double { left + plotWidth * plot.xAxis.fraction(x) }
        func sy(_ y: Double) -> Double { top + plotHeight * (1 - plot.yAxis.fraction(y)) }
        let id = Self.identifier(plot.title)
        var out = """
            <g class="panel" id="\(id)-panel" data-x-low="\(Self.full(plot.xAxis.low))" data-x-high="\(Self.full(plot.xAxis.high))" \
            data-y-low="\(Self.full(plot.yAxis.low))" data-y-high="\(Self.full(plot.yAxis.high))" \
            data-y-scale="\(plot.yAxis.isLogarithmic ? "log" : "linear")" \
            data-left="\(Self.n(left))" data-top="\(Self.n(top))" data-width="\(Self.n(plotWidth))" data-height="\(Self.n(plotHeight))">
            <text class="panel-title" x="\(Self.n(left))" y="\(Self.n(top - 18))" font-size="14" font-weight="bold">\(Self.escaped(plot.title))</text>

            """
        // Grid lines and y ticks.
        for tick in plot.yAxis.ticks {
            let y = Self.n(sy(tick))
            out += "<line class=\"y-grid\" x1=\"\(Self.n(left))\" y1=\"\(y)\" x2=\"\(Self.n(left + plotWidth))\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>\n"
            out += "<line class=\"y-tick\" x1=\"\(Self.n(left - 5))\" y1=\"\(y)\" x2=\"\(Self.n(left))\" y2=\"\(y)\" stroke=\"#333333\"/>\n"
            out += "<text class=\"y-tick-label\" data-value=\"\(Self.full(tick))\" x=\"\(Self.n(left - 8))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(plot.yAxis.label(tick))</text>\n"
        }
        for tick in plot.xAxis.ticks {
            let x = Self.n(sx(tick))
            let bottom = top + plotHeight
            out += "<line class=\"x-tick\" x1=\"\(x)\" y1=\"\(Self.n(bottom))\" x2=\"\(x)\" y2=\"\(Self.n(bottom + 5))\" stroke=\"#333333\"/>\n"
            out += "<text class=\"x-tick-label\" data-value=\"\(Self.full(tick))\" x=\"\(x)\" y=\"\(Self.n(bottom + 20))\" text-anchor=\"middle\">\(plot.xAxis.label(tick))</text>\n"
        }
        // Axes and their names.
        out += "<line class=\"axis\" x1=\"\(Self.n(left))\" y1=\"\(Self.n(top))\" x2=\"\(Self.n(left))\" y2=\"\(Self.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<line class=\"axis\" x1=\"\(Self.n(left))\" y1=\"\(Self.n(top + plotHeight))\" x2=\"\(Self.n(left + plotWidth))\" y2=\"\(Self.n(top + plotHeight))\" stroke=\"#333333\"/>\n"
        out += "<text class=\"x-label\" x=\"\(Self.n(left + plotWidth / 2))\" y=\"\(Self.n(top + plotHeight + 42))\" text-anchor=\"middle\">\(Self.escaped(plot.xLabel))</text>\n"
        let yMiddle = Self.n(top + plotHeight / 2)
        out += "<text class=\"y-label\" x=\"18\" y=\"\(yMiddle)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(yMiddle))\">\(Self.escaped(plot.yName))</text>\n"
        // Curves.
        for (index, series) in plot.series.enumerated() {
            let points = series.points.filter { $0.x.isFinite && $0.y.isFinite }
                .map { "\(Self.n(sx($0.x))),\(Self.n(sy($0.y)))" }.joined(separator: " ")
            let dash = series.stroke == .dashed ? " stroke-dasharray=\"7 4\"" : ""
            out += "<polyline class=\"series\" id=\"\(Self.identifier(series.id))\" fill=\"none\" stroke=\"\(Self.colors[index % Self.colors.count])\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>\n"
        }
        // Legend, top right inside the panel's margin.
        var x = left + plotWidth
        for (index, series) in plot.series.enumerated().reversed() {
            let textWidth = Double(series.name.count) * 7 + 8
            x -= textWidth
            let y = top - 18
            let dash = series.stroke == .dashed ? " stroke-dasharray=\"7 4\"" : ""
            out += "<line class=\"legend-swatch\" x1=\"\(Self.n(x - 30))\" y1=\"\(Self.n(y - 4))\" x2=\"\(Self.n(x - 4))\" y2=\"\(Self.n(y - 4))\" stroke=\"\(Self.colors[index % Self.colors.count])\" stroke-width=\"2\"\(dash)/>\n"
            out += "<text class=\"legend\" x=\"\(Self.n(x))\" y=\"\(Self.n(y))\">\(Self.escaped(series.name))</text>\n"
            x -= 44
        }
        out += "</g>\n"
        return out
    }

    /// A coordinate with two decimals (no `-0.00`).
    static func n(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    /// A data value in full precision.
    static func full(_ value: Double) -> String { JSONWriter.number(value) }

    /// Text safe inside an SVG element (see ``XMLEscaping``).
    static func escaped(_ text: String) -> String { XMLEscaping.escaped(text) }

    /// `training cost` → `training-cost`: letters, digits and dashes only.
    static func identifier(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
