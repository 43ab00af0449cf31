import BackpropCore
import BackpropTestSupport
import BackpropTutorCLI
import Foundation
import Testing

@Suite("BackpropTutor.execute")
struct BackpropTutorTests {
    @Test(
        "help and version exit 0 with text on stdout only",
        arguments: [
            ["--help"], ["-h"], [], ["help"], ["help", "trace"], ["trace", "--help"], ["--version"],
        ])
    func helpAndVersion(_ arguments: [String]) {
        let output = BackpropTutor.execute(arguments)
        #expect(output.exitCode == 0)
        #expect(output.standardError.isEmpty)
        #expect(!output.standardOutput.isEmpty)
        if arguments == ["--version"] {
            #expect(output.standardOutput == "backprop-tutor \(BackpropTutor.version)\n")
        } else if arguments.contains("trace") {
            #expect(output.standardOutput.hasPrefix("usage: backprop-tutor trace"))
        } else {
            #expect(output.standardOutput == CommandTable.help)
        }
    }

    @Test(
        "usage errors exit 64 with one message line and a usage line",
        arguments: [
            (["frobnicate"], "unknown command 'frobnicate'"),
            (["trace", "--colour"], "unknown option '--colour'"),
            (["trace", "--lesson"], "needs a value"),
            (["trace", "--format", "xml"], "'xml' is not a valid value for '--format'"),
            (["trace", "--samples", "0"], "'--samples' takes a whole number"),
            (["step", "0"], "not '0'"),
            (["step", "16"], "not '16'"),
            (["step", "twelve"], "not 'twelve'"),
            (["step"], "not nothing"),
            (["lessons", "extra"], "unexpected argument 'extra'"),
            (["help", "nope"], "no command named 'nope'"),
        ])
    func usageErrors(_ arguments: [String], _ fragment: String) {
        expectUsageError(arguments, mentioning: fragment)
    }

