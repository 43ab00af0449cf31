import BackpropCore
import Foundation

/// `import FILE`: a learner's data (CSV, TSV, Octave text or a `.mat` file) turned into a
/// complete lesson, printed or written atomically with `-o`.
///
/// CSV and TSV need `--label COLUMN`; the features are every other all-number column or
/// `--features`. Octave and `.mat` files are read as ex4's: the inputs are the matrix `X`
/// (rows are samples) and the labels `y`, or the variables `--features` and `--label` name;
/// `--weights FILE` takes Theta1 … ThetaL from a second file and the hidden sizes from them.
/// Numeric labels become classes in numeric order, text labels in first-seen order. Inputs are
/// scaled min-max by default for CSV and kept as they are for ex4's files (their weights
/// expect the raw inputs); the rule is recorded in the lesson as `"inputScaling"`.
public enum ImportCommand: Command {
    /// How `--scale` is written.
    public enum Scale: String, CaseIterable, Sendable {
        /// Offset the training minimum, divide by the range.
        case minMax = "min-max"
        /// Offset the training mean, divide by the standard deviation.
        case standardize
        /// Keep the inputs as they are.
        case none

        var method: Lesson.InputScaling.Method? {
            switch self {
            case .minMax: return .minMax
            case .standardize: return .standardize
            case .none: return nil
            }
        }
    }

    /// `--label COLUMN`.
    public static let label = TypedOption(
        name: "label", valueName: "COLUMN[,…]",
        summary: "the column (or matrix) of class labels (.mat default: y); several columns are numeric targets")
    /// `--regression`.
    public static let regression = Flag(
        name: "regression", summary: "the label's numbers are the targets (squared error, linear output), not classes")
    /// `--features A,B`.
    public static let features = TypedOption(
        name: "features", valueName: "A,B",
        summary: "the input columns (default: every other all-number column), or the matrix of inputs (.mat default: X)"
    )
    /// `--hidden 8[,4]`.
    public static let hidden = TypedOption(
        name: "hidden", valueName: "N[,N…]", summary: "units per hidden layer (default: 8, or from --weights)")
    /// `--activation`.
    public static let activation = TypedOption(
        name: "activation", valueName: "NAME[,NAME…]",
        summary:
            "one activation for all layers or one per non-input layer (default: sigmoid; a linear output with --regression)"
    )
    /// `--loss`.
    public static let loss = TypedOption<Loss>(
        name: "loss", summary: "the loss (default: cross-entropy; squared-error with --regression)")
    /// `--split`.
    public static let split = TypedOption(
        name: "split", valueName: "T/V/E",
        summary: "percent of each class for training/validation/test (default: 70/15/15)")
    /// `--seed S`.
    public static let seed = TypedOption<Int>(
        name: "seed", valueName: "S", range: 0...Int(Int32.max),
        summary: "seed for the split and the initial weights (default: 1)")
    /// `--scale`.
    public static let scale = TypedOption<Scale>(
        name: "scale", summary: "input scaling from the training set (default: min-max for CSV, none for .mat)")
    /// `--weights FILE`.
    public static let weights = TypedOption(
        name: "weights", valueName: "FILE", summary: "Theta1 … ThetaL from a .mat or Octave text file")
    /// `--lambda L`.
    public static let lambda = TypedOption<Double>(
        name: "lambda", valueName: "L", atLeast: 0, summary: "the regularisation strength λ (default: 0)")
    /// `--learning-rate A`.
    public static let learningRate = TypedOption<Double>(
        name: "learning-rate", valueName: "A", atLeast: 0, summary: "the learning rate α (η) (default: 0.5)")
    /// `-o FILE`, as `export` has it.
    public static let output = ExportCommand.output
    /// `--force`, as `export` has it.
    public static let force = ExportCommand.force

    /// `import` and its options.
    public static let spec = CommandSpec(
        name: "import", arguments: "FILE",
        summary: "turn a CSV, TSV, Octave text or .mat file into a lesson (README: Your own data)",
        options: [
            label.spec, regression.spec, features.spec, hidden.spec, activation.spec, loss.spec, split.spec, seed.spec,
            scale.spec,
            weights.spec, lambda.spec, learningRate.spec, output.spec, force.spec,
        ])

