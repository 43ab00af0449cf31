import BackpropCore

/// What the network diagram shows, decided once for every renderer: layers of units with
/// labels and values, the weights, which units a large layer shows, and every label in the
/// chosen notation. Renderers print what they are given and decide nothing notation-specific.
///
/// Layer index 0 is Ng's layer 1. `weights[l]` is Ng's Θ⁽ˡ⁺¹⁾ (column 0 = bias), so the edge
/// from unit j of layer l to unit i of layer l + 1 carries `weights[l][i, j + 1]` and the bias
/// edge into unit i carries `weights[l][i, 0]`, whatever way the notation writes the matrix.
public struct NetworkFigure: Equatable, Sendable {
    /// One unit: its label and, where the step shows them, its activation and delta.
    public struct Unit: Equatable, Sendable {
        /// The unit's symbol in the chosen notation (a⁽²⁾₁, output[0]).
        public var label: Math
        /// Its activation for the sample shown, if any.
        public var activation: Double?
        /// Its delta for the sample shown, in the notation's sign (Tulleken's delta = −δ), if any.
        public var delta: Double?
        /// The class an output unit stands for (the lesson's `classes`), if any.
        public var className: String?

        /// A unit with a label and, optionally, its values and class name.
        public init(label: Math, activation: Double? = nil, delta: Double? = nil, className: String? = nil) {
            self.label = label
            self.activation = activation
            self.delta = delta
            self.className = className
        }
    }

    /// Units per layer, input first.
    public var layers: [[Unit]]
    /// A caption per layer ("layer 1 (input)").
    public var layerCaptions: [String]
    /// Each layer's name in the notation, for prose about the figure ("layer 2", "layer h");
    /// empty means Ng's "layer 1", "layer 2", ….
    public var layerNames: [String]
    /// The weight matrices in Ng's shape (see the type's note).
    public var weights: [Matrix]
    /// The symbol of each weight matrix in the chosen notation (Θ⁽¹⁾, w², W).
    public var weightSymbols: [Math]
    /// What each weight matrix is, as the notation writes it, printed after its symbol in the
    /// text figure: "3 × 3 weights from layer 1 to layer 2, bias weights included".
    public var weightDescriptions: [String]
    /// The symbol printed before each unit's activation value (a; Tulleken's output).
    public var activationSymbol: Math
    /// The symbol printed before each unit's delta value (δ; Tulleken's delta, which is −δ).
    public var deltaSymbol: Math
    /// Whether the bias units (+1) are drawn.
    public var showsBiasUnits: Bool
    /// Where the notation keeps the bias weights: how `weightTables` lays out each matrix.
    public var biasLayout: BiasLayout
    /// The symbol of each bias vector, for notations that keep biases apart (b², b₁).
    public var biasSymbols: [Math]
    /// Each weight's own symbol in the notation, shaped like `weights` (Θ⁽¹⁾₁₀, w₅, W[2,0]):
    /// `weightEntrySymbols[l][i][j]` names `weights[l][i, j]`. Only figures small enough to
    /// label their edges carry them (empty otherwise).
    public var weightEntrySymbols: [[[Math]]]
    /// What the units' values are, as a sentence for the figure's legend ("a is the unit's
    /// activation and δ … for training sample 1."); empty when no unit carries a value.
    public var valueLegend: [Inline]

    /// A figure of these layers and weights.
    ///
    /// Without `weightDescriptions`, each matrix is described by the shape of `weights` (Ng's
    /// rows × columns, bias column included): a notation that writes the matrix another way
    /// (transposed, without the bias column) must pass its own.
    public init(
        layers: [[Unit]], layerCaptions: [String], weights: [Matrix], weightSymbols: [Math],
        weightDescriptions: [String]? = nil, activationSymbol: Math = .identifier("a"),
        deltaSymbol: Math = .identifier("δ"), showsBiasUnits: Bool = true, biasLayout: BiasLayout = .firstColumn,
        biasSymbols: [Math] = [], weightEntrySymbols: [[[Math]]] = [], valueLegend: [Inline] = [],
        layerNames: [String] = []
    ) {
        self.valueLegend = valueLegend
        self.layerNames = layerNames
        self.layers = layers
        self.layerCaptions = layerCaptions
        self.weights = weights
        self.weightSymbols = weightSymbols
        self.weightDescriptions =
            weightDescriptions
            ?? weights.enumerated().map { index, matrix in
                Self.describe(
                    rows: matrix.rows, columns: matrix.columns, layer: index + 1, note: "bias weights included")
            }
        self.activationSymbol = activationSymbol
        self.deltaSymbol = deltaSymbol
        self.showsBiasUnits = showsBiasUnits
        self.biasLayout = biasLayout
        self.biasSymbols = biasSymbols
        self.weightEntrySymbols = weightEntrySymbols
    }

    /// "rows × columns weights from layer l to layer l + 1, note" (l 1-based).
    public static func describe(rows: Int, columns: Int, layer l: Int, note: String) -> String {
        describe(rows: rows, columns: columns, from: "layer \(l)", to: "layer \(l + 1)", note: note)
    }

