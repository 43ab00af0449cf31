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

    /// The names of the classes a prediction can fall in, one per row of a confusion matrix:
    /// for several output units the lesson's own names (else `unit 1` … `unit n`; class k is
    /// output unit k); for a single output unit, which answers yes or no, two classes: `not X`
    /// and `X` for a lesson that names its class X, else `0` and `1`.
    public var classNames: [String] {
        let outputs = network.layerSizes[network.layerCount - 1]
        if outputs == 1 {
            guard let name = classes?.first else { return ["0", "1"] }
            return ["not " + name, name]
        }
        if let classes, classes.count == outputs { return classes }
        return (1...outputs).map { "unit \($0)" }
    }
}
