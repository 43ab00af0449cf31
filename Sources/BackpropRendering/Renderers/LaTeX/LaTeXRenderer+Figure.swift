/// The network diagram as a TikZ picture that reads at every size.
///
/// Units are circles in one column per layer, input first (layer index l is Ng's layer l + 1),
/// with the bias unit (+1, dashed) on top of every layer but the last when `showsBiasUnits`.
/// Nothing is scaled: fonts keep their size (`FigureStyle`) and the layout shrinks its
/// distances to fit, so circles stay circles. Edges are drawn first and end on the circles;
/// units, values and weight labels are drawn over them. Where each value goes is decided by
/// measuring, not by the network's name: a unit's `a = …`/`δ = …` lines sit under it and an
/// edge's weight on it only when no edge crosses a value and no label covers another (checked
/// box by box, `FigureGeometry`); otherwise the values go into a table keyed to the figure's
/// unit labels and the weights into the figure's weight tables. Output units carry their
/// class names on the right, where no edge runs. A legend says what the numbers are.
extension LaTeXRenderer {
    /// The fonts and the room a figure is drawn in.
    struct FigureStyle: Sendable {
        /// The largest picture, in cm.
        var maxWidth: Double
        var maxHeight: Double
        /// The size in pt of values, weights and class names, and its LaTeX command.
        var smallPoints: Double
        var smallFont: String
        /// The size in pt of unit labels and layer captions, and its LaTeX command.
        var labelPoints: Double
        var labelFont: String
        /// The text width in em available to tables (value and weight tables).
        var tableBudget: Double
        /// The layers (0-based, input first) drawn highlighted: the ones a slide's step works on.
        var highlightedLayers: [Int] = []

        /// An A4 article page (10 pt body: footnotesize is 8 pt, small 9 pt).
        static let article = FigureStyle(
            maxWidth: 16, maxHeight: 19, smallPoints: 8, smallFont: "\\footnotesize", labelPoints: 9,
            labelFont: "\\small", tableBudget: LaTeXRenderer.textWidth)
    }

    /// A figure as printed: the picture with its legend, and the tables that go with it, each
    /// with the sentence that leads into it.
    struct RenderedFigure {
        /// The TikZ picture, centred.
        var picture: String
        /// What the numbers and marks in the picture are.
        var legend: [Inline]
        /// The units' values, when they do not fit under the units.
        var valueTable: (leadIn: [Inline], table: Table)?
        /// The weight matrices, when the weights are not on the edges.
        var weightTables: [(leadIn: [Inline], table: Table)]
    }

    /// The picture and its tables, for an article page.
    func figure(_ figure: NetworkFigure, style: FigureStyle = .article, includesWeightTables: Bool = true) -> String
    {
        let rendered = renderedFigure(figure, style: style)
        var text = rendered.picture
        if !rendered.legend.isEmpty { text += "{\(style.smallFont) " + inline(rendered.legend) + "\\par}\n\n" }
        let tables = (rendered.valueTable.map { [$0] } ?? []) + (includesWeightTables ? rendered.weightTables : [])
        for (leadIn, table) in tables {
            text += keptTogether(inline(leadIn), self.table(table, budget: style.tableBudget))
        }
        return text
    }

    /// A lead-in and the table or list it introduces, in one unbreakable box.
    func keptTogether(_ leadIn: String, _ display: String) -> String {
        "\\par\\noindent\\begin{minipage}{\\linewidth}\n" + leadIn + "\\par\n" + display + "\\end{minipage}\\par\n\n"
    }

    /// A lead-in paragraph that LaTeX may not separate from the display after it.
    func keptWithNext(_ paragraph: String) -> String {
        paragraph + "\\par\\nobreak\\vspace{-0.5\\parskip}\\nobreak\n"
    }

