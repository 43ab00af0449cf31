import BackpropCore

/// How one textbook or tutorial writes backpropagation: its symbols, how it shapes and signs
/// the trace's values, and the words that state its conventions.
///
/// The trace is always in Ng's conventions (layer l = 1…L, Θ⁽ˡ⁾ maps layer l to l + 1 with
/// column 0 = bias, δ = ∂loss/∂z with the output-minus-target sign). A notation only relabels,
/// and declares through `vectorsAreRows`, `biasLayout` and `deltaSign` how its formulas are
/// arranged; the narrator writes every formula from those declarations and never asks which
/// notation it has. A new notation is one type conforming to this protocol plus one line in
/// `NotationRegistry.all`.
///
/// Index conventions of every method: `l` is Ng's layer number (1 = input, L = output);
/// unit indices `i` are 1-based; weight columns `j` are Ng's (0 = bias weight, 1…sₗ = units).
public protocol Notation: Sendable {
    /// The name users type after `--notation`.
    static var name: NotationName { get }
    /// Where the notation comes from, for help and error messages.
    static var source: String { get }

    /// The notation for a lesson whose layers have these sizes (input first).
    init(layerSizes: [Int])
    /// This notation for a lesson with `sampleCount` training samples and regularisation
    /// strength `lambda`, for notations whose names depend on them (Mazur's E_total names the
    /// cost only when it is one sample's loss); the default is the notation unchanged.
    func fitted(sampleCount: Int, lambda: Double) -> any Notation
    /// s₁…s_L, input first.
    var layerSizes: [Int] { get }

    // MARK: Conventions

    /// Whether vectors are rows (the 15 Steps) rather than columns.
    var vectorsAreRows: Bool { get }
    /// Where the bias weights live.
    var biasLayout: BiasLayout { get }
    /// The sign of the notation's delta relative to ∂loss/∂z.
    var deltaSign: DeltaSign { get }
    /// How squared error writes its difference (`a − y` or `target − output`).
    var squaredErrorDifference: SquaredErrorDifference { get }
    /// The most terms a hidden unit's error sum is written out in full before Σ is used.
    var maximumExplicitTerms: Int { get }

    // MARK: Symbols of a layer

    /// The weights that map layer l to layer l + 1 (Ng's Θ⁽ˡ⁾; Nielsen's wˡ⁺¹; the 15 Steps' W).
    func weights(_ l: LayerIndex) -> Math
    /// The bias weights into layer l + 1 (Ng: column 0 of Θ⁽ˡ⁾; Nielsen's bˡ⁺¹).
    func bias(_ l: LayerIndex) -> Math
    /// The activation vector of layer l (a⁽ˡ⁾; the 15 Steps' x and output).
    func activation(_ l: LayerIndex) -> Math
    /// The weighted input of layer l ≥ 2 (z⁽ˡ⁾; the 15 Steps' net).
    func weightedInput(_ l: LayerIndex) -> Math
    /// The error of layer l ≥ 2 in the notation's sign (δ⁽ˡ⁾; the 15 Steps' delta = −δ).
    func delta(_ l: LayerIndex) -> Math
    /// Unit `i` of a layer quantity (a⁽²⁾₁, output[0], out_h1).
    func unit(_ quantity: LayerQuantity, layer l: Int, _ i: UnitIndex) -> Math
    /// One weight of Θ⁽ˡ⁾: into unit `i` of layer l + 1 from unit `j` of layer l (j = 0: the bias).
    func weightEntry(layer l: Int, i: UnitIndex, j: Int) -> Math

    // MARK: Symbols of the backward pass and training

    /// The sum over samples of the per-sample gradients of the weights leaving layer l (Ng's Δ⁽ˡ⁾).
    func accumulator(_ l: Int) -> Math
    /// The cost's gradient with respect to the weights leaving layer l (Ng's D⁽ˡ⁾).
    func gradient(_ l: Int) -> Math
    /// One sample's gradient of those weights (Ng's ∇⁽ˡ⁾; Nielsen's ∂Cₓ/∂w; the 15 Steps' ΔW).
    func sampleGradient(_ l: Int) -> Math
    /// The cost averaged over the samples (J; C; E).
    var cost: Math { get }
    /// One sample's cost, the per-sample loss (Nielsen's Cₓ).
    var sampleCost: Math { get }
    /// The activation function's name (g; σ; activation).
    var activationFunction: Math { get }
    /// Its derivative (g′; σ′; activation_diff).
    var activationDerivative: Math { get }
    /// The activation function of Ng layer l ≥ 2, for lessons whose layers use different
    /// functions, so that one symbol never stands for two (g⁽²⁾; σ²; activation⁽²⁾; f_h).
    func activationFunction(layer l: Int) -> Math
    /// Its derivative (g⁽²⁾′; σ²′; activation_diff⁽²⁾; f_h′).
    func activationDerivative(layer l: Int) -> Math
    /// The learning rate (α; η).
    var learningRate: Math { get }
    /// The regularisation strength.
    var lambda: Math { get }
    /// The input vector.
    var input: Math { get }
    /// The target vector.
    var target: Math { get }
    /// The number of training samples (m; Nielsen's n).
    var sampleCount: Math { get }
    /// The bare letter of the weights, for index formulas (Θᵢⱼ, wᵢⱼ, Wᵢⱼ).
    var weightLetter: String { get }

