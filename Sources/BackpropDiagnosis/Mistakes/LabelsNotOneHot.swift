import BackpropCore

/// `labels-not-one-hot`: y used as the class number (ex4's y(t) = 3) instead of a one-hot vector.
public struct LabelsNotOneHot: Mistake {
    public init() {}
    public var id: String { "labels-not-one-hot" }
    public var explanation: String { "the label is used as a number (y = 3) instead of a one-hot vector (y = [0; 0; 1; …])" }
    public var changes: String { "J and δ⁽ᴸ⁾" }
    public func target(oneHot: [Double], classNumber: Int) -> [Double] {
        Array(repeating: Double(classNumber), count: oneHot.count)
    }
}
