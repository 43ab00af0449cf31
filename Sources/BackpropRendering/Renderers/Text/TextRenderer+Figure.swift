/// The network figure as text: layers as columns of unit labels (with the values the figure
/// gives), side by side when they fit, then one line per weight matrix.
extension TextRenderer {
    /// What joins two columns side by side on a row where both have a unit.
    static let figureArrow = "  →  "

    /// Layers as columns of unit labels, then the weights' descriptions, all as the figure
    /// words them (the symbols are the notation's).
    func render(_ figure: NetworkFigure) -> String {
        var columns: [[String]] = []
        for (index, layer) in figure.layers.enumerated() {
            var column = [figure.layerCaptions[index]]
            for slot in NetworkFigure.slots(forLayerOf: layer.count) {
                switch slot {
                case .unit(let k):
                    let unit = layer[k]
                    var entry = render(unit.label)
                    if let a = unit.activation { entry += " = " + numberFormat.string(a) }
                    if let delta = unit.delta {
                        entry += "  " + render(figure.deltaSymbol) + " " + numberFormat.string(delta)
                    }
                    column.append("(" + entry + ")")
                case .gap(let hidden):
                    column.append("… \(hidden) more")
                }
            }
            if figure.hasBiasUnit(index) { column.append("(+1) bias") }
            columns.append(column)
        }
        let widths = columns.map { $0.map(\.count).max() ?? 0 }
        let gap = Self.figureArrow.count
        let sideBySide = widths.reduce(0, +) + gap * (columns.count - 1) <= width
        var lines: [String] = []
        if sideBySide {
            let height = columns.map(\.count).max() ?? 0
            for row in 0..<height {
                let cells = columns.enumerated().map { index, column -> String in
                    let cell = row < column.count ? column[row] : ""
                    return cell + String(repeating: " ", count: widths[index] - cell.count)
                }
                var text = cells[0]
                for index in 1..<cells.count {
                    let joined = row > 0 && row < columns[index - 1].count && row < columns[index].count
                    text += (joined ? Self.figureArrow : String(repeating: " ", count: gap)) + cells[index]
                }
                lines.append(text.trimmingTrailingSpaces())
            }
        } else {
            for column in columns {
                lines.append(column[0] + ":")
                lines += column.dropFirst().map { Self.tallMathIndent + $0 }
            }
        }
        for (index, symbol) in figure.weightSymbols.enumerated() where index < figure.weightDescriptions.count {
            lines.append("  " + render(symbol) + ": " + figure.weightDescriptions[index])
        }
        return lines.joined(separator: "\n")
    }
}
