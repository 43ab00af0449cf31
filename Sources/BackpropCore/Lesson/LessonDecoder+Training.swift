/// The optional fields for `train` and for data sets: `"training"` (scheme, seed, stopping
/// rule) and `"inputDivisor"` (inputs written as whole numbers; `"image"` is decoded in
/// LessonDecoder.swift). Each problem names its JSON path, as the rest of the decoder does.
extension LessonDecoder {
    typealias TrainingFieldError = JSONValue.FieldError

    private static let trainingFix =
        "write e.g. \"training\": {\"scheme\": \"minibatch\", \"batchSize\": 10, \"seed\": 1, \"stop\": {\"epochs\": 20}}"
    private static let stopFix =
        "write e.g. \"stop\": {\"validationRegressionError\": 0.1, \"updates\": 500} (updates and/or epochs, plus an optional threshold)"

    /// `"training"`: `scheme` (batch | stochastic | minibatch, default batch), `batchSize`
    /// (minibatch only, required there), `seed` (default 0) and `stop` (required).
    static func trainingPlan(_ value: JSONValue, trainingCount: Int, validationCount: Int) throws(TrainingFieldError)
        -> TrainingPlan
    {
        _ = try objectMembers(value, "training", allowed: ["scheme", "batchSize", "seed", "stop"], fix: trainingFix)
        let schemeName =
            try value["scheme"].map { v throws(TrainingFieldError) in
                try v.choice(at: "training.scheme", among: TrainingPlan.Scheme.names)
            } ?? "batch"
        let scheme: TrainingPlan.Scheme
        switch (schemeName, value["batchSize"]) {
        case ("minibatch", let sizeValue?):
            let size = try sizeValue.integer(at: "training.batchSize", in: 1...LessonLimits.maximumSamples)
            guard size <= trainingCount else {
                throw TrainingFieldError(
                    sizeValue, "training.batchSize",
                    "a batch of \(size) is more than the \(trainingCount) training samples",
                    fix: "use a batch size from 1 to \(trainingCount), or \"scheme\": \"batch\"")
            }
            scheme = .minibatch(size: size)
        case ("minibatch", nil):
            throw TrainingFieldError(
                value, "training.batchSize", "the minibatch scheme needs a \"batchSize\"",
                fix: "add \"batchSize\": 10 (samples per update)")
        case (_, let sizeValue?):
            throw TrainingFieldError(
                sizeValue, "training.batchSize", "\"batchSize\" only applies to the minibatch scheme",
                fix: "remove it, or set \"scheme\": \"minibatch\"")
        case ("stochastic", nil):
            scheme = .stochastic
        default:
            scheme = .batch
        }
        let seed =
            try value["seed"].map { v throws(TrainingFieldError) in
                try v.integer(at: "training.seed", in: 0...Int(Int32.max))
            } ?? 0
        guard let stopValue = value["stop"] else {
            throw TrainingFieldError(value, "training.stop", "missing field \"stop\"", fix: stopFix)
        }
        let stop = try stoppingRule(stopValue, validationCount: validationCount)
        return TrainingPlan(scheme: scheme, seed: UInt64(seed), stop: stop)
    }

    /// `"stop"`: `validationRegressionError` (> 0, needs validation samples), `updates`,
    /// `epochs`; at least one of the last two.
    private static func stoppingRule(_ value: JSONValue, validationCount: Int) throws(TrainingFieldError)
        -> TrainingPlan.StoppingRule
    {
        _ = try objectMembers(
            value, "training.stop", allowed: ["validationRegressionError", "updates", "epochs"], fix: stopFix)
        var rule = TrainingPlan.StoppingRule()
        if let thresholdValue = value["validationRegressionError"] {
            let threshold = try thresholdValue.number(at: "training.stop.validationRegressionError")
            guard threshold > 0 else {
                throw TrainingFieldError(
                    thresholdValue, "training.stop.validationRegressionError",
                    "must be above 0, found \(JSONValue.text(threshold))", fix: "use a small positive number such as 0.1")
            }
            guard validationCount > 0 else {
                throw TrainingFieldError(
                    thresholdValue, "training.stop.validationRegressionError",
                    "the lesson has no validation samples to measure it on",
                    fix: "add \"validation\": [{\"x\": […], \"y\": […]}, …], or remove the threshold")
            }
            rule.validationRegressionError = threshold
        }
        rule.updates = try value["updates"].map { v throws(TrainingFieldError) in
            try v.integer(at: "training.stop.updates", in: 1...LessonLimits.maximumUpdates)
        }
        rule.epochs = try value["epochs"].map { v throws(TrainingFieldError) in
            try v.integer(at: "training.stop.epochs", in: 1...LessonLimits.maximumEpochs)
        }
        guard rule.updates != nil || rule.epochs != nil else {
            throw TrainingFieldError(
                value, "training.stop", "needs a limit: \"updates\" or \"epochs\" (or both)",
                fix: "add e.g. \"updates\": 500 or \"epochs\": 20, so training always ends")
        }
        return rule
    }

    /// `"inputDivisor"`: a number above 0 that every x of every sample is divided by on loading.
    static func inputDivisor(_ value: JSONValue) throws(TrainingFieldError) -> Double {
        let divisor = try value.number(at: "inputDivisor")
        guard divisor > 0 else {
            throw TrainingFieldError(
                value, "inputDivisor", "must be above 0, found \(JSONValue.text(divisor))",
                fix: "give the number the inputs are divided by, e.g. 16 for pixel counts 0–16")
        }
        return divisor
    }

    /// The members of an object at `path`, refusing any key not in `allowed`.
    private static func objectMembers(_ value: JSONValue, _ path: String, allowed: [String], fix: String)
        throws(TrainingFieldError) -> [(key: String, value: JSONValue)]
    {
        guard case .object(let members) = value.kind else {
            throw TrainingFieldError(value, path, "expected an object, found \(value.typeDescription)", fix: fix)
        }
        if let extra = members.first(where: { !allowed.contains($0.key) }) {
            let suggestion =
                Suggestion.closest(to: extra.key, among: allowed).map { "did you mean \"\($0)\"? " } ?? ""
            throw TrainingFieldError(
                extra.value, "\(path).\(extra.key)", "unknown field \"\(extra.key)\"",
                fix: "\(suggestion)known fields are " + allowed.joined(separator: ", "))
        }
        return members.map { (key: $0.key, value: $0.value) }
    }
}
