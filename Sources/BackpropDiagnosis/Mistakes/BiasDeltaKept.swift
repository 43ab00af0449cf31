import BackpropCore

/// `bias-column-kept`: the hidden δ keeps the bias unit's entry δ₀ (ex4's delta_2(1) not dropped).
public struct BiasDeltaKept: Mistake {
    public init() {}
    public var id: String { "bias-column-kept" }
    public var explanation: String { "the hidden δ keeps the bias unit's entry δ₀; drop it (ex4: delta_2 = delta_2(2:end))" }
    public var changes: String { "the hidden δ" }
    public var keepsBiasDelta: Bool { true }
}
