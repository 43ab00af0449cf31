import BackpropCore
import Foundation

/// A tiny linear congruential generator local to the tests (Knuth's MMIX constants), so that
/// random-ish networks do not depend on the engine's own generator.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 2_862_933_555_777_941_757 &+ 1 }

    /// A double in [−1, 1).
    mutating func symmetric() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) * 0x1.0p-53 * 2 - 1
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { (symmetric() + 1) / 2 }
}

/// Central differences of J with respect to every weight, computed here (not by the engine's
/// GradientCheck): (J(θ + ε) − J(θ − ε)) / 2ε, entry by entry, calling only `Network.cost`.
func centralDifferences(
    of network: Network, inputs: Matrix, targets: Matrix, lambda: Double, epsilon: Double = 1e-5
) -> [Matrix] {
    var probe = network
    var result = network.weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
    for layer in network.weights.indices {
        for index in network.weights[layer].values.indices {
            let original = network.weights[layer].values[index]
            probe.weights[layer].values[index] = original + epsilon
            let plus = probe.cost(inputs: inputs, targets: targets, lambda: lambda)
            probe.weights[layer].values[index] = original - epsilon
            let minus = probe.cost(inputs: inputs, targets: targets, lambda: lambda)
            probe.weights[layer].values[index] = original
            result[layer].values[index] = (plus - minus) / (2 * epsilon)
        }
    }
    return result
}

extension LessonError {
    /// The JSON path of an `.invalid` error, nil for the other cases.
    var invalidPath: String? {
        if case .invalid(_, _, _, let path, _, _) = self { return path }
        return nil
    }
}

/// Decodes `text` and returns the error, or nil when it decoded.
func decodingError(_ text: String, file: String = "test.json") -> LessonError? {
    do {
        _ = try Lesson.decode(text, file: file)
        return nil
    } catch {
        return error
    }
}

extension JSONValue {
    /// The same value with every source position set to 0, so parsed values compare equal to
    /// values built in code (`JSONValue`'s == includes line and column).
    var withoutPositions: JSONValue {
        switch kind {
        case .null, .bool, .number, .string:
            return JSONValue(kind)
        case .array(let items):
            return JSONValue(.array(items.map(\.withoutPositions)))
        case .object(let members):
            return JSONValue(.object(members.map { (key: $0.key, value: $0.value.withoutPositions) }))
        }
    }
}
