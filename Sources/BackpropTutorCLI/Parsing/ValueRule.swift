/// What a numeric option accepts, checked by the scanner so that every command reports a bad
/// number the same way (a usage error, exit 64, naming what is allowed), in the spirit of
/// swift-argument-parser's `ExpressibleByArgument`.
public enum ValueRule: Equatable, Sendable {
    /// A whole number in `range`, written in decimal digits.
    case wholeNumber(ClosedRange<Int>)
    /// A whole number from 0 to 2⁶⁴ − 1 (seeds).
    case unsigned
    /// A finite decimal number of at least `minimum`, written as 0.1, 2, 1e-3 (no hexadecimal,
    /// no inf or nan).
    case decimal(atLeast: Double)
    /// A sample: `K`, `test:K` or `validation:K` with K a whole number of at least 1
    /// (`SampleReference`).
    case sampleReference

    /// Why `text` is not allowed, or nil when it is.
    public func problem(with text: String) -> String? {
        switch self {
        case .wholeNumber(let range):
            guard let value = Self.wholeNumber(text), range.contains(value) else {
                return range.upperBound == Int.max
                    ? "a whole number of at least \(range.lowerBound)"
                    : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .unsigned:
            return Self.unsigned(text) == nil ? "a whole number from 0 to \(UInt64.max)" : nil
        case .decimal(let minimum):
            guard let value = Self.decimal(text), value >= minimum else {
                return "a number of at least \(minimum == 0 ? "0" : String(minimum)), such as 0.1"
            }
            return nil
        case .sampleReference:
            return SampleReference.parse(text) == nil ? SampleReference.form : nil
        }
    }

    /// `text` as a whole number written in ASCII digits (an optional leading minus), or nil.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `text` as an unsigned whole number written in ASCII digits, or nil.
    static func unsigned(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(text)
    }

    /// `text` as a finite decimal number (digits, one point, an exponent), or nil: Swift's
    /// `Double(_:)` alone would also take `0x1p3`, `inf` and `nan`.
    static func decimal(_ text: String) -> Double? {
        guard text.wholeMatch(of: /[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?/) != nil,
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}

extension TypedOption where Value == Int {
    /// A whole-number option, checked against `range` by the scanner.
    public init(name: String, valueName: String, range: ClosedRange<Int>, summary: String) {
        self.init(OptionSpec(name: name, valueName: valueName, rule: .wholeNumber(range), summary: summary)) {
            ValueRule.wholeNumber($0)
        }
    }
}

extension TypedOption where Value == UInt64 {
    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    public init(seedNamed name: String, valueName: String, summary: String) {
        self.init(OptionSpec(name: name, valueName: valueName, rule: .unsigned, summary: summary)) {
            ValueRule.unsigned($0)
        }
    }
}

extension TypedOption where Value == Double {
    /// A decimal option of at least `minimum`.
    public init(name: String, valueName: String, atLeast minimum: Double, summary: String) {
        self.init(OptionSpec(name: name, valueName: valueName, rule: .decimal(atLeast: minimum), summary: summary)) {
            ValueRule.decimal($0)
        }
    }
}
