import Foundation

/// The one number formatter for everything a learner sees.
///
/// Fixed-point with a given number of decimals; zero prints as `0.0000` (never `-0.0000`). A
/// value that is not zero but too small to show at that precision is never printed as zero:
/// it keeps `tinySignificantDigits` significant digits in scientific form (`-3.05e-06`), so a
/// learner can tell a vanishing gradient from an exact 0; magnitudes of a million and more print
/// the same way (`4.79e+08`). Deterministic: no locale is consulted.
public struct NumberFormat: Equatable, Sendable {
    /// Digits after the decimal point.
    public var decimals: Int

    /// A formatter with `decimals` digits after the point (0…17).
    public init(decimals: Int = 4) {
        self.decimals = max(0, min(17, decimals))
    }

    /// Magnitudes from which fixed point gives way to scientific form (a diverging cost of
    /// 3.4e+08 reads better than nine digits and four zeros).
    public static let largestFixed = 1e6

    /// Significant digits of a non-zero value too small for the fixed-point precision, or
    /// too large for fixed point.
    public static let tinySignificantDigits = 3

    /// `value` in fixed point, e.g. `0.5933`; `0.0000` for zero; scientific (`3.05e-06`) for a
    /// non-zero value that would round to zero.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if abs(value) >= Self.largestFixed { return Self.scientific(value, significant: Self.tinySignificantDigits) }
        let text = String(format: "%.\(decimals)f", value)
        let digits = text.filter { $0 != "-" && $0 != "." }
        guard digits.allSatisfy({ $0 == "0" }) else { return text }
        if value == 0 { return text.hasPrefix("-") ? String(text.dropFirst()) : text }
        return Self.scientific(value, significant: Self.tinySignificantDigits)
    }

    /// Scientific notation with `significant` digits, e.g. `2.4669e-11`, for tiny differences.
    public static func scientific(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        return String(format: "%.\(max(0, significant - 1))e", value)
    }

    /// Scientific notation without the exponent's padding, for constants such as bars and ε:
    /// `1e-7`, `2.5e-3`; `NaN` and `∞` as `scientific` writes them.
    public static func compactScientific(_ value: Double, significant: Int = 1) -> String {
        let text = scientific(value, significant: significant)
        guard let e = text.firstIndex(of: "e") else { return text }
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if let first = exponent.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return text[..<e] + "e" + sign + (digits.isEmpty ? "0" : String(digits))
    }

    /// The shortest text that reads back as the same `Double` (for "full precision" output).
    public static func roundTrip(_ value: Double) -> String {
        value == 0 ? "0" : value.description
    }
}
