/// Where every part of a network figure goes, in cm, and whether the values and weights fit
/// in the picture without an edge crossing a value or one label covering another.
///
/// One layout (values under the units or not, weights on the edges or not) is made in named
/// steps, each a static function of what the steps before it found, so each can be read and
/// tested alone:
///
/// 1. `measures`: every size the layout needs, before anything is placed: `unitDiameters`
///    (the circle each layer's labels need), `valueLines` (the lines under each unit),
///    `unitShapes` (circles widened for the values, pills for wide labels), `weightLabelSize`
///    and `classNameColumn`;
/// 2. `rowPitches` (and `rowsFit`): the distance between the rows of each layer;
/// 3. `columns`: the distance between the layers, and the margins;
/// 4. `positions`: every unit, gap, value box and class name;
/// 5. `captions`: the layer captions under the lowest unit;
/// 6. `edges`: the edges, trimmed to the units' outlines, with their weight labels' boxes;
/// 7. `labelsFit`: whether no edge crosses a value and no label covers another;
/// 8. `extent`: the picture's width and height.
///
/// Conventions throughout: lengths are in cm, font sizes in pt (`pointInCentimetres`
/// converts); x grows to the right and y upwards, as in TikZ, with the first layer's column at
/// x = 0 and each column centred on y = 0. Layer index l is the figure's (0 = input, Ng's
/// layer l + 1); unit index k is 0-based within its layer and counts the units left out of a
/// large layer (`NetworkFigure.slots(forLayerOf:)`); the bias unit has no index.
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

    /// A point in cm.
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// A width and a height in cm.
    struct Size: Equatable {
        var width: Double
        var height: Double
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

    /// An edge from a unit's outline to the next layer's unit's, and its weight label's box
    /// when the weight is written on it.
    struct Edge {
        var from: Point
        var to: Point
        var weight: Double?
        /// The weight's name in the notation (w₅, Θ⁽²⁾₁₀), when the label names it.
        var name: Math?
        var labelBox: Box?

    }

    /// A unit's values as printed under it (LaTeX lines), and the box they take.
    struct Values {
        var box: Box
        var lines: [String]
    }

    /// An output unit's class name: its left end, middle height (`origin`) and column width.
    struct ClassName {
        var origin: Point
        var width: Double
        var text: String
    }

    /// A layer's caption: its top centre and its lines.
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
    /// Whether each edge's label names its weight in the notation above its value (w₅ over
    /// 0.4000, as Mazur labels his figure "w₅ .40").
    var namesOnEdges = false
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
    /// MathWidth gives TeX's widths at the normal size (the figure's 8 and 9 pt fonts are a
    /// little wider per pt, which the layout's gaps absorb).
    static let estimateFactor = 0.85

    /// The first layout, in order of preference, in which nothing collides: values under the
    /// units and weights on the edges, named (`namesOnEdges`: w₅ above 0.4000, as Mazur labels
    /// his figure) or values only; values in a table; weights in tables too.
    ///
    /// A name is worth less than a unit's values (the step's numbers) and more than nothing:
    /// where named labels do not fit the edges, they carry "0.4000" as before, and the weight
    /// tables, when the weights leave the edges, name every weight by row and column.
    static func plan(_ figure: NetworkFigure, style: LaTeXRenderer.FigureStyle, writer: LaTeXMathWriter)
        -> FigureGeometry
    {
        let canLabelEdges = figure.labelsEdges
        let canName = canLabelEdges && !figure.weightEntrySymbols.isEmpty
        // (values under the units, weights on the edges, their names on the edges)
        var options: [(Bool, Bool, Bool)] = []
        for values in figure.showsValues ? [true, false] : [false] {
            if canName { options.append((values, true, true)) }
            if canLabelEdges { options.append((values, true, false)) }
            options.append((values, false, false))
        }
        var last: FigureGeometry?
        for (values, weights, names) in options {
            let positions = weights ? labelPositions : [0]
            // Edges aimed at the units' centres first; then edges that leave each unit on its
            // right and enter on its left, which keep clear of the values under the units.
            for anchored in [false, true] {
                for position in positions {
                    let geometry = FigureGeometry(
                        figure, style: style, writer: writer, valuesInFigure: values, weightsOnEdges: weights,
                        namesOnEdges: names, labelPosition: position, anchored: anchored)
                    if !geometry.collides && !geometry.needsScaling { return geometry }
                    last = geometry
                }
            }
        }
        return last
            ?? FigureGeometry(
                figure, style: style, writer: writer, valuesInFigure: false, weightsOnEdges: false, namesOnEdges: false,
                labelPosition: 0, anchored: false)
    }

    /// Lays out `figure` with the values under the units or not, the weights on the edges or
    /// not (at `labelPosition` along each edge, 0 = source), named or not (`namesOnEdges`),
    /// the edges aimed at the units' centres or, `anchored`, leaving each unit on its right
    /// and entering on its left.
    init(
        _ figure: NetworkFigure, style: LaTeXRenderer.FigureStyle, writer: LaTeXMathWriter, valuesInFigure: Bool,
        weightsOnEdges: Bool, namesOnEdges: Bool = false, labelPosition: Double, anchored: Bool
    ) {
        self.valuesInFigure = valuesInFigure
        self.weightsOnEdges = weightsOnEdges
        self.namesOnEdges = weightsOnEdges && namesOnEdges
        let measures = Self.measures(
            figure, style: style, writer: writer, valuesInFigure: valuesInFigure, namesOnEdges: self.namesOnEdges)
        let room = style.maxHeight - measures.captionHeight
        let rowPitches = Self.rowPitches(
            figure, measures: measures, weightsOnEdges: weightsOnEdges, labelPosition: labelPosition, room: room)
        let columns = Self.columns(figure, measures: measures, weightsOnEdges: weightsOnEdges, maxWidth: style.maxWidth)
        needsScaling = !Self.rowsFit(figure, rowPitches: rowPitches, room: room) || !columns.fit

        let placed = Self.positions(
            figure, measures: measures, rowPitches: rowPitches, columnPitch: columns.pitch, writer: writer)
        units = placed.units
        gaps = placed.gaps
        values = placed.values
        classNames = placed.classNames
        captions = Self.captions(figure, columnPitch: columns.pitch, lowest: placed.lowest)
        edges = Self.edges(
            figure, placed: placed, shapes: measures.shapes, weightLabel: weightsOnEdges ? measures.weightLabel : nil,
            names: self.namesOnEdges, labelPosition: labelPosition, anchored: anchored)
        if self.namesOnEdges {
            edges = Self.spreadLabels(edges, obstacles: values.map(\.box) + units.map { Box(center: $0.center, width: $0.width, height: $0.height) })
        }
        collides = !Self.labelsFit(
            edges: edges, values: values, units: units, classNames: classNames,
            classNameHeight: measures.classNames.lines * measures.lineHeight)
        let size = Self.extent(
            units: units, lowest: placed.lowest, columns: columns, captionHeight: measures.captionHeight)
        width = size.width
        height = size.height
    }

    /// "layer 2 (hidden)" on two lines: "layer 2" and "(hidden)".
    static func captionLines(_ caption: String) -> [String] {
        guard let open = caption.firstIndex(of: "(") else { return [caption] }
        let first = String(caption[..<open]).trimmingSpaces
        return first.isEmpty ? [caption] : [first, String(caption[open...])]
    }
}

