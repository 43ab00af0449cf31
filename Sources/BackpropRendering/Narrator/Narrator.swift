import BackpropCore

/// Turns a trace into the 15-step lesson, in one notation, as a format-neutral `Narrative`.
///
/// Every number comes from the trace; the narrator only chooses, labels, transposes (Tulleken's
/// W = Θᵀ) or negates (Tulleken's delta = −δ) values, and says so in each step's convention
/// note. Layer numbers inside the narrator are Ng's: l = 1…L.
public struct Narrator: Sendable {
    /// The trace being told.
    public let trace: Trace
    /// The notation it is told in.
    public let notation: any Notation
    /// The sample (0-based) whose forward and backward pass the per-sample steps show.
    public let sampleIndex: Int
    /// Decimals the renderer will print, mentioned once per step.
    public let decimals: Int

    /// A narrator in `notation`; the trace must record sample `sampleIndex` (see
    /// `traceOptions(for:sampleIndex:)`).
    public init(trace: Trace, notation: any Notation, sampleIndex: Int = 0, decimals: Int = 4) {
        self.trace = trace
        self.notation = notation
        self.sampleIndex = sampleIndex
        self.decimals = decimals
    }

    /// A narrator in the registered notation called `name` (Ng's if no notation has that name;
    /// the command line validates names against `NotationRegistry` before it gets here).
    public init(trace: Trace, notation name: NotationName, sampleIndex: Int = 0, decimals: Int = 4) {
        let notation =
            NotationRegistry.notation(named: name, layerSizes: trace.lesson.layers)
            ?? NgNotation(layerSizes: trace.lesson.layers)
        self.init(trace: trace, notation: notation, sampleIndex: sampleIndex, decimals: decimals)
    }

    /// One step of the lesson.
    public func section(_ step: Step) -> Section {
        let blocks: [Block]
        switch step {
        case .network: blocks = stepNetwork()
        case .classes: blocks = stepClasses()
        case .data: blocks = stepData()
        case .activation: blocks = stepActivation()
        case .initialWeights: blocks = stepInitialWeights()
        case .feedforward: blocks = stepFeedforward()
        case .cost: blocks = stepCost()
        case .whyDerivatives: blocks = stepWhyDerivatives()
        case .chainRule: blocks = stepChainRule()
        case .outputError: blocks = stepOutputError()
        case .hiddenError: blocks = stepHiddenError()
        case .backpropagation: blocks = stepBackpropagation()
        case .accumulation: blocks = stepAccumulation()
        case .gradientCheck: blocks = stepGradientCheck()
        case .gradientDescent: blocks = stepGradientDescent()
        }
        return Section(
            number: step.number, title: step.title,
            blocks: [conventionBlock] + Self.inserting(notation.remarks(for: step, in: self), beforeWhyOf: blocks))
    }

    /// The whole lesson (or the chosen steps) as one document, with a preface and the figure.
    public func narrative(steps: [Step] = Step.allCases) -> Narrative {
        var preface: [Block] = []
        if let summary = trace.lesson.summary { preface.append(.paragraph([.text(summary)])) }
        preface.append(.paragraph(setupSentence))
        preface.append(.figure(figure(showingValues: true)))
        return Narrative(
            title: trace.lesson.title, preface: preface, sections: steps.map(section), notation: notation.name)
    }

    // MARK: Shared pieces

    /// The sample shown by per-sample steps.
    var sample: Trace.SampleTrace {
        guard let sample = trace.sample(at: sampleIndex) else {
            preconditionFailure(
                "the trace lacks sample \(sampleNumber); trace with Narrator.traceOptions(for:sampleIndex:)")
        }
        return sample
    }
    /// L.
    var layerCount: Int { trace.lesson.layers.count }
    /// Human sample number (1-based).
    var sampleNumber: Int { sampleIndex + 1 }

    var conventionBlock: Block {
        .convention(
            notation.convention(
                roundingNote:
                    "Numbers are rounded to \(decimals) decimals; the trace keeps full precision (trace --format json)."
            ))
    }

    /// `extra` placed before the last "why" block of `blocks` (at the end if there is none).
    static func inserting(_ extra: [Block], beforeWhyOf blocks: [Block]) -> [Block] {
        guard !extra.isEmpty else { return blocks }
        let index = blocks.lastIndex { if case .why = $0 { return true } else { return false } } ?? blocks.endIndex
        var result = blocks
        result.insert(contentsOf: extra, at: index)
        return result
    }

