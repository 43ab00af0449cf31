import Testing

@testable import BackpropCore

@Suite("Suggestion")
struct SuggestionTests {
    @Test("edit distance counts insertions, deletions and substitutions")
    func distance() {
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("abc", "") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("step", "stpe") == 2)
        #expect(Suggestion.editDistance("same", "same") == 0)
    }

    @Test("the closest candidate within the limit, case-insensitively, or nothing")
    func closest() {
        #expect(Suggestion.closest(to: "lerningRate", among: ["layers", "learningRate"]) == "learningRate")
        #expect(Suggestion.closest(to: "LAYERS", among: ["layers", "loss"]) == "layers")
        #expect(Suggestion.closest(to: "zzzzzzzz", among: ["layers", "loss"]) == nil)
    }
}
