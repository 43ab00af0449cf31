import BackpropCore
import BackpropTestSupport
import BackpropTutorCLI
import Testing

/// `check` on saturated units (the round-3 truth review's M1, its probe lesson `saturate`):
/// backprop is right, but the gradients are near 1e-13, below what central differences
/// resolve, so the relative difference is 2e-7. The check says it is inconclusive and exits 0,
/// where it used to print FAILS and exit 1; a kink is counted in `trace --format text` (F3).
@Suite("check at the roundoff floor")
struct InconclusiveCheckTests {
    @Test("check exits 0 and says why it cannot judge")
    func saturated() {
        let result = BackpropTutor.execute(["check", "--lesson", LessonFixtures.reviewURL("saturate").path])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let text = result.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("(inconclusive)"), "\(text)")
        #expect(text.contains("Inconclusive, not failed"))
        #expect(!text.contains("FAILS"))
    }

    @Test("trace --format text counts the weights the relative difference covers")
    func kinkCount() {
        let result = BackpropTutor.execute(["trace", "--lesson", LessonFixtures.reviewURL("at-kink").path, "--format", "text"])
        #expect(result.exitCode == 0)
        let text = result.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("6 of 9 parameters; 3 at a ReLU kink left out"), "\(text)")
    }
}
