import BackpropCore
import BackpropRendering
import Foundation
import Testing

@testable import BackpropTutorCLI

/// A sink that fails every write, as a full disk or a closed pipe does.
final class FailingSink: TextSink {
    private(set) var attempts = 0

    func write(_ text: String) throws(CLIError) {
        attempts += 1
        throw .streamWrite(stream: "standard output", reason: "no space left on device")
    }
}

@Suite("CommandIO: commands stream, and a failed write ends with a message and exit 1")
struct CommandIOTests {
    @Test("lesson streams: one write for the title and preface, then one per step, joining to the whole")
    func lessonStreams() throws {
        let (io, output, error) = CommandIO.capturing()
        let code = BackpropTutor.run(["lesson", "--lesson", "xor"], io: io)
        #expect(code == 0)
        #expect(error.text.isEmpty)
        #expect(output.writes.count == 1 + Step.allCases.count)
        for (step, chunk) in zip(Step.allCases, output.writes.dropFirst()) {
            #expect(chunk.hasPrefix("\nStep \(step.number) · "), "step \(step.number) arrives in its own write")
        }
        // The pieces are exactly the renderer's whole document.
        let lesson = try LessonLibrary.load("xor")
        let narrator = Narrator(trace: Tracer.trace(lesson), notation: .ng)
        #expect(output.text == TextRenderer().render(narrator.narrative()))
    }

    @Test("steps streams one line per write")
    func stepsStreams() {
        let (io, output, _) = CommandIO.capturing()
        #expect(BackpropTutor.run(["steps"], io: io) == 0)
        #expect(output.writes.count == 15)
        #expect(output.writes.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().allSatisfy { $0 != "\n" } })
    }

    @Test("a failing stdout stops the command at its first write: exit 1, one line on stderr")
    func failingStandardOutput() {
        let sink = FailingSink()
        let error = CapturedText()
        let io = CommandIO(standardOutput: sink, standardError: error, terminal: .pipe)
        #expect(BackpropTutor.run(["lesson", "--lesson", "mazur"], io: io) == 1)
        #expect(sink.attempts == 1, "no more work after the first failed write")
        #expect(error.text == "backprop-tutor: cannot write to standard output: no space left on device\n")
    }

    @Test("a failing stderr as well: still exit 1, no crash")
    func failingBothStreams() {
        let io = CommandIO(standardOutput: FailingSink(), standardError: FailingSink(), terminal: .pipe)
        #expect(BackpropTutor.run(["steps"], io: io) == 1)
        #expect(BackpropTutor.run(["frobnicate"], io: io) == 64)
    }

    @Test("the terminal facts reach the command: --color auto follows isTerminal")
    func terminalFacts() {
        let terminal = TerminalEnvironment(isTerminal: true, isColorDisabled: false, width: 120)
        let (io, output, _) = CommandIO.capturing(terminal: terminal)
        #expect(BackpropTutor.run(["step", "1"], io: io) == 0)
        #expect(output.text.contains("\u{1B}["))
    }

    @Test("FileDescriptorSink writes all of a large text through a pipe, and reports a closed one")
    func fileDescriptorSink() throws {
        let pipe = Pipe()
        let sink = FileDescriptorSink(descriptor: pipe.fileHandleForWriting.fileDescriptor, name: "the pipe")
        let text = String(repeating: "0123456789abcdef", count: 1024)  // 16 KiB: fits a pipe buffer
        try sink.write(text)
        try pipe.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        #expect(String(decoding: data, as: UTF8.self) == text)
    }
}

/// The real binary: a failed write to stdout exits 1 with one line on stderr, never a crash.
@Suite("The built binary")
struct BinaryTests {
    /// `backprop-tutor` beside the test bundle (`.build/<config>/`), else in `.build/debug`.
    static var binary: URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BACKPROP_TUTOR_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("backprop-tutor"))
        }
        if let executable = Bundle.main.executableURL {
            var directory = executable.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("backprop-tutor"))
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug/backprop-tutor"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the binary with `arguments`, stdout set up by `standardOutput`; returns the exit
    /// status, how it ended, and stderr.
    static func run(_ arguments: [String], standardOutput: Any) throws -> (
        status: Int32, reason: Process.TerminationReason, standardError: String
    ) {
        let binary = try #require(Self.binary, "build the binary first: swift build --product backprop-tutor")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = standardOutput
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "step 12 > /dev/full: exit 1 and one line naming the problem",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDevice() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(["step", "12"], standardOutput: full)
        #expect(result.reason == .exit, "ended by a signal, not an exit")
        #expect(result.status == 1)
        #expect(result.standardError == "backprop-tutor: cannot write to standard output: no space left on device\n")
    }

    @Test("stdout to a pipe nobody reads: exit 1 and one line (EPIPE, not SIGPIPE)")
    func closedPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])  // no reader left: the child's writes fail with EPIPE
        let writeEnd = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let result = try Self.run(["lesson", "--lesson", "mazur"], standardOutput: writeEnd)
        #expect(result.reason == .exit, "ended by a signal, not an exit")
        #expect(result.status == 1)
        #expect(result.standardError == "backprop-tutor: cannot write to standard output: broken pipe\n")
    }
}