    /// "rows × columns weights from SOURCE to TARGET, note", with the layers named by the notation.
    public static func describe(rows: Int, columns: Int, from source: String, to target: String, note: String)
        -> String
    {
        "\(rows) × \(columns) weights from \(source) to \(target), \(note)"
    }

    /// The layer at index `index` (0 = input) named as in the captions: "layer 2", "layer h".
    public func layerName(_ index: Int) -> String {
        index < layerNames.count ? layerNames[index] : "layer \(index + 1)"
    }
}

extension NetworkFigure {
    /// Most units a layer shows in full; a larger layer shows its first `unitsBeforeGap`, a
    /// gap and its last unit, like the narrator's abbreviated matrices.
    public static let largestLayerShown = 8
    /// Units shown before the gap of a large layer.
    public static let unitsBeforeGap = 3
    /// Most units in every layer for the weights to be written on the edges.
    public static let largestLayerWithLabelledEdges = 4
    /// Most edges between two layers (bias included) for the weights to be written on them.
    public static let mostLabelledEdges = 12

    /// One place in a drawn layer: a unit (its 0-based index) or a gap for units left out.
    public enum Slot: Equatable, Sendable {
        /// Unit `index` of the layer.
        case unit(Int)
        /// A gap standing for `hidden` units left out.
        case gap(hidden: Int)
    }

    /// The slots drawn for a layer of `count` units: all of them up to `largestLayerShown`;
    /// beyond that the first `unitsBeforeGap`, a gap and the last.
    public static func slots(forLayerOf count: Int) -> [Slot] {
        guard count > largestLayerShown else { return (0..<count).map(Slot.unit) }
        return (0..<unitsBeforeGap).map(Slot.unit) + [.gap(hidden: count - unitsBeforeGap - 1), .unit(count - 1)]
    }

    /// The slots drawn for every layer, input first.
    public var slots: [[Slot]] { layers.map { Self.slots(forLayerOf: $0.count) } }

    /// The indices of the units drawn in layer `l` (0-based), without gaps.
    public func shownUnits(inLayer l: Int) -> [Int] {
        Self.slots(forLayerOf: layers[l].count).compactMap { slot in
            switch slot {
            case .unit(let index): return index
            case .gap: return nil
            }
        }
    }

    /// Whether layer `l` (0-based) has a bias unit drawn above it (every layer but the last).
    public func hasBiasUnit(_ l: Int) -> Bool {
        showsBiasUnits && l < layers.count - 1
    }

    /// Whether the weights are small enough in number to be written on the edges: every layer
    /// at most `largestLayerWithLabelledEdges` units and at most `mostLabelledEdges` edges
    /// between two layers. Otherwise they are listed in `weightTables`.
    public var labelsEdges: Bool {
        guard layers.allSatisfy({ $0.count <= Self.largestLayerWithLabelledEdges }) else { return false }
        let bias = showsBiasUnits ? 1 : 0
        for l in 0..<max(0, layers.count - 1)
        where (layers[l].count + bias) * layers[l + 1].count > Self.mostLabelledEdges {
            return false
        }
        return weights.count >= layers.count - 1
    }

    /// Whether any unit carries a value (the figure then leaves room below each unit).
    public var showsValues: Bool {
        layers.joined().contains { $0.activation != nil || $0.delta != nil }
    }

    /// The weight on the edge into unit `i` of layer `l + 1` from source `column` of layer `l`
    /// (column 0 = the bias unit, column j = unit j − 1), or nil when the figure lacks it.
    public func weight(layer l: Int, into i: Int, fromColumn column: Int) -> Double? {
        guard l < weights.count, i < weights[l].rows, column < weights[l].columns else { return nil }
        return weights[l][i, column]
    }

    /// The notation's symbol of that weight, when the figure carries the symbols.
    public func weightSymbol(layer l: Int, into i: Int, fromColumn column: Int) -> Math? {
        guard l < weightEntrySymbols.count, i < weightEntrySymbols[l].count, column < weightEntrySymbols[l][i].count
        else { return nil }
        return weightEntrySymbols[l][i][column]
    }
}

extension NetworkFigure {
    /// The figure without any unit's values: a map of the network.
    public var withoutValues: NetworkFigure {
        var figure = self
        for l in figure.layers.indices {
            for u in figure.layers[l].indices {
                figure.layers[l][u].activation = nil
                figure.layers[l][u].delta = nil
            }
        }
        return figure
    }

    /// The figure with only what the lesson gives: the inputs' values kept, every computed
    /// activation and error left out (a title page or a worksheet must not give answers away).
    public var withoutComputedValues: NetworkFigure {
        var figure = self
        for l in figure.layers.indices {
            for u in figure.layers[l].indices {
                if l > 0 { figure.layers[l][u].activation = nil }
                figure.layers[l][u].delta = nil
            }
        }
        return figure
    }
}