// MARK: - Step 1: sizes, measured before anything is placed

extension FigureGeometry {
    /// Text widths as the layout estimates them (pdflatex typesets a little narrower), in cm.
    struct Ruler {
        /// How the figure writes numbers: a value's width depends on its digits.
        var format: NumberFormat

        /// The width of `m` set at `points` pt, in cm.
        func width(_ m: Math, points: Double) -> Double {
            MathWidth.of(m, format: format) * FigureGeometry.estimateFactor * points * FigureGeometry.pointInCentimetres
        }

        /// The width of the plain text `words` set at `points` pt, in cm.
        func width(ofText words: String, points: Double) -> Double {
            Double(words.count) * MathWidth.characterWidth * points * FigureGeometry.pointInCentimetres
        }
    }

    /// Every size the layout needs, in cm, measured once for one choice of values in the
    /// figure or not. Per-layer arrays are indexed by layer l (0 = input).
    struct Measures {
        /// Whether the values sit under the units (otherwise they go into a table, and
        /// `valueHeight` is 0).
        var valuesInFigure: Bool
        /// The height of one line of small text (values, class names): 1.2 × the small size.
        var lineHeight: Double
        /// Each unit's value lines, their widest value and their most lines (`valueLines`).
        var values: ValueLines
        /// Each layer's unit width and height, and the widest unit (`unitShapes`).
        var shapes: UnitShapes
        /// The room a unit's values take under it, the gap included; 0 without values in the
        /// figure.
        var valueHeight: Double
        /// The box of one weight label (`weightLabelSize`).
        var weightLabel: Size
        /// The class names' column right of the output units (`classNameColumn`).
        var classNames: ClassNameColumn
        /// The widest line of any layer caption, plus 0.1 cm.
        var captionWidth: Double
        /// The room under the lowest unit for two lines of captions (none without captions).
        var captionHeight: Double
    }

