extension NetworkFigure {
    /// One weight matrix (or bias vector) as a table, laid out as the notation writes it.
    public struct WeightTable: Equatable, Sendable {
        /// What the table holds, in words: "Weights", or "Biases" for a bias vector.
        public var noun: String
        /// The matrix's symbol in the notation (Θ⁽¹⁾, w², b², W⁽¹⁾).
        public var symbol: Math
        /// What its rows and columns are, printed after the symbol: "row: unit fed, column:
        /// unit feeding it; column +1 holds the bias weights".
        public var caption: String
        /// The table, header first.
        public var table: Table
    }

    /// Every weight matrix as a table in the notation's own layout (`biasLayout`), for figures
    /// too large to label their edges:
    ///
    /// - `.firstColumn` (Ng's Θ⁽ˡ⁾): a row per unit fed, the bias column (+1) first, then a
    ///   column per unit feeding it;
    /// - `.separateVector` (Nielsen's wˡ⁺¹, Mazur's W): the same without the bias column, and
    ///   the biases as a table of their own (bˡ⁺¹), one row per unit fed;
    /// - `.lastRow` (the 15 Steps' W = Θᵀ): a row per unit feeding, the bias row (+1) last,
    ///   and a column per unit fed.
    ///
    /// Large layers show the units `slots(forLayerOf:)` shows; left-out units are a ⋮ row or a
    /// ⋯ column.
    public var weightTables: [WeightTable] {
        var tables: [WeightTable] = []
        for (l, weights) in weights.enumerated() where l + 1 < layers.count {
            let symbol = l < weightSymbols.count ? weightSymbols[l] : .identifier("W")
            // Ng's columns of Θ: the bias (0) and the shown source units (nil for the gap).
            let sources: [Int?] = Self.slots(forLayerOf: layers[l].count).map { slot in
                switch slot {
                case .unit(let index): return index + 1
                case .gap: return nil
                }
            }
            // Ng's rows of Θ: the shown units fed (nil for the gap).
            let targets: [Int?] = Self.slots(forLayerOf: layers[l + 1].count).map { slot in
                switch slot {
                case .unit(let index): return index < weights.rows ? index : nil
                case .gap: return nil
                }
            }
            // A gap is a ⋯ where it stands for columns and a ⋮ where it stands for rows, so the
            // labels and cells say which way they run (Θᵀ's table runs the other way round).
            func sourceLabel(_ column: Int?, gap: Math.Ellipsis = .horizontal) -> [Inline] {
                guard let column else { return [.math(.ellipsis(gap))] }
                return column == 0 ? [.math(.text("+1"))] : [.math(layers[l][column - 1].label)]
            }
            func targetLabel(_ row: Int?, gap: Math.Ellipsis = .vertical) -> [Inline] {
                guard let row else { return [.math(.ellipsis(gap))] }
                return [.math(layers[l + 1][row].label)]
            }
            /// The weight from source `column` to target `row`; `transposed` when the table's rows
            /// are the sources.
            func cell(_ row: Int?, _ column: Int?, transposed: Bool = false) -> [Inline] {
                if row == nil, column == nil { return [.math(.ellipsis(.diagonal))] }
                guard let row, let column, column < weights.columns else {
                    let rowGap: Math.Ellipsis = transposed ? .horizontal : .vertical
                    let columnGap: Math.Ellipsis = transposed ? .vertical : .horizontal
                    return [.math(.ellipsis(row == nil ? rowGap : columnGap))]
                }
                return [.math(.number(weights[row, column]))]
            }
            func table(corner: String, columns: [[Inline]], rows: [[[Inline]]]) -> Table {
                Table(
                    header: [[.text(corner)]] + columns, rows: rows,
                    rightAligned: [false] + Array(repeating: true, count: columns.count))
            }
            switch biasLayout {
            case .firstColumn, .separateVector:
                let hasBiasColumn = biasLayout == .firstColumn
                let columns: [Int?] = (hasBiasColumn ? [0] : []) + sources
                tables.append(
                    WeightTable(
                        noun: "Weights", symbol: symbol,
                        caption: hasBiasColumn
                            ? "row: unit fed, column: unit feeding it; column +1 holds the bias weights"
                            : "row: unit fed, column: unit feeding it; the biases are apart",
                        table: table(
                            corner: "to / from", columns: columns.map { sourceLabel($0) },
                            rows: targets.map { row in [targetLabel(row)] + columns.map { cell(row, $0) } })))
                if !hasBiasColumn {
                    let biasSymbol = l < biasSymbols.count ? biasSymbols[l] : .identifier("b")
                    tables.append(
                        WeightTable(
                            noun: "Biases", symbol: biasSymbol, caption: "one per unit fed",
                            table: table(
                                corner: "unit", columns: [[.math(biasSymbol)]],
                                rows: targets.map { row in [targetLabel(row), cell(row, 0)] })))
                }
            case .lastRow:
                let rows: [Int?] = sources + [0]
                tables.append(
                    WeightTable(
                        noun: "Weights", symbol: symbol,
                        caption: "row: unit feeding, column: unit fed; the last row, +1, holds the bias weights",
                        table: table(
                            corner: "from / to", columns: targets.map { targetLabel($0, gap: .horizontal) },
                            rows: rows.map { source in
                                [sourceLabel(source, gap: .vertical)]
                                    + targets.map { cell($0, source, transposed: true) }
                            })))
            }
        }
        return tables
    }
}
