import BackpropCore
import Testing

@testable import BackpropRendering

/// What the lesson says about each activation agrees with what the engine computes, for every
/// case of `Activation` (a new activation is tested here without editing this file).
@Suite struct ActivationNarrationTests {
    static let far = [-40.0, 40.0]

    @Test(arguments: Activation.allCases)
    func boundedMeansValuesStayBounded(_ activation: Activation) {
        let narration = activation.narration(written: .identifier("g"))
        let values = activation.values([-1e6, -40, 0, 40, 1e6])
        let span = (values.max() ?? 0) - (values.min() ?? 0)
        // Bounded activations lie in an interval of width at most 2 (tanh: −1 to 1).
        #expect(narration.isBounded == (span <= 2 + 1e-12), "\(activation): values \(values)")
    }

    @Test(arguments: Activation.allCases.filter(\.isElementwise))
    func saturatesMeansFlatEnds(_ activation: Activation) {
        let narration = activation.narration(written: .identifier("g"))
        let z = Self.far
        let slopes = activation.derivatives(z: z, a: activation.values(z))
        // Flat at both ends: the slope at |z| = 40 is below 1e-12. relu is flat on one side only.
        let flatAtBothEnds = slopes.allSatisfy { abs($0) < 1e-12 }
        #expect(narration.saturates == flatAtBothEnds, "\(activation): slopes \(slopes)")
    }

    @Test(arguments: Activation.allCases)
    func slopeSentenceNamesTheActivation(_ activation: Activation) {
        let fact = activation.narration(written: .identifier("g")).slopeFact
        let name = activation == .sigmoid ? "sigmoid" : activation.rawValue
        #expect(fact.contains(name) || (activation == .linear && fact.contains("linear")), "\(fact)")
        #expect(!activation.narration(written: .identifier("g")).derivativeForms.isEmpty)
    }
}
