extension Lesson {
    /// Whether the lesson sorts samples into classes: it names its classes, or every target
    /// (training, validation, test) is one-hot, or 0 or 1 for a single output unit. Such
    /// lessons get accuracies and a confusion matrix from `train`.
    public var isClassification: Bool {
        if classes != nil { return true }
        let targets = (samples + validationSamples + testSamples).map(\.y)
        return targets.allSatisfy { y in
            if y.count == 1 { return y[0] == 0 || y[0] == 1 }
            return y.allSatisfy { $0 == 0 || $0 == 1 } && y.filter { $0 == 1 }.count == 1
        }
    }

    /// The class names: the lesson's own, else `0` and `1` for a single output unit, else
    /// `unit 1` … `unit n` (class k is output unit k).
    public var classNames: [String] {
        if let classes { return classes }
        let outputs = network.layerSizes[network.layerCount - 1]
        return outputs == 1 ? ["0", "1"] : (1...outputs).map { "unit \($0)" }
    }
}