    /// Step 1: every size the layout needs, fonts taken from `style` (labels at
    /// `labelPoints`, values, weights, class names and captions at `smallPoints`).
    static func measures(
        _ figure: NetworkFigure, style: LaTeXRenderer.FigureStyle, writer: LaTeXMathWriter, valuesInFigure: Bool,
        namesOnEdges: Bool = false
    ) -> Measures {
        let ruler = Ruler(format: writer.format)
        let small = style.smallPoints
        let lineHeight = small * 1.2 * pointInCentimetres
        let values = valueLines(figure, writer: writer, points: small, ruler: ruler)
        let captionText = figure.layerCaptions.map(captionLines).joined()
        return Measures(
            valuesInFigure: valuesInFigure,
            lineHeight: lineHeight,
            values: values,
            shapes: unitShapes(
                diameters: unitDiameters(figure, points: style.labelPoints, ruler: ruler),
                valueWidth: valuesInFigure ? values.width : nil),
            valueHeight: valuesInFigure ? valueGap + Double(values.lineCount) * lineHeight + 0.05 : 0,
            weightLabel: weightLabelSize(figure, points: small, ruler: ruler, named: namesOnEdges),
            classNames: classNameColumn(figure, points: small, ruler: ruler),
            captionWidth: (captionText.map { ruler.width(ofText: $0, points: small) }.max() ?? 0) + 0.1,
            captionHeight: captionText.allSatisfy(\.isEmpty) ? 0 : 2 * small * 1.2 * pointInCentimetres + 0.15)
    }

    /// The circle each layer's units need for their labels at `points` pt, in cm, one per
    /// layer l (0 = input) so that a column's units match: the widest label of the layer
    /// (the units left out of a large layer included) plus 0.2 cm, at least `smallestUnit`.
    static func unitDiameters(_ figure: NetworkFigure, points: Double, ruler: Ruler) -> [Double] {
        figure.layers.map { units in
            max(smallestUnit, (units.map { ruler.width($0.label, points: points) }.max() ?? 0) + 0.2)
        }
    }

    /// The values printed under the units.
    struct ValueLines {
        /// `lines[l][k]`: the LaTeX lines under unit k of layer l (both 0-based), its activation
        /// first, then its delta in `deltaColor` (the legend says which is which); empty for
        /// a unit without values.
        var lines: [[[String]]]
        /// The widest value at the small size, in cm (0 without values).
        var width: Double
        /// The most lines under one unit: 0, 1 or 2.
        var lineCount: Int
    }

