import BackpropCore
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Signals, output files and output streams the third reliability review found wanting
/// (issue 25: F8, F10, F12, F13, F14).
@Suite("signals and output")
struct SignalsAndOutputTests {
    /// Starts `export -o out.tex` in `directory`, held by the test hook once its temporary
    /// file is written; returns the process and its stderr pipe.
    static func heldExport(in directory: URL) throws -> (Process, Pipe) {
        let binary = try #require(BinaryTests.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["export", "--lesson", "mazur", "--format", "latex", "-o", "out.tex"]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(
            [OutputFile.holdEnvironmentVariable: "1"], uniquingKeysWith: { $1 })
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("test hook: holding"))
        return (process, errors)
    }

    @Test(
        "F8: SIGQUIT, SIGUSR1/2, SIGALRM, SIGXCPU in the middle of an export: no crash report, no temporary file",
        arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU])
    func signalDuringExport(_ signalNumber: Int32) throws {
        guard !HostileSurroundingsTests.isIgnored(signalNumber) else { return }
        try HostileSurroundingsTests.withDirectory { directory in
            let (process, errors) = try Self.heldExport(in: directory)
            #expect(kill(process.processIdentifier, signalNumber) == 0)
            let rest = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            #expect(process.terminationStatus == signalNumber)
            #expect(!rest.contains("crashed") && !rest.contains("Backtracing"), "\(rest.prefix(300))")
            #expect(try HostileSurroundingsTests.entries(directory) == [], "a temporary or partial file is left")
        }
    }

    @Test("F8: a file-size limit (ulimit -f): exit 1 with one line, no temporary file (SIGXFSZ is ignored)")
    func fileSizeLimit() throws {
        try HostileSurroundingsTests.withDirectory { directory in
            let binary = try #require(BinaryTests.binary)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", "ulimit -f 8; exec \"$0\" export --lesson mazur --format latex -o out.tex", binary.path,
            ]
            process.currentDirectoryURL = directory
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 1)
            #expect(text == "backprop-tutor: out.tex: cannot write the output: cannot write it: file too large\n")
            #expect(try HostileSurroundingsTests.entries(directory) == [])
        }
    }

    @Test("F10: JSON output (step, lesson, trace) escapes C1 controls, DEL, U+2028 and bidi controls")
    func jsonEscapes() throws {
        var lesson = try String(contentsOf: Fixtures.lessonsDirectory.appendingPathComponent("xor.json"), encoding: .utf8)
        let title = "T\\u009b31m\\u202eRLO\\u2066\\u2028\\u0085\\u007f x"
        let range = try #require(lesson.range(of: #""title": "[^"]*""#, options: .regularExpression))
        lesson.replaceSubrange(range, with: "\"title\": \"\(title)\"")
        let file = try TemporaryFile(contents: lesson)
        defer { file.remove() }
        for arguments in [["step", "1", "--format", "json"], ["lesson", "--format", "json"], ["trace", "--format", "json"]] {
            let output = BackpropTutor.execute(arguments + ["--lesson", file.path])
            #expect(output.exitCode == 0, "\(output.standardError)")
            let raw = output.standardOutput.unicodeScalars.filter { $0 != "\n" && ControlCharacters.isEscaped($0) }
            #expect(raw.isEmpty, "\(arguments): \(raw.map { String($0.value, radix: 16) })")
            #expect(output.standardOutput.contains(title), "\(arguments)")
        }
    }

    @Test("F12: --force keeps the permission bits only, never set-user-ID or set-group-ID; as root, the owner too")
    func forceKeepsModeAndOwner() throws {
        try HostileSurroundingsTests.withDirectory { directory in
            let path = directory.appendingPathComponent("owned.tex").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8)))
            let isRoot = geteuid() == 0
            if isRoot { #expect(chown(path, 65534, 65534) == 0) }
            #expect(chmod(path, isRoot ? 0o4640 : 0o2640) == 0 || chmod(path, 0o640) == 0)
            let output = BackpropTutor.execute(["export", "--lesson", "xor", "--format", "markdown", "-o", path, "--force"])
            #expect(output.exitCode == 0, "\(output.standardError)")
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o7777 == 0o640, "mode \(String(status.st_mode & 0o7777, radix: 8))")
            if isRoot { #expect(status.st_uid == 65534 && status.st_gid == 65534) }
        }
    }

    /// A standard error that cannot be written (closed or full).
    final class FailingSink: TextSink {
        func write(_ text: String) throws(CLIError) { throw .streamWrite(stream: "standard error", reason: "bad file descriptor") }
    }

    @Test("F13: a warning that cannot be printed does not cancel the export")
    func unprintableWarning() throws {
        var lesson = try String(contentsOf: Fixtures.lessonsDirectory.appendingPathComponent("xor.json"), encoding: .utf8)
        let range = try #require(lesson.range(of: #""title": "[^"]*""#, options: .regularExpression))
        lesson.replaceSubrange(range, with: "\"title\": \"Ma\u{1F393}zur\"")
        let file = try TemporaryFile(contents: lesson)
        defer { file.remove() }
        let output = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent("w.tex").path
        let captured = CapturedText()
        let io = CommandIO(standardOutput: captured, standardError: FailingSink(), terminal: .pipe)
        let code = BackpropTutor.run(["export", "--lesson", file.path, "--format", "latex", "-o", output], io: io)
        #expect(code == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("[U+1F393]"))
    }

    @Test("F14: TERM empty: demo prints the text of lesson instead of taking over the screen")
    func emptyTerm() throws {
        let binary = try #require(BinaryTests.binary)
        let terminal = try PseudoTerminal(columns: 100, rows: 30)
        try terminal.start(binary, ["demo", "--lesson", "xor"], environment: ["TERM": ""])
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0)
        let text = terminal.text()
        #expect(text.contains("Step 15 · "))
        #expect(!text.contains("\u{1B}[?1049h"), "entered the full screen without a TERM")
    }
}

