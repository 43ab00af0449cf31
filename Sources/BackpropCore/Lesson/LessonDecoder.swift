import Foundation

extension Lesson {
    /// The fields a lesson file may have, in the order README documents them.
    public static let knownFields = [
        "title", "summary", "notation", "classes", "layers", "activation", "loss", "weights", "w", "b", "W",
        "mazurWeights", "init",
        "image", "inputDivisor", "inputScaling", "samples", "data", "validation", "test", "learningRate", "lambda",
        "updateBiases", "epochs", "training",
    ]
}

/// Turns a parsed lesson into a validated `Lesson`, naming the JSON path of every problem.
struct LessonDecoder {
    let file: String
    /// The notation names the caller's registry knows (Core keeps no list of its own); nil
    /// accepts any non-empty name.
    var notations: [String]? = nil
    /// The lesson's folder, which a `"data"` file is read relative to; nil when the lesson is
    /// not read from a file (a lesson with `"data"` is then refused).
    var directory: String? = nil

    typealias FieldError = JSONValue.FieldError

    /// The lesson in `root`, or the first problem found, with `file` and the JSON path.
    func lesson(from root: JSONValue) throws(LessonError) -> Lesson {
        do {
            return try validatedLesson(root)
        } catch {
            throw .invalid(
                file: file, line: error.line, column: error.column, path: error.path, problem: error.problem,
                fix: error.fix)
        }
    }

    private func fail(_ value: JSONValue?, _ path: String, _ problem: String, fix: String) -> FieldError {
        FieldError(value, path, problem, fix: fix)
    }

    private func validatedLesson(_ root: JSONValue) throws(FieldError) -> Lesson {
        guard case .object(let members) = root.kind else {
            throw fail(
                root, "", "the top level is \(root.typeDescription), not an object",
                fix: "write the lesson as { \"title\": …, \"layers\": …, … }")
        }
        for member in members where !Lesson.knownFields.contains(member.key) {
            let suggestion =
                Suggestion.closest(to: member.key, among: Lesson.knownFields).map { "did you mean \"\($0)\"? " } ?? ""
            throw fail(
                member.value, member.key, "unknown field \"\(member.key)\"",
                fix: "\(suggestion)known fields are " + Lesson.knownFields.joined(separator: ", "))
        }

        let title = try required(root, "title").string(at: "title", fix: "give the lesson a title")
        let titleLimit = (LessonLimits.maximumTitleCharacters, LessonLimits.maximumTitleBytes)
        guard LessonLimits.fits(title, characters: titleLimit.0, bytes: titleLimit.1),
            !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw fail(
                root["title"], "title",
                "the title must have 1 to \(titleLimit.0) characters and at most \(titleLimit.1) bytes in UTF-8 (it has \(title.utf8.count) bytes)",
                fix: "write a short title")
        }
        let summary = try root["summary"].map { v throws(FieldError) in
            let text = try v.string(at: "summary", fix: "write the summary as a string")
            let limit = (LessonLimits.maximumSummaryCharacters, LessonLimits.maximumSummaryBytes)
            guard LessonLimits.fits(text, characters: limit.0, bytes: limit.1) else {
                throw FieldError(
                    v, "summary",
                    "the summary may have at most \(limit.0) characters and \(limit.1) bytes in UTF-8 (it has \(text.utf8.count) bytes)",
                    fix: "shorten it to a few paragraphs")
            }
            return text
        }
        let notation =
            try root["notation"].map { v throws(FieldError) in
                if let notations { return try v.choice(at: "notation", among: notations) }
                return try v.string(at: "notation", fix: "name the notation, e.g. \"ng\"")
            } ?? Lesson.defaultNotation

        let layerSizes = try layers(required(root, "layers"))
        let activations = try activationList(required(root, "activation"), layerCount: layerSizes.count)
        let loss = try root["loss"].map { v throws(FieldError) in try v.choice(Loss.self, at: "loss") } ?? .crossEntropy
        try checkCombination(activations: activations, loss: loss, root: root)

