/// The network diagram as a TikZ picture.
///
/// Units are circles (pills when the label is wide, such as output₁) in one column per layer, labelled in math, with `a = …` and `δ = …`
/// beneath where the figure gives them; bias units (+1) sit on top of every layer but the
/// last when `showsBiasUnits`. Edges join consecutive layers. A small network (every layer at
/// most 4 units, at most 12 edges between two layers) carries its weight values on the edges,
/// staggered along them by source unit so labels do not overlap; a larger one draws bare
/// edges and lists each weight matrix as a table below the picture.
extension LaTeXRenderer {
    /// Layout constants shared by the article and the slides.
    struct FigureLayout {
        var labelsEdges: Bool
        var showsValues: Bool
        var columnSpacing: Double
        var rowSpacing: Double
        var tallest: Int

        init(_ figure: NetworkFigure) {
            let figure = LaTeXRenderer.drawn(figure)
            let bias = figure.showsBiasUnits ? 1 : 0
            var small = figure.layers.allSatisfy { $0.count <= 4 }
            for l in 0..<max(0, figure.layers.count - 1)
            where (figure.layers[l].count + bias) * figure.layers[l + 1].count > 12 {
                small = false
            }
            labelsEdges = small && figure.weights.count >= figure.layers.count - 1
            showsValues = figure.layers.joined().contains { $0.activation != nil || $0.delta != nil }
            columnSpacing = labelsEdges ? 4.2 : 3.2
            // Labelled edges need 1.9 cm between units: see `edgeLabelPosition`.
            rowSpacing = showsValues || labelsEdges ? 1.9 : 1.3
            tallest =
                figure.layers.enumerated().map {
                    $1.count + (figure.showsBiasUnits && $0 < figure.layers.count - 1 ? 1 : 0)
                }.max() ?? 1
        }

        /// The picture's estimated size in cm.
        var width: Double { Double(max(0, layerCount - 1)) * columnSpacing + 3.2 }
        var height: Double { Double(tallest) * rowSpacing + 1.6 }
        var layerCount = 0
    }

    /// The TikZ picture, scaled down to fit `maxWidth` × `maxHeight` cm, plus weight tables
    /// when the edges are not labelled.
    func figure(_ figure: NetworkFigure, maxWidth: Double, maxHeight: Double, includesWeightTables: Bool = true)
        -> String
    {
        var layout = FigureLayout(figure)
        layout.layerCount = figure.layers.count
        let scale = min(1, maxWidth / layout.width, maxHeight / layout.height)
        let number = NumberFormat(decimals: decimals)
        var text = "\\begin{center}\n"
        text += "\\begin{tikzpicture}[scale=\(Self.decimal(scale)), every node/.append style={transform shape},\n"
        text +=
            "  unit/.style={rectangle, rounded corners=4.5mm, draw, thick, minimum width=9mm, minimum height=9mm, inner sep=2pt, fill=white},\n"
        text += "  bias/.style={circle, draw, dashed, minimum size=7mm, inner sep=1pt, fill=white},\n"
        text +=
            "  value/.style={font=\\scriptsize, align=center, inner sep=1pt, fill=white, fill opacity=0.85, text opacity=1},\n"
        text += "  weight/.style={font=\\tiny, fill=white, inner sep=0.8pt},\n"
        text += "  edge/.style={->, >=stealth, gray!70!black},\n"
        text += "  caption/.style={font=\\small, align=center, text width=3cm}]\n"

        var bottom = 0.0
        for (l, units) in figure.layers.enumerated() {
            let hasBias = figure.showsBiasUnits && l < figure.layers.count - 1
            let count = Self.shownUnits(units.count).count + (hasBias ? 1 : 0)
            let x = Double(l) * layout.columnSpacing
            var y = Double(count - 1) * layout.rowSpacing / 2
            if hasBias {
                text += "\\node[bias] (b-\(l)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$+1$};\n"
                y -= layout.rowSpacing
            }
            for k in Self.shownUnits(units.count) {
                guard let k else {
                    // Units left out of a large layer.
                    text += "\\node[font=\\large] at (\(Self.decimal(x)),\(Self.decimal(y))) {$\\vdots$};\n"
                    y -= layout.rowSpacing
                    continue
                }
                let unit = units[k]
                var values: [String] = []
                if let a = unit.activation { values.append("$a = \(writer.number(a))$") }
                if let delta = unit.delta { values.append("$\\delta = \(writer.number(delta))$") }
                let label = values.isEmpty ? "" : ", label={[value]below:{\(values.joined(separator: "\\\\"))}}"
                text +=
                    "\\node[unit\(label)] (u-\(l)-\(k)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$\(math(unit.label))$};\n"
                bottom = min(bottom, y)
                y -= layout.rowSpacing
            }
        }
        // Edges, bias first. Every weight label sits 19% along its edge from the source: the
        // labels of one source fan out 0.36 cm apart, and a label of the next source lies at
        // least 0.45 cm away for up to 4 target units (1 − 0.19 − 3 × 0.19 = 0.24 rows).
        for l in 0..<max(0, figure.layers.count - 1) {
            let shownSources = Self.shownUnits(figure.layers[l].count).compactMap { $0 }
            let sources = (figure.showsBiasUnits ? [("b-\(l)", 0)] : []) + shownSources.map { ("u-\(l)-\($0)", $0 + 1) }
            for (source, column) in sources {
                let position = Self.edgeLabelPosition
                for i in Self.shownUnits(figure.layers[l + 1].count).compactMap({ $0 }) {
                    var label = ""
                    if layout.labelsEdges, l < figure.weights.count, i < figure.weights[l].rows,
                        column < figure.weights[l].columns
                    {
                        label =
                            " node[weight, pos=\(Self.decimal(position))] {$\(number.string(figure.weights[l][i, column]))$}"
                    }
                    text += "\\draw[edge] (\(source)) --\(label) (u-\(l + 1)-\(i));\n"
                }
            }
        }
        // Below the lowest unit (radius 0.45 cm) and its two lines of values.
        let captionY = bottom - (layout.showsValues ? 1.75 : 0.95)
        for (l, caption) in figure.layerCaptions.enumerated() where l < figure.layers.count {
            text +=
                "\\node[caption] at (\(Self.decimal(Double(l) * layout.columnSpacing)),\(Self.decimal(captionY))) {\(LaTeXEscaping.text(caption))};\n"
        }
        text += "\\end{tikzpicture}\n\\end{center}\n\n"
        if !layout.labelsEdges && includesWeightTables {
            for table in Self.weightTables(figure) {
                text += "\\emph{Weights} $" + math(table.symbol) + "$ (row: unit fed, column: unit feeding it):\n"
                text += self.table(table.table, width: "\\linewidth", budget: Self.textWidth)
            }
        }
        return text
    }

