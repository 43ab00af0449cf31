import BackpropCore
import Foundation

/// One or more `DecisionMap`s as SVG, with the samples drawn on each: the final map alone, or
/// small multiples (the map at a few moments of training, left to right, then wrapping).
///
/// Each cell's fill is its predicted class's colour, mixed with white by how sure the output is:
/// the strength is |2a − 1| for one output unit (a = 0.5 is white), and (p − 1/K)/(1 − 1/K)
/// for K output units whose winner outputs p (clamped to 0…1), in 5 steps, so the boundary
/// shows as a pale band. Each sample is one mark, `<path class="sample">`, with a shape per
/// class as well as a colour (circle, square, triangle, diamond, …), filled for training
/// samples and hollow for validation and test ones, so the map reads without colour too.
///
/// Panels are `<g class="map-panel">` whose `data-left`, `data-top` and `data-size` give the
/// plot square in SVG units: x₁ grows to the right and x₂ upwards, so (x₁, x₂) is drawn at
/// left + size·(x₁ − x₁-low)/(x₁-high − x₁-low), top + size·(1 − (x₂ − x₂-low)/(x₂-high − x₂-low)),
/// with `data-x1-low` … `data-x2-high` the map's ranges. `element()` is the bare `<svg>`
/// (for inlining in HTML; its ids start with `idPrefix`), `document()` the standalone file.
/// Every lesson string is escaped with `XMLEscaping`.
public struct DecisionMapSVG: Sendable {
    /// One map and its caption, e.g. `epoch 20`.
    public struct Panel: Equatable, Sendable {
        /// The caption above the map.
        public var caption: String
        /// The map.
        public var map: DecisionMap

        /// A panel.
        public init(caption: String, map: DecisionMap) {
            self.caption = caption
            self.map = map
        }
    }

    /// A sample drawn on the maps.
    public struct Sample: Equatable, Sendable {
        /// Its input (x₁, x₂).
        public var x: [Double]
        /// Its target's class (0-based, `Tracer.predictedClass` of the target).
        public var targetClass: Int
        /// `training`, `validation` or `test`.
        public var set: String
        /// Its number within its set, from 1.
        public var number: Int

        /// A sample.
        public init(x: [Double], targetClass: Int, set: String, number: Int) {
            self.x = x
            self.targetClass = targetClass
            self.set = set
            self.number = number
        }
    }

    /// The figure's title (`<title>` and the heading).
    public var title: String
    /// The class names, one per class a cell or sample can have (`Lesson.classNames`).
    public var classNames: [String]
    /// The names of x₁ and x₂ for the axes, e.g. `x₁`, or a CSV's column names.
    public var inputNames: [String]
    /// The maps.
    public var panels: [Panel]
    /// The samples, drawn on every panel.
    public var samples: [Sample]
    /// Starts every id in the figure, so several figures can share an HTML page.
    public var idPrefix = "decision-map"

    /// Okabe–Ito colours (colour-blind safe), one per class in order, repeating after 8.
    static let colors = ["#e69f00", "#0072b2", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]
    /// Names of the mark shapes, one per class in order, repeating after 8.
    static let shapeNames = ["circle", "square", "triangle", "diamond", "down-triangle", "plus", "cross", "star"]
    /// Shading steps of a cell's strength.
    static let shadingLevels = 5

    /// A figure.
    public init(title: String, classNames: [String], inputNames: [String], panels: [Panel], samples: [Sample]) {
        self.title = title
        self.classNames = classNames
        self.inputNames = inputNames
        self.panels = panels
        self.samples = samples
    }

    /// A figure of `panels` with every sample of `lesson` (training, validation, test) on it,
    /// its classes and its title.
    public init(lesson: Lesson, inputNames: [String], panels: [Panel]) {
        var samples: [Sample] = []
        for (set, list) in [
            ("training", lesson.samples), ("validation", lesson.validationSamples), ("test", lesson.testSamples),
        ] {
            for (index, sample) in list.enumerated() {
                samples.append(
                    Sample(x: sample.x, targetClass: Tracer.predictedClass(sample.y), set: set, number: index + 1))
            }
        }
        self.init(
            title: "What the network computes: " + lesson.title, classNames: lesson.classNames, inputNames: inputNames,
            panels: panels, samples: samples)
    }

    // MARK: Layout

