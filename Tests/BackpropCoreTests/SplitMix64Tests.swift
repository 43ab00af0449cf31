import BackpropCore
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("seed 0 gives the published reference sequence")
    func referenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("unit draws lie in [0, 1) and are the top 53 bits")
    func unitInterval() {
        var bits = SplitMix64(seed: 42)
        var units = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let raw = bits.next()
            let u = units.nextUnitInterval()
            #expect(u >= 0 && u < 1)
            #expect(u == Double(raw >> 11) / 9_007_199_254_740_992)
        }
    }

    @Test("equal seeds give equal sequences, different seeds differ")
    func seeds() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        var c = SplitMix64(seed: 8)
        let first = (0..<10).map { _ in a.next() }
        #expect(first == (0..<10).map { _ in b.next() })
        #expect(first != (0..<10).map { _ in c.next() })
    }
}
