/// One weight of the network, by Ng's indices: Θ⁽ˡ⁾ feeds layer l + 1, `row` i (1-based) is
/// the unit it feeds, `column` j the unit of layer l it comes from (0 = the bias unit).
public struct WeightIndex: Equatable, Hashable, Sendable {
    public var layer: Int
    public var row: Int
    public var column: Int

    /// The weight Θ⁽ˡ⁾ᵢⱼ.
    public init(layer: Int, row: Int, column: Int) {
        self.layer = layer
        self.row = row
        self.column = column
    }
}
