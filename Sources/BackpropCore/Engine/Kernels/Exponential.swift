import Foundation

/// eˣ for two numbers at once, by fdlibm's method (e_exp.c), so that σ runs on the vector unit.
///
/// x = k·ln 2 + r with k the integer nearest x / ln 2 and |r| ≲ ln 2 / 2 (ln 2 split into a
/// high part whose product with k is exact and a low part), eʳ from fdlibm's rational
/// approximation, then scaled by 2ᵏ through the exponent bits. The error is below 1 ulp (tested
/// against the 80-bit `exp`); every step is a plain multiply or add (nothing fused), so the
/// result is the same bits on every machine. Outside [−708, 709] (where 2ᵏ would leave the
/// normal range), and for NaN, a lane falls back to the C library's `exp`.
enum Exponential {
    /// eˣ, lane by lane.
    @inline(__always)
    static func exp(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let inRange = (x .>= -708) .& (x .<= 709)
        if _fastPath(all(inRange)) { return reduced(x) }
        var result = SIMD2<Double>()
        for lane in 0..<2 {
            result[lane] = inRange[lane] ? reduced(SIMD2(repeating: x[lane]))[0] : Foundation.exp(x[lane])
        }
        return result
    }

    /// eˣ for one number: the same bits as a lane of `exp(_: SIMD2<Double>)`.
    static func exp(_ x: Double) -> Double { exp(SIMD2(repeating: x))[0] }

    /// 1.5 · 2⁵²: adding it rounds to an integer, which then sits in the low bits.
    private static let roundingShift = 6_755_399_441_055_744.0
    private static let invLn2 = 1.442_695_040_888_963_387_00e+00
    /// ln 2 = ln2Hi + ln2Lo; ln2Hi has 32 trailing zero bits, so k · ln2Hi is exact for |k| < 2¹¹.
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    private static let p1 = 1.666_666_666_666_660_190_37e-01
    private static let p2 = -2.777_777_777_701_559_338_42e-03
    private static let p3 = 6.613_756_321_437_934_361_17e-05
    private static let p4 = -1.653_390_220_546_525_153_90e-06
    private static let p5 = 4.138_136_797_057_238_460_39e-08

    /// eˣ for x in [−708, 709] (k in −1021…1023, so 2ᵏ is a normal number).
    @inline(__always)
    private static func reduced(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let shifted = x * invLn2 + roundingShift
        let k = shifted - roundingShift
        let hi = x - k * ln2Hi
        let lo = k * ln2Lo
        let r = hi - lo
        let t = r * r
        let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
        let kBits =
            unsafeBitCast(shifted, to: SIMD2<Int64>.self)
            &- SIMD2(repeating: Int64(bitPattern: roundingShift.bitPattern))
        let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD2<Double>.self)
        return y * scale
    }
}
