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
            let bias = figure.showsBiasUnits ? 1 : 0
            var small = figure.layers.allSatisfy { $0.count <= 4 }
            for l in 0..<max(0, figure.layers.count - 1) where (figure.layers[l].count + bias) * figure.layers[l + 1].count > 12 {
                small = false
            }
            labelsEdges = small && figure.weights.count >= figure.layers.count - 1
            showsValues = figure.layers.joined().contains { $0.activation != nil || $0.delta != nil }
            columnSpacing = labelsEdges ? 4.2 : 3.2
            // Labelled edges need 1.9 cm between units: see `edgeLabelPosition`.
            rowSpacing = showsValues || labelsEdges ? 1.9 : 1.3
            tallest = figure.layers.enumerated().map { $1.count + (figure.showsBiasUnits && $0 < figure.layers.count - 1 ? 1 : 0) }.max() ?? 1
        }

        /// The picture's estimated size in cm.
        var width: Double { Double(max(0, layerCount - 1)) * columnSpacing + 3.2 }
        var height: Double { Double(tallest) * rowSpacing + 1.6 }
        var layerCount = 0
    }

    /// The TikZ picture, scaled down to fit `maxWidth` × `maxHeight` cm, plus weight tables
    /// when the edges are not labelled.
    func figure(_ figure: NetworkFigure, maxWidth: Double, maxHeight: Double, includesWeightTables: Bool = true) -> String {
        var layout = FigureLayout(figure)
        layout.layerCount = figure.layers.count
        let scale = min(1, maxWidth / layout.width, maxHeight / layout.height)
        let number = NumberFormat(decimals: decimals)
        var text = "\\begin{center}\n"
        text += "\\begin{tikzpicture}[scale=\(Self.decimal(scale)), every node/.append style={transform shape},\n"
        text += "  unit/.style={rectangle, rounded corners=4.5mm, draw, thick, minimum width=9mm, minimum height=9mm, inner sep=2pt, fill=white},\n"
        text += "  bias/.style={circle, draw, dashed, minimum size=7mm, inner sep=1pt, fill=white},\n"
        text += "  value/.style={font=\\scriptsize, align=center, inner sep=1pt, fill=white, fill opacity=0.85, text opacity=1},\n"
        text += "  weight/.style={font=\\tiny, fill=white, inner sep=0.8pt},\n"
        text += "  edge/.style={->, >=stealth, gray!70!black},\n"
        text += "  caption/.style={font=\\small, align=center, text width=3cm}]\n"

        var bottom = 0.0
        for (l, units) in figure.layers.enumerated() {
            let hasBias = figure.showsBiasUnits && l < figure.layers.count - 1
            let count = units.count + (hasBias ? 1 : 0)
            let x = Double(l) * layout.columnSpacing
            var y = Double(count - 1) * layout.rowSpacing / 2
            if hasBias {
                text += "\\node[bias] (b-\(l)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$+1$};\n"
                y -= layout.rowSpacing
            }
            for (k, unit) in units.enumerated() {
                var values: [String] = []
                if let a = unit.activation { values.append("$a = \(writer.number(a))$") }
                if let delta = unit.delta { values.append("$\\delta = \(writer.number(delta))$") }
                let label = values.isEmpty ? "" : ", label={[value]below:{\(values.joined(separator: "\\\\"))}}"
                text += "\\node[unit\(label)] (u-\(l)-\(k)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$\(math(unit.label))$};\n"
                bottom = min(bottom, y)
                y -= layout.rowSpacing
            }
        }
        // Edges, bias first. Every weight label sits 19% along its edge from the source: the
        // labels of one source fan out 0.36 cm apart, and a label of the next source lies at
        // least 0.45 cm away for up to 4 target units (1 − 0.19 − 3 × 0.19 = 0.24 rows).
        for l in 0..<max(0, figure.layers.count - 1) {
            let sources = (figure.showsBiasUnits ? ["b-\(l)"] : []) + figure.layers[l].indices.map { "u-\(l)-\($0)" }
            let biasOffset = figure.showsBiasUnits ? 0 : 1
            for (s, source) in sources.enumerated() {
                let position = Self.edgeLabelPosition
                for i in figure.layers[l + 1].indices {
                    let column = s + biasOffset
                    var label = ""
                    if layout.labelsEdges, l < figure.weights.count, i < figure.weights[l].rows, column < figure.weights[l].columns {
                        label = " node[weight, pos=\(Self.decimal(position))] {$\(number.string(figure.weights[l][i, column]))$}"
                    }
                    text += "\\draw[edge] (\(source)) --\(label) (u-\(l + 1)-\(i));\n"
                }
            }
        }
        // Below the lowest unit (radius 0.45 cm) and its two lines of values.
        let captionY = bottom - (layout.showsValues ? 1.75 : 0.95)
        for (l, caption) in figure.layerCaptions.enumerated() where l < figure.layers.count {
            text += "\\node[caption] at (\(Self.decimal(Double(l) * layout.columnSpacing)),\(Self.decimal(captionY))) {\(LaTeXEscaping.text(caption))};\n"
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

    /// Where along an edge its weight label sits (0 = source, 1 = target).
    static let edgeLabelPosition = 0.19

    /// Each weight matrix as a table: a row per unit of layer l + 1, a column for the bias
    /// and for each unit of layer l, whatever way the notation writes the matrix.
    static func weightTables(_ figure: NetworkFigure) -> [(symbol: Math, table: Table)] {
        var tables: [(Math, Table)] = []
        for (l, weights) in figure.weights.enumerated() where l + 1 < figure.layers.count {
            let symbol = l < figure.weightSymbols.count ? figure.weightSymbols[l] : .identifier("W")
            var header: [[Inline]] = [[.text("to / from")], [.math(.text("+1"))]]
            header += figure.layers[l].map { [.math($0.label)] }
            var rows: [[[Inline]]] = []
            for (i, unit) in figure.layers[l + 1].enumerated() where i < weights.rows {
                rows.append([[.math(unit.label)]] + (0..<weights.columns).map { [.math(.number(weights[i, $0]))] })
            }
            let header2 = Array(header.prefix(weights.columns + 1))
            tables.append((symbol, Table(header: header2, rows: rows, rightAligned: [false] + Array(repeating: true, count: weights.columns))))
        }
        return tables
    }

    /// A TikZ coordinate or factor: fixed point, no locale, no `-0`.
    static func decimal(_ value: Double) -> String {
        NumberFormat(decimals: 3).string(value)
    }
}