    /// Every unit's value lines, and the widest value set at `points` pt.
    static func valueLines(_ figure: NetworkFigure, writer: LaTeXMathWriter, points: Double, ruler: Ruler)
        -> ValueLines
    {
        var result = ValueLines(lines: [], width: 0, lineCount: 0)
        for units in figure.layers {
            var layerLines: [[String]] = []
            for unit in units {
                var lines: [String] = []
                if let a = unit.activation {
                    lines.append("$" + writer.number(a) + "$")
                    result.width = max(result.width, ruler.width(.number(a), points: points))
                }
                if let delta = unit.delta {
                    lines.append("\\textcolor{\(deltaColor)}{$" + writer.number(delta) + "$}")
                    result.width = max(result.width, ruler.width(.number(delta), points: points))
                }
                result.lineCount = max(result.lineCount, lines.count)
                layerLines.append(lines)
            }
            result.lines.append(layerLines)
        }
        return result
    }

    /// The outline of each layer's units, in cm, indexed by layer l (0 = input).
    struct UnitShapes {
        /// A unit's width: its layer's diameter, or the values' width + 0.05 cm when that is
        /// wider and the values sit under the units.
        var widths: [Double]
        /// A unit's height: its width for a circle; `smallestUnit` for a pill, a unit wider
        /// than `widestCircle`.
        var heights: [Double]
        /// The widest unit of the figure (`smallestUnit` for a figure without layers).
        var widest: Double
    }

    /// The units' outlines from their label `diameters` (one per layer) and, when the values
    /// sit under the units, the widest value `valueWidth` (both in cm).
    static func unitShapes(diameters: [Double], valueWidth: Double?) -> UnitShapes {
        // Values no wider than their unit: an edge ending on the unit cannot cross them.
        let widths = valueWidth.map { valueWidth in diameters.map { max($0, valueWidth + 0.05) } } ?? diameters
        return UnitShapes(
            widths: widths, heights: widths.map { $0 > widestCircle ? smallestUnit : $0 },
            widest: widths.max() ?? smallestUnit)
    }

    /// How much wider pdflatex sets a weight's name (b_h1, Θ⁽²⁾₁₀) than `Ruler` estimates:
    /// "b_h1 = 0.3500" measured 46.1 pt against 36.4 pt estimated at 8 pt in beamer's sans
    /// serif (`pdftotext -bbox`), rounded up. Values alone keep the plain estimate, which the
    /// gaps between labels absorb.
    static let namedLabelFactor = 1.3

    /// The box of one weight label on an edge, in cm: as wide as the widest weight of the
    /// figure set at `points` pt (`named`: or its name, set above it) plus 0.08 cm, as high as
    /// one line of `points` pt plus 0.1 cm (`named`: two lines, 1.2 × `points` apart).
    static func weightLabelSize(_ figure: NetworkFigure, points: Double, ruler: Ruler, named: Bool = false) -> Size {
        var widest = 0.0
        for (l, matrix) in figure.weights.enumerated() {
            for i in 0..<matrix.rows {
                for j in 0..<matrix.columns {
                    widest = max(widest, ruler.width(.number(matrix[i, j]), points: points))
                    // A named label: the name above the value, each estimate raised to what
                    // pdflatex sets (`namedLabelFactor`).
                    if named, let name = figure.weightSymbol(layer: l, into: i, fromColumn: j) {
                        widest = max(widest, ruler.width(name, points: points) * namedLabelFactor)
                    }
                }
            }
        }
        let lines = named ? 2.0 : 1.0
        return Size(width: widest + 0.08, height: lines * points * pointInCentimetres * (named ? 1.2 : 1) + 0.1)
    }

    /// The column of class names right of the output units.
    struct ClassNameColumn {
        /// The widest name at the small size, at most 3 cm; 0 when no output unit has one.
        var width: Double
        /// The most lines a name wraps to in that width (at least 0.5 cm); 0 without names.
        var lines: Double
    }

