import BackpropCore

/// The weight steps 9 and 11 derive, from `chosenWeight` (`--weight`).
extension Narrator {
    /// Step 9's weight into the output layer: (unit i of layer L, unit j of layer L − 1).
    var outputWeight: (i: Int, j: Int) {
        guard let chosen = chosenWeight, chosen.layer == layerCount - 1, chosen.column >= 1 else { return (1, 1) }
        return (chosen.row, chosen.column)
    }

    /// Step 11's weight into the last hidden layer: (hidden unit h, unit j of the layer before).
    var hiddenWeight: (h: Int, j: Int) {
        guard let chosen = chosenWeight, layerCount > 2, chosen.layer == layerCount - 2, chosen.column >= 1 else {
            return (1, 1)
        }
        return (chosen.row, chosen.column)
    }

    /// The weights `--weight` may choose: from a unit (not the bias) into the output layer, or
    /// into the last hidden layer, for a lesson with layers `sizes`.
    public static func derivableWeights(layerSizes sizes: [Int]) -> [WeightIndex] {
        let L = sizes.count
        var result: [WeightIndex] = []
        for l in [L - 2, L - 1] where l >= 1 {
            for i in 1...sizes[l] {
                for j in 1...sizes[l - 1] { result.append(WeightIndex(layer: l, row: i, column: j)) }
            }
        }
        return result
    }
}
