import BackpropCore
import BackpropTutorCLI
import Foundation
import Testing

/// Issue 9 in-process: control characters from lessons and arguments, misleading messages,
/// diverging training.
@Suite("Hostile lessons")
struct HostileLessonTests {
    /// A lesson whose title, summary and class names carry ESC sequences, BEL, NUL, C1 CSI,
    /// an RLO and CR LF.
    static let escapeLesson = #"""
        {"title": "Evil \u001b[2J\u001b]0;pwned\u0007 \u0000end\r\n=====",
         "summary": "blink \u001b[5m \u009b31m \u202e gnp.exe \r\n---",
         "classes": ["a\u001b[31mX", "b\u001b]0;t\u0007"],
         "layers": [2, 2], "activation": "sigmoid",
         "weights": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]],
         "samples": [{"x": [0, 1], "y": [1, 0]}, {"x": [1, 0], "y": [0, 1]}]}
        """#

    /// Whether `text` has a control character other than the line feeds between lines.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ControlCharacters.isEscaped($0) }
    }

    @Test(
        "lesson strings never reach stdout raw, in any text or Markdown output",
        arguments: [
            ["lesson", "--color", "never"], ["step", "1"], ["step", "2"], ["step", "3"], ["trace"], ["check"],
            ["export", "--format", "markdown"], ["step", "2", "--format", "markdown"],
        ])
    func lessonStrings(_ arguments: [String]) throws {
        let file = try TemporaryFile(contents: Self.escapeLesson, name: "escape.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(arguments + ["--lesson", file.path])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(!Self.hasControlCharacter(output.standardOutput), "\(arguments)")
        if arguments.contains("markdown") {
            // CR LF in the title cannot start a setext underline or a rule.
            #expect(!output.standardOutput.split(separator: "\n").contains { $0.hasPrefix("=====") || $0 == "---" })
        }
    }

    @Test("the lesson command shows the escapes visibly")
    func visibleEscapes() throws {
        let file = try TemporaryFile(contents: Self.escapeLesson, name: "escape.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["lesson", "--lesson", file.path])
        let first = try #require(lines(output.standardOutput).first)
        #expect(first == #"Evil \u{1B}[2J\u{1B}]0;pwned\u{7} \u{0}end\u{D}\u{A}====="#)
        #expect(output.standardOutput.contains(#"\u{9B}31m \u{202E} gnp.exe"#))
    }

    @Test(
        "echoed keys, values and arguments stay on one line without control characters",
        arguments: [
            #"{"\u001b[2Jkey": 1}"#, #"{"title": "t", "notation": "\u001b]0;x\u0007"}"#, "{\"a\": \u{1B}}",
            #"{"title": 1, "title": 2, "k\nk": 3}"#,
        ])
    func echoedInErrors(_ json: String) throws {
        let file = try TemporaryFile(contents: json, name: "bad.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["step", "1", "--lesson", file.path])
        #expect(output.exitCode == 1)
        #expect(lines(output.standardError).count == 1, "\(output.standardError)")
        #expect(!Self.hasControlCharacter(output.standardError), "\(output.standardError)")
    }

    @Test("an argument with a newline or ESC is echoed escaped on one line")
    func echoedArguments() {
        let output = BackpropTutor.execute(["step", "12\ny\u{1B}[2J"])
        #expect(output.exitCode == 64)
        #expect(lines(output.standardError).count == 2, "message and usage: \(output.standardError)")
        #expect(output.standardError.contains(#"'12\u{A}y\u{1B}[2J'"#))
    }

    // MARK: Messages that name what is really wrong

    @Test("text starting with N or I is not called NaN; NaN still is")
    func notNaN() throws {
        for (text, fragment) in [
            ("Name: x", "unexpected character 'N'"), ("Id 3", "unexpected character 'I'"),
            (#"{"lambda": NaN}"#, "NaN and Infinity"),
        ] {
            let file = try TemporaryFile(contents: text, name: "n.json")
            defer { file.remove() }
            let output = BackpropTutor.execute(["trace", "--lesson", file.path])
            #expect(output.exitCode == 1)
            #expect(output.standardError.contains(fragment), "\(text): \(output.standardError)")
        }
    }

    @Test("whole numbers print without .0 in messages")
    func wholeNumbers() throws {
        let file = try TemporaryFile(
            contents: #"{"title": "t", "layers": [2, 1025], "activation": "sigmoid"}"#, name: "w.json")
        defer { file.remove() }
        let output = BackpropTutor.execute(["trace", "--lesson", file.path])
        #expect(output.standardError.contains("found 1025;"), "\(output.standardError)")
    }

    @Test(
        "--version and --help with extra arguments say what is wrong",
        arguments: [
            (["--version", "extra"], "'--version' takes no arguments", Int32(64)),
            (["help", "step", "extra"], "help takes at most one command name", Int32(64)),
            (["-h", "step"], "", Int32(0)), (["--help", "step"], "", Int32(0)),
        ])
    func helpAndVersion(_ arguments: [String], _ fragment: String, _ status: Int32) {
        let output = BackpropTutor.execute(arguments)
        #expect(output.exitCode == status, "\(output.standardError)")
        #expect(!output.standardError.contains("unknown command"))
        if status == 0 {
            #expect(output.standardOutput.hasPrefix("usage: backprop-tutor step"))
        } else {
            #expect(output.standardError.contains(fragment), "\(output.standardError)")
        }
    }

    // MARK: Diverging training

    static let divergingLesson = """
        {"title": "too fast", "layers": [2, 2, 1], "activation": "linear", "loss": "squared-error",
         "learningRate": 1000, "epochs": 20,
         "weights": [[[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]], [[0.1, 0.2, 0.3]]],
         "samples": [{"x": [1, 2], "y": [1]}]}
        """

    @Test("diverging training: the JSON trace and trace text say at which epoch; exit 0 (documented)")
    func divergingTraining() throws {
        let file = try TemporaryFile(contents: Self.divergingLesson, name: "diverge.json")
        defer { file.remove() }
        let json = BackpropTutor.execute(["trace", "--lesson", file.path, "--format", "json"])
        #expect(json.exitCode == 0)
        #expect(json.standardOutput.contains("\"divergence\": {\n      \"epoch\": 1,\n      \"reason\": \"cost-rose\""))
        let text = BackpropTutor.execute(["trace", "--lesson", file.path])
        #expect(text.exitCode == 0)
        #expect(
            lines(text.standardOutput).last?.hasPrefix(
                "training diverged at epoch 1 of 20: the cost rose above 1000 × its starting value") == true,
            "\(text.standardOutput)")
        // A healthy lesson says nothing of the kind.
        let healthy = BackpropTutor.execute(["trace", "--lesson", "xor"])
        #expect(!healthy.standardOutput.contains("diverged"))
        #expect(
            !BackpropTutor.execute(["trace", "--lesson", "xor", "--format", "json"]).standardOutput.contains(
                "divergence"))
    }
}
