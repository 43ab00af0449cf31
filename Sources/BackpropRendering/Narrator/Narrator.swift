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
    public let notation: Notation
    /// The sample (0-based) whose forward and backward pass the per-sample steps show.
    public let sampleIndex: Int
    /// Decimals the renderer will print, mentioned once per step.
    public let decimals: Int

    /// A narrator; the trace must record sample `sampleIndex` (see `traceOptions(for:sampleIndex:)`).
    public init(trace: Trace, notation: Notation.Name, sampleIndex: Int = 0, decimals: Int = 4) {
        self.trace = trace
        self.notation = Notation(notation, layerCount: trace.lesson.layers.count)
        self.sampleIndex = sampleIndex
        self.decimals = decimals
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
        return Section(number: step.number, title: step.title, blocks: [conventionBlock] + blocks)
    }

    /// The whole lesson (or the chosen steps) as one document, with a preface and the figure.
    public func narrative(steps: [Step] = Step.allCases) -> Narrative {
        var preface: [Block] = []
        if let summary = trace.lesson.summary { preface.append(.paragraph([.text(summary)])) }
        preface.append(.paragraph(setupSentence))
        preface.append(.figure(figure(showingValues: true)))
        return Narrative(title: trace.lesson.title, preface: preface, sections: steps.map(section))
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
        let rounding =
            "Numbers are rounded to \(decimals) decimals; the trace keeps full precision (trace --format json)."
        switch notation.name {
        case .ng:
            let l = Math.parenthesized(.identifier("l"))
            return .convention([
                .text("Ng — layers l = 1…L; "), .math(.superscripted(.identifier("Θ"), l)),
                .text(" maps layer l to l + 1, column 0 multiplies the bias unit a₀ = 1; "),
                .math(
                    .binary(
                        .superscripted(.identifier("δ"), l), .equals,
                        .partial(.identifier("J"), .superscripted(.identifier("z"), l)))),
                .text(" (output minus target). " + rounding),
            ])
        case .nielsen:
            return .convention([
                .text("Nielsen — "), .math(.superscripted(.identifier("w"), .identifier("l"))), .text(" and "),
                .math(.superscripted(.identifier("b"), .identifier("l"))),
                .text(" lead into layer l (Ng's "),
                .math(
                    .superscripted(
                        .identifier("Θ"), .parenthesized(.row([.identifier("l"), .op(.minus), .integer(1)])))),
                .text(" without and with its column 0); "),
                .math(
                    .binary(
                        .superscripted(.identifier("δ"), .identifier("l")), .equals,
                        .partial(.identifier("C"), .superscripted(.identifier("z"), .identifier("l"))))),
                .text(", the same sign as Ng's. " + rounding),
            ])
        case .tulleken:
            return .convention([
                .text("15 Steps — vectors are rows, "),
                .math(.binary(.identifier("W"), .equals, .transpose(.identifier("Θ")))),
                .text(" with the bias weights as its last row, "),
                .math(
                    .binary(
                        .identifier("net"), .equals,
                        .row([
                            .bracketed(.row([.identifier("x"), .op(.comma), .integer(1)])), .op(.product),
                            .identifier("W"),
                        ]))),
                .text("; its delta is minus Ng's δ, so the deltas and gradients shown are negated and updates add "),
                .math(.row([.identifier("η"), .op(.product), .identifier("ΔW")])),
                .text(". " + rounding),
            ])
        }
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

    /// A vector: a column in Ng's and Nielsen's notation, a row in Tulleken's.
    func vector(_ values: [Double]) -> Math {
        let cells = values.map { Math.number($0) }
        return notation.name == .tulleken ? Self.abbreviated([cells]) : Self.abbreviated(cells.map { [$0] })
    }

    /// A row vector for tables, abbreviated beyond `largestShown` entries.
    func rowVector(_ values: [Double]) -> Math {
        Self.abbreviated([values.map { Math.number($0) }])
    }

    /// A vector with the bias unit: [1; a] (column, 1 on top) or [a, 1] (row, 1 last, Tulleken).
    func vectorWithBias(_ values: [Double]) -> Math {
        notation.name == .tulleken ? vector(values + [1]) : vector([1] + values)
    }

    /// A matrix of trace values.
    func matrix(_ m: Matrix) -> Math {
        Self.abbreviated(m.rowList.map { $0.map { Math.number($0) } })
    }

    /// Weights leaving layer l in the notation's shape: Θ (Ng), w without the bias column
    /// (Nielsen), Θᵀ with the bias row last (Tulleken).
    func weightsValue(_ theta: Matrix) -> Math {
        switch notation.name {
        case .ng: return matrix(theta)
        case .nielsen: return matrix(Self.withoutBiasColumn(theta))
        case .tulleken: return matrix(Self.tullekenShape(theta))
        }
    }

    /// The bias column of Θ as a vector (Nielsen's b).
    func biasValue(_ theta: Matrix) -> Math { vector(theta.column(0)) }

    /// Θ without column 0.
    static func withoutBiasColumn(_ theta: Matrix) -> Matrix {
        Matrix(theta.rowList.map { Array($0.dropFirst()) })
    }

    /// Tulleken's W: Θᵀ with the bias row moved last ((sₗ + 1) × s₍ₗ₊₁₎).
    static func tullekenShape(_ theta: Matrix) -> Matrix {
        let transposed = theta.transposed.rowList
        return Matrix(Array(transposed.dropFirst()) + [transposed[0]])
    }

    /// A gradient-shaped matrix in the notation's shape and sign (Tulleken: transposed, bias
    /// row last, negated because its delta is −δ).
    func gradientValue(_ g: Matrix) -> Math {
        switch notation.name {
        case .ng: return matrix(g)
        case .nielsen: return matrix(g)
        case .tulleken: return matrix(Self.tullekenShape(-1 * g))
        }
    }

    /// δ values in the notation's sign (Tulleken's delta = −δ).
    func deltaValue(_ values: [Double]) -> Math {
        vector(notation.negatesDelta ? values.map { -$0 } : values)
    }

    /// Ng's Θ⁽ˡ⁾ᵢⱼ written in the notation (i 1-based unit of layer l + 1, j 0-based, 0 = bias).
    func weightEntry(layer l: Int, i: Int, j: Int) -> Math {
        switch notation.name {
        case .ng: return .scripted(.identifier("Θ"), sub: .text("\(i)\(j)"), sup: .parenthesized(.integer(l)))
        case .nielsen:
            if j == 0 { return .scripted(.identifier("b"), sub: .integer(i), sup: .integer(l + 1)) }
            return .scripted(.identifier("w"), sub: .text("\(i)\(j)"), sup: .integer(l + 1))
        case .tulleken:
            let row = j == 0 ? trace.lesson.layers[l - 1] : j - 1
            return .row([notation.weights(l), .bracketed(.text("\(row),\(i - 1)"))])
        }
    }

    /// Unit i (1-based) of a layer quantity, e.g. a⁽²⁾₁, δ⁽³⁾₂.
    func unit(_ symbol: Math, _ i: Int) -> Math {
        if notation.name == .tulleken { return .row([symbol, .bracketed(.integer(i - 1))]) }
        switch symbol {
        case .superscripted(let base, let sup): return .scripted(base, sub: .integer(i), sup: sup)
        default:
            return notation.name == .tulleken
                ? .row([symbol, .bracketed(.integer(i - 1))]) : .subscripted(symbol, .integer(i))
        }
    }

    /// The bare letter of the weights (Θ, w, W), for index formulas.
    var weightLetter: String {
        switch notation.name {
        case .ng: return "Θ"
        case .nielsen: return "w"
        case .tulleken: return "W"
        }
    }

    /// The network figure, with sample values when asked.
    func figure(showingValues: Bool) -> NetworkFigure {
        let sizes = trace.lesson.layers
        let layers = sizes.indices.map { index -> [NetworkFigure.Unit] in
            let l = index + 1
            return (0..<sizes[index]).map { i in
                NetworkFigure.Unit(
                    label: unit(notation.activation(l), i + 1),
                    activation: showingValues ? trace.sample(at: sampleIndex)?.a[index][i] : nil,
                    delta: showingValues && l >= 2
                        ? trace.sample(at: sampleIndex).map {
                            (notation.negatesDelta ? -1 : 1) * $0.delta[index - 1][i]
                        }
                        : nil)
            }
        }
        let captions = sizes.indices.map { index -> String in
            let role = index == 0 ? "input" : (index == sizes.count - 1 ? "output" : "hidden")
            return "layer \(index + 1) (\(role))"
        }
        return NetworkFigure(
            layers: layers, layerCaptions: captions, weights: trace.weights,
            weightSymbols: trace.weights.indices.map { notation.weights($0 + 1) })
    }
}

extension Inline {
    /// Plain words.
    static func t(_ text: String) -> Inline { .text(text) }
    /// Inline math.
    static func m(_ math: Math) -> Inline { .math(math) }
}