    /// The class names' column for the last layer's units, names set at `points` pt.
    static func classNameColumn(_ figure: NetworkFigure, points: Double, ruler: Ruler) -> ClassNameColumn {
        let widths = (figure.layers.last ?? []).compactMap(\.className).map { ruler.width(ofText: $0, points: points) }
        let width = min(3.0, widths.max() ?? 0)
        let lines = width > 0 ? widths.map { ($0 / max(0.5, width)).rounded(.up) }.max() ?? 1 : 0
        return ClassNameColumn(width: width, lines: lines)
    }
}

// MARK: - Steps 2–3: rows and columns

extension FigureGeometry {
    /// How many rows layer l's column has: its slots (units and the gap of a large layer) and
    /// its bias unit.
    static func rowCount(_ figure: NetworkFigure, layer l: Int) -> Int {
        NetworkFigure.slots(forLayerOf: figure.layers[l].count).count + (figure.hasBiasUnit(l) ? 1 : 0)
    }

    /// Step 2: the distance between neighbouring rows' centres in each layer l, in cm.
    ///
    /// A row holds a unit, its values and `rowGap`; the output layer's rows are as tall as
    /// its class names (+ 0.2 cm); with weights on the edges, rows are far enough apart for
    /// labels at `labelPosition` (0 = source) of neighbouring edges to clear each other. A
    /// column taller than `room` closes up to fit, but never closer than a unit and its
    /// values + 0.12 cm (`rowsFit` says whether it then fits).
    static func rowPitches(
        _ figure: NetworkFigure, measures: Measures, weightsOnEdges: Bool, labelPosition: Double, room: Double
    ) -> [Double] {
        let layerCount = figure.layers.count
        let classNameHeight = measures.classNames.lines * measures.lineHeight
        let label = measures.weightLabel
        return figure.layers.indices.map { l -> Double in
            let rows = Double(rowCount(figure, layer: l))
            let d = measures.shapes.heights[l]
            let labelsApart =
                weightsOnEdges
                ? max(measures.shapes.widest + label.height * 1.4, (label.height + 0.05) / labelPosition) : 0
            var pitch = max(
                d + measures.valueHeight + rowGap, l == layerCount - 1 ? classNameHeight + 0.2 : 0, labelsApart)
            if rows * pitch > room {
                pitch = max(d + measures.valueHeight + 0.12, room / rows)
            }
            return pitch
        }
    }

    /// Whether every column, at its `rowPitches`, fits in `room` cm (1/100 cm to spare).
    static func rowsFit(_ figure: NetworkFigure, rowPitches: [Double], room: Double) -> Bool {
        !figure.layers.indices.contains { l in Double(rowCount(figure, layer: l)) * rowPitches[l] > room + 0.01 }
    }

    /// The horizontal layout, in cm.
    struct Columns {
        /// The distance between neighbouring layers' centres.
        var pitch: Double
        /// The room left of the first layer's centre and right of the last one's (its class
        /// names included).
        var leftMargin: Double
        var rightMargin: Double
        /// Whether the layers fit in the width at a pitch that keeps their labels apart.
        var fit: Bool
    }

    /// Step 3: the columns, as far apart as preferred (4.2 cm or more with weights on the
    /// edges, else 3 cm), closer to fit in `maxWidth`, never so close that units, values,
    /// captions or weight labels of neighbouring layers touch.
    static func columns(_ figure: NetworkFigure, measures: Measures, weightsOnEdges: Bool, maxWidth: Double)
        -> Columns
    {
        let side = max(measures.shapes.widest, measures.valuesInFigure ? measures.values.width : 0)
        let half = max(side, measures.captionWidth) / 2
        let classWidth = measures.classNames.width
        let weightWidth = measures.weightLabel.width
        let rightMargin = half + (classWidth > 0 ? measures.shapes.widest / 2 + 0.15 + classWidth : 0)
        let preferred = weightsOnEdges ? max(4.2, side + 2.2 * weightWidth) : 3.0
        let narrowest = max(side, measures.captionWidth) + (weightsOnEdges ? weightWidth + 0.5 : 0.25)
        var columns = Columns(pitch: preferred, leftMargin: half, rightMargin: rightMargin, fit: true)
        let layerCount = figure.layers.count
        if layerCount > 1 {
            let fitting = (maxWidth - half - rightMargin) / Double(layerCount - 1)
            columns.pitch = max(narrowest, min(preferred, fitting))
            columns.fit = !(fitting < narrowest - 0.01)
        }
        return columns
    }
}

