import Foundation
import Testing

/// Whether `actual` and `expected` agree to a relative tolerance, with an absolute floor for
/// values near zero: |actual − expected| ≤ max(relative · max(|actual|, |expected|), absolute).
///
/// The shape of swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`.
/// A non-finite value is never close to anything, itself included.
public func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0) -> Bool {
    guard actual.isFinite, expected.isFinite else { return false }
    return abs(actual - expected) <= max(relative * max(abs(actual), abs(expected)), absolute)
}

/// Expects `actual` to be close to `expected` (see `isClose`), printing both on failure.
public func expectClose(
    _ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0,
    _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(actual, expected, relative: relative, absolute: absolute),
        "\(label) actual \(actual) vs expected \(expected) (relative \(relative), absolute \(absolute))",
        sourceLocation: sourceLocation)
}

/// Expects `actual` to match a published decimal to every digit printed: the difference is at
/// most half a unit in the last printed digit (e.g. "0.593269992" allows ±5e-10).
public func expectMatchesPublished(
    _ actual: Double, _ published: String, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let decimals = published.split(separator: ".").last.map(\.count) ?? 0
    let halfUnit = 0.5 * pow(10, -Double(decimals))
    guard let value = Double(published) else {
        Issue.record("bad published value \(published)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(actual - value) <= halfUnit,
        "\(label) \(actual) does not round to the published \(published) (|difference| = \(abs(actual - value)) > \(halfUnit))",
        sourceLocation: sourceLocation)
}
