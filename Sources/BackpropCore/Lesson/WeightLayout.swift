/// The layouts a lesson file may give its starting weights in, each under its own field, and
/// their conversion to Ng's Θ, which the network keeps (`Network.weights`).
///
/// - `"weights"`: Ng's Θ⁽ˡ⁾, s₍ₗ₊₁₎ × (sₗ + 1), the bias weight first in each row.
/// - `"w"` with `"b"`: Nielsen's wˡ (s₍ₗ₊₁₎ × sₗ, row j = unit j of the next layer, as
///   `network.py`'s `weights`) and bˡ (s₍ₗ₊₁₎ numbers, its `biases`): Θ⁽ˡ⁾ = [bˡ wˡ].
/// - `"W"`: the 15 Steps' W, (sₗ + 1) × s₍ₗ₊₁₎, one column per unit of the next layer and the
///   bias row last (net = [x, 1] · W): Θ⁽ˡ⁾ = the transpose with the last row moved first.
/// - `"mazurWeights"`: Mazur's numbered weights `"w1"` … and biases `"b1"` …: wₙ counts the
///   weights layer by layer, within a layer unit by unit of the next layer and, for each, from
///   the first unit of the layer before (w1 i₁→h₁, w2 i₂→h₁, w3 i₁→h₂, … w5 h₁→o₁), the
///   numbering `mazurWeightNumber` gives; bₖ is the bias shared by every unit of layer k + 1
///   (b1 the hidden layer's, b2 the output layer's, as in his post).
public enum WeightLayout: String, CaseIterable, Sendable {
    case ng = "weights"
    case nielsen = "w"
    case tulleken = "W"
    case mazur = "mazurWeights"

    /// Mazur's number of the weight from unit j of layer l to unit i of layer l + 1 (1-based):
    /// the weights of earlier layers first, then row by row.
    public static func mazurWeightNumber(layerSizes: [Int], layer l: Int, i: Int, j: Int) -> Int {
        var earlier = 0
        for k in 1..<l { earlier += layerSizes[k] * layerSizes[k - 1] }
        return earlier + (i - 1) * layerSizes[l - 1] + j
    }

    /// Θ⁽ˡ⁾ from Nielsen's wˡ (s₍ₗ₊₁₎ × sₗ) and bˡ.
    static func theta(nielsenW w: Matrix, b: [Double]) -> Matrix {
        var values: [Double] = []
        for i in 0..<w.rows { values += [b[i]] + w.row(i) }
        return Matrix(rows: w.rows, columns: w.columns + 1, values: values)
    }

    /// Θ⁽ˡ⁾ from the 15 Steps' W ((sₗ + 1) × s₍ₗ₊₁₎, bias row last).
    static func theta(tullekenW w: Matrix) -> Matrix {
        var values: [Double] = []
        for i in 0..<w.columns {
            values.append(w[w.rows - 1, i])
            for j in 0..<(w.rows - 1) { values.append(w[j, i]) }
        }
        return Matrix(rows: w.columns, columns: w.rows, values: values)
    }
}
