/// "Did you mean …?" for misspelt field names, commands and options.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (case-insensitive), if within
    /// `maximumDistance` edits; the first such candidate on ties.
    ///
    /// Linear in `word`'s length: a word longer than every candidate by more than
    /// `maximumDistance` cannot be within it, so a huge unknown key costs no edit-distance work.
    public static func closest(to word: String, among candidates: [String], maximumDistance: Int = 3) -> String? {
        let longest = candidates.map(\.count).max() ?? 0
        guard word.utf8.count <= 4 * (longest + maximumDistance), word.count <= longest + maximumDistance else {
            return nil
        }
        let lowered = word.lowercased()
        let scored = candidates.map { (candidate: $0, distance: editDistance($0.lowercased(), lowered)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= maximumDistance else {
            return nil
        }
        return best.candidate
    }

    /// Levenshtein distance: insertions, deletions and substitutions of Characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
