import BackpropCore
import BackpropTestSupport
import Testing

@testable import BackpropRendering

/// Each step of the TikZ figure layout (`FigureGeometry`) alone, on one small figure: what the
/// step promises the steps after it. The whole layout is checked on every built-in lesson in
/// LaTeXRendererTests (`figureGeometry`) and byte for byte by the goldens.
@Suite("figure geometry, step by step")
struct FigureGeometryTests {
    typealias Geometry = FigureGeometry

    /// The fixtures' 2-2 figure (values, deltas, weights), its outputs named as classes.
    static let figure: NetworkFigure = {
        var figure = Fixtures.figure
        figure.layers[1][0].className = "setosa"
        figure.layers[1][1].className = "versicolor"
        return figure
    }()

    let figure = Self.figure
    let style = LaTeXRenderer.FigureStyle.article
    let writer = LaTeXMathWriter(decimals: 4, flavor: .pdflatex)
    var ruler: Geometry.Ruler { Geometry.Ruler(format: writer.format) }
    var small: Double { style.smallPoints }
    /// Where the weight labels sit along the edges: the first position the plan tries.
    let labelPosition = Geometry.labelPositions[0]
    /// Floating-point slack for comparisons of sums, in cm.
    let slack = 1e-9

    func measures(valuesInFigure: Bool = true) -> Geometry.Measures {
        Geometry.measures(figure, style: style, writer: writer, valuesInFigure: valuesInFigure)
    }

    /// The figure's layout up to its placed units, with values under them and weights on the edges.
    func placement() -> (Geometry.Measures, Geometry.Columns, Geometry.Placement) {
        let measures = self.measures()
        let room = style.maxHeight - measures.captionHeight
        let pitches = Geometry.rowPitches(
            figure, measures: measures, weightsOnEdges: true, labelPosition: labelPosition, room: room)
        let columns = Geometry.columns(figure, measures: measures, weightsOnEdges: true, maxWidth: style.maxWidth)
        let placed = Geometry.positions(
            figure, measures: measures, rowPitches: pitches, columnPitch: columns.pitch, writer: writer)
        return (measures, columns, placed)
    }

    @Test("unitDiameters: every label fits in its layer's circle with 0.2 cm to spare, no circle below the smallest")
    func unitDiameters() {
        let diameters = Geometry.unitDiameters(figure, points: style.labelPoints, ruler: ruler)
        #expect(diameters.count == figure.layers.count)
        for (l, units) in figure.layers.enumerated() {
            #expect(diameters[l] >= Geometry.smallestUnit)
            for unit in units {
                #expect(ruler.width(unit.label, points: style.labelPoints) + 0.2 <= diameters[l] + slack)
            }
        }
        // A long label widens its own layer's circle, exactly to fit, and no other.
        var wide = figure
        wide.layers[1][1].label = .identifier("activation")
        let widened = Geometry.unitDiameters(wide, points: style.labelPoints, ruler: ruler)
        let needed = ruler.width(.identifier("activation"), points: style.labelPoints) + 0.2
        #expect(needed > Geometry.smallestUnit)
        #expect(widened[1] == needed)
        #expect(widened[0] == diameters[0])
    }

