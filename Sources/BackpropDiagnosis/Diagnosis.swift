import BackpropCore
import Foundation

/// One value a learner gives: its name as written, what it is, and its numbers.
public struct GivenValue: Sendable {
    /// The name as the learner wrote it (`delta2`, `Theta1_grad`).
    public var name: String
    /// What it is.
    public var quantity: Quantity
    /// The numbers, as a matrix (a number is 1 × 1, a vector 1 × n or n × 1).
    public var values: Matrix
    /// The line of the answer file it starts on (1-based), for messages.
    public var line: Int
    /// Which part of the quantity it is (one unit, one weight, Θ without biases; its sign).
    public var part: QuantityPart

    /// A given value.
    public init(name: String, quantity: Quantity, values: Matrix, line: Int = 0, part: QuantityPart = .whole) {
        self.name = name
        self.quantity = quantity
        self.values = values
        self.line = line
        self.part = part
    }
}

/// What `diagnose` found: each given value right or wrong, the first wrong one in the order
/// the pass computes them, and the classic mistake that reproduces the learner's numbers.
public struct Diagnosis: Sendable {
    /// How one given value compares with the pass.
    public enum Status: String, Sendable {
        case right, wrong
        /// Its shape fits no layout of the quantity (not even transposed or with the bias unit).
        case shape
    }

    /// One given value, judged.
    public struct Finding: Sendable {
        public var given: GivenValue
        public var status: Status
        /// The right value, in the layout the learner used where it could be matched.
        public var expected: Matrix
        /// How the learner's layout differs from Ng's m × s rows: "transposed", "with the bias unit".
        public var layoutNote: String?
    }

    /// The mistake that explains the numbers, with the evidence.
    public struct Explanation: Sendable {
        public var mistake: any Mistake
        public var evidence: String
    }

    /// The given values, in the order the pass computes them.
    public var findings: [Finding]
    /// The first value that is not right, if any.
    public var firstWrong: Finding? { findings.first { $0.status != .right } }
    /// The mistake that reproduces every given value, if exactly that is found.
    public var explanation: Explanation?
    /// The sample (0-based) per-sample vectors refer to, when the learner gave one sample.
    public var sample: Int?

    /// Compares `given` with the lesson's pass; `sample` (0-based) says that per-sample values
    /// are that one sample's vectors.
    public init(lesson: Lesson, given: [GivenValue], sample: Int?) {
        let L = lesson.network.layerCount
        let sorted = given.sorted { $0.quantity.order(layerCount: L) < $1.quantity.order(layerCount: L) }
        let right = DiagnosisPass(lesson: lesson, mistake: CorrectPass())
        self.sample = sample
        findings = sorted.map { Self.judge($0, against: right, sample: sample) }
        guard findings.contains(where: { $0.status != .right }) else { return }
        for mistake in MistakeCatalogue.all {
            let pass = DiagnosisPass(lesson: lesson, mistake: mistake)
            let judged = sorted.map { Self.judge($0, against: pass, sample: sample) }
            guard judged.allSatisfy({ $0.status == .right }), let first = firstWrong else { continue }
            let matched = judged.first { $0.given.name == first.given.name }
            let entries = first.given.values.values.count
            let digits = matched.map { Self.agreementDigits($0.given.values, $0.expected) } ?? 0
            explanation = Explanation(
                mistake: mistake,
                evidence: "your \(first.given.name) equals what this mistake gives in "
                    + (entries == 1 ? "its one entry" : "all \(entries) entries") + ", to \(digits) significant digits")
            return
        }
    }

    /// Relative agreement the tool accepts: Octave's default display keeps 5 significant digits.
    static let relativeTolerance = 2e-4

    /// `given` judged against `pass`: aligned to the quantity's layout (as is, transposed, a
    /// bias column of ones dropped, one sample's row), then compared entry by entry.
    static func judge(_ given: GivenValue, against pass: DiagnosisPass, sample: Int?) -> Finding {
        guard var expected = pass.values[given.quantity] else {
            return Finding(given: given, status: .shape, expected: Matrix(rows: 0, columns: 0))
        }
        if let sample, isPerSample(given.quantity), sample < expected.rows {
            expected = Matrix([expected.row(sample)])
        }
        guard let part = given.part.extract(from: expected) else {
            return Finding(given: given, status: .shape, expected: expected)
        }
        expected = part
        // Per-sample quantities may come with samples as rows or as columns; a Θ-shaped one
        // (Δ, D, Θ) transposed is the `transposed-gradient` mistake, not another layout.
        let mayTranspose = isPerSample(given.quantity) || given.values.rows == 1 || given.values.columns == 1
        for (candidate, note) in layouts(of: given.values, transposing: mayTranspose)
        where candidate.rows == expected.rows && candidate.columns == expected.columns {
            let status: Status = agrees(candidate, expected) ? .right : .wrong
            return Finding(given: given, status: status, expected: expected, layoutNote: note)
        }
        return Finding(given: given, status: .shape, expected: expected)
    }

    /// Whether the quantity has one row per sample.
    static func isPerSample(_ q: Quantity) -> Bool {
        switch q {
        case .activation, .weightedInput, .delta: return true
        case .cost, .accumulator, .gradient, .updatedWeights: return false
        }
    }

    /// The ways a learner may have laid the matrix out, in the order tried.
    static func layouts(of m: Matrix, transposing: Bool) -> [(Matrix, String?)] {
        var result: [(Matrix, String?)] = [(m, nil)]
        if transposing { result.append((m.transposed, m.rows == 1 || m.columns == 1 ? nil : "samples as columns")) }
        let biased = [(m, "with the bias unit")] + (transposing ? [(m.transposed, "samples as columns, with the bias unit")] : [])
        for (candidate, note) in biased
        where candidate.columns > 1 && (0..<candidate.rows).allSatisfy({ candidate[$0, 0] == 1 }) {
            let rest = Matrix(rows: candidate.rows, columns: candidate.columns - 1, values: (0..<candidate.rows).flatMap { Array(candidate.row($0).dropFirst()) })
            result.append((rest, note))
        }
        return result
    }

    /// Entry-by-entry agreement within `relativeTolerance` of the larger magnitude (with a
    /// floor of 1e-4 of the matrix's largest entry, for entries printed next to large ones).
    static func agrees(_ a: Matrix, _ b: Matrix) -> Bool {
        let scale = max(b.values.map(abs).max() ?? 0, a.values.map(abs).max() ?? 0)
        return zip(a.values, b.values).allSatisfy { x, y in
            guard x.isFinite, y.isFinite else { return x == y }
            // Octave's short display keeps 4 decimals of a matrix scaled to its largest entry.
            return abs(x - y) <= max(relativeTolerance * max(abs(x), abs(y)), 1e-4 * scale, 1e-12)
        }
    }

    /// How many significant digits `a` and `b` share at worst (at most 15).
    static func agreementDigits(_ a: Matrix, _ b: Matrix) -> Int {
        var worst = 0.0
        for (x, y) in zip(a.values, b.values) where x != y {
            worst = max(worst, abs(x - y) / max(abs(x), abs(y)))
        }
        return worst == 0 ? 15 : min(15, max(0, Int((-log10(worst)).rounded(.down))))
    }
}