    var setupSentence: [Inline] {
        let info = trace.lesson
        let activations = uniqueActivations.map(\.rawValue).joined(separator: " and ")
        return [
            .text(
                "Layers " + info.layers.map(String.init).joined(separator: "-")
                    + " (input first), \(activations) units, "
                    + "\(info.loss.rawValue) loss, m = \(trace.m) training sample" + (trace.m == 1 ? "" : "s")
                    + ", learning rate \(NumberFormat.roundTrip(info.learningRate)), λ = \(NumberFormat.roundTrip(info.lambda))"
                    + (info.updateBiases ? "." : ", bias weights frozen (not updated)."))
        ]
    }

    var uniqueActivations: [Activation] {
        var seen: [Activation] = []
        for activation in trace.lesson.activations where !seen.contains(activation) { seen.append(activation) }
        return seen
    }

    /// The activation of Ng layer l ≥ 2.
    func activation(ofLayer l: Int) -> Activation { trace.lesson.activations[l - 2] }

    // MARK: Values in the notation's shape

    /// Most rows or columns printed before a matrix is abbreviated.
    static let largestShown = 8

    /// Abbreviates a grid of cells beyond `largestShown` rows or columns with ⋮ ⋯ ⋱.
    static func abbreviated(_ rows: [[Math]]) -> Math {
        func cut<T>(_ items: [T], filler: T) -> [T] {
            items.count > largestShown ? Array(items.prefix(3)) + [filler] + [items[items.count - 1]] : items
        }
        let columnCount = rows.first?.count ?? 0
        let fillerRow: [Math] = cut(
            Array(repeating: Math.ellipsis(.vertical), count: columnCount), filler: .ellipsis(.diagonal))
        let shortened = rows.map { cut($0, filler: Math.ellipsis(.horizontal)) }
        return .matrix(cut(shortened, filler: fillerRow))
    }

    /// A trace value as a factor after `·` or `+`: negative values in parentheses, so that
    /// "0.4000 · (−0.3730)" reads unambiguously.
    func factor(_ value: Double) -> Math {
        value < 0 ? .parenthesized(.number(value)) : .number(value)
    }

    /// A vector in the notation's orientation: a column, or a row in the 15 Steps'.
    func vector(_ values: [Double]) -> Math {
        let cells = values.map { Math.number($0) }
        return notation.vectorsAreRows ? Self.abbreviated([cells]) : Self.abbreviated(cells.map { [$0] })
    }

    /// A row vector for tables, abbreviated beyond `largestShown` entries.
    func rowVector(_ values: [Double]) -> Math {
        Self.abbreviated([values.map { Math.number($0) }])
    }

    /// A vector with the bias unit where the notation's weights expect it: [1; a] (1 on top of
    /// a column) or [a, 1] (1 last in a row, the 15 Steps'); with separate bias vectors, just a.
    func vectorWithBias(_ values: [Double]) -> Math {
        switch notation.biasLayout {
        case .firstColumn: return vector([1] + values)
        case .lastRow: return vector(values + [1])
        case .separateVector: return vector(values)
        }
    }

    /// The activation symbol of layer l with the bias unit, as the forward rule uses it:
    /// [1; a⁽ˡ⁾], [x, 1], or a alone when biases are separate.
    func activationWithBias(_ l: Int) -> Math {
        switch notation.biasLayout {
        case .firstColumn: return .bracketed(.row([.integer(1), .op(.semicolon), notation.activation(l)]))
        case .lastRow: return .bracketed(.row([notation.activation(l), .op(.comma), .integer(1)]))
        case .separateVector: return notation.activation(l)
        }
    }

    /// A matrix of trace values.
    func matrix(_ m: Matrix) -> Math {
        Self.abbreviated(m.rowList.map { $0.map { Math.number($0) } })
    }

    /// A weight-shaped matrix (Θ, or a gradient of Θ) in the notation's layout: as is (bias
    /// column first), without the bias column (separate bias vectors), or transposed with the
    /// bias row last (the 15 Steps').
    func shaped(_ theta: Matrix) -> Matrix {
        switch notation.biasLayout {
        case .firstColumn: return theta
        case .separateVector: return Self.withoutBiasColumn(theta)
        case .lastRow: return Self.transposedWithBiasLast(theta)
        }
    }

