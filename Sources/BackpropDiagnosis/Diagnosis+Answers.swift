import BackpropCore

extension Diagnosis {
    /// The diagnosis of an answer file's values: names read as quantities (an unknown name is
    /// an error at its line), ex4's unrolled `grad` split into its matrices, and one sample's
    /// vectors compared with that sample (the file's, else sample 1).
    ///
    /// `notation` chooses the other tutorials' names (`NotationQuantityNames`); ex4's and the
    /// tool's own are read in every notation.
    public init(lesson: Lesson, answers: AnswerFile, notation: String? = nil) throws(AnswerError) {
        let L = lesson.network.layerCount
        let notation = notation ?? lesson.notation
        var given: [GivenValue] = []
        for value in answers.values {
            if QuantityNames.isUnrolledGradient(value.name) {
                given += try Self.unrolled(value, weights: lesson.network.weights)
                continue
            }
            // The notation's own names first: the 15 Steps' delta(2) is −δ⁽²⁾, not the tool's δ⁽²⁾.
            if let (quantity, part) = NotationQuantityNames.read(
                value.name, notation: notation, layerSizes: lesson.network.layerSizes)
            {
                given.append(GivenValue(name: value.name, quantity: quantity, values: value.values, line: value.line, part: part))
            } else if let quantity = QuantityNames.quantity(named: value.name, layerCount: L) {
                given.append(GivenValue(name: value.name, quantity: quantity, values: value.values, line: value.line))
            } else {
                let others = NotationQuantityNames.notations.contains(notation)
                    ? "" : "; for network.py's, the 15 Steps' or Mazur's names add --notation nielsen, tulleken or mazur"
                throw AnswerError(
                    line: value.line, message: "'\(value.name)' is not a name diagnose knows for this \(L)-layer network",
                    fix: "use ex4's names (a1, z2, a2, delta\(L), Delta1, Theta1_grad, J, grad) or the tool's (δ\(L), D1)" + others)
            }
        }
        let m = lesson.samples.count
        let perSampleVector = given.contains { value in
            Self.isPerSample(value.quantity) && m > 1 && (value.values.rows == 1 || value.values.columns == 1)
                && value.values.values.count <= (lesson.network.layerSizes.max() ?? 0) + 1
        }
        var sample: Int?
        if let k = answers.sample {
            guard k <= m else {
                throw AnswerError(line: 0, message: "sample \(k) does not exist: the lesson has \(m)", fix: "give a sample from 1 to \(m)")
            }
            sample = k - 1
        } else if perSampleVector || m == 1 {
            sample = 0
        }
        self.init(lesson: lesson, given: given, sample: sample)
    }

    /// ex4's `grad = [Theta1_grad(:); Theta2_grad(:)]`, split column by column into matrices.
    static func unrolled(_ value: AnswerValue, weights: [Matrix]) throws(AnswerError) -> [GivenValue] {
        let numbers = value.values.values
        let needed = weights.reduce(0) { $0 + $1.values.count }
        guard numbers.count == needed else {
            throw AnswerError(
                line: value.line, message: "\(value.name) has \(numbers.count) numbers but the weights have \(needed)",
                fix: "give the whole unrolled gradient [Theta1_grad(:); Theta2_grad(:); …]")
        }
        var offset = 0
        return weights.enumerated().map { index, theta in
            var d = Matrix(rows: theta.rows, columns: theta.columns)
            for j in 0..<theta.columns {
                for i in 0..<theta.rows {
                    d[i, j] = numbers[offset]
                    offset += 1
                }
            }
            return GivenValue(name: "grad → Theta\(index + 1)_grad", quantity: .gradient(index + 1), values: d, line: value.line)
        }
    }
}