        let parameterCount = zip(layerSizes.dropFirst(), layerSizes).reduce(0) { $0 + $1.0 * ($1.1 + 1) }
        guard parameterCount <= LessonLimits.maximumParameters else {
            throw fail(
                root["layers"], "layers",
                "these layers need \(parameterCount) weights, more than the limit of \(LessonLimits.maximumParameters)",
                fix: "use smaller layers")
        }

        let (weights, source) = try initialWeights(root, layerSizes: layerSizes)
        let network = Network(layerSizes: layerSizes, activations: activations, loss: loss, weights: weights)

        var samples: [Lesson.Sample]
        var validation: [Lesson.Sample]
        var test: [Lesson.Sample]
        var dataSource: Lesson.DataSource?
        var dataScaling: Lesson.InputScaling?
        var dataClasses: [String]?
        if let dataValue = root["data"] {
            for key in ["samples", "validation", "test", "inputDivisor", "inputScaling", "classes"]
            where root[key] != nil {
                throw fail(
                    root[key], key, "\"\(key)\" and \"data\" cannot go together: the data file gives the samples",
                    fix: "keep \"data\" to read the samples from the file, or list them and remove \"data\"")
            }
            let source = try self.dataSource(dataValue)
            let sets = try dataSets(source, value: dataValue)
            let inputCount = sets.training.first?.x.count ?? 0
            let classCount = sets.classes?.count ?? 0
            guard inputCount == layerSizes[0], classCount == layerSizes[layerSizes.count - 1] else {
                throw fail(
                    root["layers"], "layers",
                    "the data has \(inputCount) inputs and \(classCount) classes but the layers are \(layerSizes.map(String.init).joined(separator: "-"))",
                    fix: "make the first layer \(inputCount) units and the last \(classCount)")
            }
            (samples, validation, test) = (sets.training, sets.validation, sets.test)
            dataSource = source
            dataScaling = sets.scaling
            dataClasses = sets.classes
        } else {
            guard let samplesValue = root["samples"] else {
                throw fail(
                    root, "samples", "missing field \"samples\"",
                    fix:
                        "add \"samples\": [{\"x\": […], \"y\": […]}, …] with at least one sample, or \"data\": {\"file\": …}"
                )
            }
            let divisor = try root["inputDivisor"].map { v throws(FieldError) in try Self.inputDivisor(v) } ?? 1
            samples = try sampleList(samplesValue, "samples", network: network, allowsEmpty: false, divisor: divisor)
            validation =
                try root["validation"].map { v throws(FieldError) in
                    try sampleList(v, "validation", network: network, allowsEmpty: true, divisor: divisor)
                } ?? []
            test =
                try root["test"].map { v throws(FieldError) in
                    try sampleList(v, "test", network: network, allowsEmpty: true, divisor: divisor)
                } ?? []
        }

        var classes: [String]? = dataClasses
        if let value = root["classes"] {
            guard case .array(let items) = value.kind, items.count == layerSizes[layerSizes.count - 1] else {
                throw fail(
                    value, "classes",
                    "expected a list of \(layerSizes[layerSizes.count - 1]) class names, one per output unit",
                    fix: "name each output unit, e.g. [\"setosa\", \"versicolor\", \"virginica\"]")
            }
            classes = try items.enumerated().map { index, item throws(FieldError) in
                let name = try item.string(at: "classes[\(index)]", fix: "write the class name as a string")
                let limit = (LessonLimits.maximumClassNameCharacters, LessonLimits.maximumClassNameBytes)
                guard LessonLimits.fits(name, characters: limit.0, bytes: limit.1) else {
                    throw FieldError(
                        item, "classes[\(index)]",
                        "a class name may have at most \(limit.0) characters and \(limit.1) bytes in UTF-8 (it has \(name.utf8.count) bytes)",
                        fix: "use a short name such as \"setosa\"")
                }
                return name
            }
        }