    @Test("trace --format json is deterministic and is the trace's JSON")
    func traceJSONDeterministic() throws {
        let arguments = ["trace", "--lesson", "mazur", "--format", "json"]
        let first = BackpropTutor.execute(arguments)
        let second = BackpropTutor.execute(arguments)
        #expect(first.exitCode == 0)
        #expect(first == second)
        #expect(Array(first.standardOutput.utf8) == Array(second.standardOutput.utf8))
        let trace = try JSONDecoder().decode(Trace.self, from: Data(first.standardOutput.utf8))
        #expect(trace == Tracer.trace(try LessonLibrary.load("mazur")))
        // Text output is deterministic too.
        #expect(
            BackpropTutor.execute(["trace", "--lesson", "mazur"])
                == BackpropTutor.execute(["trace", "--lesson", "mazur"]))
    }

    @Test("--samples 1 on ng-gradcheck records one sample; m and the cost are unchanged")
    func samplesOption() throws {
        let one = BackpropTutor.execute(["trace", "--lesson", "ng-gradcheck", "--format", "json", "--samples", "1"])
        let all = BackpropTutor.execute(["trace", "--lesson", "ng-gradcheck", "--format", "json"])
        #expect(one.exitCode == 0 && all.exitCode == 0)
        let oneTrace = try JSONDecoder().decode(Trace.self, from: Data(one.standardOutput.utf8))
        let allTrace = try JSONDecoder().decode(Trace.self, from: Data(all.standardOutput.utf8))
        #expect(oneTrace.samples.count == 1)
        #expect(allTrace.samples.count == 5)
        #expect(oneTrace.m == 5)
        #expect(oneTrace.cost == allTrace.cost)
    }

    @Test("check --lesson ng-gradcheck passes and ends with the relative difference")
    func check() throws {
        let output = BackpropTutor.execute(["check", "--lesson", "ng-gradcheck"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        let last = try #require(lines(output.standardOutput).last)
        #expect(last.contains("relative difference"))
        // The number printed is the trace's relative difference, below Ng's 1e-9.
        let trace = Tracer.trace(try LessonLibrary.load("ng-gradcheck"))
        let printed = try #require(last.split(separator: " ").compactMap { Double($0) }.first)
        #expect(printed < 1e-9)
        let check = try #require(trace.gradientCheck)
        expectClose(printed, check.relativeDifference, relative: 1e-4)
        // One table row per parameter (38), plus title, blank, header, rule and verdict lines.
        #expect(lines(output.standardOutput).filter { $0.hasPrefix("Θ") }.count == 38)
    }

    @Test("lessons lists every built-in lesson and marks the default")
    func lessons() {
        let output = BackpropTutor.execute(["lessons"])
        #expect(output.exitCode == 0)
        let rows = lines(output.standardOutput)
        for name in LessonLibrary.builtInNames {
            #expect(
                rows.contains { $0.hasPrefix(name + " ") || $0.hasPrefix(name + "\t") || $0 == name }, "\(name) missing"
            )
        }
        let marked = rows.filter { $0.contains("(default)") }
        #expect(marked.count == 1)
        #expect(marked.first?.hasPrefix(LessonLibrary.defaultLessonName + " (default)") == true)
    }

    @Test("a broken lesson file: exit 1, the file and JSON path on stderr, nothing on stdout")
    func brokenLessonFile() throws {
        let file = try TemporaryFile(
            contents: """
                {"title": "broken", "layers": [2, 2, 1], "activation": "sigmoid",
                 "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8]]],
                 "samples": [{"x": [0, 1], "y": [1]}]}
                """, name: "broken.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["trace", "--lesson", file.path])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        let errorLines = lines(output.standardError)
        #expect(errorLines.count == 1, "\(output.standardError)")
        #expect(output.standardError.hasPrefix("backprop-tutor: \(file.path):2:"))
        #expect(output.standardError.contains("weights[1][0]"))
        #expect(output.standardError.contains("fix: "))
    }

    @Test("malformed JSON in a file: exit 1 with file:line:column")
    func malformedLessonFile() throws {
        let file = try TemporaryFile(
            contents: "{\n  \"title\": \"x\",\n  \"layers\": [2, 1\n}\n", name: "malformed.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["check", "--lesson", file.path])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(
            output.standardError.hasPrefix("backprop-tutor: \(file.path):4:1: not valid JSON"),
            "\(output.standardError)")
    }

    @Test("a nonexistent path: exit 1 and a message naming it")
    func missingFile() {
        let path = "/tmp/backprop-tutor-tests-\(UUID().uuidString)/missing.json"
        let output = BackpropTutor.execute(["trace", "--lesson", path])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(
            output.standardError.hasPrefix("backprop-tutor: \(path): cannot read the lesson file"),
            "\(output.standardError)")
        #expect(lines(output.standardError).count == 1)
    }

    @Test("a directory given as the lesson: exit 1, a message naming it")
    func directoryAsLesson() throws {
        let file = try TemporaryFile(contents: "{}", name: "x.json")
        defer { file.remove() }
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent().path
        let output = BackpropTutor.execute(["check", "--lesson", directory])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix("backprop-tutor: \(directory)"), "\(output.standardError)")
    }

    @Test("an unknown lesson name: exit 1, listing the built-in lessons")
    func unknownLesson() {
        let output = BackpropTutor.execute(["trace", "--lesson", "nosuchlesson"])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("'nosuchlesson'"))
        for name in LessonLibrary.builtInNames {
            #expect(output.standardError.contains(name))
        }
    }

    /// A ReLU unit of layer 3 at exactly z = 0, reached only through layer 2: the check leaves
    /// out weights that move a ReLU input across 0 directly (Θ⁽²⁾ here), but Θ⁽¹⁾'s reach it
    /// one layer later, where backprop's g′(0) = 0 gives 0 and central differences see half the
    /// kink's slope, so the check fails for real.
    static let kinkLesson = """
        {"title": "relu kink", "layers": [1, 1, 1, 1], "activation": ["relu", "relu", "sigmoid"],
         "weights": [[[0, 1]], [[-1, 1]], [[0, 1]]], "samples": [{"x": [1], "y": [1]}]}
        """

    @Test("a failing gradient check prints its table, then exits 1 with one message line")
    func failingCheck() throws {
        let file = try TemporaryFile(contents: Self.kinkLesson, name: "kink.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["check", "--lesson", file.path])
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.hasPrefix("Gradient check for \"relu kink\""))
        let verdict = try #require(lines(output.standardOutput).first { $0.hasPrefix("relative difference") })
        #expect(verdict.hasSuffix("(FAILS)"), "\(verdict)")
        #expect(output.standardOutput.contains("The bar is 1e-7; Ng's ex4 asks for < 1e-9.\n"))
        #expect(lines(output.standardError).count == 1, "\(output.standardError)")
        #expect(output.standardError.hasPrefix("backprop-tutor: gradient check failed: relative difference "))
        #expect(output.standardError.hasSuffix(" exceeds 1e-7\n"), "\(output.standardError)")
        #expect(!output.standardError.contains("e-0"), "exponents print without padding")
    }

    @Test("CLIError formats numbers without String(Double): 1e-7, not 1e-07; NaN as NaN")
    func errorNumbers() {
        let error = CLIError.gradientCheckFailed(relativeDifference: 0.0012345, bar: 1e-7)
        #expect(error.description == "gradient check failed: relative difference 1.2345e-3 exceeds 1e-7")
        #expect(error.exitCode == 1)
        #expect(CLIError.gradientCheckFailed(relativeDifference: .nan, bar: 1e-7).description.contains(" NaN "))
        #expect(CLIError.usage("x", command: nil).exitCode == 64)
        #expect(CLIError.lesson(.unknownLesson(name: "a", available: [])).exitCode == 1)
        #expect(CLIError.streamWrite(stream: "standard output", reason: "broken pipe").exitCode == 1)
    }

    @Test("step N prints step N: its heading comes first, in every N in 1…15")
    func steps() {
        for n in 1...15 {
            let output = BackpropTutor.execute(["step", "\(n)", "--lesson", "mazur"])
            #expect(output.exitCode == 0, "step \(n): \(output.standardError)")
            #expect(output.standardOutput.hasPrefix("Step \(n) · "), "step \(n)")
        }
    }
}
