import BackpropCore
import BackpropRendering
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Commands {
    /// `export --format latex|markdown|beamer [--lesson …] [--notation …] [--steps SPEC] [-o FILE] [--force]`.
    ///
    /// Prints the document, or writes it to FILE atomically (a temporary file in the same
    /// directory, then renamed) and prints nothing. An existing FILE is replaced only with
    /// `--force`.
    static func export(_ arguments: ParsedArguments) throws(CLIError) -> String {
        try noPositionals(arguments)
        guard let format = arguments.value("format") else {
            throw .usage("export needs --format latex, markdown or beamer", command: "export")
        }
        let steps = try StepSelection.parse(arguments.value("steps") ?? "1-15", command: "export")
        let lesson = try loadLesson(arguments)
        let notation: NotationName
        if let given = arguments.value("notation") {
            guard NotationRegistry.type(named: NotationName(rawValue: given)) != nil else {
                throw .usage(
                    "unknown notation '\(given)'; use \(NotationRegistry.nameList)", command: "export")
            }
            notation = NotationName(rawValue: given)
        } else {
            notation = NotationName(rawValue: lesson.notation)
        }
        let narrative = try ExportDocument.narrative(for: lesson, notation: notation, steps: steps)
        let text: String
        switch format {
        case "latex": text = LaTeXRenderer().document(narrative)
        case "markdown": text = MarkdownRenderer().document(narrative)
        case "beamer": text = BeamerRenderer().document(narrative)
        default:
            throw .usage(
                "'\(format)' is not a valid value for '--format'; use one of: latex, markdown, beamer",
                command: "export")
        }
        guard let path = arguments.value("o") else { return text }
        try OutputFile.write(text, to: path, replacing: arguments.isSet("force"))
        return ""
    }
}

/// Writes a command's output file all at once: never a partial file, never a silent overwrite.
enum OutputFile {
    /// Writes `text` to `path` through a temporary file in the same directory.
    ///
    /// Without `replacing`, an existing file is left untouched and the write fails; the
    /// no-replace check and the move are one step (`link`), so a file created meanwhile is
    /// not overwritten either.
    static func write(_ text: String, to path: String, replacing: Bool) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .output(path: path, reason: "the directory \(directory) does not exist; create it first")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .output(path: path, reason: "it is a directory; give a file name")
        }
        if !replacing, FileManager.default.fileExists(atPath: path) {
            throw .output(path: path, reason: "the file exists; add --force to replace it")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.isWritableFile(atPath: directory),
            FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8))
        else {
            throw .output(
                path: path,
                reason:
                    "cannot create a file in \(directory): permission denied or no space; choose a writable directory")
        }
        defer { _ = unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw .output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
            }
        } else if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST {
                throw .output(path: path, reason: "the file exists; add --force to replace it")
            }
            // A file system without hard links: fall back to check-then-rename.
            guard !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0 else {
                throw .output(path: path, reason: "cannot create it: \(String(cString: strerror(code)))")
            }
        }
    }
}
