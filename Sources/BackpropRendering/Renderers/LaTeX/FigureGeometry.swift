/// Where every part of a network figure goes, in cm, and whether the values and weights fit
/// in the picture without an edge crossing a value or one label covering another.
struct FigureGeometry {
    /// A rectangle in cm (y grows upwards, as in TikZ).
    struct Box: Equatable {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        var midX: Double { (minX + maxX) / 2 }
        var midY: Double { (minY + maxY) / 2 }

        init(center: Point, width: Double, height: Double) {
            minX = center.x - width / 2
            maxX = center.x + width / 2
            minY = center.y - height / 2
            maxY = center.y + height / 2
        }
        init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
        func isCrossed(from a: Point, to b: Point) -> Bool {
            var low = 0.0
            var high = 1.0
            let dx = b.x - a.x
            let dy = b.y - a.y
            for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
                if p == 0 {
                    if q < 0 { return false }
                } else {
                    let t = q / p
                    if p < 0 { low = max(low, t) } else { high = min(high, t) }
                    if low > high { return false }
                }
            }
            return true
        }
    }

    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// A unit as drawn: a circle, or a pill (a rectangle whose corners are half its height)
    /// when its label is too wide for a circle of the row's height.
    struct DrawnUnit {
        var center: Point
        var width: Double
        var height: Double
        var isCircle: Bool { width <= height + 0.001 }
        var label: String
        var isBias: Bool
    }

    struct Edge {
        var from: Point
        var to: Point
        var weight: Double?
        var labelBox: Box?
    }

    struct Values {
        var box: Box
        var lines: [String]
    }

    struct ClassName {
        var origin: Point
        var width: Double
        var text: String
    }

    struct Caption {
        var x: Double
        var y: Double
        var lines: [String]
    }

    var units: [DrawnUnit] = []
    var gaps: [Point] = []
    var edges: [Edge] = []
    var values: [Values] = []
    var classNames: [ClassName] = []
    var captions: [Caption] = []
    var valuesInFigure: Bool
    var weightsOnEdges: Bool
    /// The picture is wider or taller than the room even at its smallest spacing: it is scaled
    /// down as a whole (a last resort, for very deep or tall networks).
    var needsScaling = false
    var width = 0.0
    var height = 0.0
    /// Whether a value is crossed or a label covered.
    var collides = false

    /// cm per pt.
    static let pointInCentimetres = 0.03515
    /// Where along an edge its weight sits (0 = source), tried in turn.
    static let labelPositions = [0.22, 0.3, 0.38]
    /// The gap between a unit and the values under it, and between rows, in cm.
    static let valueGap = 0.06
    static let rowGap = 0.35
    /// The colour of the deltas under the units.
    static let deltaColor = "red!70!black"
    /// The smallest unit circle and the bias circle, in cm.
    static let smallestUnit = 0.75
    static let biasDiameter = 0.65
    /// The widest unit drawn as a circle, in cm; a wider label gets a pill.
    static let widestCircle = 1.15
    /// MathWidth's estimate is about this much wider than pdflatex's typeset width.
    static let estimateFactor = 0.85

    /// The first layout, in order of preference, in which nothing collides: values under the
    /// units and weights on the edges; values in a table; weights in tables too.
    static func plan(_ figure: NetworkFigure, style: LaTeXRenderer.FigureStyle, writer: LaTeXMathWriter)
        -> FigureGeometry
    {
        let canLabelEdges = figure.labelsEdges
        var options: [(Bool, Bool)] = []
        if figure.showsValues {
            if canLabelEdges { options.append((true, true)) }
            options.append((true, false))
            if canLabelEdges { options.append((false, true)) }
            options.append((false, false))
        } else {
            if canLabelEdges { options.append((false, true)) }
            options.append((false, false))
        }
        var last: FigureGeometry?
        for (values, weights) in options {
            let positions = weights ? labelPositions : [0]
            // Edges aimed at the units' centres first; then edges that leave each unit on its
            // right and enter on its left, which keep clear of the values under the units.
            for anchored in [false, true] {
                for position in positions {
                    let geometry = FigureGeometry(
                        figure, style: style, writer: writer, valuesInFigure: values, weightsOnEdges: weights,
                        labelPosition: position, anchored: anchored)
                    if !geometry.collides && !geometry.needsScaling { return geometry }
                    last = geometry
                }
            }
        }
        return last
            ?? FigureGeometry(
                figure, style: style, writer: writer, valuesInFigure: false, weightsOnEdges: false, labelPosition: 0,
                anchored: false)
    }

    /// Lays out `figure` with the values under the units or not, the weights on the edges or not.
    init(
        _ figure: NetworkFigure, style: LaTeXRenderer.FigureStyle, writer: LaTeXMathWriter, valuesInFigure: Bool,
        weightsOnEdges: Bool, labelPosition: Double, anchored: Bool
    ) {
        self.valuesInFigure = valuesInFigure
        self.weightsOnEdges = weightsOnEdges
        let format = writer.format
        func centimetres(_ m: Math, points: Double) -> Double {
            MathWidth.of(m, format: format) * Self.estimateFactor * points * Self.pointInCentimetres
        }
        func textCentimetres(_ words: String, points: Double) -> Double {
            Double(words.count) * MathWidth.characterWidth * points * Self.pointInCentimetres
        }
        let lineHeight = style.smallPoints * 1.2 * Self.pointInCentimetres
        let layerCount = figure.layers.count

        // Sizes: one circle size per layer, fitting its widest label (and values).
        var diameters = figure.layers.map { units in
            max(Self.smallestUnit, (units.map { centimetres($0.label, points: style.labelPoints) }.max() ?? 0) + 0.2)
        }
        var valueLines: [[[String]]] = []
        var valueWidth = 0.0
        var valueLineCount = 0
        for units in figure.layers {
            var layerLines: [[String]] = []
            for unit in units {
                var lines: [String] = []
                // The activation above, the delta below in red (the legend says which is which).
                if let a = unit.activation {
                    lines.append("$" + writer.number(a) + "$")
                    valueWidth = max(valueWidth, centimetres(.number(a), points: style.smallPoints))
                }
                if let delta = unit.delta {
                    lines.append("\\textcolor{\(Self.deltaColor)}{$" + writer.number(delta) + "$}")
                    valueWidth = max(valueWidth, centimetres(.number(delta), points: style.smallPoints))
                }
                valueLineCount = max(valueLineCount, lines.count)
                layerLines.append(lines)
            }
            valueLines.append(layerLines)
        }
        // Values no wider than their unit: an edge ending on the unit cannot cross them.
        if valuesInFigure { diameters = diameters.map { max($0, valueWidth + 0.05) } }
        let diameter = diameters.max() ?? Self.smallestUnit
        // A unit wider than `widestCircle` is a pill of the smallest circle's height.
        let heights = diameters.map { $0 > Self.widestCircle ? Self.smallestUnit : $0 }
        let valueHeight = valuesInFigure ? Self.valueGap + Double(valueLineCount) * lineHeight + 0.05 : 0
        let weightWidth =
            (figure.weights.flatMap { matrix in
                (0..<matrix.rows).flatMap { i in (0..<matrix.columns).map { matrix[i, $0] } }
            }
            .map { centimetres(.number($0), points: style.smallPoints) }.max() ?? 0) + 0.08
        let weightHeight = style.smallPoints * Self.pointInCentimetres + 0.1
        let classWidth = min(
            3.0,
            figure.layers.last?.compactMap { $0.className.map { textCentimetres($0, points: style.smallPoints) } }
                .max() ?? 0)
        let classLines = classWidth > 0 ? (figure.layers.last ?? []).compactMap(\.className).map { name in
            (textCentimetres(name, points: style.smallPoints) / max(0.5, classWidth)).rounded(.up)
        }.max() ?? 1 : 0

        // Rows: the tallest column sets the pitch's count.
        let captionHeight = 2 * style.smallPoints * 1.2 * Self.pointInCentimetres + 0.15
        let room = style.maxHeight - captionHeight
        let rowPitches = figure.slots.enumerated().map { l, slots -> Double in
            let rows = Double(slots.count + (figure.hasBiasUnit(l) ? 1 : 0))
            let d = heights[l]
            var pitch = max(
                d + valueHeight + Self.rowGap, l == layerCount - 1 ? classLines * lineHeight + 0.2 : 0,
                weightsOnEdges ? max(diameter + weightHeight * 1.4, (weightHeight + 0.05) / labelPosition) : 0)
            if rows * pitch > room {
                pitch = max(d + valueHeight + 0.12, room / rows)
            }
            return pitch
        }
        for (l, slots) in figure.slots.enumerated()
        where Double(slots.count + (figure.hasBiasUnit(l) ? 1 : 0)) * rowPitches[l] > room + 0.01 {
            needsScaling = true
        }

        // Columns: as wide as preferred, narrower to fit, never so narrow that labels touch.
        let side = max(diameter, valuesInFigure ? valueWidth : 0)
        let captionLines = figure.layerCaptions.map(Self.captionLines)
        let captionWidth =
            (captionLines.joined().map { textCentimetres($0, points: style.smallPoints) }.max() ?? 0) + 0.1
        let leftMargin = max(side, captionWidth) / 2
        let rightMargin = max(side, captionWidth) / 2 + (classWidth > 0 ? diameter / 2 + 0.15 + classWidth : 0)
        let preferred = weightsOnEdges ? max(4.2, side + 2.2 * weightWidth) : 3.0
        let narrowest = max(side, captionWidth) + (weightsOnEdges ? weightWidth + 0.5 : 0.25)
        var columnPitch = preferred
        if layerCount > 1 {
            let fitting = (style.maxWidth - leftMargin - rightMargin) / Double(layerCount - 1)
            columnPitch = max(narrowest, min(preferred, fitting))
            if fitting < narrowest - 0.01 { needsScaling = true }
        }

        // Places.
        var centers: [[Int: Point]] = []
        var biasCenters: [Int: Point] = [:]
        var lowest = 0.0
        for (l, layerUnits) in figure.layers.enumerated() {
            let slots = NetworkFigure.slots(forLayerOf: layerUnits.count)
            let count = slots.count + (figure.hasBiasUnit(l) ? 1 : 0)
            let x = Double(l) * columnPitch
            let rowPitch = rowPitches[l]
            let diameter = diameters[l]
            let unitHeight = heights[l]
            var y = Double(count - 1) * rowPitch / 2
            var layerCenters: [Int: Point] = [:]
            if figure.hasBiasUnit(l) {
                biasCenters[l] = Point(x: x, y: y)
                units.append(
                    DrawnUnit(
                        center: Point(x: x, y: y), width: Self.biasDiameter, height: Self.biasDiameter, label: "+1",
                        isBias: true))
                y -= rowPitch
            }
            for slot in slots {
                switch slot {
                case .gap:
                    gaps.append(Point(x: x, y: y))
                case .unit(let k):
                    let center = Point(x: x, y: y)
                    layerCenters[k] = center
                    units.append(
                        DrawnUnit(
                            center: center, width: diameter, height: unitHeight,
                            label: writer.write(layerUnits[k].label), isBias: false))
                    let lines = valueLines[l][k]
                    if valuesInFigure, !lines.isEmpty {
                        let top = y - unitHeight / 2 - Self.valueGap
                        let box = Box(
                            minX: x - valueWidth / 2, minY: top - Double(lines.count) * lineHeight - 0.05,
                            maxX: x + valueWidth / 2, maxY: top)
                        values.append(Values(box: box, lines: lines))
                        lowest = min(lowest, box.minY)
                    }
                    if let name = layerUnits[k].className, l == layerCount - 1 {
                        classNames.append(
                            ClassName(origin: Point(x: x + diameter / 2 + 0.15, y: y), width: classWidth, text: name))
                    }
                    lowest = min(lowest, y - unitHeight / 2)
                }
                y -= rowPitch
            }
            centers.append(layerCenters)
        }
        for l in 0..<layerCount {
            captions.append(
                Caption(
                    x: Double(l) * columnPitch, y: lowest - 0.2,
                    lines: Self.captionLines(l < figure.layerCaptions.count ? figure.layerCaptions[l] : "")))
        }

        // Edges, trimmed to the circles, with their weight labels.
        for l in 0..<max(0, layerCount - 1) {
            var sources: [(Point, (Double, Double), Int)] = []
            if figure.showsBiasUnits, let bias = biasCenters[l] {
                sources.append((bias, (Self.biasDiameter, Self.biasDiameter), 0))
            }
            for k in figure.shownUnits(inLayer: l) {
                if let center = centers[l][k] { sources.append((center, (diameters[l], heights[l]), k + 1)) }
            }
            // How far from a unit's centre its outline is, in the direction (ux, uy).
            func reach(_ size: (Double, Double), _ ux: Double, _ uy: Double) -> Double {
                if size.0 <= size.1 + 0.001 { return size.0 / 2 }
                return min(size.0 / 2 / max(0.001, abs(ux)), size.1 / 2 / max(0.001, abs(uy)))
            }
            for (source, sourceSize, column) in sources {
                for i in figure.shownUnits(inLayer: l + 1) {
                    guard let target = centers[l + 1][i] else { continue }
                    let targetSize = (diameters[l + 1], heights[l + 1])
                    let dx = target.x - source.x
                    let dy = target.y - source.y
                    let length = max(0.001, (dx * dx + dy * dy).squareRoot())
                    let (ux, uy) = (dx / length, dy / length)
                    let out = reach(sourceSize, ux, uy)
                    let into = reach(targetSize, ux, uy)
                    var from = Point(x: source.x + ux * out, y: source.y + uy * out)
                    var to = Point(x: target.x - ux * into, y: target.y - uy * into)
                    if anchored {
                        from = Point(x: source.x + sourceSize.0 / 2, y: source.y)
                        to = Point(x: target.x - targetSize.0 / 2, y: target.y)
                    }
                    var edge = Edge(from: from, to: to, weight: nil, labelBox: nil)
                    if weightsOnEdges, let weight = figure.weight(layer: l, into: i, fromColumn: column) {
                        edge.weight = weight
                        let at = Point(
                            x: from.x + (to.x - from.x) * labelPosition, y: from.y + (to.y - from.y) * labelPosition)
                        edge.labelBox = Box(center: at, width: weightWidth, height: weightHeight)
                    }
                    edges.append(edge)
                }
            }
        }

        // Collisions: an edge through a value, a label over a value, a unit or another label.
        let valueBoxes = values.map(\.box)
        let unitBoxes = units.map {
            Box(center: $0.center, width: $0.width, height: $0.height)
        }
        let labelBoxes = edges.compactMap(\.labelBox)
        let classBoxes = classNames.map {
            Box(
                minX: $0.origin.x, minY: $0.origin.y - classLines * lineHeight / 2, maxX: $0.origin.x + $0.width,
                maxY: $0.origin.y + classLines * lineHeight / 2)
        }
        check: for edge in edges {
            for box in valueBoxes + classBoxes where box.isCrossed(from: edge.from, to: edge.to) {
                collides = true
                break check
            }
        }
        if !collides {
            let obstacles = valueBoxes + unitBoxes + classBoxes
            outer: for (index, label) in labelBoxes.enumerated() {
                for other in labelBoxes[(index + 1)...] where label.overlaps(other) {
                    collides = true
                    break outer
                }
                for box in obstacles where label.overlaps(box) {
                    collides = true
                    break outer
                }
            }
        }
        // A weight covers only its own edge, so no one can read it as another edge's.
        if !collides {
            labels: for (index, edge) in edges.enumerated() {
                guard let label = edge.labelBox else { continue }
                for (otherIndex, other) in edges.enumerated()
                where otherIndex != index && label.isCrossed(from: other.from, to: other.to) {
                    collides = true
                    break labels
                }
            }
        }
        if !collides {
            for (index, box) in classBoxes.enumerated() {
                for other in classBoxes[(index + 1)...] where box.overlaps(other) { collides = true }
            }
        }
        let xs = units.map(\.center.x)
        width = (xs.max() ?? 0) - (xs.min() ?? 0) + leftMargin + rightMargin
        height = (units.map { $0.center.y + $0.height / 2 }.max() ?? 0) - lowest + captionHeight
    }

    /// "layer 2 (hidden)" on two lines: "layer 2" and "(hidden)".
    static func captionLines(_ caption: String) -> [String] {
        guard let open = caption.firstIndex(of: "(") else { return [caption] }
        let first = String(caption[..<open]).trimmingSpaces
        return first.isEmpty ? [caption] : [first, String(caption[open...])]
    }
}
