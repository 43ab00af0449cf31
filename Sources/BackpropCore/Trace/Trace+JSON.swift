extension Trace {
    /// The trace as JSON text: the documented `backprop-tutor/trace@1` contract, keys in a fixed
    /// order, numbers in shortest round-trip form. `JSONDecoder` reads it back into an equal
    /// `Trace`.
    ///
    /// Parts the trace did not compute (`numericalGradient`, `gradientCheck`, `training`) are
    /// left out. A sample record carries an `index` key only when the records are not samples
    /// 1, 2, 3, … in order, so a trace of all samples or of the first K prints as it always has.
    public var jsonText: String {
        var text = ""
        writeJSON { text += $0 }
        return text
    }

    /// Writes `jsonText` in pieces, the sample records one by one, so a large trace never
    /// builds one tree or one string for all its samples; `write` receives the pieces in order.
    public func writeJSON<Failure: Error>(_ write: (String) throws(Failure) -> Void) throws(Failure) {
        let isPrefix = samples.indices.allSatisfy { samples[$0].index == $0 }
        try writeJSON(records: samples, count: samples.count, writingIndex: !isPrefix, write)
    }

    /// Writes this trace's frame with `records` (`count` of them) in place of `samples`,
    /// each record made and written in turn.
    func writeJSON<Records: Sequence<Trace.SampleTrace>, Failure: Error>(
        records: Records, count: Int, writingIndex: Bool, _ write: (String) throws(Failure) -> Void
    ) throws(Failure) {
        // The frame member by member, as `JSONWriter.text` writes an object; the records take
        // the place of the empty `samples` list, written one by one.
        let members = frameMembers
        try write("{\n")
        for (position, member) in members.enumerated() {
            let isLast = position == members.count - 1
            guard member.key == "samples", count > 0 else {
                try write(JSONWriter.member(member.key, member.value, indent: "  ", isLast: isLast))
                continue
            }
            try write("  \"samples\": [\n")
            for (index, sample) in records.enumerated() {
                var record = SampleRecordWriter()
                record.write(sample, writingIndex: writingIndex, isLast: index == count - 1)
                try write(String(decoding: record.bytes, as: UTF8.self))
            }
            try write(isLast ? "  ]\n" : "  ],\n")
        }
        try write("}\n")
    }

    /// The document's members in order, `samples` an empty list that `writeJSON` fills.
    private var frameMembers: [(key: String, value: JSONValue.Kind)] {
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
        if let image = lesson.image {
            lessonMembers.append(
                ("image", object([("width", .number(Double(image.width))), ("height", .number(Double(image.height)))])))
        }

        var members: [(String, JSONValue.Kind)] = [
            ("format", .string(format)),
            ("lesson", object(lessonMembers)),
            ("m", .number(Double(m))),
            ("weights", matrices(weights)),
            ("samples", .array([])),
            ("cost", .number(cost)),
            ("unregularizedCost", .number(unregularizedCost)),
            ("regularization", .number(regularization)),
            ("Delta", matrices(Delta)),
            ("D", matrices(D)),
        ]
        if let accumulation { members.append(("accumulation", accumulation.jsonObject)) }
        if let numericalGradient { members.append(("numericalGradient", matrices(numericalGradient))) }
        if let gradientCheck { members.append(("gradientCheck", gradientCheck.jsonObject)) }
        members += [
            ("updatedWeights", matrices(updatedWeights)),
            ("costAfterUpdate", .number(costAfterUpdate)),
            // Derived, written so readers of the JSON see step 15's numbers (not read back).
            ("costChange", .number(costAfterUpdate - cost)),
            ("appliedGradientSquaredNorm", .number(appliedGradientSquaredNorm)),
            ("predictedCostChange", .number(predictedCostChange)),
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
        if let regressionError { members.append(("regressionError", .number(regressionError))) }
        if let training {
            var run: [(String, JSONValue.Kind)] = [
                ("epochs", .number(Double(training.epochs))), ("costs", vector(training.costs)),
                ("finalWeights", matrices(training.finalWeights)),
            ]
            if let requested = training.requestedEpochs {
                // Written only when the run was cut short, so other traces print as they always have.
                run.append(("requestedEpochs", .number(Double(requested))))
            }
            if let divergence = training.divergence {
                // Written only when training diverged, so a healthy trace prints as it always has.
                run.append(
                    (
                        "divergence",
                        object([
                            ("epoch", .number(Double(divergence.epoch))),
                            ("reason", .string(divergence.reason.rawValue)),
                        ])
                    ))
            }
            members.append(("training", object(run)))
        }
        if let sensitivityProbes {
            members.append(
                (
                    "sensitivityProbes",
                    .array(
                        sensitivityProbes.map { probe in
                            .init(
                                object([
                                    ("sample", .number(Double(probe.sample))), ("layer", .number(Double(probe.layer))),
                                    ("unit", .number(Double(probe.unit))), ("epsilon", .number(probe.epsilon)),
                                    ("lossPlus", .number(probe.lossPlus)), ("lossMinus", .number(probe.lossMinus)),
                                    ("slope", .number(probe.slope)),
                                ]))
                        })
                ))
        }
        return members.map { (key: $0.0, value: $0.1) }
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
        func entries(_ list: [GradientCheck.CheckedEntry]) -> JSONValue.Kind {
            .array(
                list.map { entry in
                    .init(
                        object([
                            ("layer", .number(Double(entry.layer))), ("row", .number(Double(entry.row))),
                            ("column", .number(Double(entry.column))),
                        ]))
                })
        }
        if let checkedEntries { members.append(("checkedEntries", entries(checkedEntries))) }
        if let kinkEntries { members.append(("kinkEntries", entries(kinkEntries))) }
        if let roundoffFloor { members.append(("roundoffFloor", .number(roundoffFloor))) }
        if let differenceNorm { members.append(("differenceNorm", .number(differenceNorm))) }
        return object(members)
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

extension Trace.AccumulationExample {
    /// The example as a JSON object, keys in declaration order (the sign pair only when the
    /// signs differ).
    var jsonObject: JSONValue.Kind {
        var members: [(String, JSONValue.Kind)] = [
            ("layer", .number(Double(layer))), ("row", .number(Double(row))), ("column", .number(Double(column))),
            ("samples", .array(samples.map { .init(.number(Double($0))) })),
            ("gradients", vector(gradients)), ("runningSums", vector(runningSums)),
            ("changesSign", .bool(changesSign)),
        ]
        for (key, pair) in [("firstNegative", firstNegative), ("firstPositive", firstPositive)] {
            guard let pair else { continue }
            members.append((key, object([("sample", .number(Double(pair.sample))), ("value", .number(pair.value))])))
        }
        return object(members)
    }
}
