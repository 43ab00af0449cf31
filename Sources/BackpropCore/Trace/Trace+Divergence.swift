extension Trace {
    /// Where a training run diverged: the first epoch whose cost shows that gradient descent
    /// is no longer descending, and which sign gave it away.
    ///
    /// Precisely: the first epoch e ≥ 1 (e steps Θ := Θ − αD taken) at which J(e), the cost
    /// after e steps, is NaN or ±∞ (`notFinite`), or is more than `riseFactor` (1000) times
    /// J(0), the cost before training (`costRose`). A learning rate that works never raises J
    /// at all; a thousandfold rise happens only when each step overshoots by more than it
    /// gains, and the weights then grow until the numbers overflow. Epoch 0 never counts: a
    /// lesson whose starting cost is not finite is refused before it is traced.
    public struct Divergence: Equatable, Codable, Sendable {
        /// How the divergence showed.
        public enum Reason: String, Equatable, Codable, CaseIterable, Sendable {
            /// J became NaN or infinite: the weights overflowed.
            case notFinite = "not-finite"
            /// J rose above `riseFactor` × J(0).
            case costRose = "cost-rose"
        }

        /// The first diverged epoch (1…epochs).
        public var epoch: Int
        /// Why it counts as diverged.
        public var reason: Reason
        /// A divergence at `epoch`, for `reason`. (J at that epoch is `costs[epoch]`.)
        public init(epoch: Int, reason: Reason) {
            self.epoch = epoch
            self.reason = reason
        }

        /// How many times J(0) the cost must exceed to count as diverged.
        public static let riseFactor = 1000.0

        /// The divergence in a run's costs (J(0), J(1), …), or `nil` if it did not diverge.
        ///
        /// Reads each cost once: linear in the number of epochs.
        public static func find(inCosts costs: [Double]) -> Divergence? {
            guard let start = costs.first else { return nil }
            for (epoch, cost) in costs.enumerated().dropFirst() {
                if !cost.isFinite { return Divergence(epoch: epoch, reason: .notFinite) }
                if start.isFinite, cost > riseFactor * start {
                    return Divergence(epoch: epoch, reason: .costRose)
                }
            }
            return nil
        }
    }
}
