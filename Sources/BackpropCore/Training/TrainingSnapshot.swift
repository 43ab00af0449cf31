import Foundation

/// The weights at one moment of a training run, kept so that what the network computed then
/// can be drawn (the decision map's small multiples).
public struct TrainingSnapshot: Equatable, Sendable {
    /// Weight updates made before these weights (0: the starting network).
    public var updates: Int
    /// Epochs so far: training samples used / m.
    public var epoch: Double
    /// Θ⁽¹⁾…Θ⁽ᴸ⁻¹⁾ at that moment (Ng's layout, bias column 0, as `Network.weights`).
    public var weights: [Matrix]

    /// A snapshot.
    public init(updates: Int, epoch: Double, weights: [Matrix]) {
        self.updates = updates
        self.epoch = epoch
        self.weights = weights
    }
}

extension TrainingPlan {
    /// The update counts at which to keep the weights for `count` pictures of a run over `m`
    /// training samples: 0 (the start), then counts spaced geometrically up to the update
    /// limit, each a whole number of checkpoint intervals (so a batch or mini-batch run is
    /// pictured at whole epochs), ascending and without repeats. The end of the run is not
    /// listed: the trainer always keeps the final weights when it keeps any (a stop rule may
    /// end the run before the limit). Geometric spacing, because most change happens early.
    public func snapshotUpdates(trainingCount m: Int, count: Int = 6) -> [Int] {
        let unit = checkpointInterval(trainingCount: m)
        let limit = updateLimit(trainingCount: m)
        let units = limit / max(unit, 1)
        var updates = [0]
        guard count > 2, units > 1 else { return updates }
        let steps = count - 1  // geometric points between the start and the end
        for k in 1..<steps {
            let power = Foundation.pow(Double(units), Double(k) / Double(steps))
            let update = Int(power.rounded()) * unit
            if update > updates[updates.count - 1], update < limit { updates.append(update) }
        }
        return updates
    }
}
