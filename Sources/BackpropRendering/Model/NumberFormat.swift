import Foundation

/// The one number formatter for everything a learner sees.
///
/// Fixed-point with a given number of decimals; a result that rounds to zero prints without a
/// minus sign (`-0.0000` prints as `0.0000`). Deterministic: no locale is consulted.
public struct NumberFormat: Equatable, Sendable {
    /// Digits after the decimal point.
    public var decimals: Int

    /// A formatter with `decimals` digits after the point (0…17).
    public init(decimals: Int = 4) {
        self.decimals = max(0, min(17, decimals))
    }

    /// `value` in fixed point, e.g. `0.5933`; never `-0.0000`.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return text
    }

    /// Scientific notation with `significant` digits, e.g. `2.4669e-11`, for tiny differences.
    public static func scientific(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        return String(format: "%.\(max(0, significant - 1))e", value)
    }

    /// The shortest text that reads back as the same `Double` (for "full precision" output).
    public static func roundTrip(_ value: Double) -> String {
        value == 0 ? "0" : value.description
    }
}
