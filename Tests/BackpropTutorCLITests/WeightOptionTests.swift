import BackpropTutorCLI
import Testing

/// `--weight NAME`: the weight steps 9 and 11 derive, checked against Mazur's published
/// updates (∂E/∂w = (w − w⁺)/η with η = 0.5: w6 0.45 → 0.408666186, w4 0.30 → 0.29950229).
@Suite("--weight")
struct WeightOptionTests {
    @Test(
        "step 9 derives the chosen output weight, named in Mazur's, Ng's or ASCII spelling",
        arguments: [("mazur", "w6"), ("mazur", "w₆"), ("ng", "Theta(2)_12"), ("ng", "Θ⁽²⁾₁₂"), ("nielsen", "w6")])
    func outputWeight(_ notation: String, _ name: String) {
        let output = BackpropTutor.execute([
            "step", "9", "--lesson", "mazur", "--notation", notation, "--precision", "9", "--weight", name,
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        // (0.45 − 0.408666186) / 0.5 = 0.082667628, Mazur's w6 update read backwards.
        #expect(output.standardOutput.contains("0.08266762"), "\(output.standardOutput)")
        #expect(!output.standardOutput.contains("0.082167041"))  // not w5's
    }

    @Test("step 11 derives the chosen hidden weight")
    func hiddenWeight() {
        let output = BackpropTutor.execute([
            "step", "11", "--lesson", "mazur", "--notation", "mazur", "--precision", "9", "--weight", "w4",
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("∂Eₜₒₜₐₗ/∂w₄"))
        // (0.30 − 0.29950229) / 0.5 = 0.00099542.
        #expect(output.standardOutput.contains("0.00099542"), "\(output.standardOutput)")
    }

    @Test("without --weight the steps keep the weight from unit 1 to unit 1")
    func defaultWeight() {
        let output = BackpropTutor.execute(["step", "9", "--lesson", "mazur", "--notation", "mazur", "--precision", "9"])
        #expect(output.standardOutput.contains("∂Eₜₒₜₐₗ/∂w₅"))
        #expect(output.standardOutput.contains("0.082167041"))
    }

    @Test("a name that is no derivable weight is a usage error naming some that are")
    func refusals() {
        expectUsageError(["step", "9", "--lesson", "mazur", "--weight", "w99"], mentioning: "no weight of this 2-2-2 network")
        expectUsageError(
            ["step", "9", "--lesson", "ng-lecture", "--weight", "Theta(1)_11"], mentioning: "leads into an earlier layer")
        expectUsageError(["export", "--format", "html", "--lesson", "mazur", "--weight", ""], mentioning: "--weight")
    }
}