    /// The picture (with its legend) and the tables that follow it.
    func renderedFigure(_ figure: NetworkFigure, style: FigureStyle) -> RenderedFigure {
        let plan = FigureGeometry.plan(figure, style: style, writer: writer)
        let number = NumberFormat(decimals: decimals)
        func cm(_ value: Double) -> String { Self.decimal(value) }
        var text = "\\begin{center}\n"
        // Last resort: a picture too large at its smallest spacing is scaled down whole.
        let scale = min(1, style.maxWidth / max(0.1, plan.width), style.maxHeight / max(0.1, plan.height))
        if plan.needsScaling { text += "\\scalebox{\(Self.decimal(scale))}{%\n" }
        text += "\\begin{tikzpicture}[\n"
        text += "  unit/.style={circle, draw, thick, inner sep=0pt, fill=white, font=\(style.labelFont)},\n"
        text += "  bias/.style={circle, draw, dashed, inner sep=0pt, fill=white, font=\(style.smallFont)},\n"
        text += "  value/.style={font=\(style.smallFont), align=center, inner sep=1pt},\n"
        text += "  weight/.style={font=\(style.smallFont), fill=white, inner sep=1pt},\n"
        text += "  classname/.style={font=\(style.smallFont), align=left, inner sep=1pt},\n"
        text += "  edge/.style={->, >=stealth, gray!70!black},\n"
        text += "  caption/.style={font=\(style.smallFont), align=center},\n"
        text += "  active/.style={fill=yellow!35, very thick}]\n"
        // Edges first, so every unit and label is drawn over them.
        for edge in plan.edges {
            text += "\\draw[edge] (\(cm(edge.from.x)),\(cm(edge.from.y))) -- (\(cm(edge.to.x)),\(cm(edge.to.y)));\n"
        }
        // A unit's layer is the caption standing under its column.
        let highlightedColumns = style.highlightedLayers.compactMap { l in l < plan.captions.count ? plan.captions[l].x : nil }
        for unit in plan.units {
            let isActive = !unit.isBias && highlightedColumns.contains { abs($0 - unit.center.x) < 0.01 }
            let style = unit.isBias ? "bias" : (isActive ? "unit, active" : "unit")
            let shape =
                unit.isCircle
                ? "minimum size=\(cm(unit.width))cm"
                : "rectangle, rounded corners=\(cm(unit.height / 2))cm, minimum width=\(cm(unit.width))cm, minimum height=\(cm(unit.height))cm"
            text +=
                "\\node[\(style), \(shape)] at (\(cm(unit.center.x)),\(cm(unit.center.y))) {$\(unit.label)$};\n"
        }
        for gap in plan.gaps {
            text += "\\node[font=\\large] at (\(cm(gap.x)),\(cm(gap.y))) {$\\vdots$};\n"
        }
        for value in plan.values {
            text +=
                "\\node[value, anchor=north] at (\(cm(value.box.midX)),\(cm(value.box.maxY))) {\(value.lines.joined(separator: "\\\\"))};\n"
        }
        for edge in plan.edges {
            guard let weight = edge.weight, let box = edge.labelBox else { continue }
            let at = "at (\(cm(box.midX)),\(cm(box.midY)))"
            if let name = edge.name {
                // The name above the value, the two lines 1.2 × the font size apart.
                text += "\\node[weight, align=center] \(at) {$\(writer.write(name))$\\\\$\(number.string(weight))$};\n"
            } else {
                text += "\\node[weight] \(at) {$\(number.string(weight))$};\n"
            }
        }
        for name in plan.classNames {
            text +=
                "\\node[classname, anchor=west, text width=\(cm(name.width))cm] at (\(cm(name.origin.x)),\(cm(name.origin.y))) {\(LaTeXEscaping.text(name.text))};\n"
        }
        for caption in plan.captions {
            text +=
                "\\node[caption, anchor=north] at (\(cm(caption.x)),\(cm(caption.y))) {\(caption.lines.map(LaTeXEscaping.text).joined(separator: "\\\\"))};\n"
        }
        text += "\\end{tikzpicture}"
        if plan.needsScaling { text += "%\n}" }
        text += "\n\\end{center}\n"

        var legend: [Inline] = []
        if plan.valuesInFigure {
            legend += [.text("Under each unit, "), .math(figure.activationSymbol), .text(" above "), .math(figure.deltaSymbol), .text(" (red): ")] + figure.valueLegend
        } else if figure.showsValues {
            legend += [.text("The units' values are in the table after the figure: ")] + figure.valueLegend
        }
        if figure.weights.count >= figure.layers.count - 1, figure.layers.count > 1 {
            if !legend.isEmpty { legend.append(.text(" ")) }
            legend.append(
                .text(
                    plan.namesOnEdges
                        ? "Each edge carries its weight's name above its value."
                        : plan.weightsOnEdges ? "Each edge carries its weight." : "The weights are in the tables after the figure."))
        }
        if figure.showsBiasUnits, figure.layers.count > 1 {
            legend.append(.text(" Dashed: the bias units, whose output is always 1."))
        }
        text += "\n"

        var valueTable: (leadIn: [Inline], table: Table)?
        if figure.showsValues, !plan.valuesInFigure {
            valueTable = ([.text("The units' values, by the figure's labels:")], self.valueTable(figure))
        }
        var tables: [(leadIn: [Inline], table: Table)] = []
        if !plan.weightsOnEdges {
            for table in figure.weightTables {
                tables.append(
                    (
                        [.emphasis(table.noun), .text(" "), .math(table.symbol), .text(" (" + table.caption + "):")],
                        table.table
                    ))
            }
        }
        return RenderedFigure(picture: text, legend: legend, valueTable: valueTable, weightTables: tables)
    }

    /// Every shown unit's values in a table: one row per unit, labelled as in the figure.
    func valueTable(_ figure: NetworkFigure) -> Table {
        var rows: [[[Inline]]] = []
        let hasDelta = figure.layers.joined().contains { $0.delta != nil }
        for (l, units) in figure.layers.enumerated() {
            for slot in NetworkFigure.slots(forLayerOf: units.count) {
                switch slot {
                case .unit(let k):
                    let unit = units[k]
                    var row: [[Inline]] = [[.math(unit.label)]]
                    row.append(unit.activation.map { [.math(.number($0))] } ?? [])
                    if hasDelta { row.append(unit.delta.map { [.math(.number($0))] } ?? [.text("—")]) }
                    rows.append(row)
                case .gap(let hidden):
                    rows.append([[.math(.ellipsis(.vertical))], [.text("(\(hidden) more in \(figure.layerName(l)))")]])
                }
            }
        }
        var header: [[Inline]] = [[.text("unit")], [.math(figure.activationSymbol)]]
        if hasDelta { header.append([.math(figure.deltaSymbol)]) }
        return Table(header: header, rows: rows, rightAligned: [false] + Array(repeating: true, count: header.count - 1))
    }

    /// A TikZ coordinate or factor: fixed point, no locale, no `-0`.
    static func decimal(_ value: Double) -> String {
        NumberFormat(decimals: 3).string(value)
    }
}
