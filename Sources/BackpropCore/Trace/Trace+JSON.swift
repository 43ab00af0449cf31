extension Trace {
    /// The trace as JSON text: the documented `backprop-tutor/trace@1` contract, keys in a fixed
    /// order, numbers in shortest round-trip form. `JSONDecoder` reads it back into an equal
    /// `Trace`.
    ///
    /// Parts the trace did not compute (`numericalGradient`, `gradientCheck`, `training`) are
    /// left out. A sample record carries an `index` key only when the records are not samples
    /// 1, 2, 3, … in order, so a trace of all samples or of the first K prints as it always has.
    public var jsonText: String {
        JSONWriter.text(jsonObject)
    }

    private var jsonObject: JSONValue.Kind {
        var lessonMembers: [(String, JSONValue.Kind)] = [("title", .string(lesson.title))]
        if let summary = lesson.summary { lessonMembers.append(("summary", .string(summary))) }
        lessonMembers += [
            ("notation", .string(lesson.notation)),
            ("layers", .array(lesson.layers.map { .init(.number(Double($0))) })),
            ("activations", .array(lesson.activations.map { .init(.string($0.rawValue)) })),
            ("loss", .string(lesson.loss.rawValue)),
            ("learningRate", .number(lesson.learningRate)),
            ("lambda", .number(lesson.lambda)),
            ("updateBiases", .bool(lesson.updateBiases)),
            ("initialization", .string(lesson.initialization.rawValue)),
        ]
        if let epsilon = lesson.initEpsilon { lessonMembers.append(("initEpsilon", .number(epsilon))) }
        if let seed = lesson.initSeed { lessonMembers.append(("initSeed", .number(Double(seed)))) }
        if let classes = lesson.classes { lessonMembers.append(("classes", strings(classes))) }
        lessonMembers += [
            ("validationCount", .number(Double(lesson.validationCount))),
            ("testCount", .number(Double(lesson.testCount))),
        ]

        let isPrefix = samples.indices.allSatisfy { samples[$0].index == $0 }
        var members: [(String, JSONValue.Kind)] = [
            ("format", .string(format)),
            ("lesson", object(lessonMembers)),
            ("m", .number(Double(m))),
            ("weights", matrices(weights)),
            ("samples", .array(samples.map { .init($0.jsonObject(writingIndex: !isPrefix)) })),
            ("cost", .number(cost)),
            ("unregularizedCost", .number(unregularizedCost)),
            ("regularization", .number(regularization)),
            ("Delta", matrices(Delta)),
            ("D", matrices(D)),
        ]
        if let numericalGradient { members.append(("numericalGradient", matrices(numericalGradient))) }
        if let gradientCheck { members.append(("gradientCheck", gradientCheck.jsonObject)) }
        members += [
            ("updatedWeights", matrices(updatedWeights)),
            ("costAfterUpdate", .number(costAfterUpdate)),
            ("classificationError", .number(classificationError)),
            (
                "slopeExample",
                object([
                    ("layer", .number(Double(slopeExample.layer))), ("row", .number(Double(slopeExample.row))),
                    ("column", .number(Double(slopeExample.column))), ("epsilon", .number(slopeExample.epsilon)),
                    ("costPlus", .number(slopeExample.costPlus)), ("costMinus", .number(slopeExample.costMinus)),
                    ("slope", .number(slopeExample.slope)),
                ])
            ),
            (
                "activationTable",
                .array(
                    activationTable.map { probe in
                        .init(
                            object([
                                ("activation", .string(probe.activation.rawValue)), ("z", vector(probe.z)),
                                ("value", vector(probe.value)), ("derivative", vector(probe.derivative)),
                            ]))
                    })
            ),
        ]
        if let training {
            members.append(
                (
                    "training",
                    object([
                        ("epochs", .number(Double(training.epochs))), ("costs", vector(training.costs)),
                        ("finalWeights", matrices(training.finalWeights)),
                    ])
                ))
        }
        return object(members)
    }
}

extension Trace.GradientCheckSummary {
    fileprivate var jsonObject: JSONValue.Kind {
        var members: [(String, JSONValue.Kind)] = [
            ("epsilon", .number(epsilon)),
            ("relativeDifference", .number(relativeDifference)),
            ("checkedParameters", .number(Double(checkedParameters))),
            ("totalParameters", .number(Double(totalParameters))),
        ]
        if let checkedEntries {
            members.append(
                (
                    "checkedEntries",
                    .array(
                        checkedEntries.map { entry in
                            .init(
                                object([
                                    ("layer", .number(Double(entry.layer))), ("row", .number(Double(entry.row))),
                                    ("column", .number(Double(entry.column))),
                                ]))
                        })
                ))
        }
        return object(members)
    }
}

extension Trace.SampleTrace {
    fileprivate func jsonObject(writingIndex: Bool) -> JSONValue.Kind {
        let index: [(String, JSONValue.Kind)] = writingIndex ? [("index", .number(Double(self.index)))] : []
        return object(
            index + [
                ("x", vector(x)), ("y", vector(y)), ("a", vectors(a)), ("z", vectors(z)),
                ("activationDerivative", vectors(activationDerivative)), ("outputError", vector(outputError)),
                ("propagatedError", vectors(propagatedError)), ("delta", vectors(delta)),
                ("gradient", matrices(gradient)), ("stepWeights", matrices(stepWeights)), ("loss", .number(loss)),
                ("predictedClass", .number(Double(predictedClass))), ("targetClass", .number(Double(targetClass))),
            ])
    }
}

private func object(_ members: [(String, JSONValue.Kind)]) -> JSONValue.Kind {
    .object(members.map { (key: $0.0, value: JSONValue($0.1)) })
}

private func vector(_ values: [Double]) -> JSONValue.Kind {
    .array(values.map { JSONValue(.number($0)) })
}

private func vectors(_ lists: [[Double]]) -> JSONValue.Kind {
    .array(lists.map { JSONValue(vector($0)) })
}

private func strings(_ values: [String]) -> JSONValue.Kind {
    .array(values.map { JSONValue(.string($0)) })
}

private func matrices(_ list: [Matrix]) -> JSONValue.Kind {
    .array(list.map { JSONValue(vectors($0.rowList)) })
}