    @Test("valueLines: each unit's activation, then its delta in red; the width holds the widest value")
    func valueLines() {
        let values = Geometry.valueLines(figure, writer: writer, points: small, ruler: ruler)
        #expect(values.lines.map(\.count) == figure.layers.map(\.count))
        #expect(values.lines[0][1] == ["$" + writer.number(0.10) + "$"])
        #expect(
            values.lines[1][0] == [
                "$" + writer.number(0.5933) + "$",
                "\\textcolor{\(Geometry.deltaColor)}{$" + writer.number(-0.0123) + "$}",
            ])
        #expect(values.lineCount == 2)
        let shown = figure.layers.joined().flatMap { [$0.activation, $0.delta].compactMap { $0 } }
        let widths = shown.map { ruler.width(.number($0), points: small) }
        #expect(widths.allSatisfy { $0 <= values.width })
        #expect(widths.contains(values.width))
        // A figure without values has no lines and takes no width.
        var bare = figure
        bare.layers = bare.layers.map { $0.map { NetworkFigure.Unit(label: $0.label) } }
        let none = Geometry.valueLines(bare, writer: writer, points: small, ruler: ruler)
        #expect(none.lineCount == 0 && none.width == 0)
        #expect(none.lines.joined().allSatisfy { $0.isEmpty })
    }

    @Test(
        "unitShapes: a unit is as wide as the values under it; one too wide for a circle is a pill of the smallest height"
    )
    func unitShapes() {
        let diameters = [Geometry.smallestUnit, Geometry.widestCircle + 0.2]
        let valueWidth = 0.9
        let shapes = Geometry.unitShapes(diameters: diameters, valueWidth: valueWidth)
        for l in diameters.indices {
            #expect(shapes.widths[l] >= diameters[l])
            #expect(shapes.widths[l] >= valueWidth + 0.05)
            if shapes.widths[l] > Geometry.widestCircle {
                #expect(shapes.heights[l] == Geometry.smallestUnit)
            } else {
                #expect(shapes.heights[l] == shapes.widths[l])
            }
            #expect(shapes.heights[l] <= shapes.widths[l])
        }
        #expect(shapes.widest == shapes.widths.max())
        // Values in a table leave the label diameters alone.
        let bare = Geometry.unitShapes(diameters: diameters, valueWidth: nil)
        #expect(bare.widths == diameters)
        #expect(bare.heights == [Geometry.smallestUnit, Geometry.smallestUnit])
        #expect(Geometry.unitShapes(diameters: [], valueWidth: nil).widest == Geometry.smallestUnit)
    }

    @Test("weightLabelSize: every weight of the figure fits in one label box")
    func weightLabelSize() {
        let size = Geometry.weightLabelSize(figure, points: small, ruler: ruler)
        let weights = figure.weights.flatMap(\.values)
        #expect(!weights.isEmpty)
        for weight in weights {
            #expect(ruler.width(.number(weight), points: small) < size.width)
        }
        #expect(size.height > small * Geometry.pointInCentimetres)
    }

    @Test("classNameColumn: every class name fits in the column on the lines counted; the column is at most 3 cm")
    func classNameColumn() {
        let column = Geometry.classNameColumn(figure, points: small, ruler: ruler)
        #expect(column.width > 0 && column.width <= 3)
        #expect(column.lines == 1)
        for name in ["setosa", "versicolor"] {
            #expect(ruler.width(ofText: name, points: small) <= column.lines * column.width + slack)
        }
        // A long name takes the 3 cm and wraps onto as many lines as it needs.
        var long = figure
        long.layers[1][1].className = String(repeating: "versicolor ", count: 4)
        let wrapped = Geometry.classNameColumn(long, points: small, ruler: ruler)
        #expect(wrapped.width == 3)
        #expect(wrapped.lines >= 2)
        #expect(ruler.width(ofText: long.layers[1][1].className ?? "", points: small) <= wrapped.lines * wrapped.width)
        // Without class names, no column.
        let none = Geometry.classNameColumn(Fixtures.figure, points: small, ruler: ruler)
        #expect(none.width == 0 && none.lines == 0)
    }

    @Test(
        "rowPitches: a unit, its values and the next row never overlap; a column that fits the room stays in it",
        arguments: [false, true])
    func rowPitches(weightsOnEdges: Bool) {
        let measures = self.measures()
        let room = style.maxHeight - measures.captionHeight
        let pitches = Geometry.rowPitches(
            figure, measures: measures, weightsOnEdges: weightsOnEdges, labelPosition: 0.3, room: room)
        #expect(pitches.count == figure.layers.count)
        for l in figure.layers.indices {
            #expect(pitches[l] >= measures.shapes.heights[l] + measures.valueHeight + Geometry.rowGap)
            #expect(Double(Geometry.rowCount(figure, layer: l)) * pitches[l] <= room)
            if weightsOnEdges {
                #expect(pitches[l] >= measures.shapes.widest + measures.weightLabel.height * 1.4)
            }
        }
        // The output layer's rows are as tall as its class names.
        #expect(pitches[1] >= measures.classNames.lines * measures.lineHeight + 0.2)
        #expect(Geometry.rowsFit(figure, rowPitches: pitches, room: room))
        // Little room: the rows close up, never onto the values above them, and say they do not fit.
        let tight = Geometry.rowPitches(
            figure, measures: measures, weightsOnEdges: weightsOnEdges, labelPosition: 0.3, room: 1)
        for l in figure.layers.indices {
            #expect(tight[l] < pitches[l])
            #expect(tight[l] >= measures.shapes.heights[l] + measures.valueHeight)
        }
        #expect(!Geometry.rowsFit(figure, rowPitches: tight, room: 1))
    }

    @Test(
        "columns: neighbouring layers' units, values, captions and weight labels keep apart; the picture fits the width",
        arguments: [false, true])
    func columns(weightsOnEdges: Bool) {
        let measures = self.measures()
        let columns = Geometry.columns(
            figure, measures: measures, weightsOnEdges: weightsOnEdges, maxWidth: style.maxWidth)
        let side = max(measures.shapes.widest, measures.values.width, measures.captionWidth)
        #expect(columns.fit)
        #expect(columns.pitch >= side + (weightsOnEdges ? measures.weightLabel.width : 0))
        let width = columns.leftMargin + columns.pitch * Double(figure.layers.count - 1) + columns.rightMargin
        #expect(width <= style.maxWidth + slack)
        // The margins hold half a unit (or caption) and, on the right, the class names.
        #expect(columns.leftMargin >= side / 2)
        #expect(columns.rightMargin >= side / 2 + measures.shapes.widest / 2 + measures.classNames.width)
        // Too little width: the columns stay apart and say they do not fit.
        let narrow = Geometry.columns(figure, measures: measures, weightsOnEdges: weightsOnEdges, maxWidth: 2)
        #expect(!narrow.fit)
        #expect(narrow.pitch >= side)
    }

    @Test("positions: no two units overlap, each value box hangs under its own unit, class names start right of theirs")
    func positions() throws {
        let (measures, columns, placed) = placement()
        // Every unit drawn and the bias unit of the input layer.
        #expect(placed.units.count == figure.layers.joined().count + 1)
        #expect(placed.units.first?.isBias == true)
        let unitBoxes = placed.units.map { Geometry.Box(center: $0.center, width: $0.width, height: $0.height) }
        for (index, box) in unitBoxes.enumerated() {
            for other in unitBoxes[(index + 1)...] { #expect(!box.overlaps(other)) }
            for value in placed.values { #expect(!box.overlaps(value.box)) }
        }
        for (index, value) in placed.values.enumerated() {
            for other in placed.values[(index + 1)...] { #expect(!value.box.overlaps(other.box)) }
        }
        // Column l at x = l × pitch; each value box right under its unit, centred on it.
        #expect(placed.values.count == figure.layers.joined().count)
        for (l, units) in figure.layers.enumerated() {
            for k in units.indices {
                let center = try #require(placed.centers[l][k])
                #expect(center.x == Double(l) * columns.pitch)
                let unit = try #require(placed.units.first { !$0.isBias && $0.center == center })
                let below = placed.values.map(\.box).filter { abs($0.midX - center.x) < slack && $0.maxY < center.y }
                let box = try #require(below.max { $0.maxY < $1.maxY })
                #expect(box.maxY == center.y - unit.height / 2 - Geometry.valueGap)
                #expect(box.maxX - box.minX <= unit.width)
            }
        }
        // Class names right of the output units, one per unit, at their height.
        #expect(placed.classNames.map(\.text) == ["setosa", "versicolor"])
        for (k, name) in placed.classNames.enumerated() {
            let center = try #require(placed.centers[1][k])
            #expect(name.origin.y == center.y)
            #expect(name.origin.x > center.x + measures.shapes.widths[1] / 2)
        }
        let bottoms = placed.units.map { $0.center.y - $0.height / 2 } + placed.values.map(\.box.minY)
        #expect(placed.lowest == bottoms.min())
    }

    @Test("captions: one per layer, centred on its column, under every unit and value")
    func captions() {
        let (_, columns, placed) = placement()
        let captions = Geometry.captions(figure, columnPitch: columns.pitch, lowest: placed.lowest)
        #expect(captions.map(\.lines) == [["layer 1", "(input)"], ["layer 2", "(output)"]])
        #expect(captions.map(\.x) == [0, columns.pitch])
        let bottoms = placed.units.map { $0.center.y - $0.height / 2 } + placed.values.map(\.box.minY)
        for caption in captions {
            #expect(bottoms.allSatisfy { caption.y < $0 })
        }
    }

    @Test("edges: each joins two units' outlines in neighbouring layers; each weight label sits on its own edge")
    func edges() throws {
        let (measures, _, placed) = placement()
        let edges = Geometry.edges(
            figure, placed: placed, shapes: measures.shapes, weightLabel: measures.weightLabel,
            labelPosition: labelPosition, anchored: false)
        // From the bias unit and both inputs into both outputs.
        #expect(edges.count == 3 * 2)
        let sources = placed.units.filter { $0.center.x == 0 }
        let targets = placed.units.filter { $0.center.x > 0 }
        func distance(_ a: Geometry.Point, _ b: Geometry.Point) -> Double {
            ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        for edge in edges {
            // The circles here: the edge ends exactly on a source's and a target's outline.
            #expect(sources.contains { abs(distance(edge.from, $0.center) - $0.width / 2) < slack })
            #expect(targets.contains { abs(distance(edge.to, $0.center) - $0.width / 2) < slack })
            let box = try #require(edge.labelBox)
            #expect(abs(box.midX - (edge.from.x + (edge.to.x - edge.from.x) * labelPosition)) < slack)
            #expect(abs(box.midY - (edge.from.y + (edge.to.y - edge.from.y) * labelPosition)) < slack)
            #expect(box.isCrossed(from: edge.from, to: edge.to))
        }
        // Every weight once, on the edge of its connection: bias first, then unit 1 and 2.
        #expect(edges.compactMap(\.weight) == [0.35, 0.35, 0.15, 0.25, 0.20, 0.30])
        // Without labels the edges carry no weights; anchored edges leave right and enter left.
        let anchored = Geometry.edges(
            figure, placed: placed, shapes: measures.shapes, weightLabel: nil, labelPosition: 0, anchored: true)
        #expect(anchored.allSatisfy { $0.weight == nil && $0.labelBox == nil })
        for edge in anchored {
            #expect(sources.contains { edge.from == .init(x: $0.center.x + $0.width / 2, y: $0.center.y) })
            #expect(targets.contains { edge.to == .init(x: $0.center.x - $0.width / 2, y: $0.center.y) })
        }
    }

    @Test("labelsFit: the small figure's chosen layout fits, and each kind of collision is caught")
    func labelsFit() {
        let plan = Geometry.plan(figure, style: style, writer: writer)
        #expect(plan.valuesInFigure && plan.weightsOnEdges)
        #expect(!plan.collides)
        let measures = self.measures()
        let classNameHeight = measures.classNames.lines * measures.lineHeight
        #expect(
            Geometry.labelsFit(
                edges: plan.edges, values: plan.values, units: plan.units, classNames: plan.classNames,
                classNameHeight: classNameHeight))
        // What "fits" means, checked box by box on the plan.
        let labels = plan.edges.compactMap(\.labelBox)
        let units = plan.units.map { Geometry.Box(center: $0.center, width: $0.width, height: $0.height) }
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] { #expect(!label.overlaps(other)) }
            for box in units + plan.values.map(\.box) { #expect(!label.overlaps(box)) }
        }

        // Hand-made cases, one per rule: a unit at the origin, a value box under it, one edge.
        let unit = Geometry.DrawnUnit(center: .init(x: 0, y: 0), width: 1, height: 1, label: "a", isBias: false)
        let value = Geometry.Values(box: .init(minX: -0.5, minY: -1.5, maxX: 0.5, maxY: -0.6), lines: ["1"])
        func edge(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, label: Geometry.Box? = nil) -> Geometry.Edge {
            Geometry.Edge(
                from: .init(x: x0, y: y0), to: .init(x: x1, y: y1), weight: label == nil ? nil : 1, labelBox: label)
        }
        func fits(_ edges: [Geometry.Edge], classNames: [Geometry.ClassName] = []) -> Bool {
            Geometry.labelsFit(
                edges: edges, values: [value], units: [unit], classNames: classNames, classNameHeight: 0.4)
        }
        let clear = edge(0.5, 0, 3, 0, label: .init(minX: 1, minY: -0.1, maxX: 1.5, maxY: 0.1))
        #expect(fits([clear]))
        // An edge through the value box.
        #expect(!fits([clear, edge(-1, -1, 1, -1)]))
        // A label over the unit, and a label over another label.
        #expect(!fits([edge(0.5, 0, 3, 0, label: .init(minX: 0.4, minY: -0.1, maxX: 0.9, maxY: 0.1))]))
        let above = edge(0.5, 0.15, 3, 0.15, label: .init(minX: 1.2, minY: 0.05, maxX: 1.7, maxY: 0.25))
        #expect(!fits([clear, above]))
        // A label crossed by an edge that is not its own.
        #expect(!fits([clear, edge(1.25, 0.5, 1.25, -0.5)]))
        // Two class names on top of each other, and an edge through one.
        let name = Geometry.ClassName(origin: .init(x: 4, y: 0), width: 1, text: "cat")
        #expect(fits([clear], classNames: [name]))
        #expect(!fits([clear], classNames: [name, .init(origin: .init(x: 4.5, y: 0.1), width: 1, text: "dog")]))
        #expect(!fits([clear, edge(3.5, 0, 6, 0)], classNames: [name]))
    }

    @Test("extent: the picture is as wide as its columns and margins, as tall as its units, values and captions")
    func extent() {
        let (measures, columns, placed) = placement()
        let size = Geometry.extent(
            units: placed.units, lowest: placed.lowest, columns: columns, captionHeight: measures.captionHeight)
        let span = Double(figure.layers.count - 1) * columns.pitch
        #expect(abs(size.width - (span + columns.leftMargin + columns.rightMargin)) < slack)
        let top = placed.units.map { $0.center.y + $0.height / 2 }.max() ?? 0
        #expect(abs(size.height - (top - placed.lowest + measures.captionHeight)) < slack)
        #expect(size.width <= style.maxWidth && size.height <= style.maxHeight)
        // The initialiser puts the steps together into the same layout.
        let whole = Geometry(
            figure, style: style, writer: writer, valuesInFigure: true, weightsOnEdges: true,
            labelPosition: labelPosition, anchored: false)
        #expect(whole.width == size.width && whole.height == size.height)
        #expect(whole.units.map(\.center) == placed.units.map(\.center))
        #expect(!whole.needsScaling)
    }
}
