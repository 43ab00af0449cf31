/// How one number in a `Math` tree is printed. The narrator never formats numbers into
/// strings: it picks a style, and every renderer formats the `Double` through `NumberFormat`.
public enum NumberStyle: Equatable, Sendable {
    /// The document's precision: the renderer's `decimals` (`--precision`).
    case document
    /// Fixed point with this many decimals whatever the document's precision (a probe shown to
    /// 12 decimals, so two nearby costs can be told apart).
    case fixed(Int)
    /// Scientific notation with this many significant digits, for tiny differences
    /// (`2.4669e-11`; LaTeX prints `2.4669 \times 10^{-11}`).
    case scientific(Int)
    /// The shortest text that reads back as the same `Double` (the lesson's ε as given).
    case roundTrip
}

extension NumberFormat {
    /// `value` printed in `style`, with this formatter's decimals for `.document`.
    public func string(_ value: Double, style: NumberStyle) -> String {
        switch style {
        case .document: return string(value)
        case .fixed(let decimals): return NumberFormat(decimals: decimals).string(value)
        case .scientific(let significant): return Self.scientific(value, significant: significant)
        case .roundTrip: return Self.roundTrip(value)
        }
    }
}
