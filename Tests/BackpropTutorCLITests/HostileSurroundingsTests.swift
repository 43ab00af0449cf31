import BackpropCore
import Foundation
import Testing

@testable import BackpropTutorCLI

/// Issue 9 through the real binary: failed writes, special output files, symlinks past the
/// size limit, special lesson files and interrupted exports.
@Suite("Hostile surroundings (the built binary)")
struct HostileSurroundingsTests {
    /// The result of one run of the binary.
    struct Run {
        var status: Int32
        var reason: Process.TerminationReason
        var standardOutput: String
        var standardError: String
    }

    /// Runs the binary in `directory` with `arguments`; stdout is captured unless given.
    static func run(
        _ arguments: [String], in directory: URL? = nil, standardOutput: FileHandle? = nil,
        standardError: FileHandle? = nil
    ) throws -> Run {
        let binary = try #require(BinaryTests.binary, "build the binary first: swift build --product backprop-tutor")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = standardOutput ?? output
        process.standardError = standardError ?? errors
        try process.run()
        // Read both pipes concurrently with the child, so neither can fill up and block it.
        nonisolated(unsafe) var outputData = Data()
        let group = DispatchGroup()
        if standardOutput == nil {
            DispatchQueue.global().async(group: group) {
                outputData = output.fileHandleForReading.readDataToEndOfFile()
            }
        }
        let errorData = standardError == nil ? errors.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, reason: process.terminationReason,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh directory, removed afterwards.
    static func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    static func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    // MARK: Failed writes (every command, stderr too)

    @Test(
        "stdout to /dev/full: every command exits 1 with one line on stderr, never a crash",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
        arguments: [
            ["steps"], ["lessons"], ["help"], ["help", "step"], ["--version"], ["--help"], ["step", "12"],
            ["lesson", "--lesson", "xor"], ["trace"], ["trace", "--format", "json"], ["check"],
            ["export", "--format", "latex"], ["export", "--format", "markdown"], ["export", "--format", "beamer"],
        ])
    func everyCommandToFullDevice(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(arguments, standardOutput: full)
        #expect(result.reason == .exit, "\(arguments): ended by a signal")
        #expect(result.status == 1, "\(arguments)")
        #expect(result.standardError == "backprop-tutor: cannot write to standard output: no space left on device\n")
    }

    @Test(
        "stderr to /dev/full: the exit code still says what happened (64, 1), never a crash",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
        arguments: [(["frobnicate"], Int32(64)), (["trace", "--lesson", "/nonexistent/x.json"], Int32(1))])
    func standardErrorToFullDevice(_ arguments: [String], _ status: Int32) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(arguments, standardError: full)
        #expect(result.reason == .exit)
        #expect(result.status == status)
    }

    // MARK: export -o: only regular files are replaced

    @Test("export -o refuses a FIFO and a symlink, with or without --force, and leaves them as they were")
    func specialOutputFiles() throws {
        try Self.withDirectory { directory in
            let fifo = directory.appendingPathComponent("pipe.tex").path
            #expect(mkfifo(fifo, 0o644) == 0)
            let target = directory.appendingPathComponent("target.tex")
            try Data("keep".utf8).write(to: target)
            let link = directory.appendingPathComponent("link.tex").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.tex")
            let dangling = directory.appendingPathComponent("dangling.tex").path
            try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere.tex")
            for force in [false, true] {
                for (path, fragment) in [
                    (fifo, "not a regular file"), (link, "symbolic link to target.tex"),
                    (dangling, "symbolic link to nowhere.tex"),
                ] {
                    let result = try Self.run(
                        ["export", "--lesson", "mazur", "--format", "latex", "-o", path] + (force ? ["--force"] : []))
                    #expect(result.status == 1, "\(path) force \(force)")
                    #expect(result.standardError.contains(fragment), "\(result.standardError)")
                    #expect(!result.standardError.contains("add --force"), "never advise --force for \(path)")
                    #expect(lines(result.standardError).count == 1)
                }
            }
            var status = stat()
            #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
            #expect(lstat(link, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
            #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
            #expect(try Self.entries(directory) == ["dangling.tex", "link.tex", "pipe.tex", "target.tex"])
        }
    }

