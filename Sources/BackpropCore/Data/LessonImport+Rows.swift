/// Reading samples for `import`: inputs and targets from a CSV table or from matrices.
///
/// Rows are samples, in file order; `places[i]` names where sample i is (`line 7`).
extension LessonImport {
    /// What a sample's target is made from.
    public enum Targets: Equatable, Sendable {
        /// A class per sample: one-hot targets, one output unit per class.
        case classes(ClassLabels)
        /// Numbers per sample (regression): `values[i]` is sample i's target, one number per
        /// output unit, named by `names`.
        case numbers(names: [String], values: [[Double]])

        /// Output units.
        var outputCount: Int {
            switch self {
            case .classes(let labels): return labels.classes.count
            case .numbers(let names, _): return names.count
            }
        }
    }

    /// Samples as read from a file, before the split: inputs (one row per sample), their
    /// targets, the input names when the file has them, and each sample's place for errors.
    public struct LabelledRows: Equatable, Sendable {
        /// One row of raw inputs per sample.
        public var inputs: [[Double]]
        /// Each sample's class, or its target numbers.
        public var targets: Targets
        /// The input columns' names (CSV), nil for a matrix.
        public var featureNames: [String]?
        /// Where each sample is (`line 7`).
        public var places: [String]
    }

    /// The samples of `table`: `labels` names the class column, or with several names or
    /// `isRegression` the columns of target numbers; `features` the input columns (nil: every
    /// other column whose cells are all numbers).
    public static func rows(from table: DataTable, labels: [String], features: [String]?, isRegression: Bool = false)
        throws(DataError) -> LabelledRows
    {
        let file = table.file
        let headerPlace = DataError.line(table.headerLine)
        let columnList = table.header.map { "\"\($0)\"" }.joined(separator: ", ")
        var labelColumns: [Int] = []
        for label in labels {
            guard let column = table.columnIndex(label) else {
                throw DataError.malformed(
                    file: file, place: headerPlace, problem: "no column is called \"\(label)\"",
                    fix: "name the label column with --label; the columns are \(columnList)")
            }
            labelColumns.append(column)
        }
        guard !table.cells.isEmpty else {
            throw DataError.malformed(
                file: file, place: DataError.line(table.headerLine + 1),
                problem: "the file has a header but no rows of data",
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
                guard !labelColumns.contains(column) else {
                    throw DataError.malformed(
                        file: file, place: headerPlace, problem: "\"\(name)\" is the label and cannot be a feature too",
                        fix: "leave the label out of --features")
                }
                featureColumns.append(column)
            }
        } else {
            featureColumns = table.header.indices.filter { !labelColumns.contains($0) && table.isNumeric(column: $0) }
            guard !featureColumns.isEmpty else {
                // Name the first non-number of the first other column.
                if let other = table.header.indices.first(where: { !labelColumns.contains($0) }) {
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
        let targets: Targets
        if isRegression || labelColumns.count > 1 {
            var values: [[Double]] = []
            for column in labelColumns { values.append(try table.numbers(column: column)) }
            targets = .numbers(names: labels, values: (0..<inputs.count).map { row in values.map { $0[row] } })
        } else {
            targets = .classes(
                try ClassLabels(
                    texts: table.cells.map { $0[labelColumns[0]] }, places: places, file: file, column: labels[0]))
        }
        return LabelledRows(
            inputs: inputs, targets: targets, featureNames: featureColumns.map { table.header[$0] }, places: places)
    }

    /// The samples of ex4-style matrices: `inputs` is m × n (rows are samples), `labels`
    /// m × 1 or 1 × m; with `isRegression`, `labels` is m × k target numbers.
    public static func rows(inputs: NamedMatrix, labels: NamedMatrix, file: String, isRegression: Bool = false)
        throws(DataError) -> LabelledRows
    {
        let m = inputs.values.rows
        let places = (0..<m).map { inputs.place(ofRow: $0).description }
        if isRegression {
            guard labels.values.rows == m, m > 0 else {
                throw DataError.malformed(
                    file: file, place: labels.place.description,
                    problem: "\(labels.name) has \(labels.values.rows) rows but \(inputs.name) has \(m) (samples)",
                    fix: "give one row of targets per row of \(inputs.name)")
            }
            let names = (1...max(labels.values.columns, 1)).map { "\(labels.name)(:,\($0))" }
            return LabelledRows(
                inputs: inputs.values.rowList, targets: .numbers(names: names, values: labels.values.rowList),
                featureNames: nil, places: places)
        }
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
        let classes = try ClassLabels(numbers: labelValues, places: places, file: file, column: labels.name)
        return LabelledRows(
            inputs: inputs.values.rowList, targets: .classes(classes), featureNames: nil, places: places)
    }
}
