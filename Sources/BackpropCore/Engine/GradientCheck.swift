/// Central-difference estimates of ∂J/∂Θ, the independent check on backprop.
public struct GradientCheck: Equatable, Sendable {
    /// The step ε in (J(θ + ε) − J(θ − ε)) / 2ε.
    public var epsilon: Double
    /// The estimates, shaped like the weights. Entries not checked are 0.
    public var numericalGradient: [Matrix]
    /// Which entries were checked, as (layer index, row, column) triples in Θ order;
    /// `nil` when every parameter was checked.
    public var checkedEntries: [CheckedEntry]?
    /// ‖num − D‖ / ‖num + D‖ over the checked entries that straddle no kink (0 when both are
    /// zero).
    public var relativeDifference: Double
    /// Checked entries whose ±ε moves a ReLU unit they feed across z = 0 for some sample: there
    /// the cost has a corner, the central difference averages the slopes on its two sides, and
    /// it cannot judge backprop (which uses g′(0) = 0). They are left out of
    /// `relativeDifference`. Only units the weight feeds directly are considered.
    public var kinkEntries: [CheckedEntry] = []
    /// The most ‖num − D‖ that rounding alone can explain: the root sum of squares, over the
    /// judged entries, of how far one central difference can move when J(θ ± ε) are off by a
    /// few units in their last place (`roundoffUnits` ulps of J, divided by 2ε).
    public var roundoffFloor: Double = 0
    /// ‖num − D‖ over the judged entries.
    public var differenceNorm: Double = 0

    /// How many units in the last place of J a computed cost may be off by.
    public static let roundoffUnits = 8.0

    /// Whether the check cannot judge: the relative difference is above the bar, but the
    /// gradients are so small that the difference is within what rounding J alone gives
    /// (saturated units: gradients near 1e-13, where one rounding step of J / 2ε is 1.4e-13).
    /// Central differences cannot measure slopes that small, so the check neither passes nor
    /// fails; `check` says so and exits 0.
    public var isInconclusive: Bool {
        !Self.passes(relativeDifference: relativeDifference) && differenceNorm <= roundoffFloor
    }

    /// One checked parameter: `weights[layer][row, column]`, all 0-based.
    public struct CheckedEntry: Equatable, Codable, Sendable {
        /// Index into `weights` (0 = Θ⁽¹⁾).
        public var layer: Int
        /// Row of Θ, 0-based (unit of the next layer).
        public var row: Int
        /// Column of Θ, 0-based (0 = the bias weight).
        public var column: Int

        /// The entry `weights[layer][row, column]`, all 0-based.
        public init(layer: Int, row: Int, column: Int) {
            self.layer = layer
            self.row = row
            self.column = column
        }
    }

    /// The largest relative difference ‖num − D‖ / ‖num + D‖ that passes: backprop-tutor's bar.
    ///
    /// Ng's ex4 asks for less than 1e-9; central differences with ε = 1e-4 are only accurate to
    /// about ε² times the cost's third derivative, so some lessons land between the two, while a
    /// real mistake in backprop shows up as 1e-2 or more. `check`'s exit code, its help and its
    /// table all read this one value.
    public static let passingBar = 1e-7

    /// Ng's bar: ex4 asks for a relative difference below 1e-9 (step 14 says which bar a
    /// lesson meets; only `passingBar` decides pass or fail).
    public static let ngBar = 1e-9

    /// Whether a relative difference passes `passingBar` (NaN never passes).
    public static func passes(relativeDifference: Double, bar: Double = passingBar) -> Bool {
        relativeDifference <= bar
    }

    /// Above this many parameters only a deterministic subset is checked unless `all` is asked.
    public static let fullCheckLimit = 2_000
    /// The size of that subset.
    public static let subsetSize = 200

