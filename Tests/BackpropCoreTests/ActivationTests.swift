import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@Suite("Activation")
struct ActivationTests {
    /// Points on both sides of 0, none at relu's kink.
    static let points: [Double] = [-6, -3.2, -1.7, -1, -0.5, -0.13, 0.07, 0.5, 1, 1.9, 3.3, 6]
    static let elementwise = Activation.allCases.filter { $0 != .softmax }

    /// g′(z) from the engine, for one z.
    static func derivative(_ g: Activation, at z: Double) -> Double {
        g.derivatives(z: [z], a: g.values([z]))[0]
    }

    /// (g(z + h) − g(z − h)) / 2h from the engine's `values` only.
    static func centralDifference(_ g: Activation, at z: Double, h: Double = 1e-5) -> Double {
        (g.values([z + h])[0] - g.values([z - h])[0]) / (2 * h)
    }

    @Test("sigmoid′ at Ng's probe points (−1, −0.5, 0, 0.5, 1)")
    func sigmoidGradientReference() {
        let published = ["0.196612", "0.235004", "0.250000", "0.235004", "0.196612"]
        for (z, value) in zip([-1.0, -0.5, 0, 0.5, 1], published) {
            expectMatchesPublished(Self.derivative(.sigmoid, at: z), value, "sigmoid′(\(z))")
        }
    }

    @Test("the trace's activation table reports the same sigmoid′ values")
    func traceActivationTable() throws {
        let trace = Tracer.trace(try LessonFixtures.lesson("ng-gradcheck"))
        let probe = try #require(trace.activationTable.first { $0.activation == .sigmoid })
        #expect(probe.z == [-1, -0.5, 0, 0.5, 1])
        let published = ["0.196612", "0.235004", "0.250000", "0.235004", "0.196612"]
        for (value, text) in zip(probe.derivative, published) {
            expectMatchesPublished(value, text)
        }
    }

    @Test("g′ matches central differences of g", arguments: elementwise)
    func derivativeMatchesCentralDifferences(_ g: Activation) {
        for z in Self.points {
            let analytic = Self.derivative(g, at: z)
            let numeric = Self.centralDifference(g, at: z)
            expectClose(analytic, numeric, relative: 1e-7, absolute: 1e-10, "\(g.rawValue)′(\(z))")
        }
        // At 0 every smooth activation is differentiable; relu is checked separately.
        if g != .relu {
            expectClose(Self.derivative(g, at: 0), Self.centralDifference(g, at: 0), relative: 1e-7, absolute: 1e-10)
        }
    }

    @Test("relu: g′(0) = 0 by convention, 0 left of 0 and 1 right of it")
    func reluAtKink() {
        #expect(Self.derivative(.relu, at: 0) == 0)
        #expect(Self.derivative(.relu, at: -1e-9) == 0)
        #expect(Self.derivative(.relu, at: 1e-9) == 1)
        #expect(Activation.relu.values([-2, 0, 3]) == [0, 0, 3])
    }

    @Test("values at known points")
    func knownValues() {
        expectClose(Activation.sigmoid.values([0])[0], 0.5)
        expectClose(Activation.sigmoid.values([1])[0], 1 / (1 + exp(-1.0)))
        expectClose(Activation.tanh.values([0.5])[0], tanh(0.5))
        expectClose(Activation.scaledTanh.values([0.5])[0], (tanh(0.5) + 1) / 2)
        #expect(Activation.linear.values([-2.5, 3]) == [-2.5, 3])
        let softmax = Activation.softmax.values([1, 2, 3])
        let total = exp(1.0) + exp(2.0) + exp(3.0)
        for (value, z) in zip(softmax, [1.0, 2, 3]) { expectClose(value, exp(z) / total) }
    }

    static let softmaxInputs: [[Double]] = [
        [0.2, -0.4, 1.3],
        [-2, -1, 0, 1, 2],
        [5, 5],
        [3.7, -8.1, 0.05, 0.6],
    ]

    @Test("softmax Jacobian matches central differences", arguments: softmaxInputs)
    func softmaxJacobian(_ z: [Double]) {
        let a = Activation.softmax.values(z)
        let jacobian = Activation.softmaxJacobian(a: a)
        #expect(jacobian.rows == z.count && jacobian.columns == z.count)
        let h = 1e-5
        for k in z.indices {
            var plus = z
            var minus = z
            plus[k] += h
            minus[k] -= h
            let up = Activation.softmax.values(plus)
            let down = Activation.softmax.values(minus)
            for i in z.indices {
                let numeric = (up[i] - down[i]) / (2 * h)
                expectClose(jacobian[i, k], numeric, relative: 1e-7, absolute: 1e-10, "∂a\(i)/∂z\(k)")
            }
        }
        // `derivatives` reports the Jacobian's diagonal; check it numerically too.
        let diagonal = Activation.softmax.derivatives(z: z, a: a)
        for i in z.indices {
            var plus = z
            var minus = z
            plus[i] += h
            minus[i] -= h
            let numeric = (Activation.softmax.values(plus)[i] - Activation.softmax.values(minus)[i]) / (2 * h)
            expectClose(diagonal[i], numeric, relative: 1e-7, absolute: 1e-10)
        }
    }

    static let extremes: [Double] = [1e4, -1e4, 700, -700, 40, -40]

    @Test("values and derivatives stay finite for |z| up to 1e4", arguments: Activation.allCases)
    func stability(_ g: Activation) {
        let a = g.values(Self.extremes)
        #expect(a.allSatisfy { $0.isFinite }, "\(g.rawValue) values: \(a)")
        let slopes = g.derivatives(z: Self.extremes, a: a)
        #expect(slopes.allSatisfy { $0.isFinite }, "\(g.rawValue) derivatives: \(slopes)")
        for z in Self.extremes {
            let single = g.values([z])
            #expect(single.allSatisfy { $0.isFinite }, "\(g.rawValue)(\(z)) = \(single)")
        }
        switch g {
        case .sigmoid, .scaledTanh:
            #expect(a.allSatisfy { $0 >= 0 && $0 <= 1 })
        case .tanh:
            #expect(a.allSatisfy { $0 >= -1 && $0 <= 1 })
        case .softmax:
            expectClose(a.reduce(0, +), 1, relative: 1e-15)
            #expect(a[0] == 1, "the 1e4 entry dominates")
        case .relu, .linear:
            break
        }
    }

    @Test("sigmoid saturates to exactly 0 and 1, not NaN")
    func sigmoidSaturation() {
        #expect(Activation.sigmoid.values([-1e4])[0] == 0)
        #expect(Activation.sigmoid.values([1e4])[0] == 1)
        expectClose(Activation.sigmoid.values([-700])[0], exp(-700.0), relative: 1e-12)
    }
}