        let learningRate =
            try root["learningRate"].map { v throws(FieldError) in try v.nonNegativeNumber(at: "learningRate") }
            ?? Lesson.defaultLearningRate
        let lambda = try root["lambda"].map { v throws(FieldError) in try v.nonNegativeNumber(at: "lambda") } ?? 0
        var updatesBiases = true
        if let value = root["updateBiases"] {
            guard case .bool(let flag) = value.kind else {
                throw fail(
                    value, "updateBiases", "expected true or false, found \(value.typeDescription)",
                    fix: "write true (the usual) or false (keep the bias weights fixed, as Mazur does)")
            }
            updatesBiases = flag
        }
        let epochs =
            try root["epochs"].map { v throws(FieldError) in
                try v.integer(at: "epochs", in: 0...LessonLimits.maximumEpochs)
            } ?? Lesson.defaultEpochs
        let training = try root["training"].map { v throws(FieldError) in
            try Self.trainingPlan(v, trainingCount: samples.count, validationCount: validation.count)
        }

        let imageShape = try root["image"].map { v throws(FieldError) in
            try self.imageShape(v, inputCount: layerSizes[0])
        }

        let inputScaling =
            try root["inputScaling"].map { v throws(FieldError) in
                try self.inputScaling(v, inputCount: layerSizes[0])
            } ?? dataScaling

