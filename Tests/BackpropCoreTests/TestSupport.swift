import BackpropCore
import Foundation
import Testing

/// Whether `actual` and `expected` agree to a relative tolerance, with an absolute floor for
/// values near zero: |actual − expected| ≤ max(relative · max(|actual|, |expected|), absolute).
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    guard actual.isFinite, expected.isFinite else { return false }
    return abs(actual - expected) <= max(relative * max(abs(actual), abs(expected)), absolute)
}

/// Expects `actual` to be close to `expected` (see `isClose`), printing both on failure.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0,
    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(actual, expected, relative: relative, absolute: absolute),
        "\(label) actual \(actual) vs expected \(expected) (relative \(relative), absolute \(absolute))",
        sourceLocation: sourceLocation)
}

/// Expects `actual` to match a published decimal to every digit printed: the difference is at
/// most half a unit in the last printed digit (e.g. "0.593269992" allows ±5e-10).
func expectMatchesPublished(
    _ actual: Double, _ published: String, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let decimals = published.split(separator: ".").last.map(\.count) ?? 0
    let halfUnit = 0.5 * pow(10, -Double(decimals))
    guard let value = Double(published) else {
        Issue.record("bad published value \(published)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(actual - value) <= halfUnit,
        "\(label) \(actual) does not round to the published \(published) (|difference| = \(abs(actual - value)) > \(halfUnit))",
        sourceLocation: sourceLocation)
}

/// ‖u − v‖ / ‖u + v‖, the relative difference Ng's checkNNGradients prints (0 when both are 0).
func relativeDifference(_ u: [Double], _ v: [Double]) -> Double {
    precondition(u.count == v.count)
    var difference = 0.0
    var sum = 0.0
    for (a, b) in zip(u, v) {
        difference += (a - b) * (a - b)
        sum += (a + b) * (a + b)
    }
    return sum == 0 ? 0 : (difference / sum).squareRoot()
}

/// ‖u − v‖ / ‖u + v‖ over lists of matrices taken as one long vector.
func relativeDifference(_ u: [Matrix], _ v: [Matrix]) -> Double {
    relativeDifference(u.flatMap(\.values), v.flatMap(\.values))
}

/// The package's files, found from this source file so tests run from any directory.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BackpropCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let lessonsDirectory = packageRoot.appendingPathComponent("lessons")

    /// The lesson files shipped in lessons/, by name without `.json`.
    static let lessonNames = ["mazur", "ng-gradcheck", "ng-gradcheck-lambda3", "ng-lecture", "xor"]

    /// The JSON text of `lessons/<name>.json`.
    static func lessonText(_ name: String) throws -> String {
        try String(contentsOf: lessonsDirectory.appendingPathComponent(name + ".json"), encoding: .utf8)
    }

    /// `lessons/<name>.json`, loaded and validated.
    static func lesson(_ name: String) throws -> Lesson {
        try Lesson.load(
            contentsOf: lessonsDirectory.appendingPathComponent(name + ".json"), displayName: name + ".json")
    }
}

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
