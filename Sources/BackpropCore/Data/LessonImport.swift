/// Turns a learner's data into a `Lesson`: a CSV/TSV table, or ex4's matrices (X, y and
/// optionally Θ⁽¹⁾ … Θ⁽ᴸ⁻¹⁾).
///
/// Rows are samples. Classes come from `ClassLabels` (numeric labels in numeric order, text
/// labels in first-seen order) and become one-hot targets, one output unit per class; with
/// several label columns, or as regression, the targets are the numbers themselves. The
/// samples are shared by `DataSplit` (seeded, stratified by class); the inputs are scaled by
/// a rule computed on the training set alone and recorded in the lesson
/// (`Lesson.InputScaling`), so validation, test and new samples are scaled the same way.
/// The result always passes the lesson decoder's checks (`import` writes it and reads it back).
public enum LessonImport {
    /// What the learner chose on the command line.
    public struct Options: Equatable, Sendable {
        /// Hidden layer sizes; nil takes them from the weights, or `defaultHidden`.
        public var hidden: [Int]?
        /// One activation for every layer, or one per non-input layer; nil for the default:
        /// sigmoid everywhere for classes, sigmoid hidden layers and a linear output for numbers.
        public var activations: [Activation]?
        /// The loss; nil for the default: cross-entropy for classes, squared error for numbers.
        public var loss: Loss?
        /// How samples are shared between the sets.
        public var split: DataSplit
        /// Seeds the split and the weights' initialisation.
        public var seed: UInt64
        /// How inputs are scaled; nil keeps them as they are.
        public var scaling: Lesson.InputScaling.Method?
        /// λ.
        public var lambda: Double
        /// α.
        public var learningRate: Double

        /// The defaults: one hidden layer of 8 sigmoid units, 70/15/15 with seed 1, min-max
        /// scaling, λ = 0, α = the lesson default.
        public init(
            hidden: [Int]? = nil, activations: [Activation]? = nil, loss: Loss? = nil,
            split: DataSplit = DataSplit(training: 70, validation: 15, test: 15) ?? .all, seed: UInt64 = 1,
            scaling: Lesson.InputScaling.Method? = .minMax, lambda: Double = 0,
            learningRate: Double = Lesson.defaultLearningRate
        ) {
            self.hidden = hidden
            self.activations = activations
            self.loss = loss
            self.split = split
            self.seed = seed
            self.scaling = scaling
            self.lambda = lambda
            self.learningRate = learningRate
        }
    }

    /// Hidden layers when neither the options nor the weights say.
    public static let defaultHidden = [8]

    /// The lesson from `table`: `labels` names the class column (or the target columns, with
    /// several names or `isRegression`), `features` the input columns (nil: every other column
    /// whose cells are all numbers).
    public static func lesson(
        from table: DataTable, labels: [String], features: [String]?, isRegression: Bool = false, title: String,
        options: Options
    ) throws(DataError) -> Lesson {
        let rows = try self.rows(from: table, labels: labels, features: features, isRegression: isRegression)
        let names = labels.map { "\"\($0)\"" }.joined(separator: ", ")
        let what: String
        if case .classes = rows.targets {
            what = "classes from the column \(names)"
        } else {
            what = "targets from \(names)"
        }
        let summary =
            "\(rows.inputs.count) samples from \(table.file): features \((rows.featureNames ?? []).joined(separator: ", ")); \(what)"
        return try lesson(
            rows, weights: nil, file: table.file, weightsFile: nil, title: title, summary: summary, options: options)
    }

    /// The lesson from ex4-style matrices: `inputs` is m × n (rows are samples), `labels`
    /// m × 1 or 1 × m, `weights` Θ⁽¹⁾ … in Ng's layout (bias column first), if given.
    public static func lesson(
        inputs: NamedMatrix, labels: NamedMatrix, weights: [NamedMatrix]?, isRegression: Bool = false, file: String,
        weightsFile: String?, title: String, options: Options
    ) throws(DataError) -> Lesson {
        let rows = try self.rows(inputs: inputs, labels: labels, file: file, isRegression: isRegression)
        let summary =
            "\(rows.inputs.count) samples from \(file): inputs \(inputs.name) (\(inputs.values.shapeDescription)), labels \(labels.name)"
            + (weightsFile.map { ", weights from \($0)" } ?? "")
        return try lesson(
            rows, weights: weights, file: file, weightsFile: weightsFile, title: title, summary: summary,
            options: options)
    }