    /// The side of each map square: larger for a single map.
    var size: Double { panels.count == 1 ? 400 : 200 }
    /// Maps per row.
    var perRow: Int { min(max(panels.count, 1), 3) }
    static let margins = (left: 64.0, right: 20.0, top: 34.0, bottom: 52.0)
    static let headerHeight = 40.0
    var legendHeight: Double { 22 * Double(classNames.count + 2) + 16 }
    var panelWidth: Double { Self.margins.left + size + Self.margins.right }
    var panelHeight: Double { Self.margins.top + size + Self.margins.bottom }
    var width: Double { max(panelWidth * Double(perRow), 460, TextWidth.heading(title) + 40) }
    var height: Double {
        let rows = (panels.count + perRow - 1) / perRow
        return Self.headerHeight + panelHeight * Double(max(rows, 1)) + legendHeight
    }

    // MARK: Output

    /// The standalone SVG file: an XML declaration and `element()`.
    public func document() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element()
    }

    /// The bare `<svg>` element, ending in a newline, for inlining in an HTML page.
    public func element() -> String {
        let w = n(width)
        let h = n(height)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            role="img" aria-labelledby="\(idPrefix)-title \(idPrefix)-desc" font-family="Helvetica, Arial, sans-serif" font-size="13">
            <title id="\(idPrefix)-title">\(XMLEscaping.escaped(title))</title>
            <desc id="\(idPrefix)-desc">\(XMLEscaping.escaped(description))</desc>
            <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>
            <text x="\(n(width / 2))" y="26" text-anchor="middle" font-size="16" font-weight="bold">\(XMLEscaping.escaped(title))</text>

            """
        for (index, panel) in panels.enumerated() {
            let left = panelWidth * Double(index % perRow) + Self.margins.left
            let top = Self.headerHeight + panelHeight * Double(index / perRow) + Self.margins.top
            out += self.panel(panel, index: index, left: left, top: top)
        }
        out += legend(top: height - legendHeight + 8)
        out += "</svg>\n"
        return out
    }

    /// What the figure shows, in words (`<desc>`).
    var description: String {
        let names = inputNames.count == 2 ? inputNames : ["x₁", "x₂"]
        var text = "The network's prediction over the plane of \(names[0]) (across) and \(names[1]) (up)"
        text += panels.count == 1 ? "" : ", in \(panels.count) maps: " + panels.map(\.caption).joined(separator: ", ")
        text += ". Each cell is coloured by the class it predicts, paler where the output is less sure"
        text += classNames.count == 2 ? " (white at an output of 0.5)" : ""
        text += "; \(samples.count) samples are drawn on each map, with a shape and a colour per class: "
        text += classNames.indices.map { "\(classNames[$0]) \(Self.shapeNames[$0 % Self.shapeNames.count])" }
            .joined(separator: ", ")
        text += "; training samples filled, validation and test samples hollow."
        return text
    }

    private func panel(_ panel: Panel, index: Int, left: Double, top: Double) -> String {
        let map = panel.map
        let x1 = map.x1Range
        let x2 = map.x2Range
        var out = """
            <g class="map-panel" id="\(idPrefix)-panel-\(index + 1)" data-left="\(n(left))" data-top="\(n(top))" data-size="\(n(size))" \
            data-x1-low="\(full(x1.lowerBound))" data-x1-high="\(full(x1.upperBound))" \
            data-x2-low="\(full(x2.lowerBound))" data-x2-high="\(full(x2.upperBound))">
            <text class="map-caption" x="\(n(left))" y="\(n(top - 10))" font-size="14" font-weight="bold">\(XMLEscaping.escaped(panel.caption))</text>
            <g class="map-cells" shape-rendering="crispEdges">

            """
        // Cells, one rect per run of equal fill along a row.
        let cellWidth = size / Double(map.columns)
        let cellHeight = size / Double(map.rows)
        for row in 0..<map.rows {
            var column = 0
            while column < map.columns {
                let fill = self.fill(map.cell(row: row, column: column))
                var end = column + 1
                while end < map.columns, self.fill(map.cell(row: row, column: end)) == fill { end += 1 }
                out += "<rect x=\"\(n(left + cellWidth * Double(column)))\" y=\"\(n(top + cellHeight * Double(row)))\" "
                out +=
                    "width=\"\(n(cellWidth * Double(end - column)))\" height=\"\(n(cellHeight))\" fill=\"\(fill)\"/>\n"
                column = end
            }
        }
        out += "</g>\n"
        // Frame, ticks and axis names.
        out +=
            "<rect class=\"frame\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(size))\" height=\"\(n(size))\" fill=\"none\" stroke=\"#333333\"/>\n"
        let names = inputNames.count == 2 ? inputNames : ["x₁", "x₂"]
        let xAxis = PlotAxis.spanning(low: x1.lowerBound, high: x1.upperBound, extendsToTicks: false)
        let yAxis = PlotAxis.spanning(low: x2.lowerBound, high: x2.upperBound, extendsToTicks: false)
        let bottom = top + size
        for tick in xAxis.ticks {
            let x = n(left + size * fraction(tick, x1))
            out +=
                "<line class=\"x-tick\" x1=\"\(x)\" y1=\"\(n(bottom))\" x2=\"\(x)\" y2=\"\(n(bottom + 5))\" stroke=\"#333333\"/>\n"
            out +=
                "<text class=\"x-tick-label\" x=\"\(x)\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\" font-size=\"11\">\(xAxis.label(tick))</text>\n"
        }
        for tick in yAxis.ticks {
            let y = n(top + size * (1 - fraction(tick, x2)))
            out +=
                "<line class=\"y-tick\" x1=\"\(n(left - 5))\" y1=\"\(y)\" x2=\"\(n(left))\" y2=\"\(y)\" stroke=\"#333333\"/>\n"
            out +=
                "<text class=\"y-tick-label\" x=\"\(n(left - 8))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"11\">\(yAxis.label(tick))</text>\n"
        }
        out +=
            "<text class=\"x-label\" x=\"\(n(left + size / 2))\" y=\"\(n(bottom + 38))\" text-anchor=\"middle\">\(XMLEscaping.escaped(names[0]))</text>\n"
        let yMiddle = n(top + size / 2)
        let yLabelX = n(left - 44)
        out +=
            "<text class=\"y-label\" x=\"\(yLabelX)\" y=\"\(yMiddle)\" text-anchor=\"middle\" transform=\"rotate(-90 \(yLabelX) \(yMiddle))\">\(XMLEscaping.escaped(names[1]))</text>\n"
        // Samples.
        let radius = panels.count == 1 ? 7.0 : 5.5
        for sample in samples where sample.x.count == 2 && sample.x[0].isFinite && sample.x[1].isFinite {
            let cx = left + size * fraction(sample.x[0], x1)
            let cy = top + size * (1 - fraction(sample.x[1], x2))
            let name = sample.targetClass < classNames.count ? classNames[sample.targetClass] : "\(sample.targetClass)"
            out += mark(
                sample.targetClass, x: cx, y: cy, radius: radius, hollow: sample.set != "training",
                attributes:
                    "class=\"sample\" data-set=\"\(XMLEscaping.escaped(sample.set))\" data-class=\"\(sample.targetClass)\"",
                tooltip: "\(sample.set) sample \(sample.number): (\(full(sample.x[0])), \(full(sample.x[1]))), \(name)")
        }
        out += "</g>\n"
        return out
    }

    /// The key: one line per class (mark and cell colour), then what filled and hollow mean.
    private func legend(top: Double) -> String {
        var out = "<g class=\"legend\">\n"
        let left = Self.margins.left
        for (index, name) in classNames.enumerated() {
            let y = top + 22 * Double(index)
            out +=
                "<rect x=\"\(n(left))\" y=\"\(n(y - 8))\" width=\"26\" height=\"16\" fill=\"\(mix(Self.colors[index % Self.colors.count], strength: 1))\"/>\n"
            out += mark(
                index, x: left + 13, y: y, radius: 5, hollow: false, attributes: "class=\"legend-mark\"", tooltip: nil)
            out +=
                "<text x=\"\(n(left + 36))\" y=\"\(n(y))\" dominant-baseline=\"middle\">\(XMLEscaping.escaped(name))</text>\n"
        }
        let y = top + 22 * Double(classNames.count)
        out += mark(0, x: left + 13, y: y, radius: 5, hollow: false, attributes: "class=\"legend-mark\"", tooltip: nil)
        out += mark(0, x: left + 30, y: y, radius: 5, hollow: true, attributes: "class=\"legend-mark\"", tooltip: nil)
        out +=
            "<text x=\"\(n(left + 44))\" y=\"\(n(y))\" dominant-baseline=\"middle\">filled: training samples; hollow: validation and test samples</text>\n"
        let sure =
            classNames.count == 2 ? "white where the output is 0.5" : "paler where the winning output is less sure"
        out +=
            "<text x=\"\(n(left))\" y=\"\(n(y + 22))\" dominant-baseline=\"middle\">background: the class the network predicts there, \(sure)</text>\n"
        out += "</g>\n"
        return out
    }

    /// The fill of a cell: its class's colour mixed with white by its strength, in steps.
    func fill(_ cell: (predictedClass: Int, value: Double)) -> String {
        let classes = max(classNames.count, 2)
        var strength: Double
        if classNames.count <= 2 {
            strength = Swift.abs(2 * cell.value - 1)
        } else {
            let chance = 1 / Double(classes)
            strength = (cell.value - chance) / (1 - chance)
        }
        strength = strength.isFinite ? min(max(strength, 0), 1) : 0
        let level = (strength * Double(Self.shadingLevels)).rounded(.up)
        return mix(Self.colors[cell.predictedClass % Self.colors.count], strength: level / Double(Self.shadingLevels))
    }

    /// `color` (`#rrggbb`) mixed with white: strength 0 is nearly white, 1 is 60 % colour.
    func mix(_ color: String, strength: Double) -> String {
        let digits = Array(color.dropFirst())
        let amount = 0.06 + 0.54 * strength
        var out = "#"
        for channel in 0..<3 {
            let value = Int(String(digits[2 * channel...2 * channel + 1]), radix: 16) ?? 0
            let mixed = Int((255 - Double(255 - value) * amount).rounded())
            out += String(format: "%02x", mixed)
        }
        return out
    }

    /// One sample mark: a path of the class's shape centred on (x, y).
    private func mark(
        _ classIndex: Int, x: Double, y: Double, radius r: Double, hollow: Bool, attributes: String, tooltip: String?
    ) -> String {
        let color = Self.colors[classIndex % Self.colors.count]
        let fill = hollow ? "#ffffff" : color
        let stroke = hollow ? color : "#000000"
        let width = hollow ? "2.5" : "1.5"
        let d: String
        func p(_ dx: Double, _ dy: Double) -> String { "\(n(x + dx)),\(n(y + dy))" }
        switch Self.shapeNames[classIndex % Self.shapeNames.count] {
        case "circle":
            d = "M\(p(-r, 0))A\(n(r)),\(n(r)) 0 1,0 \(p(r, 0))A\(n(r)),\(n(r)) 0 1,0 \(p(-r, 0))Z"
        case "square":
            let s = r * 0.85
            d = "M\(p(-s, -s))L\(p(s, -s))L\(p(s, s))L\(p(-s, s))Z"
        case "triangle":
            d = "M\(p(0, -r * 1.1))L\(p(r, r * 0.8))L\(p(-r, r * 0.8))Z"
        case "diamond":
            d = "M\(p(0, -r * 1.15))L\(p(r, 0))L\(p(0, r * 1.15))L\(p(-r, 0))Z"
        case "down-triangle":
            d = "M\(p(0, r * 1.1))L\(p(r, -r * 0.8))L\(p(-r, -r * 0.8))Z"
        case "plus":
            let t = r * 0.35
            d =
                "M\(p(-t, -r))L\(p(t, -r))L\(p(t, -t))L\(p(r, -t))L\(p(r, t))L\(p(t, t))L\(p(t, r))L\(p(-t, r))"
                + "L\(p(-t, t))L\(p(-r, t))L\(p(-r, -t))L\(p(-t, -t))Z"
        case "cross":
            let t = r * 0.3
            let e = r * 0.8
            d =
                "M\(p(-e, -e + t))L\(p(-e + t, -e))L\(p(0, -t))L\(p(e - t, -e))L\(p(e, -e + t))L\(p(t, 0))"
                + "L\(p(e, e - t))L\(p(e - t, e))L\(p(0, t))L\(p(-e + t, e))L\(p(-e, e - t))L\(p(-t, 0))Z"
        default:  // star
            var points: [String] = []
            for k in 0..<10 {
                let angle = Double.pi / 5 * Double(k) - Double.pi / 2
                let radius = k % 2 == 0 ? r * 1.2 : r * 0.5
                points.append(p(radius * cos(angle), radius * sin(angle)))
            }
            d = "M" + points.joined(separator: "L") + "Z"
        }
        let title = tooltip.map { "<title>\(XMLEscaping.escaped($0))</title>" } ?? ""
        let close = title.isEmpty ? "/>" : ">\(title)</path>"
        return
            "<path \(attributes) d=\"\(d)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(close)\n"
    }

    private func fraction(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        let span = range.upperBound - range.lowerBound
        return span > 0 ? (value - range.lowerBound) / span : 0.5
    }

    private func n(_ value: Double) -> String { TrainingCurvesSVG.n(value) }
    private func full(_ value: Double) -> String { JSONWriter.number(value) }
}
