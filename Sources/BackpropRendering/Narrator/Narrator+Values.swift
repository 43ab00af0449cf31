import BackpropCore

/// Trace values and symbols in the notation's shape: vectors as columns or rows, the bias unit
/// where the weights expect it, weights and gradients shaped and signed as the notation writes
/// them.
extension Narrator {
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
    /// `style` is `.given` for the lesson's own numbers (inputs, targets), which print as given.
    func vector(_ values: [Double], style: NumberStyle = .document) -> Math {
        let cells = values.map { Math.number($0, style) }
        return notation.vectorsAreRows ? Self.abbreviated([cells]) : Self.abbreviated(cells.map { [$0] })
    }

    /// A row vector for tables, abbreviated beyond `largestShown` entries.
    func rowVector(_ values: [Double], style: NumberStyle = .document) -> Math {
        Self.abbreviated([values.map { Math.number($0, style) }])
    }

    /// A sample's target for tables, as given; a one-hot target longer than `largestShown` as
    /// eₖ, the unit vector with 1 in position k, since its abbreviation (or a terminal's
    /// narrower table) could hide the 1 (issue 23, N7).
    func targetRow(_ y: [Double]) -> Math {
        if let k = Self.longOneHotPosition(y) { return .subscripted(.identifier("e"), .integer(k + 1)) }
        return rowVector(y, style: .given)
    }

    /// The 0-based position of the 1 in a one-hot vector longer than `largestShown`, else nil.
    static func longOneHotPosition(_ y: [Double]) -> Int? {
        guard y.count > largestShown, y.allSatisfy({ $0 == 0 || $0 == 1 }), y.filter({ $0 == 1 }).count == 1
        else { return nil }
        return y.firstIndex(of: 1)
    }

    /// A vector with the bias unit where the notation's weights expect it: [1; a] (1 on top of
    /// a column) or [a, 1] (1 last in a row, the 15 Steps'); with separate bias vectors, just a.
    func vectorWithBias(_ values: [Double], style: NumberStyle = .document) -> Math {
        switch notation.biasLayout {
        case .firstColumn: return vector([1] + values, style: style)
        case .lastRow: return vector(values + [1], style: style)
        case .separateVector: return vector(values, style: style)
        }
    }

    /// The activation symbol of layer l with the bias unit, as the forward rule uses it:
    /// [1; a⁽ˡ⁾] (`stackBias(.first, …)`), [x, 1] (`stackBias(.last, …)`), or a alone when
    /// biases are separate.
    func activationWithBias(_ l: Int) -> Math {
        switch notation.biasLayout {
        case .firstColumn: return .stackBias(.first, notation.activation(l))
        case .lastRow: return .stackBias(.last, notation.activation(l))
        case .separateVector: return notation.activation(l)
        }
    }

    /// A matrix of trace values (`.given` for the lesson's own starting weights).
    func matrix(_ m: Matrix, style: NumberStyle = .document) -> Math {
        Self.abbreviated(m.rowList.map { $0.map { Math.number($0, style) } })
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

    /// Weights leaving layer l in the notation's shape; the lesson's starting weights are
    /// `.given` (printed as the lesson gives them: w₅ = 0.40 as 0.40).
    func weightsValue(_ theta: Matrix, style: NumberStyle = .document) -> Math { matrix(shaped(theta), style: style) }

    /// The bias column of Θ as a vector (for notations with separate bias vectors).
    func biasValue(_ theta: Matrix, style: NumberStyle = .document) -> Math { vector(theta.column(0), style: style) }

    /// The style of layer l's activations in the forward pass: the inputs (l = 1) are the
    /// lesson's own numbers.
    func activationStyle(layer l: Int) -> NumberStyle { l == 1 ? .given : .document }

    /// The style of the starting weights: `.given` when the lesson file lists them (printed as
    /// written: Mazur's w₅ = 0.40), the rule's when an initialisation drew them (sin(k)/10 has
    /// no "as given" form, and substituted lines need their digits to reproduce results).
    var startingWeightStyle: NumberStyle { trace.lesson.initialization == .given ? .given : .document }

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

    /// The matrix product (or scalar multiple) left · right as the notation writes it:
    /// juxtaposed for column vectors, with an explicit · in the 15 Steps' row-vector code style.
    func product(_ left: Math, _ right: Math) -> Math {
        notation.vectorsAreRows ? .times(left, right) : .juxtaposed(left, right)
    }

    /// The sum of `terms` as a factor of a product: `.add`, which the product parenthesises; a
    /// single term keeps its parentheses too, so that "(Θ₁₁ · δ₁) · g′" has the shape of the
    /// many-term sum (the parentheses are layout only: evaluate the term inside).
    func summed(_ terms: [Math]) -> Math {
        terms.count == 1 ? .parenthesized(terms[0]) : .add(terms)
    }

    /// The activation function of Ng layer l ≥ 2, written as the notation writes g (g, σ,
    /// activation) and meaning that layer's activation.
    func activationFunction(ofLayer l: Int) -> MathFunction {
        .activation(activation(ofLayer: l), written: activationSymbol(ofLayer: l))
    }

    /// The derivative of the activation of Ng layer l ≥ 2, written as the notation writes g′
    /// (g′, σ′, activation_diff) and meaning that layer's derivative, element-wise.
    func derivativeFunction(ofLayer l: Int) -> MathFunction {
        .derivative(of: activation(ofLayer: l), written: derivativeSymbol(ofLayer: l))
    }
}