    /// Runs the check of `gradients` (D⁽ˡ⁾) for `network` on the samples.
    ///
    /// - Parameter all: check every parameter even above `fullCheckLimit`.
    public static func run(
        network: Network, inputs: Matrix, targets: Matrix, lambda: Double,
        gradients: [Matrix], epsilon: Double = 1e-4, all: Bool = false
    ) -> GradientCheck {
        let everyEntry = network.weights.indices.flatMap { layer in
            let theta = network.weights[layer]
            return (0..<theta.rows).flatMap { i in
                (0..<theta.columns).map { j in CheckedEntry(layer: layer, row: i, column: j) }
            }
        }
        let isSubset = !all && everyEntry.count > fullCheckLimit
        let entries = isSubset ? evenlySpaced(everyEntry, count: subsetSize) : everyEntry

        // J(θ ± ε) for every entry, the entries of one row of one Θ together (they share the
        // pass over that layer's inputs); each is the number a full forward pass would give.
        let perturbed = PerturbedCost(network: network, inputs: inputs, targets: targets, lambda: lambda)
        var plus = [Double](repeating: 0, count: entries.count)
        var minus = [Double](repeating: 0, count: entries.count)
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].layer == entries[start].layer,
                entries[end].row == entries[start].row
            {
                end += 1
            }
            let group = entries[start..<end]
            let costs = perturbed.costs(
                layer: entries[start].layer, row: entries[start].row, columns: group.map(\.column),
                values: group.map { entry in
                    let original = network.weights[entry.layer][entry.row, entry.column]
                    return [original + epsilon, original - epsilon]
                })
            for (offset, pair) in costs.enumerated() {
                plus[start + offset] = pair[0]
                minus[start + offset] = pair[1]
            }
            start = end
        }

        let kinks = straddlingKinks(
            network: network, inputs: inputs, targets: targets, entries: entries, epsilon: epsilon)
        var numerical = network.weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        var differenceSquares = 0.0
        var sumSquares = 0.0
        var floorSquares = 0.0
        for (index, entry) in entries.enumerated() {
            let estimate = (plus[index] - minus[index]) / (2 * epsilon)
            numerical[entry.layer][entry.row, entry.column] = estimate
            if kinks.contains(index) { continue }
            let analytic = gradients[entry.layer][entry.row, entry.column]
            differenceSquares += (estimate - analytic) * (estimate - analytic)
            sumSquares += (estimate + analytic) * (estimate + analytic)
            let floor = roundoffUnits * max(abs(plus[index]), abs(minus[index])).ulp / (2 * epsilon)
            floorSquares += floor * floor
        }
        let relative = sumSquares == 0 ? 0 : (differenceSquares / sumSquares).squareRoot()
        var check = GradientCheck(
            epsilon: epsilon, numericalGradient: numerical,
            checkedEntries: isSubset ? entries : nil, relativeDifference: relative,
            kinkEntries: kinks.sorted().map { entries[$0] })
        check.roundoffFloor = floorSquares.squareRoot()
        check.differenceNorm = differenceSquares.squareRoot()
        return check
    }

    /// The indices of `entries` whose ±ε crosses a ReLU kink: the weight feeds a ReLU unit i
    /// whose weighted input z is within ε·|input| of 0 for some sample, with a non-zero input
    /// (the input is 1 for a bias weight), so moving the weight moves z across 0.
    static func straddlingKinks(
        network: Network, inputs: Matrix, targets: Matrix, entries: [CheckedEntry], epsilon: Double
    ) -> Set<Int> {
        guard network.activations.contains(.relu) else { return [] }
        let pass = network.forward(inputs: inputs, targets: targets)
        var kinks: Set<Int> = []
        for (index, entry) in entries.enumerated() where network.activations[entry.layer] == .relu {
            let z = pass.weightedInputs[entry.layer]
            let a = pass.activations[entry.layer]
            for k in 0..<z.rows {
                let input = entry.column == 0 ? 1 : a[k, entry.column - 1]
                if input != 0, abs(z[k, entry.row]) <= epsilon * abs(input) {
                    kinks.insert(index)
                    break
                }
            }
        }
        return kinks
    }

    /// `count` entries spread evenly over `entries`, first and last included.
    private static func evenlySpaced(_ entries: [CheckedEntry], count: Int) -> [CheckedEntry] {
        (0..<count).map { entries[$0 * (entries.count - 1) / (count - 1)] }
    }
}
