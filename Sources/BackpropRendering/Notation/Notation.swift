import BackpropCore

/// How a notation writes the trace's quantities. The trace is always in Ng's conventions
/// (layer l = 1…L, Θ⁽ˡ⁾ maps layer l to l + 1 with column 0 = bias, δ = ∂J/∂z); a notation only
/// relabels, and for Tulleken's also transposes W and negates δ, saying so in `convention`.
public struct Notation: Equatable, Sendable {
    /// The notations a user can choose.
    public enum Name: String, CaseIterable, Sendable {
        case ng, nielsen, tulleken
    }

    /// Which notation this is.
    public let name: Name
    /// L, the number of layers of the lesson being described (labels can depend on it).
    public let layerCount: Int

    /// The notation `name` for a lesson of `layerCount` layers.
    public init(_ name: Name, layerCount: Int) {
        self.name = name
        self.layerCount = layerCount
    }

    /// Whether the network has no hidden layer (the 15 Steps' shape).
    public var isSingleLayer: Bool { layerCount == 2 }

    private func ngLayer(_ l: Int) -> Math { .parenthesized(.integer(l)) }

    private func indexed(_ base: String, _ l: Int) -> Math {
        switch name {
        case .ng: return .superscripted(.identifier(base), ngLayer(l))
        case .nielsen: return .superscripted(.identifier(base), .integer(l))
        case .tulleken: return isSingleLayer ? .identifier(base) : .superscripted(.identifier(base), ngLayer(l))
        }
    }

    /// The weights that map layer l to layer l + 1 (Ng's Θ⁽ˡ⁾; Nielsen's wˡ⁺¹; Tulleken's W).
    public func weights(_ l: Int) -> Math {
        switch name {
        case .ng: return indexed("Θ", l)
        case .nielsen: return indexed("w", l + 1)
        case .tulleken: return indexed("W", l)
        }
    }

    /// The bias vector into layer l + 1 (Nielsen's bˡ⁺¹); Ng keeps it in column 0 of Θ⁽ˡ⁾.
    public func bias(_ l: Int) -> Math {
        switch name {
        case .ng: return .subscripted(indexed("Θ", l), .integer(0))
        case .nielsen: return indexed("b", l + 1)
        case .tulleken: return .text("bias row of ").appending(weights(l))
        }
    }

    /// The activation of layer l (a⁽ˡ⁾; in Tulleken's, x for the input and output at the end).
    public func activation(_ l: Int) -> Math {
        switch name {
        case .ng: return indexed("a", l)
        case .nielsen: return indexed("a", l)
        case .tulleken:
            if l == 1 { return .identifier("x") }
            if l == layerCount { return .identifier("output") }
            return indexed("output", l)
        }
    }

    /// The weighted input of layer l ≥ 2 (z⁽ˡ⁾; Tulleken's net).
    public func weightedInput(_ l: Int) -> Math {
        switch name {
        case .ng, .nielsen: return indexed("z", l)
        case .tulleken: return l == layerCount ? .identifier("net") : indexed("net", l)
        }
    }

    /// The error of layer l ≥ 2 (δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾; Tulleken's delta = −δ).
    public func delta(_ l: Int) -> Math {
        switch name {
        case .ng, .nielsen: return indexed("δ", l)
        case .tulleken: return l == layerCount ? .identifier("delta") : indexed("delta", l)
        }
    }

    /// The accumulator over samples for the weights leaving layer l (Ng's Δ⁽ˡ⁾).
    public func accumulator(_ l: Int) -> Math {
        switch name {
        case .ng: return indexed("Δ", l)
        case .nielsen:
            return .sum(.identifier("x"), .partial(.subscripted(.identifier("C"), .identifier("x")), weights(l)))
        case .tulleken: return .row([.identifier("Σ"), .identifier("ΔW")])
        }
    }

    /// The gradient ∂J/∂(weights leaving layer l) (Ng's D⁽ˡ⁾).
    public func gradient(_ l: Int) -> Math {
        switch name {
        case .ng: return indexed("D", l)
        case .nielsen: return .partial(cost, weights(l))
        case .tulleken: return .partial(cost, weights(l))
        }
    }

    /// The cost (J; Nielsen's C; the 15 Steps' squared error E).
    public var cost: Math {
        switch name {
        case .ng: return .identifier("J")
        case .nielsen: return .identifier("C")
        case .tulleken: return .identifier("E")
        }
    }

    /// The activation function's name (g; σ; activation).
    public var activationFunction: Math {
        switch name {
        case .ng: return .identifier("g")
        case .nielsen: return .identifier("σ")
        case .tulleken: return .identifier("activation")
        }
    }

    /// The derivative of the activation function (g′; σ′; activation_diff).
    public var activationDerivative: Math {
        switch name {
        case .ng, .nielsen: return .prime(activationFunction)
        case .tulleken: return .identifier("activation_diff")
        }
    }

    /// The learning rate (α; η; η).
    public var learningRate: Math { name == .ng ? .identifier("α") : .identifier("η") }

    /// The regularisation strength λ.
    public var lambda: Math { .identifier("λ") }

    /// The input vector (x).
    public var input: Math { .identifier("x") }

    /// The target (y; Tulleken's target).
    public var target: Math { name == .tulleken ? .identifier("target") : .identifier("y") }

    /// The number of samples (m; Nielsen's n).
    public var sampleCount: Math { name == .nielsen ? .identifier("n") : .identifier("m") }

    /// Whether this notation writes weights transposed (Tulleken's W = Θᵀ with the bias row last).
    public var transposesWeights: Bool { name == .tulleken }
    /// Whether this notation's delta is the opposite sign of ∂J/∂z (Tulleken's).
    public var negatesDelta: Bool { name == .tulleken }
    /// Whether biases are written as separate vectors (Nielsen's bˡ).
    public var separatesBiases: Bool { name == .nielsen }
}

extension Math {
    /// `self` followed by `other` in one row.
    public func appending(_ other: Math) -> Math {
        if case .row(let items) = self { return .row(items + [other]) }
        return .row([self, other])
    }
}
