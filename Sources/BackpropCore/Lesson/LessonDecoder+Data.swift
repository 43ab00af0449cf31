import Foundation

/// `"data"`: samples read from a data file beside the lesson (see `Lesson.DataSource`).
extension LessonDecoder {
    /// The reference in `value`, checked field by field.
    func dataSource(_ value: JSONValue) throws(FieldError) -> Lesson.DataSource {
        let fix =
            "write \"data\": {\"file\": \"flowers.csv\", \"label\": \"species\"} (optional: features, split, seed, scale)"
        guard case .object(let members) = value.kind else {
            throw FieldError(value, "data", "expected an object, found \(value.typeDescription)", fix: fix)
        }
        let allowed = ["file", "label", "features", "split", "seed", "scale"]
        if let extra = members.first(where: { !allowed.contains($0.key) }) {
            let suggestion = Suggestion.closest(to: extra.key, among: allowed).map { "did you mean \"\($0)\"? " } ?? ""
            throw FieldError(
                extra.value, "data.\(extra.key)", "unknown field \"\(extra.key)\"",
                fix: "\(suggestion)known fields are " + allowed.joined(separator: ", "))
        }
        guard let fileValue = value["file"] else {
            throw FieldError(value, "data.file", "missing field \"file\"", fix: fix)
        }
        let file = try fileValue.string(at: "data.file", fix: fix)
        guard !file.isEmpty else { throw FieldError(fileValue, "data.file", "the path is empty", fix: fix) }
        var source = Lesson.DataSource(file: file)
        source.label = try value["label"].map { v throws(FieldError) in
            try v.string(
                at: "data.label", fix: "name the label column (CSV) or matrix (.mat), e.g. \"species\" or \"y\"")
        }
        if let featuresValue = value["features"] {
            if case .string(let name) = featuresValue.kind {
                source.features = [name]
            } else {
                let items = try featuresValue.list(
                    at: "data.features",
                    fix: "list the input columns, e.g. [\"width\", \"height\"], or name the matrix, e.g. \"X\"")
                source.features = try items.enumerated().map { index, item throws(FieldError) in
                    try item.string(at: "data.features[\(index)]", fix: "write the column name as a string")
                }
            }
        }
        if let splitValue = value["split"] {
            let text = try splitValue.string(
                at: "data.split", fix: "write the percentages as a string, e.g. \"70/15/15\"")
            guard let split = DataSplit(text) else {
                throw FieldError(
                    splitValue, "data.split",
                    "\"\(text)\" is not training/validation/test percentages adding up to 100",
                    fix: "write e.g. \"70/15/15\" or \"100/0/0\"")
            }
            source.split = split
        }
        source.seed = try value["seed"].map { v throws(FieldError) in
            UInt64(try v.integer(at: "data.seed", in: 0...Int(Int32.max)))
        }
        source.scale = try value["scale"].map { v throws(FieldError) in
            try v.choice(at: "data.scale", among: Lesson.DataSource.scaleNames)
        }
        return source
    }

    /// The samples of `source`, read relative to `directory` (the lesson's folder).
    func dataSets(_ source: Lesson.DataSource, value: JSONValue) throws(FieldError) -> LessonImport.Sets {
        guard let directory else {
            throw FieldError(
                value, "data.file", "a lesson that names a data file must be loaded from a file",
                fix: "save the lesson beside its data and give its path with --lesson")
        }
        let path = source.file.hasPrefix("/") ? source.file : directory + "/" + source.file
        do {
            let bytes = try DataFile.bytes(atPath: path, displayName: source.file)
            let rows: LessonImport.LabelledRows
            let isMatrixFile = MatrixFileReader.isMAT(bytes) || MatrixFileReader.isOctaveText(bytes)
            if isMatrixFile {
                let matrices = try MatrixFileReader.read(bytes, file: source.file)
                let inputsName = source.features?.first ?? "X"
                let labelsName = source.label ?? "y"
                guard let inputs = matrices.matrix(named: inputsName), let labels = matrices.matrix(named: labelsName)
                else {
                    throw FieldError(
                        value, "data", "\(source.file) has no numeric matrices \(inputsName) and \(labelsName)",
                        fix: "name them with \"features\" and \"label\"; the file has "
                            + matrices.matrices.map(\.name).joined(separator: ", "))
                }
                rows = try LessonImport.rows(inputs: inputs, labels: labels, file: source.file)
            } else {
                guard let label = source.label else {
                    throw FieldError(
                        value, "data.label", "a CSV or TSV file needs \"label\"", fix: "name the column of class labels"
                    )
                }
                let lower = source.file.lowercased()
                let delimiter: CSVReader.Delimiter? = lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? .tab : nil
                let table = try CSVReader.read(bytes, file: source.file, delimiter: delimiter)
                rows = try LessonImport.rows(from: table, labels: [label], features: source.features)
            }
            let scaling: Lesson.InputScaling.Method?
            switch source.scale {
            case "min-max": scaling = .minMax
            case "standardize": scaling = .standardize
            case "none": scaling = nil
            default: scaling = isMatrixFile ? nil : .minMax
            }
            return try LessonImport.sets(
                rows, split: source.split ?? LessonImport.Options().split, seed: source.seed ?? 1, scaling: scaling,
                file: source.file)
        } catch let error as FieldError {
            throw error
        } catch let error as DataError {
            switch error {
            case .unreadable(let file, let reason):
                throw FieldError(
                    value, "data.file", "cannot read \(file): \(reason)",
                    fix: "the path is relative to the lesson's folder")
            case .malformed(let file, let place, let problem, let fix):
                throw FieldError(value, "data", "\(file): \(place): \(problem)", fix: fix)
            }
        } catch {
            throw FieldError(value, "data", "\(error)", fix: "check the data file")
        }
    }
}