// MARK: - Steps 4–5: positions and captions

extension FigureGeometry {
    /// The drawn parts in their places, and the centres the edges join.
    struct Placement {
        /// Layer by layer, input first; in each, the bias unit, then the units top to bottom.
        var units: [DrawnUnit] = []
        /// The ⋮ of each large layer, where its left-out units would be.
        var gaps: [Point] = []
        /// The value boxes, in the order of `units` (only with values in the figure).
        var values: [Values] = []
        /// The output units' class names, top to bottom.
        var classNames: [ClassName] = []
        /// `centers[l][k]`: the centre of unit k of layer l, for the units drawn.
        var centers: [[Int: Point]] = []
        /// The centre of layer l's bias unit, for the layers that have one.
        var biasCenters: [Int: Point] = [:]
        /// The lowest y of any unit or value box (never above 0).
        var lowest = 0.0
    }

    /// Step 4: layer l's column at x = l × `columnPitch`, its rows `rowPitches[l]` apart and
    /// centred on y = 0, the bias unit on top; values hang `valueGap` under their unit; class
    /// names start 0.15 cm right of their output unit.
    static func positions(
        _ figure: NetworkFigure, measures: Measures, rowPitches: [Double], columnPitch: Double,
        writer: LaTeXMathWriter
    ) -> Placement {
        var placed = Placement()
        let lineHeight = measures.lineHeight
        let valueWidth = measures.values.width
        for (l, layerUnits) in figure.layers.enumerated() {
            let x = Double(l) * columnPitch
            let rowPitch = rowPitches[l]
            let unitWidth = measures.shapes.widths[l]
            let unitHeight = measures.shapes.heights[l]
            var y = Double(rowCount(figure, layer: l) - 1) * rowPitch / 2
            var layerCenters: [Int: Point] = [:]
            if figure.hasBiasUnit(l) {
                placed.biasCenters[l] = Point(x: x, y: y)
                placed.units.append(
                    DrawnUnit(
                        center: Point(x: x, y: y), width: biasDiameter, height: biasDiameter, label: "+1",
                        isBias: true))
                y -= rowPitch
            }
            for slot in NetworkFigure.slots(forLayerOf: layerUnits.count) {
                switch slot {
                case .gap:
                    placed.gaps.append(Point(x: x, y: y))
                case .unit(let k):
                    let center = Point(x: x, y: y)
                    layerCenters[k] = center
                    placed.units.append(
                        DrawnUnit(
                            center: center, width: unitWidth, height: unitHeight,
                            label: writer.write(layerUnits[k].label), isBias: false))
                    let lines = measures.values.lines[l][k]
                    if measures.valuesInFigure, !lines.isEmpty {
                        let top = y - unitHeight / 2 - valueGap
                        let box = Box(
                            minX: x - valueWidth / 2, minY: top - Double(lines.count) * lineHeight - 0.05,
                            maxX: x + valueWidth / 2, maxY: top)
                        placed.values.append(Values(box: box, lines: lines))
                        placed.lowest = min(placed.lowest, box.minY)
                    }
                    if let name = layerUnits[k].className, l == figure.layers.count - 1 {
                        placed.classNames.append(
                            ClassName(
                                origin: Point(x: x + unitWidth / 2 + 0.15, y: y), width: measures.classNames.width,
                                text: name))
                    }
                    placed.lowest = min(placed.lowest, y - unitHeight / 2)
                }
                y -= rowPitch
            }
            placed.centers.append(layerCenters)
        }
        return placed
    }

