/// Where a long displayed expression may break: before its top-level operators.
///
/// The one segmenter for the text renderer and `EquationLayout`; each packs the segments into
/// lines its own way. Nested rows are juxtaposition only (grouping is explicit in
/// `.parenthesized`), so they are flattened to find more places to break, and semantic nodes
/// are seen through their `layout`.
enum OperatorBreaking {
    /// The items of `expression` with nested rows flattened, or nil when it is not a row
    /// (a single matrix, a fraction: nothing to break).
    static func items(of expression: Math) -> [Math]? {
        guard case .row = expression.layout else { return nil }
        func flattened(_ math: Math) -> [Math] {
            if case .row(let inner) = math.layout { return inner.flatMap(flattened) }
            return [math]
        }
        return flattened(expression)
    }

    /// `items` cut into segments that each start at an operator (the first may not). A break
    /// comes before +, −, ⊙ and the other operators; a product (·) stays with its factors
    /// unless its segment alone is wider than `available` (in the caller's unit of `width`).
    static func segments(_ items: [Math], available: Double, width: (Math) -> Double) -> [[Math]] {
        func split(_ items: [Math], atProducts: Bool) -> [[Math]] {
            var segments: [[Math]] = [[]]
            for item in items {
                if case .op(let op) = item, !(segments.last ?? []).isEmpty, atProducts || op != .product {
                    segments.append([])
                }
                segments[segments.count - 1].append(item)
            }
            return segments
        }
        return split(items, atProducts: false).flatMap { segment -> [[Math]] in
            segment.reduce(0) { $0 + width($1) } > available ? split(segment, atProducts: true) : [segment]
        }
    }
}