        return Lesson(
            title: title, summary: summary, notation: notation, classes: classes, network: network,
            weightSource: source, samples: samples, validationSamples: validation, testSamples: test,
            learningRate: learningRate, lambda: lambda, updatesBiases: updatesBiases, epochs: epochs,
            training: training, imageShape: imageShape, inputScaling: inputScaling, dataSource: dataSource)
    }

    /// `"image": {"width": w, "height": h}`: both whole numbers, w · h = the input count.
    private func imageShape(_ value: JSONValue, inputCount: Int) throws(FieldError) -> Lesson.ImageShape {
        let fix = "write \"image\": {\"width\": w, \"height\": h} with w × h = \(inputCount), the number of inputs"
        guard case .object(let members) = value.kind else {
            throw fail(value, "image", "expected an object, found \(value.typeDescription)", fix: fix)
        }
        for member in members where member.key != "width" && member.key != "height" {
            throw fail(member.value, "image.\(member.key)", "unknown field \"\(member.key)\"", fix: fix)
        }
        guard let widthValue = value["width"] else {
            throw fail(value, "image.width", "missing field \"width\"", fix: fix)
        }
        guard let heightValue = value["height"] else {
            throw fail(value, "image.height", "missing field \"height\"", fix: fix)
        }
        let width = try widthValue.integer(at: "image.width", in: 1...max(1, inputCount))
        let height = try heightValue.integer(at: "image.height", in: 1...max(1, inputCount))
        guard width * height == inputCount else {
            throw fail(
                value, "image",
                "a \(width) × \(height) image has \(width * height) pixels but the network has \(inputCount) inputs",
                fix: fix)
        }
        return Lesson.ImageShape(width: width, height: height)
    }

    /// `"inputScaling": {"method": "min-max", "features": […], "offset": […], "scale": […]}`:
    /// one offset and one scale (> 0) per input; `features` is optional.
    private func inputScaling(_ value: JSONValue, inputCount: Int) throws(FieldError) -> Lesson.InputScaling {
        let fix =
            "write \"inputScaling\": {\"method\": \"min-max\" or \"standardize\", \"offset\": […], \"scale\": […]} with \(inputCount) numbers each"
        guard case .object(let members) = value.kind else {
            throw fail(value, "inputScaling", "expected an object, found \(value.typeDescription)", fix: fix)
        }
        let allowed = ["method", "features", "offset", "scale"]
        if let extra = members.first(where: { !allowed.contains($0.key) }) {
            throw fail(extra.value, "inputScaling.\(extra.key)", "unknown field \"\(extra.key)\"", fix: fix)
        }
        guard let methodValue = value["method"], let offsetValue = value["offset"], let scaleValue = value["scale"]
        else {
            throw fail(value, "inputScaling", "needs \"method\", \"offset\" and \"scale\"", fix: fix)
        }
        let method = try methodValue.choice(Lesson.InputScaling.Method.self, at: "inputScaling.method")
        let what = "the input layer (\(inputCount) units)"
        let offset = try offsetValue.numbers(at: "inputScaling.offset", count: inputCount, what: what)
        let scale = try scaleValue.numbers(at: "inputScaling.scale", count: inputCount, what: what)
        if let index = scale.firstIndex(where: { !($0 > 0) }) {
            throw fail(
                scaleValue, "inputScaling.scale[\(index)]",
                "a scale must be above 0, found \(JSONValue.text(scale[index]))",
                fix: "use 1 for an input that is not scaled")
        }
        let features = try value["features"].map { v throws(FieldError) in
            let items = try v.list(at: "inputScaling.features", fix: "name each input, e.g. [\"height\", \"weight\"]")
            guard items.count == inputCount else {
                throw fail(v, "inputScaling.features", "expected \(inputCount) names, one per input", fix: fix)
            }
            return try items.enumerated().map { index, item throws(FieldError) in
                try item.string(at: "inputScaling.features[\(index)]", fix: "write the name as a string")
            }
        }
        return Lesson.InputScaling(method: method, features: features, offset: offset, scale: scale)
    }

    // MARK: Fields

    private func required(_ root: JSONValue, _ key: String) throws(FieldError) -> JSONValue {
        guard let value = root[key] else {
            let example: String
            switch key {
            case "layers": example = "\"layers\": [2, 2, 1] (units per layer, input first)"
            case "activation": example = "\"activation\": \"sigmoid\" (or one name per non-input layer)"
            default: example = "\"\(key)\": …"
            }
            throw fail(root, key, "missing field \"\(key)\"", fix: "add \(example)")
        }
        return value
    }

    // MARK: Network

    private func layers(_ value: JSONValue) throws(FieldError) -> [Int] {
        let items = try value.list(at: "layers", fix: "write the units per layer, input first, e.g. [2, 2, 1]")
        guard (2...LessonLimits.maximumLayers).contains(items.count) else {
            throw fail(
                value, "layers", "a network needs 2 to \(LessonLimits.maximumLayers) layers, found \(items.count)",
                fix: "list the input layer, any hidden layers and the output layer, e.g. [2, 2, 1]")
        }
        return try items.enumerated().map { index, item throws(FieldError) in
            try item.integer(at: "layers[\(index)]", in: 1...LessonLimits.maximumUnits)
        }
    }

    private func activationList(_ value: JSONValue, layerCount: Int) throws(FieldError) -> [Activation] {
        if case .string = value.kind {
            let activation = try value.choice(Activation.self, at: "activation")
            if activation == .softmax && layerCount > 2 {
                throw fail(
                    value, "activation", "softmax may only be the output layer's activation",
                    fix: "give one name per non-input layer, e.g. [\"sigmoid\", \"softmax\"]")
            }
            return Array(repeating: activation, count: layerCount - 1)
        }
        let items = try value.list(at: "activation", fix: "write one name, or one per non-input layer")
        guard items.count == layerCount - 1 else {
            throw fail(
                value, "activation",
                "has \(JSONValue.counted(items.count, "name")) but the network has \(layerCount - 1) non-input layers",
                fix: "give one activation per layer after the input layer, or a single name for all")
        }
        return try items.enumerated().map { index, item throws(FieldError) in
            let activation = try item.choice(Activation.self, at: "activation[\(index)]")
            if activation == .softmax && index < items.count - 1 {
                throw fail(
                    item, "activation[\(index)]", "softmax may only be the output layer's activation",
                    fix: "use " + Activation.spokenList(Activation.allCases.filter(\.isElementwise)) + " for hidden layers")
            }
            return activation
        }
    }

    private func checkCombination(activations: [Activation], loss: Loss, root: JSONValue) throws(FieldError) {
        let output = activations[activations.count - 1]
        if output == .softmax && loss != .crossEntropy {
            throw fail(
                root["loss"], "loss", "softmax outputs need the cross-entropy loss",
                fix: "set \"loss\": \"cross-entropy\" or use a sigmoid output layer")
        }
        if loss == .crossEntropy && output != .sigmoid && output != .softmax {
            throw fail(
                root["activation"], "activation",
                "cross-entropy needs a sigmoid or softmax output layer (its log needs outputs in (0, 1)), found \(output.rawValue)",
                fix: "make the output layer sigmoid or softmax, or set \"loss\": \"squared-error\"")
        }
    }

    private func initialWeights(_ root: JSONValue, layerSizes: [Int]) throws(FieldError) -> (
        [Matrix], Lesson.WeightSource
    ) {
        // Exactly one source: a layout's field (Nielsen's needs "w" and "b" together) or "init".
        let given = WeightLayout.allCases.filter { root[$0.rawValue] != nil }.map(\.rawValue)
            + (root["b"] != nil && root["w"] == nil ? ["b"] : [])
        let sources = given + (root["init"] != nil ? ["init"] : [])
        let layouts =
            "\"weights\" (Ng's Θ, bias first), \"w\" with \"b\" (Nielsen's), \"W\" (the 15 Steps', bias row last), \"mazurWeights\" (w1 …, b1 …)"
        if sources.count > 1 {
            throw fail(
                root[sources[1]], sources[1],
                "the starting weights are given twice, by \"\(sources[0])\" and \"\(sources[1])\"",
                fix: "keep one of \(layouts) or \"init\"")
        }
        switch sources.first {
        case "weights"?:
            return (try weightMatrices(required(root, "weights"), layerSizes: layerSizes), .given)
        case "w"?, "b"?:
            return (try nielsenWeights(root, layerSizes: layerSizes), .given)
        case "W"?:
            return (try tullekenWeights(required(root, "W"), layerSizes: layerSizes), .given)
        case "mazurWeights"?:
            return (try mazurWeights(required(root, "mazurWeights"), layerSizes: layerSizes), .given)
        case "init"?:
            let initialization = try initialization(required(root, "init"))
            return (initialization.weights(layerSizes: layerSizes), .generated(initialization))
        default:
            throw fail(
                root, "weights", "the lesson has neither \"weights\" nor \"init\"",
                fix: "list the weights (\(layouts)), or add \"init\": {\"method\": \"uniform\", \"epsilon\": 0.12, \"seed\": 1}")
        }
    }

    /// A list of `count` matrices of the shapes `shape(l)` gives (l = 0-based matrix index),
    /// read under `field`; `describe(l)` says what matrix l is, for the fix.
    private func matrixList(
        _ value: JSONValue, field: String, count: Int, shape: (Int) -> (rows: Int, columns: Int),
        describe: (Int) -> String
    ) throws(FieldError) -> [Matrix] {
        let items = try value.list(at: field, fix: "write one matrix (a list of rows) per layer after the input")
        guard items.count == count else {
            throw fail(
                value, field, "has \(JSONValue.counted(items.count, "matrix", plural: "matrices")) but the layers need \(count)",
                fix: "give one matrix between each pair of layers: " + (0..<count).map(describe).joined(separator: "; "))
        }
        return try items.enumerated().map { index, item throws(FieldError) in
            let (rows, columns) = shape(index)
            let path = "\(field)[\(index)]"
            let fix = describe(index)
            let rowItems = try item.list(at: path, fix: fix)
            guard rowItems.count == rows else {
                throw fail(item, path, "has \(JSONValue.counted(rowItems.count, "row")) but needs \(rows)", fix: fix)
            }
            var values: [Double] = []
            for (i, rowItem) in rowItems.enumerated() {
                let rowPath = "\(path)[\(i)]"
                let entries = try rowItem.list(at: rowPath, fix: fix)
                guard entries.count == columns else {
                    throw fail(
                        rowItem, rowPath, "has \(JSONValue.counted(entries.count, "number")) but needs \(columns)", fix: fix)
                }
                for (j, entry) in entries.enumerated() { values.append(try entry.number(at: "\(rowPath)[\(j)]")) }
            }
            return Matrix(rows: rows, columns: columns, values: values)
        }
    }

    /// Nielsen's "w" (wˡ, s₍ₗ₊₁₎ × sₗ) and "b" (bˡ, s₍ₗ₊₁₎ numbers) as Θ.
    private func nielsenWeights(_ root: JSONValue, layerSizes: [Int]) throws(FieldError) -> [Matrix] {
        let count = layerSizes.count - 1
        guard let wValue = root["w"], let bValue = root["b"] else {
            let missing = root["w"] == nil ? "w" : "b"
            throw fail(
                root[missing == "w" ? "b" : "w"], missing, "Nielsen's layout needs both \"w\" and \"b\"; \"\(missing)\" is missing",
                fix: "give \"w\": [w², w³, …] (one s(l+1) × s(l) matrix per layer) and \"b\": [b², b³, …] (one list of s(l+1) biases per layer)")
        }
        let w = try matrixList(
            wValue, field: "w", count: count, shape: { (layerSizes[$0 + 1], layerSizes[$0]) },
            describe: {
                "w\($0 + 2) (Nielsen's w^\($0 + 2)) is \(layerSizes[$0 + 1]) × \(layerSizes[$0]): one row per unit of layer \($0 + 2), one weight per unit of layer \($0 + 1), no bias"
            })
        let items = try bValue.list(at: "b", fix: "write one list of biases per layer after the input")
        guard items.count == count else {
            throw fail(
                bValue, "b", "has \(JSONValue.counted(items.count, "list")) but the layers need \(count)",
                fix: "give b², b³, …: one list of biases per layer after the input")
        }
        return try (0..<count).map { index throws(FieldError) in
            let b = try items[index].numbers(
                at: "b[\(index)]", count: layerSizes[index + 1], what: "layer \(index + 2) (\(layerSizes[index + 1]) units)")
            return WeightLayout.theta(nielsenW: w[index], b: b)
        }
    }

    /// The 15 Steps' "W" ((sₗ + 1) × s₍ₗ₊₁₎, bias row last) as Θ.
    private func tullekenWeights(_ value: JSONValue, layerSizes: [Int]) throws(FieldError) -> [Matrix] {
        try matrixList(
            value, field: "W", count: layerSizes.count - 1, shape: { (layerSizes[$0] + 1, layerSizes[$0 + 1]) },
            describe: {
                "W[\($0)] maps layer \($0 + 1) to layer \($0 + 2), so it is \(layerSizes[$0] + 1) × \(layerSizes[$0 + 1]): one row per unit of layer \($0 + 1) and the bias row last, one column per unit of layer \($0 + 2)"
            }
        ).map(WeightLayout.theta(tullekenW:))
    }

    /// Mazur's numbered "w1" … and per-layer "b1" … as Θ.
    private func mazurWeights(_ value: JSONValue, layerSizes: [Int]) throws(FieldError) -> [Matrix] {
        let weightCount = zip(layerSizes.dropFirst(), layerSizes).reduce(0) { $0 + $1.0 * $1.1 }
        let biasCount = layerSizes.count - 1
        let fix =
            "write \"mazurWeights\": {\"w1\": …, …, \"w\(weightCount)\": …, \"b1\": …, …, \"b\(biasCount)\": …}: w numbered layer by layer, unit by unit of the next layer (w1 i1→h1, w2 i2→h1, …), b\u{2096} shared by the units of layer k + 1"
        guard case .object(let members) = value.kind else {
            throw fail(value, "mazurWeights", "expected an object, found \(value.typeDescription)", fix: fix)
        }
        let names = (1...weightCount).map { "w\($0)" } + (1...biasCount).map { "b\($0)" }
        if let extra = members.first(where: { !names.contains($0.key) }) {
            throw fail(
                extra.value, "mazurWeights.\(extra.key)",
                "unknown weight \"\(extra.key)\" for layers \(layerSizes.map(String.init).joined(separator: "-"))", fix: fix)
        }
        var numbers: [String: Double] = [:]
        for name in names {
            guard let entry = value[name] else {
                throw fail(value, "mazurWeights", "\"\(name)\" is missing", fix: fix)
            }
            numbers[name] = try entry.number(at: "mazurWeights.\(name)")
        }
        return (1..<layerSizes.count).map { l in
            var values: [Double] = []
            for i in 1...layerSizes[l] {
                values.append(numbers["b\(l)"] ?? 0)
                for j in 1...layerSizes[l - 1] {
                    let n = WeightLayout.mazurWeightNumber(layerSizes: layerSizes, layer: l, i: i, j: j)
                    values.append(numbers["w\(n)"] ?? 0)
                }
            }
            return Matrix(rows: layerSizes[l], columns: layerSizes[l - 1] + 1, values: values)
        }
    }

    private func weightMatrices(_ value: JSONValue, layerSizes: [Int]) throws(FieldError) -> [Matrix] {
        let items = try value.list(at: "weights", fix: "write one matrix (a list of rows) per layer after the input")
        guard items.count == layerSizes.count - 1 else {
            throw fail(
                value, "weights",
                "has \(JSONValue.counted(items.count, "matrix", plural: "matrices")) but \(layerSizes.count) layers need \(layerSizes.count - 1)",
                fix: "give Θ(1) … Θ(\(layerSizes.count - 1)), one matrix between each pair of layers")
        }
        return try items.enumerated().map { index, item throws(FieldError) in
            let rows = layerSizes[index + 1]
            let columns = layerSizes[index] + 1
            let path = "weights[\(index)]"
            let shape =
                "Θ(\(index + 1)) maps layer \(index + 1) to layer \(index + 2), so it is \(rows) × \(columns): one row per unit of layer \(index + 2), the bias weight first and then one weight per unit of layer \(index + 1)"
            let rowItems = try item.list(at: path, fix: shape)
            guard rowItems.count == rows else {
                throw fail(item, path, "has \(JSONValue.counted(rowItems.count, "row")) but needs \(rows)", fix: shape)
            }
            var values: [Double] = []
            for (i, rowItem) in rowItems.enumerated() {
                let rowPath = "\(path)[\(i)]"
                let entries = try rowItem.list(at: rowPath, fix: shape)
                guard entries.count == columns else {
                    throw fail(
                        rowItem, rowPath, "has \(JSONValue.counted(entries.count, "number")) but needs \(columns)",
                        fix: shape)
                }
                for (j, entry) in entries.enumerated() {
                    values.append(try entry.number(at: "\(rowPath)[\(j)]"))
                }
            }
            return Matrix(rows: rows, columns: columns, values: values)
        }
    }

    private func initialization(_ value: JSONValue) throws(FieldError) -> WeightInitialization {
        let fix = "write {\"method\": \"ng-debug\"} or {\"method\": \"uniform\", \"epsilon\": 0.12, \"seed\": 1}"
        guard case .object(let members) = value.kind, let method = value["method"] else {
            throw fail(value, "init", "expected an object with a \"method\"", fix: fix)
        }
        let name = try method.choice(at: "init.method", among: ["ng-debug", "uniform"])
        let allowed = name == "uniform" ? ["method", "epsilon", "seed"] : ["method"]
        if let extra = members.first(where: { !allowed.contains($0.key) }) {
            throw fail(
                extra.value, "init.\(extra.key)", "unknown field \"\(extra.key)\" for method \"\(name)\"", fix: fix)
        }
        guard name == "uniform" else { return .ngDebug }
        var epsilon = WeightInitialization.defaultEpsilon
        if let epsilonValue = value["epsilon"] {
            epsilon = try epsilonValue.number(at: "init.epsilon")
            guard epsilon > 0, epsilon <= 100 else {
                throw fail(
                    epsilonValue, "init.epsilon", "must be above 0 and at most 100, found \(JSONValue.text(epsilon))",
                    fix: "use a small positive number such as 0.12")
            }
        }
        let seed =
            try value["seed"].map { v throws(FieldError) in
                try v.integer(at: "init.seed", in: 0...Int(Int32.max))
            } ?? 0
        return .uniform(epsilon: epsilon, seed: UInt64(seed))
    }

    // MARK: Samples

    private func sampleList(
        _ value: JSONValue, _ path: String, network: Network, allowsEmpty: Bool, divisor: Double
    ) throws(FieldError) -> [Lesson.Sample] {
        let fix = "write a list of {\"x\": […], \"y\": […]} objects"
        let items = try value.list(at: path, fix: fix)
        if items.isEmpty && !allowsEmpty {
            throw fail(value, path, "the sample list is empty", fix: "add at least one {\"x\": […], \"y\": […]}")
        }
        guard items.count <= LessonLimits.maximumSamples else {
            throw fail(
                value, path, "has \(items.count) samples, more than the limit of \(LessonLimits.maximumSamples)",
                fix: "use fewer samples")
        }
        let inputCount = network.layerSizes[0]
        let outputCount = network.layerSizes[network.layerCount - 1]
        return try items.enumerated().map { index, item throws(FieldError) in
            let samplePath = "\(path)[\(index)]"
            guard case .object(let members) = item.kind else {
                throw fail(item, samplePath, "expected an object, found \(item.typeDescription)", fix: fix)
            }
            if let extra = members.first(where: { !["x", "y", "label"].contains($0.key) }) {
                throw fail(
                    extra.value, "\(samplePath).\(extra.key)", "unknown field \"\(extra.key)\" in a sample",
                    fix: "a sample has \"x\" and either \"y\" (the target) or \"label\" (its class)")
            }
            if item["y"] != nil, let labelValue = item["label"] {
                throw fail(
                    labelValue, "\(samplePath).label", "a sample gives its target twice, as \"y\" and as \"label\"",
                    fix: "keep one: \"y\": […] or \"label\": k")
            }
            guard let xValue = item["x"], item["y"] != nil || item["label"] != nil else {
                throw fail(item, samplePath, "a sample needs \"x\" and a target, \"y\" or \"label\"", fix: fix)
            }
            var x = try xValue.numbers(
                at: "\(samplePath).x", count: inputCount, what: "the input layer (\(inputCount) units)")
            if divisor != 1 { x = x.map { $0 / divisor } }
            let y: [Double]
            if let labelValue = item["label"] {
                y = try Self.target(label: labelValue, at: "\(samplePath).label", outputCount: outputCount)
            } else {
                y = try required(item, "y").numbers(
                    at: "\(samplePath).y", count: outputCount, what: "the output layer (\(outputCount) units)")
            }
            let targetValue = item["y"] ?? item["label"] ?? item
            try checkTarget(y, targetValue, "\(samplePath).\(item["y"] == nil ? "label" : "y")", network: network)
            return Lesson.Sample(x: x, y: y)
        }
    }

    /// The target of `"label": k`: with K > 1 output units, k is 1…K and the target is one-hot
    /// at unit k (ex4's y = 1 … 10); with one output unit, k is 0 or 1 and is the target itself.
    static func target(label value: JSONValue, at path: String, outputCount: Int) throws(FieldError) -> [Double] {
        if outputCount == 1 {
            let k = try value.integer(at: path, in: 0...1)
            return [Double(k)]
        }
        let k = try value.integer(at: path, in: 1...outputCount)
        return (1...outputCount).map { $0 == k ? 1 : 0 }
    }

    func checkTarget(_ y: [Double], _ value: JSONValue, _ path: String, network: Network) throws(FieldError) {
        guard network.loss == .crossEntropy else { return }
        if let index = y.firstIndex(where: { $0 < 0 || $0 > 1 }) {
            throw fail(
                value, "\(path)[\(index)]",
                "cross-entropy targets must lie in [0, 1], found \(JSONValue.text(y[index]))",
                fix: "use 0/1 (one-hot) targets, or the squared-error loss")
        }
        if network.outputActivation == .softmax, abs(y.reduce(0, +) - 1) > 1e-9 {
            throw fail(
                value, path, "softmax targets must sum to 1, these sum to \(JSONValue.text(y.reduce(0, +)))",
                fix: "use a one-hot target such as [0, 1, 0]")
        }
    }
}