    /// Step 5: one caption per layer, centred on its column at x = l × `columnPitch`, its top
    /// 0.2 cm under the `lowest` unit or value; a layer without a caption gets an empty one.
    static func captions(_ figure: NetworkFigure, columnPitch: Double, lowest: Double) -> [Caption] {
        figure.layers.indices.map { l in
            Caption(
                x: Double(l) * columnPitch, y: lowest - 0.2,
                lines: captionLines(l < figure.layerCaptions.count ? figure.layerCaptions[l] : ""))
        }
    }
}

// MARK: - Steps 6–8: edges, collisions, extent

extension FigureGeometry {
    /// Step 6: an edge from every drawn unit of layer l (the bias unit first, when drawn) to
    /// every drawn unit of layer l + 1, in that order, trimmed to both outlines (or, when
    /// `anchored`, from the source's right end to the target's left end). With a
    /// `weightLabel` box, each edge whose weight the figure has carries it (and, with `names`,
    /// the weight's name), the box centred at `labelPosition` along the edge (0 = source).
    static func edges(
        _ figure: NetworkFigure, placed: Placement, shapes: UnitShapes, weightLabel: Size?, names: Bool = false,
        labelPosition: Double, anchored: Bool
    ) -> [Edge] {
        var edges: [Edge] = []
        for l in 0..<max(0, figure.layers.count - 1) {
            // Each source's centre, its outline (width, height) and its weight column (0 = bias).
            var sources: [(Point, Size, Int)] = []
            if figure.showsBiasUnits, let bias = placed.biasCenters[l] {
                sources.append((bias, Size(width: biasDiameter, height: biasDiameter), 0))
            }
            for k in figure.shownUnits(inLayer: l) {
                if let center = placed.centers[l][k] {
                    sources.append((center, Size(width: shapes.widths[l], height: shapes.heights[l]), k + 1))
                }
            }
            let targetSize = Size(width: shapes.widths[l + 1], height: shapes.heights[l + 1])
            for (source, sourceSize, column) in sources {
                for i in figure.shownUnits(inLayer: l + 1) {
                    guard let target = placed.centers[l + 1][i] else { continue }
                    let dx = target.x - source.x
                    let dy = target.y - source.y
                    let length = max(0.001, (dx * dx + dy * dy).squareRoot())
                    let (ux, uy) = (dx / length, dy / length)
                    let out = reach(sourceSize, ux, uy)
                    let into = reach(targetSize, ux, uy)
                    var from = Point(x: source.x + ux * out, y: source.y + uy * out)
                    var to = Point(x: target.x - ux * into, y: target.y - uy * into)
                    if anchored {
                        from = Point(x: source.x + sourceSize.width / 2, y: source.y)
                        to = Point(x: target.x - targetSize.width / 2, y: target.y)
                    }
                    var edge = Edge(from: from, to: to, weight: nil, name: nil, labelBox: nil)
                    if let weightLabel, let weight = figure.weight(layer: l, into: i, fromColumn: column) {
                        edge.weight = weight
                        if names { edge.name = figure.weightSymbol(layer: l, into: i, fromColumn: column) }
                        let at = Point(
                            x: from.x + (to.x - from.x) * labelPosition, y: from.y + (to.y - from.y) * labelPosition)
                        edge.labelBox = Box(center: at, width: weightLabel.width, height: weightLabel.height)
                    }
                    edges.append(edge)
                }
            }
        }
        return edges
    }

