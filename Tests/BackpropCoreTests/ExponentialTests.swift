import Foundation
import Testing

@testable import BackpropCore

/// The engine's own eˣ (fdlibm's method, two lanes at once), which σ uses.
@Suite("Exponential")
struct ExponentialTests {
    /// x spread over the whole fast range and dense where σ's inputs live.
    static let points: [Double] = {
        var random = SplitMix64(seed: 11)
        let wide = (0..<100_000).map { _ in -708 + 1_417 * random.nextUnitInterval() }
        let near = (0..<100_000).map { _ in -40 + 80 * random.nextUnitInterval() }
        let tiny = (0..<2_000).map { _ in (random.nextUnitInterval() - 0.5) * 1e-6 }
        return wide + near + tiny + [0, -0.0, 1, -1, 0.5 * M_LN2, -0.5 * M_LN2, 708.9, -707.9]
    }()

    /// The distance from `value` to the exact eˣ in units in the last place of `value`.
    static func ulpError(_ value: Double, exactly x: Double) -> Double {
        #if arch(x86_64) && !os(Windows)
            let exact = Foundation.exp(Float80(x))  // 64-bit mantissa: 11 more bits than Double
            return Double(abs(Float80(value) - exact) / Float80(value.ulp))
        #else
            return abs(value - Foundation.exp(x)) / value.ulp  // the C library's, itself ≤ 1 ulp off
        #endif
    }

    @Test("every result is within 1 ulp of the exact eˣ (against the 80-bit exp)")
    func accuracy() {
        var worst = (error: 0.0, x: 0.0)
        for x in Self.points {
            let error = Self.ulpError(Exponential.exp(x), exactly: x)
            if error > worst.error { worst = (error, x) }
        }
        #expect(worst.error < 1, "worst \(worst.error) ulp at x = \(worst.x)")
    }

    @Test("both lanes give the one-lane result, whatever the other lane holds")
    func lanesAreIndependent() {
        for (x, other) in zip(Self.points.prefix(5_000), Self.points.suffix(5_000).reversed()) {
            let pair = Exponential.exp(SIMD2(x, other))
            #expect(pair[0].bitPattern == Exponential.exp(x).bitPattern)
            #expect(pair[1].bitPattern == Exponential.exp(other).bitPattern)
        }
        // A lane outside the fast range does not disturb its neighbour.
        let mixed = Exponential.exp(SIMD2(-1_000, 0.25))
        #expect(mixed[0] == 0 && mixed[1].bitPattern == Exponential.exp(0.25).bitPattern)
    }

    @Test("exact and edge values: e⁰ = 1, overflow, underflow, ±∞ and NaN")
    func edges() {
        #expect(Exponential.exp(0) == 1)
        #expect(Exponential.exp(-0.0) == 1)
        #expect(Exponential.exp(-1e4) == 0)
        #expect(Exponential.exp(-.infinity) == 0)
        #expect(Exponential.exp(1e4) == .infinity)
        #expect(Exponential.exp(.infinity) == .infinity)
        #expect(Exponential.exp(.nan).isNaN)
        // Just outside the fast range the C library takes over, continuously.
        #expect(Self.ulpError(Exponential.exp(-708.5), exactly: -708.5) < 1)
        #expect(Self.ulpError(Exponential.exp(709.5), exactly: 709.5) < 1)
    }

    @Test("σ from the batch (two lanes at a time) equals σ of one unit, bit for bit")
    func sigmoidPairsMatchOneUnit() {
        let z = Self.points.prefix(4_097).map { $0 / 10 }  // an odd count: the last unit alone
        let batch = Activation.sigmoid.apply(to: Matrix(rows: 1, columns: z.count, values: Array(z)))
        for (index, value) in z.enumerated() {
            #expect(batch.values[index].bitPattern == Activation.sigmoid.values([value])[0].bitPattern)
        }
    }
}
