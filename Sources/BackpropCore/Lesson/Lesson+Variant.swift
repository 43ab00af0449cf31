import Foundation

extension Lesson {
    /// The most variants a class can draw (`--variant 1…9999`).
    public static let variantRange = 0...9999

    /// Student `k`'s copy of this lesson, for worksheets a class does by hand: the same
    /// network, data, λ and learning rate, with starting weights drawn afresh and rounded to 2
    /// decimals, so that every student has numbers of their own that can still be multiplied
    /// out on paper. `k = 0` is the lesson exactly as written.
    ///
    /// Each weight matrix Θ⁽ˡ⁾ (bias column 0 included) is redrawn entry by entry, row-major,
    /// Θ⁽¹⁾ first, from SplitMix64(seed: k): uniform in [−r, r] with r the largest |entry| of the
    /// lesson's own Θ⁽ˡ⁾ (at least 0.1), then rounded to 2 decimals. An entry the lesson sets to
    /// exactly 0 stays 0 (a left-out bias stays left out), and a drawn entry that rounds to 0
    /// becomes ±0.01, so no unit is silently cut off. The title says which variant it is.
    public func variant(_ k: Int) -> Lesson {
        guard k != 0 else { return self }
        var generator = SplitMix64(seed: 0x5EED_0000 &+ UInt64(k))
        var copy = self
        copy.network.weights = network.weights.map { theta in
            let radius = max(0.1, theta.values.map(abs).max() ?? 0)
            var drawn = theta
            for index in drawn.values.indices {
                let u = (2 * generator.nextUnitInterval() - 1) * radius
                guard theta.values[index] != 0 else { continue }
                let rounded = (u * 100).rounded() / 100
                drawn.values[index] = rounded == 0 ? (u < 0 ? -0.01 : 0.01) : rounded
            }
            return drawn
        }
        copy.weightSource = .given
        copy.variant = k
        copy.title = title + " (variant \(k))"
        // The summary may quote the lesson's own weights, which this copy no longer has.
        let note = "Variant \(k): the same network and data with starting weights of its own; "
            + "any weights quoted here before are those of the lesson as written."
        copy.summary = summary.map { $0 + " " + note } ?? note
        return copy
    }
}
