extension Lesson {
    /// The lesson as a lesson file that loads back into an equal network, samples and settings.
    ///
    /// The weights are always listed (`"weights"`, Θ⁽ˡ⁾ row by row, bias first), never an
    /// `"init"` rule, and numbers are written in the shortest form that reads back as the same
    /// double, so loading the file gives these weights bit for bit. Inputs are written as the
    /// network sees them (any `"inputDivisor"` already applied), except that a lesson read from
    /// a data file (`"data"`) names that file again instead. `train --save` writes this.
    public var jsonText: String {
        var members: [(key: String, value: JSONValue)] = [("title", value(.string(title)))]
        if let summary { members.append(("summary", value(.string(summary)))) }
        members.append(("notation", value(.string(notation))))
        // A lesson read from a data file gets its classes and scaling from the file again.
        if let classes, dataSource == nil { members.append(("classes", list(classes.map { .string($0) }))) }
        members.append(("layers", list(network.layerSizes.map { .number(Double($0)) })))
        let names = network.activations.map(\.rawValue)
        let activation: JSONValue =
            names.allSatisfy({ $0 == names[0] }) ? value(.string(names[0])) : list(names.map { .string($0) })
        members.append(("activation", activation))
        members.append(("loss", value(.string(network.loss.rawValue))))
        if let imageShape {
            members.append(
                ("image", object([
                    ("width", value(.number(Double(imageShape.width)))),
                    ("height", value(.number(Double(imageShape.height)))),
                ])))
        }
        if let inputScaling, dataSource == nil {
            var scaling: [(key: String, value: JSONValue)] = [("method", value(.string(inputScaling.method.rawValue)))]
            if let features = inputScaling.features { scaling.append(("features", list(features.map { .string($0) }))) }
            scaling.append(("offset", list(inputScaling.offset.map { .number($0) })))
            scaling.append(("scale", list(inputScaling.scale.map { .number($0) })))
            members.append(("inputScaling", object(scaling)))
        }
        members.append(
            ("weights", value(.array(network.weights.map { theta in
                value(.array((0..<theta.rows).map { i in list(theta.row(i).map { .number($0) }) }))
            }))))
        if let dataSource {
            members.append(("data", dataObject(dataSource)))
        } else {
            members.append(("samples", sampleList(samples)))
            if !validationSamples.isEmpty { members.append(("validation", sampleList(validationSamples))) }
            if !testSamples.isEmpty { members.append(("test", sampleList(testSamples))) }
        }
        members.append(("learningRate", value(.number(learningRate))))
        members.append(("lambda", value(.number(lambda))))
        members.append(("updateBiases", value(.bool(updatesBiases))))
        members.append(("epochs", value(.number(Double(epochs)))))
        if let training { members.append(("training", trainingObject(training))) }
        return JSONWriter.text(.object(members))
    }

    private func trainingObject(_ plan: TrainingPlan) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("scheme", value(.string(plan.scheme.name)))]
        if case .minibatch(let size) = plan.scheme { members.append(("batchSize", value(.number(Double(size))))) }
        members.append(("seed", value(.number(Double(plan.seed)))))
        var stop: [(key: String, value: JSONValue)] = []
        if let threshold = plan.stop.validationRegressionError {
            stop.append(("validationRegressionError", value(.number(threshold))))
        }
        if let updates = plan.stop.updates { stop.append(("updates", value(.number(Double(updates))))) }
        if let epochs = plan.stop.epochs { stop.append(("epochs", value(.number(Double(epochs))))) }
        members.append(("stop", object(stop)))
        return object(members)
    }

    private func dataObject(_ source: DataSource) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("file", value(.string(source.file)))]
        if let label = source.label { members.append(("label", value(.string(label)))) }
        if let features = source.features { members.append(("features", list(features.map { .string($0) }))) }
        if let split = source.split { members.append(("split", value(.string(split.description)))) }
        if let seed = source.seed { members.append(("seed", value(.number(Double(seed))))) }
        if let scale = source.scale { members.append(("scale", value(.string(scale)))) }
        return object(members)
    }

    private func sampleList(_ list: [Sample]) -> JSONValue {
        value(.array(list.map { sample in
            object([("x", self.list(sample.x.map { .number($0) })), ("y", self.list(sample.y.map { .number($0) }))])
        }))
    }

    private func value(_ kind: JSONValue.Kind) -> JSONValue { JSONValue(kind) }
    private func list(_ kinds: [JSONValue.Kind]) -> JSONValue { JSONValue(.array(kinds.map(JSONValue.init))) }
    private func object(_ members: [(key: String, value: JSONValue)]) -> JSONValue { JSONValue(.object(members)) }
}
