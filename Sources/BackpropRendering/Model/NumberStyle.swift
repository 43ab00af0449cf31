/// How one number in a `Math` tree is printed. The narrator never formats numbers into
/// strings: it picks a style, and every renderer formats the `Double` through `NumberFormat`.
///
/// The narrator writes `.document` for trace values; before printing, a renderer turns every
/// `.document` number into the concrete style it prints in (`NumberFormat.displayed(_:)`), so
/// the numbers of one matrix, one table column or one substituted line are shown together.
public enum NumberStyle: Equatable, Sendable {
    /// The document's rule (`NumberFormat`): `--precision` decimals, at least 3 significant
    /// digits, whole only when whole.
    case document
    /// Fixed point with exactly this many decimals whatever the document's precision (a probe
    /// shown to 12 decimals, so two nearby costs can be told apart).
    case fixed(Int)
    /// Scientific notation with this many significant digits, for tiny differences
    /// (`2.4669e-11`; LaTeX prints `2.4669{\times}10^{-11}`).
    case scientific(Int)
    /// The shortest text that reads back as the same `Double` (the lesson's ε as given).
    case roundTrip
    /// A number the lesson gives (an input, a target): printed exactly, with the fewest
    /// decimals that show it (`0.05`, a one-hot `1` and `0`), the same for every number of one
    /// vector (`[0.05; 0.10]`); by the document's rule when that needs more than
    /// `NumberFormat.givenMostDecimals`.
    case given
    /// A number the learner is to work out (a worksheet's question): printed as an empty box
    /// as wide as the number would be by the document's rule. The value stays, for the key.
    case blank

    /// The same style with `count` more digits (decimals, or significant digits), or nil when
    /// that would pass `NumberFormat.mostDigits` or the style has no digits to add.
    public func withMoreDigits(_ count: Int) -> NumberStyle? {
        switch self {
        case .fixed(let places): return places + count <= NumberFormat.mostDigits ? .fixed(places + count) : nil
        case .scientific(let digits):
            return digits + count <= NumberFormat.mostDigits + 1 ? .scientific(digits + count) : nil
        case .document, .roundTrip, .given, .blank: return count == 0 ? self : nil
        }
    }
}

extension NumberFormat {
    /// `value` printed in `style`; `.document` by this formatter's rule for a number alone.
    public func string(_ value: Double, style: NumberStyle) -> String {
        switch style {
        case .document, .blank: return string(value)
        case .given: return string(value, style: givenStyle(for: [value]))
        case .fixed, .scientific, .roundTrip: return Self.text(value, style: style)
        }
    }
}