    /// Reads FILE, builds the lesson, checks it as any lesson file is checked, and prints it
    /// or writes it to `-o FILE`.
    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws(CLIError) {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            let given = arguments.positionals.isEmpty ? "none" : "'\(arguments.positionals.joined(separator: " "))'"
            throw .usage("import takes one data file (a .csv, .tsv, .txt or .mat), not \(given)", command: spec.name)
        }
        if let outputPath = arguments.value(output), outputPath.isEmpty {
            throw .usage("'-o' needs a file name, not an empty one, e.g. -o lesson.json", command: spec.name)
        }
        var options = try importOptions(arguments)
        let bytes = try data { () throws(DataError) in try DataFile.bytes(atPath: path, displayName: path) }
        let title = "Imported from " + String(path.split(separator: "/").last ?? Substring(path)).prefix(150)
        var lesson: Lesson
        let isMatrixFile = MatrixFileReader.isMAT(bytes) || MatrixFileReader.isOctaveText(bytes)
        if isMatrixFile {
            if arguments.value(scale) == nil { options.scaling = nil }
            lesson = try matrixLesson(bytes, path: path, arguments: arguments, title: title, options: options, io: io)
        } else {
            guard let labelNames = list(arguments.value(label)) else {
                throw .usage(
                    "import needs --label COLUMN for a CSV or TSV file: the column of class labels", command: spec.name)
            }
            if arguments.value(weights) != nil {
                throw .usage("--weights goes with ex4's .mat or Octave text files, not with a CSV", command: spec.name)
            }
            let lower = path.lowercased()
            let delimiter: CSVReader.Delimiter? = lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? .tab : nil
            lesson = try data { () throws(DataError) in
                let table = try CSVReader.read(bytes, file: path, delimiter: delimiter)
                return try LessonImport.lesson(
                    from: table, labels: labelNames, features: list(arguments.value(features)),
                    isRegression: arguments.isSet(regression), title: title, options: options)
            }
        }
        var text = lesson.jsonText
        var directory: String?
        if text.utf8.count > LessonLimits.maximumFileBytes {
            // Too large to list the samples: the lesson names the data file instead.
            let isRegression = lesson.classes == nil
            guard let outputPath = arguments.value(output), !isRegression else {
                throw .data(
                    .malformed(
                        file: path, place: "the lesson",
                        problem:
                            "listing these samples takes \(text.utf8.count) bytes, more than a lesson file's limit of \(LessonLimits.maximumFileBytes)",
                        fix: isRegression
                            ? "use fewer samples: a lesson can name a data file only for classes, not for target numbers"
                            : "write the lesson with -o FILE: it then names the data file instead of listing the samples"
                    ))
            }
            let folder = OutputFile.directory(of: outputPath)
            lesson.dataSource = Lesson.DataSource(
                file: relativePath(of: path, from: folder),
                label: isMatrixFile ? arguments.value(label) ?? "y" : arguments.value(label),
                features: isMatrixFile ? [arguments.value(features) ?? "X"] : list(arguments.value(features)),
                split: options.split, seed: options.seed, scale: options.scaling?.rawValue ?? "none")
            text = lesson.jsonText
            directory = folder
        }
        // Read back as any lesson file is: what import writes, every command takes.
        do {
            _ = try Lesson.decode(text, file: arguments.value(output) ?? "the imported lesson", directory: directory)
        } catch {
            if case .invalid(_, _, _, let jsonPath, let problem, let fix) = error {
                throw .usage(
                    "these options make an invalid lesson: \(jsonPath): \(problem); fix: \(fix)", command: spec.name)
            }
            throw .lesson(error)
        }
        guard let outputPath = arguments.value(output) else {
            try io.write(text)
            return
        }
        try OutputFile.write(text, to: outputPath, replacing: arguments.isSet(force))
        let layers = lesson.network.layerSizes.map(String.init).joined(separator: "-")
        try io.write(
            "wrote \(outputPath): a \(layers) network, "
                + (lesson.classes.map { "classes \($0.joined(separator: ", "))" } ?? "numeric targets") + "; "
                + "\(lesson.samples.count) training, \(lesson.validationSamples.count) validation, "
                + "\(lesson.testSamples.count) test samples"
                + (lesson.dataSource.map { " read from \($0.file) (too many to list)" } ?? "") + "\n")
    }

    /// `target` as a path relative to the folder `directory` (`../data/x.csv`); absolute
    /// targets stay absolute. Symbolic links are not resolved.
    static func relativePath(of target: String, from directory: String) -> String {
        guard !target.hasPrefix("/") else { return target }
        let current = FileManager.default.currentDirectoryPath
        func components(_ path: String) -> [String] {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: current + "/")).standardizedFileURL.path
                .split(separator: "/").map(String.init)
        }
        let from = components(directory)
        let to = components(target)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    // MARK: Matrices

    /// The lesson from ex4-style matrices in `bytes`, and `--weights`' Θ.
    private static func matrixLesson(
        _ bytes: [UInt8], path: String, arguments: ParsedArguments, title: String, options: LessonImport.Options,
        io: CommandIO
    ) throws(CLIError) -> Lesson {
        let file = try data { () throws(DataError) in try MatrixFileReader.read(bytes, file: path) }
        try reportSkipped(file, path: path, io: io)
        let inputsName = arguments.value(features) ?? "X"
        let labelsName = arguments.value(label) ?? "y"
        let inputs = try matrix(inputsName, in: file, path: path, role: "inputs", option: "--features")
        let labels = try matrix(labelsName, in: file, path: path, role: "labels", option: "--label")
        var theta: [NamedMatrix]?
        if let weightsPath = arguments.value(weights) {
            if arguments.value(hidden) != nil {
                throw .usage(
                    "--hidden and --weights cannot go together: the weights give the hidden sizes", command: spec.name)
            }
            let weightsFile = try data { () throws(DataError) in
                try MatrixFileReader.read(atPath: weightsPath, displayName: weightsPath)
            }
            try reportSkipped(weightsFile, path: weightsPath, io: io)
            var found: [NamedMatrix] = []
            while found.count < LessonLimits.maximumLayers,
                let next = weightsFile.matrix(named: "Theta\(found.count + 1)")
            {
                found.append(next)
            }
            guard !found.isEmpty else {
                let names = weightsFile.matrices.map(\.name).joined(separator: ", ")
                throw .data(
                    .malformed(
                        file: weightsPath, place: "the variables",
                        problem: "there is no Theta1 (the file has \(names.isEmpty ? "no matrices" : names))",
                        fix: "save the weights as Theta1, Theta2, … in Ng's layout (bias column first)"))
            }
            theta = found
        }
        let weightsPath = arguments.value(weights)
        return try data { () throws(DataError) in
            try LessonImport.lesson(
                inputs: inputs, labels: labels, weights: theta, isRegression: arguments.isSet(regression), file: path,
                weightsFile: weightsPath, title: title, options: options)
        }
    }

    private static func matrix(_ name: String, in file: MatrixFile, path: String, role: String, option: String)
        throws(CLIError) -> NamedMatrix
    {
        if let found = file.matrix(named: name) { return found }
        let skipped = file.skipped.first { $0.name == name }.map { " (it is a \($0.kind), not a numeric matrix)" } ?? ""
        let names = file.matrices.map(\.name).joined(separator: ", ")
        throw .data(
            .malformed(
                file: path, place: "the variables",
                problem: "there is no numeric matrix \(name) for the \(role)\(skipped)",
                fix: "name it with \(option); the numeric matrices are \(names.isEmpty ? "none" : names)"))
    }

    /// One note on standard error naming the variables that are not numeric matrices.
    private static func reportSkipped(_ file: MatrixFile, path: String, io: CommandIO) throws(CLIError) {
        guard !file.skipped.isEmpty else { return }
        let list = file.skipped.map(\.description).joined(separator: ", ")
        try io.standardError.write("backprop-tutor: note: \(path): skipped \(list): not numeric matrices\n")
    }

    // MARK: Options

    private static func importOptions(_ arguments: ParsedArguments) throws(CLIError) -> LessonImport.Options {
        var options = LessonImport.Options()
        if let text = arguments.value(hidden) {
            let sizes = list(text)?.map { Int($0) } ?? []
            guard !sizes.isEmpty, sizes.count <= LessonLimits.maximumLayers - 2,
                sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= LessonLimits.maximumUnits })
            else {
                throw .usage(
                    "'--hidden' takes units per hidden layer, 1 to \(LessonLimits.maximumUnits) each, e.g. 8 or 8,4; not '\(text)'",
                    command: spec.name)
            }
            options.hidden = sizes.map { $0 ?? 1 }
        }
        if let text = arguments.value(activation) {
            let names = list(text) ?? []
            let activations = names.compactMap(Activation.init(rawValue:))
            guard !names.isEmpty, activations.count == names.count else {
                throw .usage(
                    "'--activation' takes names from \(Activation.allCases.map(\.rawValue).joined(separator: ", ")), one or one per non-input layer; not '\(text)'",
                    command: spec.name)
            }
            options.activations = activations
        }
        if let value = arguments.value(loss) { options.loss = value }
        if let text = arguments.value(split) {
            guard let value = DataSplit(text) else {
                throw .usage(
                    "'--split' takes training/validation/test percentages adding up to 100, e.g. 70/15/15 or 100/0/0; not '\(text)'",
                    command: spec.name)
            }
            options.split = value
        }
        // The scanner has checked the numbers (TypedOption): seed 0…2³¹ − 1, λ and α ≥ 0.
        if let value = arguments.value(seed) { options.seed = UInt64(value) }
        if let value = arguments.value(scale) { options.scaling = value.method }
        if let value = arguments.value(lambda) { options.lambda = value }
        if let value = arguments.value(learningRate) { options.learningRate = value }
        if let text = arguments.value(activation), let names = list(text), names.count > 1 {
            let layers = 2 + (options.hidden?.count ?? LessonImport.defaultHidden.count)
            if arguments.value(weights) == nil, names.count != layers - 1 {
                throw .usage(
                    "'--activation' lists \(names.count) names but the network has \(layers - 1) non-input layers",
                    command: spec.name)
            }
        }
        return options
    }

    /// `a,b` as ["a", "b"]; nil for nil.
    private static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs `body`, turning a `DataError` into `CLIError.data`.
    private static func data<T>(_ body: () throws(DataError) -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw .data(error)
        }
    }
}