    /// "rows × columns" of the weights leaving a layer, as the notation writes them.
    func shapeText(_ theta: Matrix) -> String {
        let shown = shaped(theta)
        let text = "\(shown.rows) × \(shown.columns)"
        switch notation.biasLayout {
        case .firstColumn, .lastRow: return text
        case .separateVector: return text + ", bias \(theta.rows) × 1"
        }
    }

    /// Weights leaving layer l in the notation's shape.
    func weightsValue(_ theta: Matrix) -> Math { matrix(shaped(theta)) }

    /// The bias column of Θ as a vector (for notations with separate bias vectors).
    func biasValue(_ theta: Matrix) -> Math { vector(theta.column(0)) }

    /// Θ without column 0.
    static func withoutBiasColumn(_ theta: Matrix) -> Matrix {
        Matrix(theta.rowList.map { Array($0.dropFirst()) })
    }

    /// Θᵀ with the bias row moved last ((sₗ + 1) × s₍ₗ₊₁₎), the 15 Steps' W.
    static func transposedWithBiasLast(_ theta: Matrix) -> Matrix {
        let transposed = theta.transposed.rowList
        return Matrix(Array(transposed.dropFirst()) + [transposed[0]])
    }

    /// A gradient-shaped matrix in the notation's layout and sign (the 15 Steps' is negated,
    /// because its delta is −δ).
    func gradientValue(_ g: Matrix) -> Math {
        matrix(shaped(notation.deltaSign.factor * g))
    }

    /// δ values in the notation's sign (the 15 Steps' delta = −δ).
    func deltaValue(_ values: [Double]) -> Math {
        vector(values.map { notation.deltaSign.factor * $0 })
    }

    /// A trace value in the notation's delta sign.
    func signed(_ value: Double) -> Double { notation.deltaSign.factor * value }

    /// Whether the notation's delta is minus the trace's δ.
    var negatesDelta: Bool { notation.deltaSign == .negatedLossGradient }

    /// Ng's Θ⁽ˡ⁾ᵢⱼ written in the notation (i 1-based unit of layer l + 1, j 0-based, 0 = bias).
    func weightEntry(layer l: Int, i: Int, j: Int) -> Math { notation.weightEntry(layer: l, i: i, j: j) }

    /// Unit i (1-based) of a layer quantity, e.g. a⁽²⁾₁, δ⁽³⁾₂.
    func unit(_ quantity: LayerQuantity, _ l: Int, _ i: Int) -> Math { notation.unit(quantity, layer: l, i) }

    /// A product of two factors as the notation writes it: juxtaposed for column vectors,
    /// with an explicit · in the 15 Steps' row-vector code style.
    func product(_ left: Math, _ right: Math) -> Math {
        func items(_ m: Math) -> [Math] { if case .row(let items) = m { return items } else { return [m] } }
        return notation.vectorsAreRows ? .row(items(left) + [.op(.product)] + items(right)) : .row([left, right])
    }

    /// The network figure, with sample values when asked.
    func figure(showingValues: Bool) -> NetworkFigure {
        let sizes = trace.lesson.layers
        let layers = sizes.indices.map { index -> [NetworkFigure.Unit] in
            let l = index + 1
            return (0..<sizes[index]).map { i in
                NetworkFigure.Unit(
                    label: unit(.activation, l, i + 1),
                    activation: showingValues ? trace.sample(at: sampleIndex)?.a[index][i] : nil,
                    delta: showingValues && l >= 2
                        ? trace.sample(at: sampleIndex).map {
                            signed($0.delta[index - 1][i])
                        }
                        : nil)
            }
        }
        let captions = sizes.indices.map { index -> String in
            let role = index == 0 ? "input" : (index == sizes.count - 1 ? "output" : "hidden")
            return "layer \(index + 1) (\(role))"
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
            return NetworkFigure.describe(rows: shown.rows, columns: shown.columns, layer: index + 1, note: note)
        }
        func bare(_ symbol: Math) -> Math {
            switch symbol {
            case .superscripted(let base, _), .subscripted(let base, _): return base
            default: return symbol
            }
        }
        return NetworkFigure(
            layers: layers, layerCaptions: captions, weights: trace.weights,
            weightSymbols: trace.weights.indices.map { notation.weights($0 + 1) }, weightDescriptions: descriptions,
            activationSymbol: bare(notation.activation(sizes.count)), deltaSymbol: bare(notation.delta(sizes.count)))
    }
}

extension Inline {
    /// Plain words.
    static func t(_ text: String) -> Inline { .text(text) }
    /// Inline math.
    static func m(_ math: Math) -> Inline { .math(math) }
}
