extension NetworkFigure {
    /// One weight matrix as a table: a row per shown unit of layer l + 1, a column for the
    /// bias and for each shown unit of layer l; left-out units are a ⋮ row or a ⋯ column.
    public struct WeightTable: Equatable, Sendable {
        /// The matrix's symbol in the notation.
        public var symbol: Math
        /// The table, header first.
        public var table: Table
    }

    /// Every weight matrix as a table (row: unit fed, column: unit feeding it), whatever way
    /// the notation writes the matrix; for figures too large to label their edges.
    public var weightTables: [WeightTable] {
        var tables: [WeightTable] = []
        for (l, weights) in weights.enumerated() where l + 1 < layers.count {
            let symbol = l < weightSymbols.count ? weightSymbols[l] : .identifier("W")
            // Columns: the bias and the shown source units (nil for the gap).
            let columns: [Int?] =
                [0]
                + Self.slots(forLayerOf: layers[l].count).map { slot in
                    switch slot {
                    case .unit(let index): return index + 1
                    case .gap: return nil
                    }
                }
            var header: [[Inline]] = [[.text("to / from")]]
            header += columns.map { column in
                guard let column else { return [.math(.ellipsis(.horizontal))] }
                return column == 0 ? [.math(.text("+1"))] : [.math(layers[l][column - 1].label)]
            }
            var rows: [[[Inline]]] = []
            for slot in Self.slots(forLayerOf: layers[l + 1].count) {
                switch slot {
                case .unit(let i) where i < weights.rows:
                    rows.append(
                        [[.math(layers[l + 1][i].label)]]
                            + columns.map { column in
                                guard let column, column < weights.columns else {
                                    return [.math(.ellipsis(.horizontal))]
                                }
                                return [.math(.number(weights[i, column]))]
                            })
                case .unit, .gap:
                    rows.append([[.math(.ellipsis(.vertical))]] + columns.map { _ in [.math(.ellipsis(.vertical))] })
                }
            }
            tables.append(
                WeightTable(
                    symbol: symbol,
                    table: Table(
                        header: header, rows: rows, rightAligned: [false] + Array(repeating: true, count: columns.count)
                    )))
        }
        return tables
    }
}
