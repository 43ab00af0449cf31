import BackpropCore

/// The network figure in the notation's symbols and shapes.
extension Narrator {
    /// The network figure, with sample values when asked.
    func figure(showingValues: Bool) -> NetworkFigure {
        let sizes = trace.lesson.layers
        let layers = sizes.indices.map { index -> [NetworkFigure.Unit] in
            let l = index + 1
            return (0..<sizes[index]).map { i in
                NetworkFigure.Unit(
                    label: unit(.activation, l, i + 1),
                    activation: showingValues ? chosenSample?.a[index][i] : nil,
                    delta: showingValues && l >= 2
                        ? chosenSample.map {
                            signed($0.delta[index - 1][i])
                        }
                        : nil,
                    className: index == sizes.count - 1 ? trace.lesson.classes.flatMap { i < $0.count ? $0[i] : nil } : nil)
            }
        }
        let captions = sizes.indices.map { index -> String in
            let role = index == 0 ? "input" : (index == sizes.count - 1 ? "output" : "hidden")
            return "\(notation.layerName(index + 1)) (\(role))"
        }
        // The notation's shape of each matrix (Θ with its bias column, Nielsen's w without it,
        // Tulleken's W = Θᵀ with the bias row last) and its bare symbols (δ; Tulleken's delta = −δ).
        let descriptions = trace.weights.enumerated().map { index, theta in
            let shown = shaped(theta)
            let note: String
            switch notation.biasLayout {
            case .firstColumn: note = "bias weights included"
            case .lastRow: note = "bias weights in the last row"
            case .separateVector: note = "biases kept apart"
            }
            return NetworkFigure.describe(
                rows: shown.rows, columns: shown.columns, from: notation.layerName(index + 1),
                to: notation.layerName(index + 2), note: note)
        }
        func bare(_ symbol: Math) -> Math {
            switch symbol {
            case .superscripted(let base, _), .subscripted(let base, _): return base
            default: return symbol
            }
        }
        let activationSymbol = bare(notation.activation(sizes.count))
        let deltaSymbol = bare(notation.delta(sizes.count))
        let legend: [Inline] =
            showingValues
            ? [
                .m(activationSymbol), .t(" is the unit's activation and "), .m(deltaSymbol),
                .t(
                    (negatesDelta ? " minus the derivative" : " the derivative")
                        + " of the sample's loss with respect to the unit's weighted input, for \(heldOutSet == nil ? "training " : "")sample \(sampleNumber)."
                ),
            ] : []
        var figure = NetworkFigure(
            layers: layers, layerCaptions: captions, weights: trace.weights,
            weightSymbols: trace.weights.indices.map { notation.weights($0 + 1) }, weightDescriptions: descriptions,
            activationSymbol: activationSymbol, deltaSymbol: deltaSymbol,
            biasLayout: notation.biasLayout, biasSymbols: trace.weights.indices.map { notation.bias($0 + 1) },
            valueLegend: legend, layerNames: sizes.indices.map { notation.layerName($0 + 1) })
        if figure.labelsEdges {
            figure.weightEntrySymbols = trace.weights.enumerated().map { index, theta in
                (0..<theta.rows).map { i in
                    (0..<theta.columns).map { j in notation.weightEntry(layer: index + 1, i: i + 1, j: j) }
                }
            }
        }
        return figure
    }
}