    // MARK: Words

    /// The index and sign convention, stated at the top of every step; `roundingNote` is the
    /// sentence about rounding to append.
    func convention(roundingNote: String) -> [Inline]
    /// What the first weight matrix is, in words (step 1's symbol table).
    var weightsMeaning: String { get }
    /// How the notation labels Ng's layer l (1…L) in prose and tables: "2" (Ng, Nielsen, the
    /// 15 Steps), "h" (Mazur's hidden layer).
    func layerLabel(_ l: Int) -> String
    /// Ng's layer l named in a sentence, lower case: "layer 2", "layer h".
    func layerName(_ l: Int) -> String
    /// The name the notation's source gives an equation (Nielsen's BP1–BP4), if any.
    func ruleLabel(_ rule: BackpropRule) -> String?
    /// Extra blocks the notation adds at the end of a step, before its "why" (for example
    /// Mazur's per-weight names); empty for most steps. `context` holds the shown sample's
    /// record, whichever sample that is.
    func remarks(for step: Step, context: RemarkContext) -> [Block]
    /// How the notation's source names a step when the lesson has the source's own shape (the
    /// 15 Steps' "step 12"); nil when it has no such name.
    func sourceStepName(_ step: Step) -> String?
}

/// A layer number as a formula writes it: a number, or the general l (plus an offset).
public enum LayerIndex: Equatable, Sendable {
    /// Ng's layer number 1…L.
    case number(Int)
    /// l + offset, for rules stated for every layer.
    case general(offset: Int)

    /// The index as math: 2, l, l + 1, l − 1.
    public var math: Math {
        switch self {
        case .number(let n): return .integer(n)
        case .general(let offset):
            let l = Math.identifier("l")
            if offset == 0 { return l }
            return .row([l, .op(offset > 0 ? .plus : .minus), .integer(abs(offset))])
        }
    }

    /// The index `offset` layers later.
    public func shifted(by offset: Int) -> LayerIndex {
        switch self {
        case .number(let n): return .number(n + offset)
        case .general(let k): return .general(offset: k + offset)
        }
    }
}

/// A unit index as a formula writes it: a number (1-based) or a summation letter.
public enum UnitIndex: Equatable, Sendable {
    /// Unit i, 1-based.
    case number(Int)
    /// A summation index such as i.
    case symbol(String)
}

/// The per-unit quantities of a layer.
public enum LayerQuantity: Equatable, Sendable {
    case activation, weightedInput, delta, target
}

/// Where a notation keeps the bias weights.
public enum BiasLayout: Equatable, Sendable {
    /// In column 0 of the weight matrix, multiplying a 1 stacked on top of the column
    /// activation vector (Ng: z = Θ[1; a]).
    case firstColumn
    /// In the last row of the transposed weight matrix, multiplying a 1 appended to the row
    /// activation vector (the 15 Steps: net = [x, 1]·W, W = Θᵀ).
    case lastRow
    /// In a separate vector per layer (Nielsen: z = wa + b).
    case separateVector
}

/// The sign of a notation's delta.
public enum DeltaSign: Equatable, Sendable {
    /// δ = ∂loss/∂z (Ng, Nielsen, Mazur): output minus target.
    case lossGradient
    /// delta = −∂loss/∂z (the 15 Steps): target minus output; updates add.
    case negatedLossGradient

    /// +1 or −1: the factor from the trace's δ to the notation's.
    public var factor: Double {
        switch self {
        case .lossGradient: return 1
        case .negatedLossGradient: return -1
        }
    }
}

/// How squared error writes the difference inside the square.
public enum SquaredErrorDifference: Equatable, Sendable {
    /// (a − y)², output first (Ng, Nielsen).
    case outputMinusTarget
    /// (target − output)² (the 15 Steps, Mazur).
    case targetMinusOutput
}

