import BackpropCore

/// A seeded lesson of a classroom shape (Ng's ex4 400-25-10 × 5,000, the 8×8 digits
/// 64-25-10 × 1,797, XOR-sized 2-3-1 × 4), made in memory and written as lesson JSON.
///
/// Inputs look like grey pixels: a fifth are 0, the rest uniform in [0, 1] at 5 decimals (so
/// the 400-input file is about 16 MB, like ex4's). Targets are one-hot (one output: 0 or 1).
/// Weights are `uniform(ε = 0.12, seed)`, so the file carries its `init` and not the numbers.
/// λ = 1 and α = 0.5 as in ex4. The same seed gives the same lesson and the same bytes.
struct BenchLesson {
    /// s₁…s_L.
    var layers: [Int]
    /// m.
    var sampleCount: Int
    /// The SplitMix64 seed of the data and the weights.
    var seed: UInt64 = 7

    /// "400-25-10 × 5000".
    var name: String { layers.map(String.init).joined(separator: "-") + " × \(sampleCount)" }

    /// A file name for it, e.g. `bench-400-25-10x5000.json`.
    var fileName: String { "bench-" + layers.map(String.init).joined(separator: "-") + "x\(sampleCount).json" }

    /// The samples: pixel-like inputs (multiples of 1e-5) and one-hot targets.
    func samples() -> [Lesson.Sample] {
        var generator = SplitMix64(seed: seed &+ 1)
        let outputs = layers[layers.count - 1]
        return (0..<sampleCount).map { _ in
            let x = (0..<layers[0]).map { _ -> Double in
                let draw = generator.nextUnitInterval()
                return draw < 0.2 ? 0 : Double(Int((draw - 0.2) / 0.8 * 100_000)) / 100_000
            }
            let label = Int(generator.next() % UInt64(outputs == 1 ? 2 : outputs))
            let y = outputs == 1 ? [Double(label)] : (0..<outputs).map { $0 == label ? 1.0 : 0.0 }
            return Lesson.Sample(x: x, y: y)
        }
    }

    /// The lesson, in memory.
    func lesson() -> Lesson {
        let initialization = WeightInitialization.uniform(epsilon: 0.12, seed: seed)
        let network = Network(
            layerSizes: layers, activations: Array(repeating: .sigmoid, count: layers.count - 1),
            loss: .crossEntropy, weights: initialization.weights(layerSizes: layers))
        return Lesson(
            title: "Benchmark \(name)", network: network, weightSource: .generated(initialization),
            samples: samples(), learningRate: 0.5, lambda: 1)
    }

    /// The lesson as a lesson file (README's format), for the command timings.
    func jsonText() -> String {
        var text = "{\n  \"title\": \"Benchmark \(name)\",\n"
        text += "  \"layers\": [\(layers.map(String.init).joined(separator: ", "))],\n"
        text += "  \"activation\": \"sigmoid\",\n  \"loss\": \"cross-entropy\",\n"
        text += "  \"init\": {\"method\": \"uniform\", \"epsilon\": 0.12, \"seed\": \(seed)},\n"
        text += "  \"learningRate\": 0.5,\n  \"lambda\": 1,\n  \"samples\": [\n"
        let all = samples()
        for (index, sample) in all.enumerated() {
            text += "    {\"x\": [" + sample.x.map(JSONWriter.number).joined(separator: ", ") + "], \"y\": ["
            text += sample.y.map(JSONWriter.number).joined(separator: ", ") + "]}"
            text += index < all.count - 1 ? ",\n" : "\n"
        }
        return text + "  ]\n}\n"
    }
}