    /// The units drawn for a layer of `count`: all of them up to 8; beyond that the first three,
    /// a gap (nil, drawn as ⋮) and the last, like the abbreviated matrices of the text.
    static func shownUnits(_ count: Int) -> [Int?] {
        count > 8 ? [0, 1, 2, nil, count - 1] : Array(0..<count)
    }

    /// The figure as drawn: large layers cut to their shown units plus one gap.
    static func drawn(_ figure: NetworkFigure) -> NetworkFigure {
        var drawn = figure
        drawn.layers = figure.layers.map { units in
            shownUnits(units.count).map { $0.map { units[$0] } ?? NetworkFigure.Unit(label: .ellipsis(.vertical)) }
        }
        return drawn
    }

    /// Where along an edge its weight label sits (0 = source, 1 = target).
    static let edgeLabelPosition = 0.19

    /// Each weight matrix as a table: a row per unit of layer l + 1, a column for the bias
    /// and for each unit of layer l, whatever way the notation writes the matrix.
    static func weightTables(_ figure: NetworkFigure) -> [(symbol: Math, table: Table)] {
        var tables: [(Math, Table)] = []
        for (l, weights) in figure.weights.enumerated() where l + 1 < figure.layers.count {
            let symbol = l < figure.weightSymbols.count ? figure.weightSymbols[l] : .identifier("W")
            // Columns: the bias and the shown source units; rows: the shown target units. Left-out
            // units become a ⋯ column or a ⋮ row, as in the abbreviated matrices.
            let columns: [Int?] = [0] + shownUnits(figure.layers[l].count).map { $0.map { $0 + 1 } }
            var header: [[Inline]] = [[.text("to / from")]]
            header += columns.map { column in
                guard let column else { return [.math(.ellipsis(.horizontal))] }
                return column == 0 ? [.math(.text("+1"))] : [.math(figure.layers[l][column - 1].label)]
            }
            var rows: [[[Inline]]] = []
            for i in shownUnits(figure.layers[l + 1].count) {
                guard let i, i < weights.rows else {
                    rows.append([[.math(.ellipsis(.vertical))]] + columns.map { _ in [.math(.ellipsis(.vertical))] })
                    continue
                }
                rows.append(
                    [[.math(figure.layers[l + 1][i].label)]]
                        + columns.map { column in
                            guard let column, column < weights.columns else { return [.math(.ellipsis(.horizontal))] }
                            return [.math(.number(weights[i, column]))]
                        })
            }
            tables.append(
                (
                    symbol,
                    Table(
                        header: header, rows: rows, rightAligned: [false] + Array(repeating: true, count: columns.count)
                    )
                ))
        }
        return tables
    }

    /// A TikZ coordinate or factor: fixed point, no locale, no `-0`.
    static func decimal(_ value: Double) -> String {
        NumberFormat(decimals: 3).string(value)
    }
}
