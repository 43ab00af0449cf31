/// Turns a learner's data into a `Lesson`: a CSV/TSV table, or ex4's matrices (X, y and
/// optionally Θ⁽¹⁾ … Θ⁽ᴸ⁻¹⁾).
///
/// Rows are samples. Classes come from `ClassLabels` (numeric labels in numeric order, text
/// labels in first-seen order) and become one-hot targets, one output unit per class. The
/// samples are shared by `DataSplit` (seeded, stratified by class); the inputs are scaled by
/// a rule computed on the training set alone and recorded in the lesson
/// (`Lesson.InputScaling`), so validation, test and new samples are scaled the same way.
/// The result always passes the lesson decoder's checks (`import` writes it and reads it back).
public enum LessonImport {
    /// What the learner chose on the command line.
    public struct Options: Equatable, Sendable {
        /// Hidden layer sizes; nil takes them from the weights, or `defaultHidden`.
        public var hidden: [Int]?
        /// One activation for every layer, or one per non-input layer.
        public var activations: [Activation]
        /// The loss.
        public var loss: Loss
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

        /// The defaults: one hidden layer of 8 sigmoid units, cross-entropy, 70/15/15 with seed
        /// 1, min-max scaling, λ = 0, α = the lesson default.
        public init(
            hidden: [Int]? = nil, activations: [Activation] = [.sigmoid], loss: Loss = .crossEntropy,
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

    /// Samples as read from a file, before the split: inputs (one row per sample), their
    /// classes, the input names when the file has them, and each sample's place for errors.
    public struct LabelledRows: Equatable, Sendable {
        /// One row of raw inputs per sample.
        public var inputs: [[Double]]
        /// Each sample's class.
        public var labels: ClassLabels
        /// The input columns' names (CSV), nil for a matrix.
        public var featureNames: [String]?
        /// Where each sample is (`line 7`).
        public var places: [String]
    }

    /// The samples of `table`: `label` names the class column, `features` the input columns
    /// (nil: every other column whose cells are all numbers).
    public static func rows(from table: DataTable, label: String, features: [String]?) throws(DataError) -> LabelledRows {
        let file = table.file
        let headerPlace = DataError.line(table.headerLine)
        let columnList = table.header.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let labelColumn = table.columnIndex(label) else {
            throw DataError.malformed(
                file: file, place: headerPlace, problem: "no column is called \"\(label)\"",
                fix: "name the label column with --label; the columns are \(columnList)")
        }
        guard !table.cells.isEmpty else {
            throw DataError.malformed(
                file: file, place: DataError.line(table.headerLine + 1), problem: "the file has a header but no rows of data",
                fix: "add one row per sample under the header")
        }
        var featureColumns: [Int] = []
        if let features {
            for name in features {
                guard let column = table.columnIndex(name) else {
                    throw DataError.malformed(
                        file: file, place: headerPlace, problem: "no column is called \"\(name)\"",
                        fix: "list feature columns with --features A,B; the columns are \(columnList)")
                }
                guard column != labelColumn else {
                    throw DataError.malformed(
                        file: file, place: headerPlace, problem: "\"\(name)\" is the label and cannot be a feature too",
                        fix: "leave the label out of --features")
                }
                featureColumns.append(column)
            }
        } else {
            featureColumns = table.header.indices.filter { $0 != labelColumn && table.isNumeric(column: $0) }
            guard !featureColumns.isEmpty else {
                // Name the first non-number of the first other column.
                if let other = table.header.indices.first(where: { $0 != labelColumn }) {
                    _ = try table.numbers(column: other)
                }
                throw DataError.malformed(
                    file: file, place: headerPlace, problem: "no column other than the label holds only numbers",
                    fix: "give at least one numeric feature column, or choose them with --features")
            }
        }
        var columns: [[Double]] = []
        for column in featureColumns { columns.append(try table.numbers(column: column)) }
        let inputs = (0..<table.cells.count).map { row in columns.map { $0[row] } }
        let places = table.rowLines.map(DataError.line)
        let labels = try ClassLabels(
            texts: table.cells.map { $0[labelColumn] }, places: places, file: file, column: label)
        return LabelledRows(
            inputs: inputs, labels: labels, featureNames: featureColumns.map { table.header[$0] }, places: places)
    }

    /// The samples of ex4-style matrices: `inputs` is m × n (rows are samples), `labels`
    /// m × 1 or 1 × m.
    public static func rows(inputs: NamedMatrix, labels: NamedMatrix, file: String) throws(DataError) -> LabelledRows {
        let m = inputs.values.rows
        let labelValues: [Double]
        if labels.values.columns == 1 {
            labelValues = labels.values.column(0)
        } else if labels.values.rows == 1 {
            labelValues = labels.values.row(0)
        } else {
            throw DataError.malformed(
                file: file, place: labels.place.description,
                problem: "\(labels.name) is \(labels.values.shapeDescription); labels must be one column (or one row)",
                fix: "save one label per sample, e.g. y as an m × 1 vector")
        }
        guard labelValues.count == m, m > 0 else {
            throw DataError.malformed(
                file: file, place: labels.place.description,
                problem: "\(labels.name) has \(labelValues.count) labels but \(inputs.name) has \(m) rows (samples)",
                fix: "give one label per row of \(inputs.name)")
        }
        let places = (0..<m).map { inputs.place(ofRow: $0).description }
        let classes = try ClassLabels(numbers: labelValues, places: places, file: file, column: labels.name)
        return LabelledRows(inputs: inputs.values.rowList, labels: classes, featureNames: nil, places: places)
    }

    /// The lesson from `table`: `label` names the class column, `features` the input columns
    /// (nil: every other column whose cells are all numbers).
    public static func lesson(
        from table: DataTable, label: String, features: [String]?, title: String, options: Options
    ) throws(DataError) -> Lesson {
        let rows = try self.rows(from: table, label: label, features: features)
        let summary =
            "\(rows.inputs.count) samples from \(table.file): features \((rows.featureNames ?? []).joined(separator: ", ")); classes from the column \"\(label)\""
        return try lesson(
            rows, weights: nil, file: table.file, weightsFile: nil, title: title, summary: summary, options: options)
    }

    /// The lesson from ex4-style matrices: `inputs` is m × n (rows are samples), `labels`
    /// m × 1 or 1 × m, `weights` Θ⁽¹⁾ … in Ng's layout (bias column first), if given.
    public static func lesson(
        inputs: NamedMatrix, labels: NamedMatrix, weights: [NamedMatrix]?, file: String, weightsFile: String?,
        title: String, options: Options
    ) throws(DataError) -> Lesson {
        let rows = try self.rows(inputs: inputs, labels: labels, file: file)
        let summary =
            "\(rows.inputs.count) samples from \(file): inputs \(inputs.name) (\(inputs.values.shapeDescription)), labels \(labels.name)"
            + (weightsFile.map { ", weights from \($0)" } ?? "")
        return try lesson(
            rows, weights: weights, file: file, weightsFile: weightsFile, title: title, summary: summary,
            options: options)
    }

    // MARK: Building

    /// Samples shared into the three sets, one-hot, scaled by a rule from the training set.
    public struct Sets: Equatable, Sendable {
        /// The class names, one per output unit.
        public var classes: [String]
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
    public static func sets(
        _ rows: LabelledRows, split: DataSplit, seed: UInt64, scaling method: Lesson.InputScaling.Method?, file: String
    ) throws(DataError) -> Sets {
        let (inputs, labels, featureNames, places) = (rows.inputs, rows.labels, rows.featureNames, rows.places)
        let inputCount = inputs.first?.count ?? 0
        let classCount = labels.classes.count
        guard classCount >= 2 else {
            throw DataError.malformed(
                file: file, place: places.first ?? "line 1",
                problem: "every sample has the same label \"\(labels.classes.first ?? "")\"; there is nothing to learn",
                fix: "use data with at least two classes")
        }
        guard (1...LessonLimits.maximumUnits).contains(inputCount) else {
            throw DataError.malformed(
                file: file, place: places.first ?? "line 1",
                problem: "the samples have \(inputCount) inputs; a lesson takes 1 to \(LessonLimits.maximumUnits)",
                fix: "choose fewer feature columns")
        }
        let (trainingIndices, validationIndices, testIndices) = split.assign(
            classIndices: labels.indices, classCount: classCount, seed: seed)
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
            var y = Array(repeating: 0.0, count: classCount)
            y[labels.indices[index]] = 1
            return Lesson.Sample(x: scaling?.scaled(inputs[index]) ?? inputs[index], y: y)
        }
        return Sets(
            classes: labels.classes, training: trainingIndices.map(sample), validation: validationIndices.map(sample),
            test: testIndices.map(sample), scaling: scaling)
    }

    private static func lesson(
        _ rows: LabelledRows, weights: [NamedMatrix]?, file: String, weightsFile: String?, title: String,
        summary: String, options: Options
    ) throws(DataError) -> Lesson {
        let sets = try self.sets(
            rows, split: options.split, seed: options.seed, scaling: options.scaling, file: file)
        let inputCount = rows.inputs.first?.count ?? 0
        let classCount = rows.labels.classes.count
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
                file: file, place: "the network", problem: "\(layerSizes.count) layers is more than \(LessonLimits.maximumLayers)",
                fix: "use fewer hidden layers")
        }
        let parameters = zip(layerSizes.dropFirst(), layerSizes).reduce(0) { $0 + $1.0 * ($1.1 + 1) }
        guard parameters <= LessonLimits.maximumParameters else {
            throw DataError.malformed(
                file: file, place: "the network",
                problem: "layers \(layerSizes.map(String.init).joined(separator: "-")) need \(parameters) weights, more than \(LessonLimits.maximumParameters)",
                fix: "use smaller hidden layers (--hidden) or fewer features")
        }
        let activations =
            options.activations.count == 1
            ? Array(repeating: options.activations[0], count: layerSizes.count - 1) : options.activations
        let initialization = WeightInitialization.uniform(epsilon: WeightInitialization.defaultEpsilon, seed: options.seed)
        let network = Network(
            layerSizes: layerSizes, activations: activations, loss: options.loss,
            weights: theta ?? initialization.weights(layerSizes: layerSizes))
        var text = summary + "; \(classCount) classes"
        text += "; split \(options.split.description) by class with seed \(options.seed)"
        text += sets.scaling.map { "; inputs scaled (\($0.method.rawValue)) on the training set" } ?? "; inputs unscaled"
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
                    problem: "\(theta.name) is \(shape) but needs \(expectedColumns) columns (the bias first, then one per unit of layer \(index + 1))",
                    fix: "save ex4's Θ in Ng's layout: Theta\(index + 1) is s\(index + 2) × (s\(index + 1) + 1)")
            }
            expectedColumns = theta.values.rows + 1
        }
        if let last = weights.last, last.values.rows != classCount {
            throw DataError.malformed(
                file: file, place: last.place.description,
                problem: "\(last.name) has \(last.values.rows) rows but the labels have \(classCount) classes",
                fix: "give the last Θ one row per class (ex4: 10)")
        }
        return weights.map(\.values)
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
