import Foundation
import Testing

@testable import BackpropTutorCLI

/// The lesson's own numbers print as given wherever they appear (issue 20), not only in step 6.
@Suite struct GivenNumbersTests {
    @Test("train's table of outputs shows each sample's x and y as the lesson gives them")
    func trainOutputs() {
        let output = BackpropTutor.execute(["train", "--lesson", "xor", "--epochs", "2"])
        #expect(output.exitCode == 0)
        let rows = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("[0  1]") && $0.contains("[1]") }, "\(output.standardOutput.suffix(600))")
        #expect(!output.standardOutput.contains("[0.0000  1.0000]"))
    }

    @Test("step 12's outer product shows the input x as given, the bias 1 with it")
    func stepTwelveInputs() {
        let output = BackpropTutor.execute(["step", "12"])
        #expect(output.standardOutput.contains("[1.0  0.5  1.0]"), "\(output.standardOutput.prefix(1500))")
    }
}
