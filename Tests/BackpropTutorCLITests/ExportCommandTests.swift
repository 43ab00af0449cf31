import BackpropRendering
import BackpropTestSupport
import Foundation
import Testing

@testable import BackpropTutorCLI

@Suite("export command")
struct ExportCommandTests {
    /// A fresh directory, removed after `body`.
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("without -o the document goes to standard output", arguments: ["latex", "markdown", "beamer"])
    func standardOutput(format: String) {
        let output = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", format])
        #expect(output.exitCode == 0)
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.contains("Mazur"))
        switch format {
        case "latex":
            #expect(
                output.standardOutput.contains("\\documentclass[10pt]{article}")
                    && output.standardOutput.hasSuffix("\\end{document}\n"))
        case "beamer": #expect(output.standardOutput.contains("\\documentclass[11pt,aspectratio=169]{beamer}"))
        default: #expect(output.standardOutput.hasPrefix("# Mazur") && output.standardOutput.contains("```mermaid"))
        }
    }

    @Test("-o writes the whole file and prints nothing")
    func writesFile() throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("mazur.tex").path
            let output = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", "latex", "-o", file])
            #expect(output.exitCode == 0, "\(output.standardError)")
            #expect(output.standardOutput.isEmpty)
            let expected = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", "latex"]).standardOutput
            let written = try String(contentsOfFile: file, encoding: .utf8)
            #expect(written == expected)
            let files = try contents(of: directory)
            #expect(files == ["mazur.tex"], "no temporary file is left behind")
        }
    }

    @Test("an existing file is kept without --force and replaced with it")
    func existingFile() throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("out.md").path
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
            let refused = BackpropTutor.execute(["export", "--format", "markdown", "-o", file])
            #expect(refused.exitCode == 1)
            #expect(refused.standardError.contains("the file exists; add --force to replace it"))
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
            let forced = BackpropTutor.execute(["export", "--format", "markdown", "-o", file, "--force"])
            #expect(forced.exitCode == 0, "\(forced.standardError)")
            #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# "))
            #expect(try contents(of: directory) == ["out.md"])
        }
    }

    @Test("a missing directory fails with exit 1 and leaves no file")
    func missingDirectory() throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("absent/out.tex").path
            let output = BackpropTutor.execute(["export", "--format", "latex", "-o", file])
            #expect(output.exitCode == 1)
            #expect(output.standardError.contains("does not exist"))
            let files = try contents(of: directory)
            #expect(files.isEmpty)
        }
    }

    @Test("an unwritable directory fails with exit 1")
    func unwritableDirectory() throws {
        try withDirectory { directory in
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(
                at: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
            // root can write anywhere; the check only means something for other users.
            guard !FileManager.default.isWritableFile(atPath: locked.path) else { return }
            let output = BackpropTutor.execute([
                "export", "--format", "latex", "-o", locked.appendingPathComponent("x.tex").path,
            ])
            #expect(output.exitCode == 1)
            #expect(output.standardError.contains("choose a writable directory"))
        }
    }

    @Test(
        "bad --steps is a usage error naming the valid form",
        arguments: ["0", "16", "12-10", "a", "1,,2", "1-2-3", "", "-3"])
    func badSteps(spec: String) {
        let output = BackpropTutor.execute(["export", "--format", "latex", "--steps", spec])
        #expect(output.exitCode == 64)
        #expect(output.standardError.contains("e.g. 1-15 or 6,10-12"))
        #expect(output.standardOutput.isEmpty)
    }

    @Test(
        "step selections",
        arguments: [("1-15", Array(1...15)), ("6,10-12", [6, 10, 11, 12]), ("12,6,6", [6, 12]), ("7-7", [7])])
    func steps(spec: String, expected: [Int]) throws {
        #expect(try StepSelection.parse(spec, command: "export").map(\.number) == expected)
    }

    @Test("--format is required and checked")
    func format() {
        #expect(BackpropTutor.execute(["export"]).exitCode == 64)
        #expect(BackpropTutor.execute(["export", "--format", "pdf"]).exitCode == 64)
        #expect(BackpropTutor.execute(["export", "--format", "latex", "--notation", "bishop"]).exitCode == 64)
    }

    @Test("every option in export's help parses")
    func helpOptionsParse() throws {
        let command = try #require(CommandTable.spec(named: "export"))
        #expect(command.usage.contains("[-o FILE]"))
        #expect(CommandTable.help.contains("-o FILE"))
        #expect(CommandTable.help.contains("--format latex|markdown|beamer"))
        #expect(CommandTable.help.contains("--format json|text"))
        let parsed = try ArgumentScanner.parse([
            "export", "--format", "beamer", "--lesson", "xor", "--notation", "nielsen", "--steps", "6", "-o", "x.tex",
            "--force", "--aspect", "4:3",
        ])
        #expect(parsed.value(ExportCommand.aspect) == .fourThree)
        #expect(parsed.value(ExportCommand.format) == .beamer)
        #expect(parsed.value(CommonOptions.lesson) == "xor")
        #expect(parsed.value(CommonOptions.notation) == .nielsen)
        #expect(parsed.value(ExportCommand.steps) == "6")
        #expect(parsed.value(ExportCommand.output) == "x.tex")
        #expect(parsed.isSet(ExportCommand.force))
    }

    @Test("--precision sets the decimals of every number in the document", arguments: ["latex", "markdown", "beamer"])
    func precision(format: String) {
        let six = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", format, "--precision", "6"])
        #expect(six.exitCode == 0, "\(six.standardError)")
        let four = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", format])
        // Mazur's out_h1 = 0.593269992…: six decimals in one document, four in the other.
        #expect(six.standardOutput.contains("0.593270"))
        #expect(!six.standardOutput.contains("0.5933"))
        #expect(four.standardOutput.contains("0.5933"))
        #expect(!four.standardOutput.contains("0.593270"))
        #expect(six.standardOutput.contains("shown to 6 decimals"))
    }

    @Test("--sample follows another sample through the per-sample steps and the figure")
    func sample() throws {
        let trace = try LessonFixtures.trace("ng-gradcheck")
        let output = BackpropTutor.execute([
            "export", "--lesson", "ng-gradcheck", "--format", "markdown", "--sample", "3", "--steps", "6",
        ])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("Sample 3 goes through the network"))
        // The figure's input units carry sample 3's inputs, not sample 1's.
        let first = NumberFormat(decimals: 4).string(trace.samples[0].x[0])
        let third = NumberFormat(decimals: 4).string(trace.samples[2].x[0])
        #expect(first != third)
        let figure = output.standardOutput.components(separatedBy: "```")[1]
        #expect(figure.contains("a = " + third))
        #expect(!figure.contains("a = " + first + "\""))
    }

    @Test(
        "bad --precision or --sample is a usage error and writes nothing",
        arguments: [["--precision", "13"], ["--precision", "x"], ["--sample", "0"], ["--sample", "6"]])
    func badNumbers(extra: [String]) throws {
        try withDirectory { directory in
            let file = directory.appendingPathComponent("x.md").path
            let output = BackpropTutor.execute(
                ["export", "--lesson", "ng-gradcheck", "--format", "markdown", "-o", file] + extra)
            #expect(output.exitCode == 64)
            #expect(output.standardError.contains(extra[0]))
            let files = try contents(of: directory)
            #expect(files.isEmpty)
        }
    }

    @Test("characters pdflatex cannot typeset are named once in one warning on stderr", arguments: ["latex", "beamer"])
    func unicodeWarning(format: String) {
        let lesson = LessonFixtures.reviewURL("special-chars").path
        let output = BackpropTutor.execute(["export", "--lesson", lesson, "--format", format])
        #expect(output.exitCode == 0)
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            output.standardError.contains(
                "shown as [U+…] in the document: 🎓 (U+1F393), 🤖 (U+1F916), 🌸 (U+1F338); "))
        #expect(output.standardOutput.contains("\\texttt{[U+1F338]}"))
        let markdown = BackpropTutor.execute(["export", "--lesson", lesson, "--format", "markdown"])
        #expect(markdown.standardError.isEmpty, "Markdown keeps every character")
        #expect(markdown.standardOutput.contains("🌸"))
    }

    @Test("--format cheatsheet writes the notation sheet; step refuses it with a pointer to export")
    func cheatsheet() {
        let output = BackpropTutor.execute(["export", "--lesson", "mazur", "--format", "cheatsheet"])
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("Notation sheet: Mazur"))
        #expect(output.standardOutput.contains("tabularx"))
        let step = BackpropTutor.execute(["step", "6", "--format", "cheatsheet"])
        #expect(step.exitCode == 64)
    }

    @Test("--aspect shapes the slides: 16:9 by default, 4:3 on request; other formats ignore it")
    func aspect() {
        let byDefault = BackpropTutor.execute(["export", "--format", "beamer", "--lesson", "xor", "--steps", "1"])
        #expect(byDefault.exitCode == 0)
        #expect(byDefault.standardOutput.contains("\\documentclass[11pt,aspectratio=169]{beamer}"))
        let fourThree = BackpropTutor.execute([
            "export", "--format", "beamer", "--lesson", "xor", "--steps", "1", "--aspect", "4:3",
        ])
        #expect(fourThree.exitCode == 0)
        #expect(fourThree.standardOutput.contains("aspectratio=43"))
        let article = BackpropTutor.execute(["export", "--format", "latex", "--lesson", "xor", "--aspect", "4:3"])
        #expect(article.exitCode == 0)
        #expect(!article.standardOutput.contains("aspectratio"))
        #expect(BackpropTutor.execute(["export", "--format", "beamer", "--aspect", "3:2"]).exitCode == 64)
    }
}
