/// A quantity of the network an equation uses, by layer and index, never by printed name, so
/// every front end can point at it in any notation (the page highlights it on the figure).
///
/// Index conventions are Ng's throughout: `layer` is l = 1 (input) … L. For the unit kinds
/// (`activation` a, `weightedInput` z, `delta` δ) it is the unit's layer and `unit` its 1-based
/// index i. For the matrix kinds (`weight` Θ, `gradient` ∂J/∂Θ) it is the matrix Θ⁽ˡ⁾ that
/// feeds layer l + 1; `unit` is its row i (the unit fed, 1-based) and `column` its column j
/// (0 = the bias weight, j ≥ 1 = unit j of layer l), whatever way the notation writes the
/// matrix. A nil index means every one (the whole layer, row or matrix).
public struct QuantityReference: Equatable, Sendable {
    /// What kind of quantity it is.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case activation, weightedInput, delta, weight, gradient
    }

    public var kind: Kind
    public var layer: Int
    public var unit: Int?
    public var column: Int?

    /// A reference; nil indices mean all.
    public init(_ kind: Kind, layer: Int, unit: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.layer = layer
        self.unit = unit
        self.column = column
    }
}
