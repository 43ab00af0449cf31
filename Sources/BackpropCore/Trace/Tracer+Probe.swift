/// The sensitivity probe of step 11: what a hidden unit's δ means, measured by the engine.
extension Trace {
    /// One sample's loss with one unit's weighted input moved by ±ε, everything else fixed:
    /// (lossPlus − lossMinus)/2ε ≈ δ of that unit, the loss's sensitivity to its z.
    public struct SensitivityProbe: Equatable, Codable, Sendable {
        /// The sample (0-based, as in the lesson).
        public var sample: Int
        /// Ng's layer number l of the probed z⁽ˡ⁾ (the last hidden layer).
        public var layer: Int
        /// The probed unit, 0-based.
        public var unit: Int
        /// The nudge ε.
        public var epsilon: Double
        /// The sample's loss with zᵤ⁽ˡ⁾ + ε.
        public var lossPlus: Double
        /// The sample's loss with zᵤ⁽ˡ⁾ − ε.
        public var lossMinus: Double
        /// (lossPlus − lossMinus) / 2ε.
        public var slope: Double
    }

    /// The ε by which the probe moves a weighted input.
    public static let sensitivityProbeEpsilon = 1e-4

    /// The probe of `sample`'s record, if the trace has one.
    public func sensitivityProbe(forSample index: Int) -> SensitivityProbe? {
        sensitivityProbes?.first { $0.sample == index }
    }

    /// This trace with a sensitivity probe for every recorded sample: unit 1 of the last hidden
    /// layer (in a ReLU layer, the first unit whose z is more than ε from the kink at 0) moved by ±ε and the rest of the forward pass redone by `network`. A network without
    /// hidden layer has no hidden unit to probe, and the trace is returned unchanged.
    public func probed(by network: Network) -> Trace {
        let L = network.layerCount
        guard L > 2 else { return self }
        var trace = self
        let l = L - 1
        let epsilon = Self.sensitivityProbeEpsilon
        trace.sensitivityProbes = samples.map { record in
            let z = record.z[l - 2]
            let unit = Self.probedUnit(z, activation: network.activations[l - 2])
            let plus = network.loss(of: record, fromLayer: l, weightedInput: z.replacing(unit, by: z[unit] + epsilon))
            let minus = network.loss(of: record, fromLayer: l, weightedInput: z.replacing(unit, by: z[unit] - epsilon))
            return SensitivityProbe(
                sample: record.index, layer: l, unit: unit, epsilon: epsilon, lossPlus: plus, lossMinus: minus,
                slope: (plus - minus) / (2 * epsilon))
        }
        return trace
    }

    /// The unit (0-based) step 11 probes in a layer with weighted inputs `z`: unit 1, except
    /// in a ReLU layer, where a unit within ε of the kink has two slopes that the central
    /// difference mixes: there the first unit clear of it (unit 1 if none is, which step 11 says).
    static func probedUnit(_ z: [Double], activation: Activation) -> Int {
        guard activation == .relu else { return 0 }
        return z.firstIndex { abs($0) > sensitivityProbeEpsilon } ?? 0
    }

    /// This trace with a sensitivity probe for each of `samples` (0-based), read from the
    /// batched `pass` and its `targets`: the same numbers `probed(by:)` gives from the records.
    func probed(by network: Network, samples: [Int], pass: BatchPass, targets: Matrix) -> Trace {
        let L = network.layerCount
        guard L > 2 else { return self }
        var trace = self
        let l = L - 1
        let epsilon = Self.sensitivityProbeEpsilon
        trace.sensitivityProbes = samples.map { k in
            let z = pass.weightedInputs[l - 2].row(k)
            let y = targets.row(k)
            let unit = Self.probedUnit(z, activation: network.activations[l - 2])
            let plus = network.loss(ofTarget: y, fromLayer: l, weightedInput: z.replacing(unit, by: z[unit] + epsilon))
            let minus = network.loss(ofTarget: y, fromLayer: l, weightedInput: z.replacing(unit, by: z[unit] - epsilon))
            return SensitivityProbe(
                sample: k, layer: l, unit: unit, epsilon: epsilon, lossPlus: plus, lossMinus: minus,
                slope: (plus - minus) / (2 * epsilon))
        }
        return trace
    }
}

extension Network {
    /// The loss of `record`'s sample when layer l's weighted input is `z` and the forward pass
    /// goes on from there: a⁽ˡ⁾ = g(z), z⁽ˡ⁺¹⁾ = Θ⁽ˡ⁾[1; a⁽ˡ⁾], …, loss(a⁽ᴸ⁾, y).
    func loss(of record: Trace.SampleTrace, fromLayer l: Int, weightedInput z: [Double]) -> Double {
        loss(ofTarget: record.y, fromLayer: l, weightedInput: z)
    }

    /// The loss against target `y` when layer l's weighted input is `z` and the forward pass
    /// goes on from there.
    func loss(ofTarget y: [Double], fromLayer l: Int, weightedInput z: [Double]) -> Double {
        var z = z
        var a = activations[l - 2].values(z)
        for layer in l..<layerCount {
            let theta = weights[layer - 1]
            z = (0..<theta.rows).map { i in
                var sum = theta[i, 0]
                for j in a.indices { sum += theta[i, j + 1] * a[j] }
                return sum
            }
            a = activations[layer - 1].values(z)
        }
        return loss.value(z: z, a: a, y: y, activation: outputActivation)
    }
}

extension Array where Element == Double {
    /// A copy with element `index` set to `value`.
    fileprivate func replacing(_ index: Int, by value: Double) -> [Double] {
        var copy = self
        copy[index] = value
        return copy
    }
}
