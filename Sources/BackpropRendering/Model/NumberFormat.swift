import Foundation

/// The one number formatter for everything a learner sees.
///
/// The rule, for `decimals` = P (`--precision`, default 4):
/// - **P decimals, and at least 3 significant digits.** A number is printed in fixed point with
///   P decimals when that leaves it 3 significant digits (`0.5933`, `0.0146`); a smaller one gets
///   the decimals it needs for 3, up to P + 2 (`0.00877`, `0.000439`); below that it is printed in
///   scientific form with 3 significant digits (`-3.05e-06`), so a vanishing gradient is never
///   hidden as 0. A learner who asks for fewer than 3 decimals gets that many significant digits
///   instead (`--precision 2`: `0.12`, `0.00044`; `--precision 0`: `0.7`, `0.05`, `2`).
/// - **Exactly 0 prints as 0** with P decimals (`0.0000`, never `-0.0000`).
/// - **A number is printed as a whole number only when it is one**: 0.99999774 is `0.999998`,
///   not `1.0000`, so `1 − a` can be checked; it gets the decimals it needs, up to 16.
/// - **Magnitudes of a million and more** print in scientific form (`4.79e+08`).
/// - In scientific form a number keeps 3 significant digits, or P − 1 when that is more
///   (`--precision 9`: `3.0500000e-06`).
///
/// How numbers that belong together are shown (one matrix, one table column, one substituted
/// line and its result) is decided in `NumberFormat+Display.swift`, from the same rule.
/// Deterministic: no locale is consulted.
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

    /// How many decimals beyond the document's a small number may take for its significant
    /// digits before it is printed in scientific form (0.000439 at 4 decimals, not 4.39e-04).
    public static let extraDecimals = 2

    /// The most digits after the point (or in a mantissa) anything prints with: a double holds
    /// about 16 significant digits.
    public static let mostDigits = 16

    /// Significant digits in scientific form.
    public var scientificDigits: Int { max(significantDigits, decimals - 1) }

    /// `value` printed alone, by the rule above (`0.5933`, `0.000439`, `-3.05e-06`).
    public func string(_ value: Double) -> String {
        Self.text(value, style: style(for: [value]))
    }

    /// The style in which all of `values` print alike: fixed point with the decimals the
    /// neediest value asks for, or, when one of them needs scientific form, all in scientific
    /// form; in either, as many more digits as it takes for no value that is not whole to print
    /// as a whole number.
    public func style(for values: [Double]) -> NumberStyle {
        let shown = values.filter { $0.isFinite && $0 != 0 }
        guard !shown.isEmpty else { return .fixed(decimals) }
        var decimalsNeeded = decimals
        var scientific = false
        for value in shown {
            if abs(value) >= Self.largestFixed {
                scientific = true
                continue
            }
            let needed = significantDigits - 1 - Self.exponent(of: value, significant: significantDigits)
            if needed > decimals + Self.extraDecimals { scientific = true }
            decimalsNeeded = max(decimalsNeeded, needed)
        }
        var style: NumberStyle = scientific ? .scientific(scientificDigits) : .fixed(decimalsNeeded)
        // No value that is not whole prints as a whole number (1 − a with a = 0.99999774).
        while shown.contains(where: { Self.looksWhole($0, in: style) }), let more = style.withMoreDigits(1) {
            style = more
        }
        return style
    }

    /// The most decimals a given number (an input, a target) is printed with exactly.
    public static let givenMostDecimals = 6

    /// The style in which all of `values`, given by the lesson, print exactly and alike: fixed
    /// point with the fewest decimals that show each of them exactly (`0.05` and `0.10`; `1` and
    /// `0`), or the document's rule (`style(for:)`) when one needs more decimals than the
    /// document shows (at least 2) or than `givenMostDecimals`: a data set's scaled inputs
    /// (0.790278) print as the trace's numbers do, a hand example's (0.05) as written.
    public func givenStyle(for values: [Double]) -> NumberStyle {
        exactGivenStyle(for: values) ?? style(for: values)
    }

    /// The fixed style that shows every one of `values` exactly within the decimals allowed
    /// (see `givenStyle`), or nil when one needs more: then they are printed as trace numbers.
    func exactGivenStyle(for values: [Double]) -> NumberStyle? {
        var places = 0
        let most = min(Self.givenMostDecimals, max(decimals, 2))
        for value in values where value.isFinite {
            guard
                let exact = (0...most).first(where: {
                    Double(String(format: "%.\($0)f", value)) == value
                })
            else { return nil }
            places = max(places, exact)
        }
        return .fixed(places)
    }

    /// Whether `value`, which is not a whole number, prints as one in `style`.
    static func looksWhole(_ value: Double, in style: NumberStyle) -> Bool {
        guard value != value.rounded(), let read = Double(text(value, style: style)) else { return false }
        return read == read.rounded()
    }

    /// The power of ten of `value`'s leading digit once rounded to `significant` digits
    /// (0.00099996 → −3: it rounds to 1.00e-03).
    static func exponent(of value: Double, significant: Int) -> Int {
        let text = String(format: "%.\(max(0, significant - 1))e", value)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return 0 }
        return exponent
    }

    /// `value` in a concrete style: fixed point with exactly that many decimals (zero without
    /// a sign), scientific with that many significant digits, or the shortest round trip
    /// (`.document`, which needs the document's decimals, is printed at the default 4).
    static func text(_ value: Double, style: NumberStyle) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        switch style {
        case .fixed(let places):
            let text = String(format: "%.\(max(0, min(17, places)))f", value)
            let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
            return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
        case .scientific(let significant):
            return String(format: "%.\(max(0, min(16, significant - 1)))e", value)
        case .roundTrip:
            return roundTrip(value)
        case .document, .given, .blank:
            return NumberFormat().string(value, style: style)
        }
    }

    /// Scientific notation with `significant` digits, e.g. `2.4669e-11`, for tiny differences;
    /// zero as `0` (a count of zero, not a measurement).
    public static func scientific(_ value: Double, significant: Int = 5) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        return String(format: "%.\(max(0, significant - 1))e", value)
    }

    /// Scientific notation without the exponent's padding, for constants such as bars and ε:
    /// `1e-7`, `2.5e-3`; `NaN` and `∞` as `scientific` writes them.
    public static func compactScientific(_ value: Double, significant: Int = 1) -> String {
        compactExponent(scientific(value, significant: significant))
    }

    /// `text` with its exponent's padding and plus sign dropped: 1e-09 → 1e-9, 2.5e+03 → 2.5e3.
    static func compactExponent(_ text: String) -> String {
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

    /// The shortest text that reads back as the same `Double` (for "full precision" output and
    /// the lesson's own constants), written as a person writes it: a whole number without ".0"
    /// (λ = 3, η = 1) and an exponent without padding (1e-9, not 1e-09).
    public static func roundTrip(_ value: Double) -> String {
        if value == 0 { return "0" }
        let text = value.description
        if text.hasSuffix(".0") { return String(text.dropLast(2)) }
        return text.contains("e") ? compactExponent(text) : text
    }
}