/// The four equations of backpropagation, for notations that name them.
public enum BackpropRule: Equatable, Sendable {
    /// The output layer's error (Nielsen's BP1).
    case outputError
    /// A hidden layer's error from the next layer's (BP2).
    case hiddenError
    /// The gradient of a bias (BP3).
    case biasGradient
    /// The gradient of a weight (BP4).
    case weightGradient
}

extension Notation {
    /// L, the number of layers.
    public var layerCount: Int { layerSizes.count }
    /// Whether the network has no hidden layer (the 15 Steps' shape).
    public var isSingleLayer: Bool { layerCount == 2 }
    /// The notation's name.
    public var name: NotationName { Self.name }

    /// The weights leaving Ng layer l.
    public func weights(_ l: Int) -> Math { weights(.number(l)) }
    /// The bias weights into layer l + 1.
    public func bias(_ l: Int) -> Math { bias(.number(l)) }
    /// The activation of Ng layer l.
    public func activation(_ l: Int) -> Math { activation(.number(l)) }
    /// The weighted input of Ng layer l.
    public func weightedInput(_ l: Int) -> Math { weightedInput(.number(l)) }
    /// The error of Ng layer l.
    public func delta(_ l: Int) -> Math { delta(.number(l)) }
    /// Unit i (1-based) of a layer quantity.
    public func unit(_ quantity: LayerQuantity, layer l: Int, _ i: Int) -> Math { unit(quantity, layer: l, .number(i)) }
    /// One weight of Θ⁽ˡ⁾ (i 1-based, j 0-based with 0 = bias).
    public func weightEntry(layer l: Int, i: Int, j: Int) -> Math { weightEntry(layer: l, i: .number(i), j: j) }

    /// The layer symbol of a quantity (the target belongs to the output layer).
    public func symbol(_ quantity: LayerQuantity, layer l: Int) -> Math {
        switch quantity {
        case .activation: return activation(l)
        case .weightedInput: return weightedInput(l)
        case .delta: return delta(l)
        case .target: return target
        }
    }

    /// Unit i of a layer symbol as Ng and Nielsen write it: the unit index as a subscript
    /// beside the layer superscript (a⁽²⁾₁, δ³₂, y₁).
    public func subscriptedUnit(_ quantity: LayerQuantity, layer l: Int, _ i: UnitIndex) -> Math {
        let index: Math
        switch i {
        case .number(let n): index = .integer(n)
        case .symbol(let s): index = .identifier(s)
        }
        let symbol = self.symbol(quantity, layer: l)
        if case .superscripted(let base, let sup) = symbol { return .scripted(base, sub: index, sup: sup) }
        return .subscripted(symbol, index)
    }

    public func unit(_ quantity: LayerQuantity, layer l: Int, _ i: UnitIndex) -> Math {
        subscriptedUnit(quantity, layer: l, i)
    }

    public var lambda: Math { .identifier("λ") }
    public var input: Math { .identifier("x") }
    public var sampleCount: Math { .identifier("m") }
    public var maximumExplicitTerms: Int { 3 }
    public func ruleLabel(_ rule: BackpropRule) -> String? { nil }
    public func remarks(for step: Step, context: RemarkContext) -> [Block] { [] }
    public func layerLabel(_ l: Int) -> String { String(l) }
    public func layerName(_ l: Int) -> String { "layer " + layerLabel(l) }
    public func sourceStepName(_ step: Step) -> String? { nil }
    public func fitted(sampleCount: Int, lambda: Double) -> any Notation { self }
    public func activationFunction(layer l: Int) -> Math {
        .superscripted(activationFunction, .parenthesized(.integer(l)))
    }
    public func activationDerivative(layer l: Int) -> Math {
        if case .prime(let f) = activationDerivative, f == activationFunction { return .prime(activationFunction(layer: l)) }
        return .superscripted(activationDerivative, .parenthesized(.integer(l)))
    }
}

/// The two indices of a weight as one subscript: "12" while both are single digits, "11,0"
/// once either has two, so that row 11 column 0 cannot be read as row 1 column 10.
func indexPair(_ i: Int, _ j: Int) -> String {
    i > 9 || j > 9 ? "\(i),\(j)" : "\(i)\(j)"
}

extension Math {
    /// `self` followed by `other` in one row.
    public func appending(_ other: Math) -> Math {
        if case .row(let items) = self { return .row(items + [other]) }
        return .row([self, other])
    }
}
