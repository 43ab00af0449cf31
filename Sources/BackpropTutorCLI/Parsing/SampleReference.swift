/// The value of `--sample`: a training sample's number `K`, or `test:K` / `validation:K` for a
/// held-out sample (numbers from 1 within the set, as `train` lists misclassified test samples).
public struct SampleReference: Equatable, Sendable {
    /// Which set the sample is in.
    public enum SampleSet: String, CaseIterable, Sendable {
        case training, validation, test
    }

    /// The set.
    public var set: SampleSet
    /// The sample's number within its set, from 1.
    public var number: Int

    /// A reference.
    public init(set: SampleSet, number: Int) {
        self.set = set
        self.number = number
    }

    /// What `--sample` accepts, for messages.
    static let form = "a sample number K of at least 1, or test:K or validation:K for a held-out sample"

    /// `K`, `training:K`, `validation:K` or `test:K` (K ≥ 1 in ASCII digits), else nil.
    static func parse(_ text: String) -> SampleReference? {
        var set = SampleSet.training
        var digits = Substring(text)
        if let colon = text.firstIndex(of: ":") {
            guard let named = SampleSet(rawValue: String(text[..<colon])) else { return nil }
            set = named
            digits = text[text.index(after: colon)...]
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(digits), number >= 1
        else { return nil }
        return SampleReference(set: set, number: number)
    }
}

extension TypedOption where Value == SampleReference {
    /// `--sample`: a training sample's number or `test:K` / `validation:K`, checked by the scanner.
    init(sampleNamed name: String, summary: String) {
        self.init(OptionSpec(name: name, valueName: "K|test:K|validation:K", rule: .sampleReference, summary: summary))
        {
            SampleReference.parse($0)
        }
    }
}
