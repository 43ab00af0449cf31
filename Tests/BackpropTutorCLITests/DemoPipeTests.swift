import BackpropTutorCLI
import Testing

/// `demo` where no one is at a terminal (a pipe, CI): the whole lesson as text.
@Suite("demo in a pipe")
struct DemoPipeTests {
    @Test("prints all 15 steps in order, exactly as `lesson` does, and exits 0", arguments: ["ng-lecture", "15-steps"])
    func pipe(lesson: String) {
        let demo = BackpropTutor.execute(["demo", "--lesson", lesson])
        #expect(demo.exitCode == 0)
        #expect(demo.standardError.isEmpty)
        let text = demo.standardOutput
        var position = text.startIndex
        for step in 1...15 {
            let heading = text.range(of: "Step \(step) · ", range: position..<text.endIndex)
            #expect(heading != nil, "step \(step) missing or out of order")
            position = heading?.upperBound ?? position
        }
        #expect(text == BackpropTutor.execute(["lesson", "--lesson", lesson]).standardOutput)
    }

    @Test("a usage error names demo")
    func usage() {
        expectUsageError(["demo", "3"], mentioning: "unexpected argument '3' for 'demo'")
        expectUsageError(["demo", "--sample", "0"], mentioning: "--sample")
    }
}