/// The demo suspended with Ctrl-Z (SIGTSTP) and continued (SIGCONT), as `fg` does (F9).
@Suite("demo: suspend and resume")
struct DemoSuspendTests {
    @Test("F9: SIGTSTP restores the terminal before stopping; SIGCONT takes raw mode and the screen back and redraws")
    func suspendAndResume() throws {
        let (terminal, before) = try DemoTerminalTests.started()
        let offset = terminal.output.count
        #expect(kill(terminal.processIdentifier, SIGTSTP) == 0)
        #expect(terminal.wait(for: DemoTerminalTests.screenRestored, after: offset, timeout: 10), "not restored on Ctrl-Z")
        #expect(sameSettings(terminal.settings(), before), "still raw while stopped")
        let resumed = terminal.output.count
        #expect(kill(terminal.processIdentifier, SIGCONT) == 0)
        #expect(terminal.wait(for: DemoTerminalTests.alternateScreenOn, after: resumed, timeout: 10), "no full screen after fg")
        #expect(terminal.wait(for: " title page ", after: resumed, timeout: 10), "no redraw after fg")
        #expect(!sameSettings(terminal.settings(), before), "cooked mode after fg")
        // Keys work without Enter again: one Space moves on (here: scrolls the tall title page).
        let scrolled = terminal.output.count
        terminal.press(" ", expecting: " title page · rows ")
        #expect(!terminal.text(from: scrolled).contains("rows 1–"), "Space did not scroll the title page")
        terminal.type("q")
        let exit = terminal.waitForExit()
        #expect(exit?.reason == .exit && exit?.status == 0, "\(String(describing: exit))")
        DemoTerminalTests.expectRestored(terminal, before: before)
    }
}

/// Messages and parsing (F15).
@Suite("messages and parsing")
struct MessageCosmeticsTests {
    @Test("F15: a large whole number in a message prints without .0")
    func largeWholeNumber() throws {
        var lesson = try String(contentsOf: Fixtures.lessonsDirectory.appendingPathComponent("xor.json"), encoding: .utf8)
        lesson = lesson.replacingOccurrences(of: "\"epochs\": 2000", with: "\"epochs\": 9007199254740992")
        let file = try TemporaryFile(contents: lesson)
        defer { file.remove() }
        let output = BackpropTutor.execute(["step", "1", "--lesson", file.path])
        #expect(output.exitCode == 1)
        #expect(output.standardError.contains("found 9007199254740992;"), "\(output.standardError)")
    }

    @Test("F15: --learning-rate takes decimal numbers only, not Swift's hex floats")
    func hexLearningRate() {
        expectUsageError(["train", "--lesson", "xor", "--learning-rate", "0x1p3"], mentioning: "at least 0")
        expectUsageError(["train", "--lesson", "xor", "--lambda", "0x10"], mentioning: "at least 0")
    }

    @Test("F15: -o --force (and --save -x) is a usage error, not a file named --force")
    func optionAsFileName() throws {
        try HostileSurroundingsTests.withDirectory { directory in
            let result = try HostileSurroundingsTests.run(
                ["export", "--lesson", "xor", "--format", "markdown", "-o", "--force"], in: directory)
            #expect(result.status == 64, "\(result.standardError)")
            #expect(result.standardError.contains("write ./--force"))
            #expect(try HostileSurroundingsTests.entries(directory) == [])
        }
        expectUsageError(["train", "--lesson", "xor", "--save", "-x"], mentioning: "option-like")
    }

    @Test("F15: a trailing slash after a symbolic link to a lesson file is refused, as for the file itself")
    func trailingSlash() throws {
        try HostileSurroundingsTests.withDirectory { directory in
            let target = directory.appendingPathComponent("xor.json")
            try FileManager.default.copyItem(at: Fixtures.lessonsDirectory.appendingPathComponent("xor.json"), to: target)
            let link = directory.appendingPathComponent("link.json").path
            #expect(symlink(target.path, link) == 0)
            let output = BackpropTutor.execute(["step", "1", "--lesson", link + "/"])
            #expect(output.exitCode == 1)
            #expect(output.standardError.contains("a part of the path is not a directory"), "\(output.standardError)")
        }
    }
}