    private static func lesson(
        _ rows: LabelledRows, weights: [NamedMatrix]?, file: String, weightsFile: String?, title: String,
        summary: String, options: Options
    ) throws(DataError) -> Lesson {
        let sets = try self.sets(
            rows, split: options.split, seed: options.seed, scaling: options.scaling, file: file)
        let inputCount = rows.inputs.first?.count ?? 0
        let classCount = rows.targets.outputCount
        var layerSizes: [Int]
        var theta: [Matrix]? = nil
        if let weights {
            theta = try checkedWeights(
                weights, inputCount: inputCount, classCount: classCount, file: weightsFile ?? file)
            layerSizes = [inputCount] + weights.map(\.values.rows)
        } else {
            layerSizes = [inputCount] + (options.hidden ?? defaultHidden) + [classCount]
        }
        guard layerSizes.count <= LessonLimits.maximumLayers else {
            throw DataError.malformed(
                file: file, place: "the network",
                problem: "\(layerSizes.count) layers is more than \(LessonLimits.maximumLayers)",
                fix: "use fewer hidden layers")
        }
        let parameters = zip(layerSizes.dropFirst(), layerSizes).reduce(0) { $0 + $1.0 * ($1.1 + 1) }
        guard parameters <= LessonLimits.maximumParameters else {
            throw DataError.malformed(
                file: file, place: "the network",
                problem:
                    "layers \(layerSizes.map(String.init).joined(separator: "-")) need \(parameters) weights, more than \(LessonLimits.maximumParameters)",
                fix: "use smaller hidden layers (--hidden) or fewer features")
        }
        let activations: [Activation]
        let loss: Loss
        switch (rows.targets, options.activations) {
        case (_, .some(let list)) where list.count == 1:
            activations = Array(repeating: list[0], count: layerSizes.count - 1)
        case (_, .some(let list)): activations = list
        case (.classes, nil): activations = Array(repeating: .sigmoid, count: layerSizes.count - 1)
        case (.numbers, nil): activations = Array(repeating: .sigmoid, count: layerSizes.count - 2) + [.linear]
        }
        if case .classes = rows.targets {
            loss = options.loss ?? .crossEntropy
        } else {
            loss = options.loss ?? .squaredError
        }
        let initialization = WeightInitialization.uniform(
            epsilon: WeightInitialization.defaultEpsilon, seed: options.seed)
        let network = Network(
            layerSizes: layerSizes, activations: activations, loss: loss,
            weights: theta ?? initialization.weights(layerSizes: layerSizes))
        var text = summary + (sets.classes == nil ? "" : "; \(classCount) classes")
        text += "; split \(options.split.description) by class with seed \(options.seed)"
        text +=
            sets.scaling.map { "; inputs scaled (\($0.method.rawValue)) on the training set" } ?? "; inputs unscaled"
        return Lesson(
            title: title, summary: text, classes: sets.classes, network: network,
            weightSource: theta == nil ? .generated(initialization) : .given,
            samples: sets.training, validationSamples: sets.validation, testSamples: sets.test,
            learningRate: options.learningRate, lambda: options.lambda, inputScaling: sets.scaling)
    }

    /// Θ⁽¹⁾ … Θ⁽ᴸ⁻¹⁾ chained: Θ⁽¹⁾ has n + 1 columns, each next one the rows of the last plus
    /// one, and the last one a row per class.
    private static func checkedWeights(_ weights: [NamedMatrix], inputCount: Int, classCount: Int, file: String)
        throws(DataError) -> [Matrix]
    {
        var expectedColumns = inputCount + 1
        for (index, theta) in weights.enumerated() {
            let shape = theta.values.shapeDescription
            guard theta.values.columns == expectedColumns, theta.values.rows >= 1 else {
                throw DataError.malformed(
                    file: file, place: theta.place.description,
                    problem:
                        "\(theta.name) is \(shape) but needs \(expectedColumns) columns (the bias first, then one per unit of layer \(index + 1))",
                    fix: "save ex4's Θ in Ng's layout: Theta\(index + 1) is s\(index + 2) × (s\(index + 1) + 1)")
            }
            expectedColumns = theta.values.rows + 1
        }
        if let last = weights.last, last.values.rows != classCount {
            throw DataError.malformed(
                file: file, place: last.place.description,
                problem: "\(last.name) has \(last.values.rows) rows but the labels need \(classCount) output units",
                fix: "give the last Θ one row per class (ex4: 10)")
        }
        return weights.map(\.values)
    }

}
