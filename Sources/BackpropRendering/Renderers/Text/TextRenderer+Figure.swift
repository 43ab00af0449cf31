/// The network figure as text: layers as columns of unit labels (with the values the figure
/// gives), side by side when they fit, then one line per weight matrix.
///
/// Between two columns a vertical bus shows full connection: every unit of the left layer
/// (its bias unit included) feeds the bus with "─", and the bus feeds every unit of the right
/// layer with "─→" (a bias unit is fed by nothing). One arrow per row would read as
/// "unit 1 feeds unit 1 only".
extension TextRenderer {
    /// Columns taken by the connector between two layers: two for the left unit's line, one
    /// for the bus and three for the arrow into the right unit.
    static let figureConnectorWidth = 6

    /// Layers as columns of unit labels, then the weights' descriptions, all as the figure
    /// words them (the symbols are the notation's).
    func render(_ figure: NetworkFigure) -> String {
        var columns: [FigureColumn] = []
        for (index, layer) in figure.layers.enumerated() {
            var column = FigureColumn(caption: figure.layerCaptions[index])
            for slot in NetworkFigure.slots(forLayerOf: layer.count) {
                switch slot {
                case .unit(let k):
                    let unit = layer[k]
                    var entry = render(unit.label)
                    if let a = unit.activation { entry += " = " + numberFormat.string(a) }
                    if let delta = unit.delta {
                        entry += "  " + render(figure.deltaSymbol) + " " + numberFormat.string(delta)
                    }
                    column.cells.append("(" + entry + ")")
                case .gap(let hidden):
                    column.cells.append("… \(hidden) more")
                }
            }
            if figure.hasBiasUnit(index) {
                column.cells.append("(+1) bias")
                column.hasBias = true
            }
            columns.append(column)
        }
        // A caption may reach over the connector to its right (it sits on a line of its own).
        let widths = columns.enumerated().map { index, column in
            let overhang = index < columns.count - 1 ? Self.figureConnectorWidth - 2 : 0
            return max(column.cells.map(\.count).max() ?? 0, column.caption.count - overhang)
        }
        let sideBySide = widths.reduce(0, +) + Self.figureConnectorWidth * (columns.count - 1) <= width
        var lines: [String] = []
        if sideBySide {
            lines = Self.sideBySide(columns, widths: widths)
        } else {
            for column in columns {
                lines.append(column.caption + ":")
                lines += column.cells.map { Self.tallMathIndent + $0 }
            }
        }
        for (index, symbol) in figure.weightSymbols.enumerated() where index < figure.weightDescriptions.count {
            lines.append("  " + render(symbol) + ": " + figure.weightDescriptions[index])
        }
        return lines.joined(separator: "\n")
    }

    /// One layer of the text figure: its caption and one cell per unit row (bias last).
    struct FigureColumn {
        var caption: String
        var cells: [String] = []
        var hasBias = false

        /// Whether the unit on `row` (0 = first unit) is fed by the previous layer.
        func isFed(row: Int) -> Bool { row < cells.count - (hasBias ? 1 : 0) }
    }

    /// The columns side by side: captions on the first line, then unit rows joined by buses.
    static func sideBySide(_ columns: [FigureColumn], widths: [Int]) -> [String] {
        func padded(_ text: String, _ width: Int, with fill: Character = " ") -> String {
            text + String(repeating: fill, count: max(0, width - text.count))
        }
        var caption = ""
        for (index, column) in columns.enumerated() {
            let isLast = index == columns.count - 1
            caption += isLast ? column.caption : padded(column.caption, widths[index] + figureConnectorWidth)
        }
        var lines = [caption.trimmingTrailingSpaces()]
        let height = columns.map(\.cells.count).max() ?? 0
        for row in 0..<height {
            var text = ""
            for (index, column) in columns.enumerated() {
                let cell = row < column.cells.count ? column.cells[row] : ""
                guard index < columns.count - 1 else {
                    text += cell
                    break
                }
                let next = columns[index + 1]
                let feeds = row < column.cells.count
                let fed = next.isFed(row: row)
                let lastRow = max(column.cells.count, next.cells.count - (next.hasBias ? 1 : 0)) - 1
                text += feeds ? padded(cell + " ", widths[index] + 1, with: "─") + "─" : padded(cell, widths[index] + 2)
                text += String(busCharacter(feeds: feeds, fed: fed, top: row == 0, bottom: row == lastRow, inside: row < lastRow))
                text += fed ? "─→ " : "   "
            }
            lines.append(text.trimmingTrailingSpaces())
        }
        return lines
    }

    /// The bus glyph on one row: joined left when the row's left unit feeds it, right when the
    /// row's right unit is fed, and continued up and down between the first and last rows.
    static func busCharacter(feeds: Bool, fed: Bool, top: Bool, bottom: Bool, inside: Bool) -> Character {
        switch (feeds, fed, top, bottom) {
        case (true, true, true, true): return "─"
        case (true, true, true, false): return "┬"
        case (true, true, false, true): return "┴"
        case (true, true, false, false): return "┼"
        case (true, false, true, _): return "┐"
        case (true, false, false, true): return "┘"
        case (true, false, false, false): return "┤"
        case (false, true, true, _): return "┌"
        case (false, true, false, true): return "└"
        case (false, true, false, false): return "├"
        default: return inside ? "│" : " "
        }
    }
}