    /// Where along its edge each label goes when one place for all does not fit (a named
    /// label is about twice as wide as a value): edge by edge, in order, the first of
    /// `spreadPositions` (0 = source) where the label covers no obstacle and no label placed
    /// before it and no other edge crosses it; an edge with no such place keeps its label
    /// where it was (and `labelsFit` then says the layout collides).
    static func spreadLabels(_ edges: [Edge], obstacles: [Box]) -> [Edge] {
        var edges = edges
        var placed: [Box] = []
        for index in edges.indices {
            guard let box = edges[index].labelBox else { continue }
            let edge = edges[index]
            func moved(_ t: Double) -> Box {
                Box(
                    center: Point(x: edge.from.x + (edge.to.x - edge.from.x) * t, y: edge.from.y + (edge.to.y - edge.from.y) * t),
                    width: box.maxX - box.minX, height: box.maxY - box.minY)
            }
            let free = { (candidate: Box) -> Bool in
                !(obstacles + placed).contains { $0.overlaps(candidate) }
                    && !edges.indices.contains { $0 != index && candidate.isCrossed(from: edges[$0].from, to: edges[$0].to) }
            }
            let chosen = free(box) ? box : spreadPositions.lazy.map(moved).first(where: free) ?? box
            edges[index].labelBox = chosen
            placed.append(chosen)
        }
        return edges
    }

    /// The places along an edge (0 = source) `spreadLabels` tries, near the source first.
    static let spreadPositions = [0.22, 0.3, 0.38, 0.46, 0.54, 0.62, 0.7, 0.78]

    /// How far from a unit's centre its outline is in the unit direction (ux, uy), in cm:
    /// the radius of a circle; for a pill, where the ray leaves its bounding box.
    static func reach(_ size: Size, _ ux: Double, _ uy: Double) -> Double {
        if size.width <= size.height + 0.001 { return size.width / 2 }
        return min(size.width / 2 / max(0.001, abs(ux)), size.height / 2 / max(0.001, abs(uy)))
    }

    /// Step 7: whether everything can be read: no edge crosses a value box or a class name;
    /// no weight label overlaps another label, a value, a unit or a class name; a weight label
    /// is crossed by no edge but its own (so no one reads it as another edge's); and no two
    /// class names overlap. A class name's box is `classNameHeight` cm high, centred on its
    /// origin.
    static func labelsFit(
        edges: [Edge], values: [Values], units: [DrawnUnit], classNames: [ClassName], classNameHeight: Double
    ) -> Bool {
        let valueBoxes = values.map(\.box)
        let unitBoxes = units.map { Box(center: $0.center, width: $0.width, height: $0.height) }
        let labelBoxes = edges.compactMap(\.labelBox)
        let classBoxes = classNames.map {
            Box(
                minX: $0.origin.x, minY: $0.origin.y - classNameHeight / 2, maxX: $0.origin.x + $0.width,
                maxY: $0.origin.y + classNameHeight / 2)
        }
        for edge in edges {
            for box in valueBoxes + classBoxes where box.isCrossed(from: edge.from, to: edge.to) { return false }
        }
        let obstacles = valueBoxes + unitBoxes + classBoxes
        for (index, label) in labelBoxes.enumerated() {
            for other in labelBoxes[(index + 1)...] where label.overlaps(other) { return false }
            for box in obstacles where label.overlaps(box) { return false }
        }
        for (index, edge) in edges.enumerated() {
            guard let label = edge.labelBox else { continue }
            for (otherIndex, other) in edges.enumerated()
            where otherIndex != index && label.isCrossed(from: other.from, to: other.to) {
                return false
            }
        }
        for (index, box) in classBoxes.enumerated() {
            for other in classBoxes[(index + 1)...] where box.overlaps(other) { return false }
        }
        return true
    }

    /// Step 8: the picture's size in cm: from the leftmost to the rightmost unit's centre plus
    /// the margins; from the top of the highest unit to the `lowest` unit or value, plus the
    /// captions' height.
    static func extent(units: [DrawnUnit], lowest: Double, columns: Columns, captionHeight: Double) -> Size {
        let xs = units.map(\.center.x)
        return Size(
            width: (xs.max() ?? 0) - (xs.min() ?? 0) + columns.leftMargin + columns.rightMargin,
            height: (units.map { $0.center.y + $0.height / 2 }.max() ?? 0) - lowest + captionHeight)
    }
}