    // MARK: The size limit holds through a symlink

    @Test("a symlink to a 64 MiB sparse file is refused at once by the size limit")
    func symlinkToLargeFile() throws {
        try Self.withDirectory { directory in
            let big = directory.appendingPathComponent("big.json")
            #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
            #expect(truncate(big.path, 64 << 20) == 0)
            let link = directory.appendingPathComponent("link.json").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: big.path)
            let start = Date()
            let result = try Self.run(["trace", "--lesson", link])
            #expect(Date().timeIntervalSince(start) < 10, "refused before reading, not after")
            #expect(result.status == 1)
            #expect(result.standardError.contains("more than the limit of 33554432"), "\(result.standardError)")
        }
    }

    // MARK: Special lesson files get the message that names them

    @Test(
        "special lesson files: a device or FIFO is 'not a regular file', a directory 'is a directory'",
        arguments: ["/dev/zero", "/dev/null", "/dev/urandom", "FIFO", "DIRECTORY"])
    func specialLessonFiles(_ name: String) throws {
        try Self.withDirectory { directory in
            var path = name
            if name == "FIFO" {
                path = directory.appendingPathComponent("lesson.json").path
                #expect(mkfifo(path, 0o644) == 0)
            } else if name == "DIRECTORY" {
                path = directory.path
            }
            let result = try Self.run(["trace", "--lesson", path])
            #expect(result.reason == .exit)
            #expect(result.status == 1)
            let expected = name == "DIRECTORY" ? "it is a directory" : "it is not a regular file"
            #expect(result.standardError.contains(expected), "\(result.standardError)")
            #expect(!result.standardError.contains("permission"), "\(result.standardError)")
            #expect(lines(result.standardError).count == 1)
        }
    }

    // MARK: Interrupted exports leave nothing behind

    /// Whether this process ignores `signalNumber` (a job started in the background ignores
    /// SIGINT, and so does the binary it starts, rightly).
    static func isIgnored(_ signalNumber: Int32) -> Bool {
        let previous = signal(signalNumber, SIG_IGN)
        _ = signal(signalNumber, previous)
        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    @Test(
        "SIGINT or SIGTERM while export holds its temporary file: the file is removed, no output appears",
        arguments: [SIGINT, SIGTERM])
    func interruptedExport(_ signalNumber: Int32) throws {
        guard !Self.isIgnored(signalNumber) else { return }
        try Self.withDirectory { directory in
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
            // The hook says when the temporary file is complete and waiting to be renamed.
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("\n") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += chunk
            }
            let note = String(decoding: seen, as: UTF8.self)
            #expect(note.contains("test hook: holding"), "the export never paused: \(note)")
            #expect(
                try Self.entries(directory).contains { $0.hasPrefix(".backprop-tutor-") }, "the temporary file exists")
            #expect(kill(process.processIdentifier, signalNumber) == 0)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "ends of the signal, as it should")
            #expect(process.terminationStatus == signalNumber)
            #expect(try Self.entries(directory) == [], "no temporary file and no partial output")
        }
    }

    @Test("an output name of 250 bytes is written (the temporary name is short)")
    func longOutputName() throws {
        try Self.withDirectory { directory in
            let name = String(repeating: "b", count: 246) + ".tex"
            let result = try Self.run(["export", "--lesson", "mazur", "--format", "latex", "-o", name], in: directory)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try Self.entries(directory) == [name])
        }
    }

    @Test("-o \"\" is a usage error and creates nothing, here or in the parent directory")
    func emptyOutputName() throws {
        try Self.withDirectory { parent in
            let directory = parent.appendingPathComponent("sub")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let result = try Self.run(["export", "--format", "latex", "-o", ""], in: directory)
            #expect(result.status == 64)
            #expect(result.standardError.contains("'-o' needs a file name"), "\(result.standardError)")
            #expect(try Self.entries(parent) == ["sub"])
            #expect(try Self.entries(directory) == [])
        }
    }
}
