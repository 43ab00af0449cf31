/// Sharing samples into training, validation and test sets, and scaling their inputs.
extension LessonImport {
    /// Samples shared into the three sets, scaled by a rule from the training set.
    public struct Sets: Equatable, Sendable {
        /// The class names, one per output unit; nil for target numbers.
        public var classes: [String]?
        /// Training samples, in file order.
        public var training: [Lesson.Sample]
        /// Validation samples, in file order.
        public var validation: [Lesson.Sample]
        /// Test samples, in file order.
        public var test: [Lesson.Sample]
        /// The scaling applied, nil when none.
        public var scaling: Lesson.InputScaling?
    }

    /// `rows` split and scaled as `split`, `seed` and `scaling` say; errors name `file`.
    /// Classes become one-hot targets and are stratified; target numbers are split as one group.
    public static func sets(
        _ rows: LabelledRows, split: DataSplit, seed: UInt64, scaling method: Lesson.InputScaling.Method?, file: String
    ) throws(DataError) -> Sets {
        let (inputs, featureNames, places) = (rows.inputs, rows.featureNames, rows.places)
        let inputCount = inputs.first?.count ?? 0
        let groups: [Int]
        let groupCount: Int
        switch rows.targets {
        case .classes(let labels):
            guard labels.classes.count >= 2 else {
                throw DataError.malformed(
                    file: file, place: places.first ?? "line 1",
                    problem:
                        "every sample has the same label \"\(labels.classes.first ?? "")\"; there is nothing to learn",
                    fix: "use data with at least two classes")
            }
            (groups, groupCount) = (labels.indices, labels.classes.count)
        case .numbers:
            (groups, groupCount) = (Array(repeating: 0, count: inputs.count), 1)
        }
        guard (1...LessonLimits.maximumUnits).contains(inputCount) else {
            throw DataError.malformed(
                file: file, place: places.first ?? "line 1",
                problem: "the samples have \(inputCount) inputs; a lesson takes 1 to \(LessonLimits.maximumUnits)",
                fix: "choose fewer feature columns")
        }
        let (trainingIndices, validationIndices, testIndices) = split.assign(
            classIndices: groups, classCount: groupCount, seed: seed)
        for (name, set) in [("training", trainingIndices), ("validation", validationIndices), ("test", testIndices)]
        where set.count > LessonLimits.maximumSamples {
            throw DataError.malformed(
                file: file, place: "the \(name) set",
                problem: "has \(set.count) samples, more than the limit of \(LessonLimits.maximumSamples)",
                fix: "use fewer samples, or a split that gives each set fewer (--split)")
        }
        guard !trainingIndices.isEmpty else {
            throw DataError.malformed(
                file: file, place: "the training set", problem: "the split leaves no training samples",
                fix: "give training a larger share with --split, e.g. 70/15/15")
        }
        let scaling = method.map { method in
            inputScaling(method, of: trainingIndices.map { inputs[$0] }, features: featureNames)
        }
        func sample(_ index: Int) -> Lesson.Sample {
            let y: [Double]
            switch rows.targets {
            case .classes(let labels):
                var oneHot = Array(repeating: 0.0, count: labels.classes.count)
                oneHot[labels.indices[index]] = 1
                y = oneHot
            case .numbers(_, let values):
                y = values[index]
            }
            return Lesson.Sample(x: scaling?.scaled(inputs[index]) ?? inputs[index], y: y)
        }
        var classes: [String]?
        if case .classes(let labels) = rows.targets { classes = labels.classes }
        return Sets(
            classes: classes, training: trainingIndices.map(sample), validation: validationIndices.map(sample),
            test: testIndices.map(sample), scaling: scaling)
    }

    /// The scaling rule computed from `rows` (the training inputs).
    static func inputScaling(_ method: Lesson.InputScaling.Method, of rows: [[Double]], features: [String]?)
        -> Lesson.InputScaling
    {
        let count = rows.first?.count ?? 0
        var offset = Array(repeating: 0.0, count: count)
        var scale = Array(repeating: 1.0, count: count)
        for i in 0..<count {
            let column = rows.map { $0[i] }
            switch method {
            case .minMax:
                let low = column.min() ?? 0
                let high = column.max() ?? 0
                offset[i] = low
                scale[i] = high > low ? high - low : 1
            case .standardize:
                let mean = column.reduce(0, +) / Double(column.count)
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
                offset[i] = mean
                scale[i] = variance > 0 ? variance.squareRoot() : 1
            }
        }
        return Lesson.InputScaling(method: method, features: features, offset: offset, scale: scale)
    }
}
