/// What a network with two inputs computes over a rectangle of its input plane: its output at
/// every point of a grid, with the ranges used.
///
/// Grid conventions: input x₁ runs along the horizontal axis and x₂ along the vertical one.
/// The grid has `columns` × `rows` cells and each value is the output at the cell's centre:
/// column c (0 = left) is at x₁ = x₁-low + (c + ½)·(x₁-high − x₁-low)/columns, and row r is at
/// x₂ = x₂-high − (r + ½)·(x₂-high − x₂-low)/rows, so **row 0 is the top** (the largest x₂), as
/// an image and an SVG are drawn. `outputs[r * columns + c]` is a⁽ᴸ⁾ there, every output unit.
///
/// A cell is summarised as a class and a value (``cell(row:column:)``), the way `train`
/// classifies samples (`Tracer.predictedClass`): with one output unit, class 1 when a ≥ 0.5
/// else class 0, and the value is a itself (the network's probability of class 1 for a
/// sigmoid output); with several units, the winning unit (the largest output, the first on a
/// tie) and its output (its probability for a softmax output layer).
public struct DecisionMap: Equatable, Sendable {
    /// Cells across (along x₁).
    public var columns: Int
    /// Cells down (along x₂).
    public var rows: Int
    /// The x₁ range the grid covers, left to right.
    public var x1Range: ClosedRange<Double>
    /// The x₂ range the grid covers, bottom to top.
    public var x2Range: ClosedRange<Double>
    /// a⁽ᴸ⁾ at each cell's centre, row by row from the top: `outputs[row * columns + column]`.
    public var outputs: [[Double]]

    /// The map of `network` (which must have two inputs) over `x1Range` × `x2Range`, with one
    /// batched forward pass through the engine.
    public init(
        network: Network, x1Range: ClosedRange<Double>, x2Range: ClosedRange<Double>, columns: Int, rows: Int
    ) {
        precondition(network.layerSizes[0] == 2 && columns > 0 && rows > 0)
        self.columns = columns
        self.rows = rows
        self.x1Range = x1Range
        self.x2Range = x2Range
        var points: [[Double]] = []
        points.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                points.append(Self.point(row: row, column: column, columns: columns, rows: rows, x1Range, x2Range))
            }
        }
        let outputCount = network.layerSizes[network.layerCount - 1]
        // The targets only feed the losses, which the map does not use.
        let targets = Matrix(rows: points.count, columns: outputCount)
        let pass = network.forward(inputs: Matrix(points), targets: targets)
        outputs = pass.activations[network.layerCount - 1].rowList
    }

    /// The input (x₁, x₂) at the centre of the cell in `row` (0 = top) and `column` (0 = left).
    public func point(row: Int, column: Int) -> [Double] {
        Self.point(row: row, column: column, columns: columns, rows: rows, x1Range, x2Range)
    }

    private static func point(
        row: Int, column: Int, columns: Int, rows: Int, _ x1Range: ClosedRange<Double>, _ x2Range: ClosedRange<Double>
    ) -> [Double] {
        let x1 =
            x1Range.lowerBound + (Double(column) + 0.5) * (x1Range.upperBound - x1Range.lowerBound) / Double(columns)
        let x2 = x2Range.upperBound - (Double(row) + 0.5) * (x2Range.upperBound - x2Range.lowerBound) / Double(rows)
        return [x1, x2]
    }

    /// a⁽ᴸ⁾ at the centre of the cell in `row` (0 = top) and `column` (0 = left).
    public func output(row: Int, column: Int) -> [Double] { outputs[row * columns + column] }

    /// The cell's predicted class (0-based, as `Lesson.classNames` counts) and its value: see
    /// the type's summary.
    public func cell(row: Int, column: Int) -> (predictedClass: Int, value: Double) {
        let output = self.output(row: row, column: column)
        let predicted = Tracer.predictedClass(output)
        return (predicted, output.count == 1 ? output[0] : output[predicted])
    }

    /// The ranges a map of `inputs` (each with two numbers) covers: each input's smallest to
    /// largest value widened by `margin` of its span on both sides (by ½ when every value is
    /// the same), so samples on the edge are not cut. Non-finite values are ignored; no
    /// inputs give 0…1 for both.
    public static func ranges(around inputs: [[Double]], margin: Double = 0.1) -> (
        x1: ClosedRange<Double>, x2: ClosedRange<Double>
    ) {
        func range(_ values: [Double]) -> ClosedRange<Double> {
            let finite = values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max() else { return 0...1 }
            let pad = high > low ? (high - low) * margin : 0.5
            return (low - pad)...(high + pad)
        }
        return (
            range(inputs.compactMap { $0.count == 2 ? $0[0] : nil }),
            range(inputs.compactMap { $0.count == 2 ? $0[1] : nil })
        )
    }
}
