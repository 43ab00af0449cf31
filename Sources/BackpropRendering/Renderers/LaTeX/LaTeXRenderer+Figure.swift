/// The network diagram as a TikZ picture.
///
/// Units are circles (pills when the label is wide, such as output₁) in one column per layer,
/// labelled in math, with the figure's value labels (`a = …`, `δ = …` or the notation's
/// symbols) beneath where it gives them; bias units (+1) sit on top of every layer but the last
/// when `showsBiasUnits`. Edges join consecutive layers. Which units are drawn, whether the
/// weights go on the edges and the weight tables are the figure's decisions (`NetworkFigure`):
/// labelled edges are staggered along them by source unit so labels do not overlap; otherwise
/// each weight matrix is listed as a table below the picture.
extension LaTeXRenderer {
    /// The picture's spacing in cm, for the article and the slides.
    struct FigureLayout {
        /// Space between layer columns when the edges carry weights.
        static let labelledColumnSpacing = 4.2
        /// Space between layer columns with bare edges.
        static let columnSpacing = 3.2
        /// Space between units when values or edge labels need room (see `edgeLabelPosition`).
        static let roomyRowSpacing = 1.9
        /// Space between units otherwise.
        static let rowSpacing = 1.3
        /// Width added for the outer units and captions.
        static let horizontalMargin = 3.2
        /// Height added for the captions.
        static let verticalMargin = 1.6
        /// How far below the lowest unit the captions sit: under its two lines of values, or
        /// just under the unit (radius 0.45 cm).
        static let captionDropWithValues = 1.75
        static let captionDrop = 0.95

        var columnSpacing: Double
        var rowSpacing: Double
        /// The picture's estimated size in cm.
        var width: Double
        var height: Double

        init(_ figure: NetworkFigure) {
            columnSpacing = figure.labelsEdges ? Self.labelledColumnSpacing : Self.columnSpacing
            rowSpacing = figure.showsValues || figure.labelsEdges ? Self.roomyRowSpacing : Self.rowSpacing
            let tallest =
                figure.slots.enumerated().map { l, slots in slots.count + (figure.hasBiasUnit(l) ? 1 : 0) }.max() ?? 1
            width = Double(max(0, figure.layers.count - 1)) * columnSpacing + Self.horizontalMargin
            height = Double(tallest) * rowSpacing + Self.verticalMargin
        }
    }

    /// Where along an edge its weight label sits (0 = source, 1 = target).
    static let edgeLabelPosition = 0.19

    /// The TikZ picture, scaled down to fit `maxWidth` × `maxHeight` cm, plus weight tables
    /// when the edges are not labelled.
    func figure(_ figure: NetworkFigure, maxWidth: Double, maxHeight: Double, includesWeightTables: Bool = true)
        -> String
    {
        let layout = FigureLayout(figure)
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

        let activationSymbol = math(figure.activationSymbol)
        let deltaSymbol = math(figure.deltaSymbol)
        var bottom = 0.0
        for (l, units) in figure.layers.enumerated() {
            let slots = NetworkFigure.slots(forLayerOf: units.count)
            let count = slots.count + (figure.hasBiasUnit(l) ? 1 : 0)
            let x = Double(l) * layout.columnSpacing
            var y = Double(count - 1) * layout.rowSpacing / 2
            if figure.hasBiasUnit(l) {
                text += "\\node[bias] (b-\(l)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$+1$};\n"
                y -= layout.rowSpacing
            }
            for slot in slots {
                switch slot {
                case .gap:
                    // Units left out of a large layer.
                    text += "\\node[font=\\large] at (\(Self.decimal(x)),\(Self.decimal(y))) {$\\vdots$};\n"
                case .unit(let k):
                    let unit = units[k]
                    var values: [String] = []
                    if let a = unit.activation { values.append("$\(activationSymbol) = \(writer.number(a))$") }
                    if let delta = unit.delta { values.append("$\(deltaSymbol) = \(writer.number(delta))$") }
                    let label = values.isEmpty ? "" : ", label={[value]below:{\(values.joined(separator: "\\\\"))}}"
                    text +=
                        "\\node[unit\(label)] (u-\(l)-\(k)) at (\(Self.decimal(x)),\(Self.decimal(y))) {$\(math(unit.label))$};\n"
                    bottom = min(bottom, y)
                }
                y -= layout.rowSpacing
            }
        }
        // Edges, bias first. Every weight label sits 19% along its edge from the source: the
        // labels of one source fan out 0.36 cm apart, and a label of the next source lies at
        // least 0.45 cm away for up to 4 target units (1 − 0.19 − 3 × 0.19 = 0.24 rows).
        for l in 0..<max(0, figure.layers.count - 1) {
            let sources =
                (figure.showsBiasUnits ? [("b-\(l)", 0)] : [])
                + figure.shownUnits(inLayer: l).map { ("u-\(l)-\($0)", $0 + 1) }
            for (source, column) in sources {
                for i in figure.shownUnits(inLayer: l + 1) {
                    var label = ""
                    if figure.labelsEdges, let weight = figure.weight(layer: l, into: i, fromColumn: column) {
                        label =
                            " node[weight, pos=\(Self.decimal(Self.edgeLabelPosition))] {$\(number.string(weight))$}"
                    }
                    text += "\\draw[edge] (\(source)) --\(label) (u-\(l + 1)-\(i));\n"
                }
            }
        }
        let captionY = bottom - (figure.showsValues ? FigureLayout.captionDropWithValues : FigureLayout.captionDrop)
        for (l, caption) in figure.layerCaptions.enumerated() where l < figure.layers.count {
            text +=
                "\\node[caption] at (\(Self.decimal(Double(l) * layout.columnSpacing)),\(Self.decimal(captionY))) {\(LaTeXEscaping.text(caption))};\n"
        }
        text += "\\end{tikzpicture}\n\\end{center}\n\n"
        if !figure.labelsEdges && includesWeightTables {
            for table in figure.weightTables {
                text +=
                    "\\emph{" + table.noun + "} $" + math(table.symbol) + "$ (" + LaTeXEscaping.text(table.caption)
                    + "):\n"
                text += self.table(table.table, width: "\\linewidth", budget: Self.textWidth)
            }
        }
        return text
    }

    /// A TikZ coordinate or factor: fixed point, no locale, no `-0`.
    static func decimal(_ value: Double) -> String {
        NumberFormat(decimals: 3).string(value)
    }
}
