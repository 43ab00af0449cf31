import BackpropCore
import Testing

@Suite("Trace.Divergence")
struct TrainingDivergenceTests {
    @Test(
        "the first epoch whose cost is not finite or above 1000 × J(0); never epoch 0",
        arguments: [
            ([0.5, 0.4, 0.3], nil), ([0.5, 0.6, 0.4], nil), ([0.5, 501, 2], 1), ([0.5, 400, .nan], 2),
            ([0.5, 0.4, .infinity], 2), ([1, 1000, 1000.5], 2), ([], nil), ([0.5], nil),
        ] as [([Double], Int?)])
    func find(_ costs: [Double], _ epoch: Int?) {
        #expect(Trace.Divergence.find(inCosts: costs)?.epoch == epoch)
    }

    @Test("the reason says which sign gave it away")
    func reasons() {
        #expect(Trace.Divergence.find(inCosts: [1, .nan])?.reason == .notFinite)
        #expect(Trace.Divergence.find(inCosts: [1, 1e4])?.reason == .costRose)
    }
}
