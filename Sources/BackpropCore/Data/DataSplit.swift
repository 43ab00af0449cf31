/// How `import` shares samples between the training, validation and test sets: percentages
/// such as 70/15/15, seeded and stratified by class.
///
/// Each class's samples (in file order) are shuffled with the repository's SplitMix64
/// (`shuffled`, one generator seeded once, classes taken in class order); the first
/// round(n · training / 100) go to training, the next round(n · validation / 100) to
/// validation, the rest to test. Each set then keeps file order. So every class is shared in
/// the same proportions, the same seed gives the same sets on every platform, and
/// `100/0/0` keeps every sample in file order whatever the seed.
public struct DataSplit: Equatable, Sendable {
    /// Percent of each class for training.
    public var training: Int
    /// Percent for validation.
    public var validation: Int
    /// Percent for testing.
    public var test: Int

    /// Three percentages that add up to 100.
    public init?(training: Int, validation: Int, test: Int) {
        guard training > 0, validation >= 0, test >= 0, training + validation + test == 100 else { return nil }
        self.init(checked: (training, validation, test))
    }

    private init(checked parts: (Int, Int, Int)) {
        (training, validation, test) = parts
    }

    /// `70/15/15`, `80/20` (no test set) or `100`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        let values = parts.map { $0 ?? 0 } + Array(repeating: 0, count: 3 - parts.count)
        self.init(training: values[0], validation: values[1], test: values[2])
    }

    /// All samples for training.
    public static let all = DataSplit(checked: (100, 0, 0))

    /// `70/15/15`.
    public var description: String { "\(training)/\(validation)/\(test)" }

    /// The sample indices (0-based, file order) of each set, for samples of classes
    /// `classIndices` (one per sample, 0 ..< classCount).
    public func assign(classIndices: [Int], classCount: Int, seed: UInt64) -> (
        training: [Int], validation: [Int], test: [Int]
    ) {
        var members = Array(repeating: [Int](), count: classCount)
        for (sample, label) in classIndices.enumerated() { members[label].append(sample) }
        var generator = SplitMix64(seed: seed)
        var sets: ([Int], [Int], [Int]) = ([], [], [])
        for list in members {
            let order = training == 100 ? list : generator.shuffled(list)
            let n = Double(list.count)
            let trainingCount = min(Int((n * Double(training) / 100).rounded()), list.count)
            let validationCount = min(Int((n * Double(validation) / 100).rounded()), list.count - trainingCount)
            sets.0 += order[..<trainingCount]
            sets.1 += order[trainingCount..<(trainingCount + validationCount)]
            sets.2 += order[(trainingCount + validationCount)...]
        }
        return (sets.0.sorted(), sets.1.sorted(), sets.2.sorted())
    }
}
